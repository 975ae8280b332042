//! Search latency on the data set: 5,000 news articles, 2,000 engagements and 20,000
//! organisations (plus goals and decisions), indexed in memory. Prints p50 and p99 per query
//! shape and over all queries. Run: `cargo bench -p samverk-search --bench search`.
//!
//! The records are generated from word lists in Norwegian and Swedish so stemming, folding and
//! prefix expansion work on realistic vocabularies.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark: a failed set-up stops it")]

use std::time::{Duration, Instant};

use samverk_search::{SearchIndex, SearchQuery};
use samverk_store::search_source::SearchRow;

const PLACES: &[&str] = &[
    "Telemark",
    "Vestfold",
    "Lidköping",
    "Västernorrland",
    "Tønsberg",
    "Skien",
    "Porsgrunn",
    "Sundsvall",
    "Härnösand",
    "Notodden",
    "Bø",
    "Kragerø",
    "Örnsköldsvik",
    "Kramfors",
    "Agder",
    "Hubei",
    "Minneapolis",
    "Schleswig-Holstein",
    "Bryssel",
    "Østlandet",
];
const NOUNS: &[&str] = &[
    "søknad",
    "søknader",
    "nettverk",
    "partnerskap",
    "samarbeid",
    "vänort",
    "kompetanse",
    "klima",
    "miljø",
    "folkehelse",
    "samferdsel",
    "verdiskapning",
    "ungdom",
    "utbyte",
    "konferanse",
    "møteplass",
    "prosjekt",
    "Interreg",
    "Erasmus",
    "strategi",
    "innspill",
    "høring",
    "remiss",
    "yttrande",
    "näringsliv",
    "forskning",
    "innovasjon",
    "omstilling",
    "bærekraft",
    "demokrati",
];
const KINDS: &[&str] = &["membership", "partnership", "network", "thematic_network", "eu_project", "twin_town", "bilateral_agreement"];

fn text(seed: usize, words: usize) -> String {
    (0..words)
        .map(|k| {
            let n = seed.wrapping_mul(31).wrapping_add(k * 17);
            if k.is_multiple_of(5) { PLACES[n % PLACES.len()] } else { NOUNS[n % NOUNS.len()] }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn row(id: usize, title: String, body: String, kind: Option<&str>, country: &str, year: i32, sdgs: Vec<i64>) -> SearchRow {
    SearchRow {
        id: i64::try_from(id).unwrap(),
        owner_id: Some(1),
        title,
        body,
        kind: kind.map(str::to_owned),
        status: Some(if id.is_multiple_of(3) { "ended" } else { "active" }.to_owned()),
        country: Some(country.to_owned()),
        day: time::Date::from_calendar_date(year, time::Month::March, 1).ok(),
        visible_at: None,
        draft: false,
        // Nine in ten published: the public search filters as a real portfolio would.
        public: !id.is_multiple_of(10),
        open_from: None,
        open_until: None,
        parent_id: None,
        sdgs,
    }
}

fn data() -> Vec<(&'static str, SearchRow)> {
    let mut rows = Vec::new();
    for id in 1..=20_000_usize {
        let country = if id.is_multiple_of(2) { "NO" } else { "SE" };
        rows.push((
            "organisation",
            row(
                id,
                format!("{} {} {id}", PLACES[id % PLACES.len()], NOUNS[id % NOUNS.len()]),
                text(id, 6),
                Some("municipality"),
                country,
                2000 + i32::try_from(id % 25).unwrap(),
                vec![],
            ),
        ));
    }
    for id in 1..=2_000 {
        let sdgs = vec![i64::try_from(id % 17 + 1).unwrap()];
        rows.push((
            "engagement",
            row(id, text(id, 5), text(id + 7, 60), Some(KINDS[id % KINDS.len()]), "NO", 2015 + i32::try_from(id % 10).unwrap(), sdgs),
        ));
    }
    for id in 1..=5_000 {
        let sdgs = vec![i64::try_from(id % 17 + 1).unwrap()];
        rows.push(("news", row(id, text(id * 3, 7), text(id * 5, 250), None, "NO", 2018 + i32::try_from(id % 8).unwrap(), sdgs)));
    }
    for id in 1..=500 {
        rows.push(("goal", row(id, text(id * 11, 8), text(id * 13, 30), None, "NO", 2023, vec![i64::try_from(id % 17 + 1).unwrap()])));
        rows.push(("decision", row(id, text(id * 19, 6), text(id * 23, 10), None, "SE", 2020, vec![])));
    }
    rows
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() {
    let rows = data();
    let index = SearchIndex::in_memory().expect("index");
    let started = Instant::now();
    let n = index.replace_all(rows.iter().map(|(e, r)| (*e, r)), 0).expect("indexing");
    println!("indexed {n} records in {:.1} s ({} segment(s))", started.elapsed().as_secs_f64(), index.segments());
    let shapes: Vec<(&str, SearchQuery)> = vec![
        ("one word", SearchQuery { q: "partnerskap".into(), ..SearchQuery::default() }),
        ("stemmed", SearchQuery { q: "søknader".into(), ..SearchQuery::default() }),
        ("prefix (as you type)", SearchQuery { q: "sø".into(), ..SearchQuery::default() }),
        ("folded place", SearchQuery { q: "lidkoping".into(), ..SearchQuery::default() }),
        ("two words", SearchQuery { q: "klima nettverk".into(), ..SearchQuery::default() }),
        (
            "words + facets",
            SearchQuery { q: "samarbeid".into(), entity: Some("news".into()), sdg: Some(7), year: Some(2020), ..SearchQuery::default() },
        ),
        ("facets only", SearchQuery { entity: Some("engagement".into()), kind: Some("network".into()), ..SearchQuery::default() }),
        // The public's search: the same shapes, restricted to what is published.
        ("public, one word", SearchQuery { q: "partnerskap".into(), public: true, ..SearchQuery::default() }),
        ("public, prefix", SearchQuery { q: "sø".into(), public: true, ..SearchQuery::default() }),
        (
            "public, words + facets",
            SearchQuery { q: "samarbeid".into(), entity: Some("news".into()), sdg: Some(7), public: true, ..SearchQuery::default() },
        ),
    ];
    let mut all = Vec::new();
    println!("{:<22} {:>9} {:>9} {:>8}", "query", "p50", "p99", "matches");
    for (name, mut q) in shapes {
        q.limit = 20;
        let mut times = Vec::with_capacity(300);
        let mut total = 0;
        for _ in 0..300 {
            let t = Instant::now();
            let r = index.search(&q, i64::MAX - 1).expect("search");
            times.push(t.elapsed());
            total = r.total;
        }
        times.sort();
        println!("{name:<22} {:>7.2}ms {:>7.2}ms {total:>8}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.99)));
        all.extend(times);
    }
    all.sort();
    println!("{:<22} {:>7.2}ms {:>7.2}ms", "all queries", ms(percentile(&all, 0.5)), ms(percentile(&all, 0.99)));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
