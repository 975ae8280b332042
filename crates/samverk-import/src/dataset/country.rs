//! Country names as data sets write them ("United States", "Moldavia", "Brandenburg, Germany",
//! "se") turned into ISO 3166-1 alpha-2 codes, from the shipped ISO list and a few aliases.

use std::collections::HashMap;
use std::sync::LazyLock;

use samverk_domain::text::fold;
use serde::Deserialize;

const COUNTRIES: &str = include_str!("../../data/registry/iso_3166_1_countries.csv");

/// Names in use that the ISO list spells otherwise; Kosovo has the user-assigned code XK.
const ALIASES: &[(&str, &str)] = &[
    ("united states", "US"),
    ("usa", "US"),
    ("united kingdom", "GB"),
    ("england", "GB"),
    ("scotland", "GB"),
    ("wales", "GB"),
    ("northern ireland", "GB"),
    ("russia", "RU"),
    ("south korea", "KR"),
    ("north korea", "KP"),
    ("czech republic", "CZ"),
    ("czechia", "CZ"),
    ("taiwan", "TW"),
    ("iran", "IR"),
    ("vietnam", "VN"),
    ("syria", "SY"),
    ("bolivia", "BO"),
    ("venezuela", "VE"),
    ("tanzania", "TZ"),
    ("moldova", "MD"),
    ("moldavia", "MD"),
    ("laos", "LA"),
    ("kosovo", "XK"),
    ("xk", "XK"),
    ("palestine", "PS"),
    ("west bank", "PS"),
    ("macedonia", "MK"),
    ("north macedonia", "MK"),
    ("ivory coast", "CI"),
    ("cape verde", "CV"),
    ("east timor", "TL"),
    ("brunei", "BN"),
    ("micronesia", "FM"),
    ("federated states of micronesia", "FM"),
    ("bosnia and hercegovina", "BA"),
    ("bosnia and herzegovina", "BA"),
    ("republic of the congo", "CG"),
    ("democratic republic of the congo", "CD"),
    ("the netherlands", "NL"),
    ("holland", "NL"),
    ("turkey", "TR"),
    ("vatican city", "VA"),
    ("swaziland", "SZ"),
    ("surinam", "SR"),
    ("madagaskar", "MG"),
    ("grece", "GR"),
    ("kazakhstah", "KZ"),
    ("island", "IS"),
    ("the gambia", "GM"),
    ("gambia", "GM"),
    ("the bahamas", "BS"),
    ("bahamas", "BS"),
];

#[derive(Deserialize)]
struct Row {
    alpha_2: String,
    name_en: String,
    official_name_en: String,
    common_name_en: String,
    name_nb: String,
    name_sv: String,
}

static BY_NAME: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    let mut reader = csv::Reader::from_reader(COUNTRIES.as_bytes());
    for row in reader.deserialize::<Row>().flatten() {
        for name in [&row.name_en, &row.official_name_en, &row.common_name_en, &row.name_nb, &row.name_sv, &row.alpha_2] {
            if !name.is_empty() {
                map.entry(fold(name)).or_insert_with(|| row.alpha_2.clone());
            }
        }
    }
    for (name, code) in ALIASES {
        map.insert((*name).to_owned(), (*code).to_owned());
    }
    map
});

/// The alpha-2 code of a country name, if it is one.
#[must_use]
pub fn code(name: &str) -> Option<String> {
    let folded = fold(name.trim());
    // "Brandenburg, Germany", "Martinique, France": the country is the last part.
    let last = folded.rsplit(',').next().unwrap_or_default().trim().to_owned();
    BY_NAME.get(&folded).or_else(|| BY_NAME.get(&last)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikipedia_country_names_become_codes() {
        assert_eq!(code("Norway").as_deref(), Some("NO"));
        assert_eq!(code("United States").as_deref(), Some("US"));
        assert_eq!(code("Brandenburg, Germany").as_deref(), Some("DE"));
        assert_eq!(code("se").as_deref(), Some("SE"));
        assert_eq!(code("Kosovo").as_deref(), Some("XK"));
        assert_eq!(code("xk").as_deref(), Some("XK"), "the Covenant writes Kosovo so");
        assert_eq!(code("in Italy"), None);
        assert_eq!(code(""), None);
    }
}
