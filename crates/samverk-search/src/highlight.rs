//! Highlighted snippets: the stretch of a text around the first word the query matched, with
//! every matching word in `<mark>`, HTML-escaped. A word matches as the search does: it starts
//! with a query word (prefix search), or has the same Norwegian or Swedish stem.

use std::collections::HashMap;

use samverk_domain::text::fold;
use tantivy::tokenizer::TextAnalyzer;

use crate::schema::{analyzer, tokens};

/// One query word in the forms a text word is compared with.
#[derive(Debug, Clone)]
pub struct Word {
    pub folded: String,
    pub nb: String,
    pub sv: String,
}

/// The analyzers a matcher needs, made once per search, and what it decided per word so far.
pub struct Matcher {
    words: Vec<Word>,
    nb: TextAnalyzer,
    sv: TextAnalyzer,
    /// Texts repeat their words: each distinct word is folded and stemmed once per search.
    seen: HashMap<String, bool>,
}

impl Matcher {
    #[must_use]
    pub fn new(words: Vec<Word>) -> Self {
        Self { words, nb: analyzer("nb"), sv: analyzer("sv"), seen: HashMap::new() }
    }

    fn matches(&mut self, token: &str) -> bool {
        if self.words.is_empty() {
            return false;
        }
        if let Some(known) = self.seen.get(token) {
            return *known;
        }
        let f = fold(token);
        let found = self.words.iter().any(|w| f.starts_with(&w.folded)) || {
            let nb = tokens(&mut self.nb, &f).pop().unwrap_or_default();
            let sv = tokens(&mut self.sv, &f).pop().unwrap_or_default();
            self.words.iter().any(|w| w.nb == nb || w.sv == sv)
        };
        self.seen.insert(token.to_owned(), found);
        found
    }

    /// The whole text, escaped, with matches marked.
    pub fn mark_all(&mut self, text: &str) -> String {
        let pieces = split(text);
        let marks: Vec<bool> = pieces.iter().map(|(word, p)| *word && self.matches(p)).collect();
        render(&pieces, &marks, 0, pieces.len())
    }

    /// About `words` words around the first match (or the start), escaped, matches marked.
    /// Only the words up to the first match and those of the snippet are looked at.
    pub fn snippet(&mut self, text: &str, words: usize) -> String {
        let pieces = split(text);
        let word_at: Vec<usize> = pieces.iter().enumerate().filter(|(_, (w, _))| *w).map(|(i, _)| i).collect();
        let first = word_at.iter().position(|i| self.matches(pieces[*i].1)).unwrap_or(0);
        let start_word = first.saturating_sub(words / 4);
        let end_word = (start_word + words).min(word_at.len());
        let start = if start_word == 0 { 0 } else { word_at[start_word] };
        let end = if end_word >= word_at.len() { pieces.len() } else { word_at[end_word] };
        let shown = &pieces[start..end];
        let marks: Vec<bool> = shown.iter().map(|(word, p)| *word && self.matches(p)).collect();
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.push_str(render(shown, &marks, 0, shown.len()).trim());
        if end < pieces.len() {
            out.push('…');
        }
        out
    }
}

/// The text as alternating runs of word characters (`true`) and the rest.
fn split(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric();
        match in_word {
            Some(prev) if prev != w => {
                out.push((prev, &text[start..i]));
                start = i;
            }
            _ => {}
        }
        in_word = Some(w);
    }
    if let Some(w) = in_word {
        out.push((w, &text[start..]));
    }
    out
}

fn render(pieces: &[(bool, &str)], marks: &[bool], start: usize, end: usize) -> String {
    let mut out = String::new();
    for i in start..end {
        if marks[i] {
            out.push_str("<mark>");
            escape_into(&mut out, pieces[i].1);
            out.push_str("</mark>");
        } else {
            escape_into(&mut out, pieces[i].1);
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query_words;

    #[test]
    fn prefix_and_stem_matches_are_marked_and_text_is_escaped() {
        let mut m = Matcher::new(query_words("søk"));
        assert_eq!(m.mark_all("Søknader <om> støtte"), "<mark>Søknader</mark> &lt;om&gt; støtte");
        let mut m = Matcher::new(query_words("Lidkoping"));
        assert_eq!(m.mark_all("Vänort till Lidköping."), "Vänort till <mark>Lidköping</mark>.");
    }

    #[test]
    fn a_snippet_starts_near_the_first_match() {
        let text = (1..=100).map(|n| format!("ord{n}")).collect::<Vec<_>>().join(" ") + " Østlandssamarbeidet slutt";
        let mut m = Matcher::new(query_words("ostlandssamarbeidet"));
        let s = m.snippet(&text, 20);
        assert!(s.starts_with('…') && s.contains("<mark>Østlandssamarbeidet</mark> slutt"), "{s}");
    }
}
