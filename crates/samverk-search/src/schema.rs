//! The index's fields and its three analyzers.
//!
//! Text is folded in Rust first (`samverk_domain::text::fold`: case, accents, ø/æ), so
//! "Lidköping" and "Lidkoping", "Østlandssamarbeidet" and "ostlandssamarbeidet" are one word
//! before tantivy sees them. Then each text goes into three fields: `nb` and `sv` stemmed with
//! the Norwegian and Swedish Snowball stemmers (søknader → soknad), and `plain` unstemmed for
//! prefix search as you type (søk → søknad).

use tantivy::Index;
use tantivy::schema::{FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream};

/// Changes whenever the fields or analyzers change: an index of another version is rebuilt.
pub const SCHEMA_VERSION: &str = "samverk-search-2";

/// The fields, by handle.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `entity:id`, for replacing and deleting a record's document.
    pub key: Field,
    pub entity: Field,
    pub id: Field,
    pub owner: Field,
    pub title: Field,
    pub body: Field,
    pub nb: Field,
    pub sv: Field,
    pub plain: Field,
    pub title_nb: Field,
    /// `/entity/news`, `/kind/membership`, `/status/active`, `/country/NO`, `/year/2023`, `/sdg/7`.
    pub facets: Field,
    /// Unix seconds from which the document may be shown to staff.
    pub visible_from: Field,
    /// The public's window: from (`i64::MAX` when never public) and until (unix seconds).
    pub public_from: Field,
    pub public_until: Field,
    /// The plan of a goal or measure.
    pub parent: Field,
}

fn analysed(tokenizer: &str) -> TextOptions {
    TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqs))
}

/// The schema and its field handles.
#[must_use]
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        key: b.add_text_field("key", STRING),
        entity: b.add_text_field("entity", STORED),
        id: b.add_i64_field("id", STORED),
        owner: b.add_i64_field("owner", INDEXED | STORED),
        title: b.add_text_field("title", STORED),
        body: b.add_text_field("body", STORED),
        nb: b.add_text_field("nb", analysed("nb")),
        sv: b.add_text_field("sv", analysed("sv")),
        plain: b.add_text_field("plain", analysed("plain")),
        title_nb: b.add_text_field("title_nb", analysed("nb")),
        facets: b.add_facet_field("facets", FacetOptions::default()),
        visible_from: b.add_i64_field("visible_from", INDEXED | FAST),
        public_from: b.add_i64_field("public_from", INDEXED | FAST),
        public_until: b.add_i64_field("public_until", INDEXED | FAST),
        parent: b.add_i64_field("parent", STORED),
    };
    (b.build(), fields)
}

/// The analyzer named `name` (`nb`, `sv` or `plain`).
#[must_use]
pub fn analyzer(name: &str) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(60)).filter(LowerCaser);
    match name {
        "nb" => base.filter(Stemmer::new(Language::Norwegian)).build(),
        "sv" => base.filter(Stemmer::new(Language::Swedish)).build(),
        _ => base.build(),
    }
}

/// Registers the analyzers on an index (needed after every open).
pub fn register(index: &Index) {
    for name in ["nb", "sv", "plain"] {
        index.tokenizers().register(name, analyzer(name));
    }
}

/// The tokens an analyzer makes of a text.
#[must_use]
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}
