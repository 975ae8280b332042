//! Countries and regions as the registers name them (ISO 3166-1 and ISO 3166-2), for the
//! dropdowns of forms and filters: nobody types a country code by hand.

use std::fmt;

use samverk_domain::text::fold;
use samverk_store::Store;
use samverk_store::organisation::Region;
use samverk_store::registry::CountryName;

use crate::AppError;
use crate::i18n::{I18n, Lang};
use crate::pages::form::Choice;

/// The countries whose regions the registers can place organisations in.
const REGION_COUNTRIES: [&str; 2] = ["NO", "SE"];

/// A region filter's value: `NO-38` (ISO 3166-2:NO, the fylkesnummer), `SE-14` (the SCB
/// länskod, which ISO 3166-2:SE gives beside its letter code), or a NUTS code at any level
/// (`SE23`, `NO093`; Norway's statistical regions are in the NUTS register).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionCode {
    Iso { country: &'static str, number: String },
    Nuts(String),
}

impl RegionCode {
    /// Reads `NO-nn`, `SE-nn` or a NUTS code; anything else is no region.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_ascii_uppercase();
        if let Some((country, number)) = text.split_once('-') {
            let country = REGION_COUNTRIES.into_iter().find(|c| *c == country)?;
            return (number.len() == 2 && number.chars().all(|c| c.is_ascii_digit()))
                .then(|| Self::Iso { country, number: number.to_owned() });
        }
        // Two letters of the country, then one to three letters or digits, one per level.
        let nuts = text.len() >= 3
            && text.len() <= 5
            && text.chars().take(2).all(|c| c.is_ascii_uppercase())
            && text.chars().skip(2).all(|c| c.is_ascii_alphanumeric());
        nuts.then_some(Self::Nuts(text))
    }

    /// The store's filter for the organisations in the region.
    #[must_use]
    pub fn region(&self) -> Region {
        match self {
            Self::Iso { country: "NO", number } => Region::Fylke(number.clone()),
            Self::Iso { number, .. } => Region::Lan(number.clone()),
            Self::Nuts(code) => Region::Nuts(code.clone()),
        }
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Iso { country, number } => write!(f, "{country}-{number}"),
            Self::Nuts(code) => f.write_str(code),
        }
    }
}

/// A country's code and its name in the page's language.
pub fn named_in(i: &I18n, c: CountryName) -> (String, String) {
    let name = match i.language() {
        Lang::Nb => c.name_nb,
        Lang::Sv => c.name_sv,
        Lang::En => c.name_en,
    };
    (c.code, name)
}

/// Every country of the register, named in the page's language and in that order, with a
/// first option `blank` (and `EU` for Europe-wide bodies after it).
///
/// # Errors
/// The database error.
pub async fn country_choices(i: &I18n, store: &Store, selected: &str, blank: String) -> Result<Vec<Choice>, AppError> {
    let typed = selected.trim();
    let selected = typed.to_ascii_uppercase();
    let mut named: Vec<(String, String)> = store.countries().await?.into_iter().map(|c| named_in(i, c)).collect();
    named.sort_by_cached_key(|(_, name)| fold(name));
    let mut choices = vec![Choice::blank(blank, selected.is_empty()), Choice::new("EU", i.t("search-country-eu"), selected == "EU")];
    // A stored code the register does not hold stays selectable, so saving does not change it.
    if !selected.is_empty() && selected != "EU" && !named.iter().any(|(code, _)| *code == selected) {
        choices.push(Choice::new(typed, typed, true));
    }
    choices.extend(named.into_iter().map(|(code, name)| {
        let chosen = code == selected;
        Choice::new(code, name, chosen)
    }));
    Ok(choices)
}

/// The regions of the register (Norwegian fylker, Swedish län), by name within each country,
/// with a first option `blank`.
///
/// # Errors
/// The database error.
pub async fn region_choices(i: &I18n, store: &Store, selected: Option<&RegionCode>, blank: String) -> Result<Vec<Choice>, AppError> {
    let selected = selected.map(ToString::to_string).unwrap_or_default();
    let mut regions: Vec<(String, String)> = store
        .subdivisions(&REGION_COUNTRIES)
        .await?
        .into_iter()
        .filter_map(|s| {
            // ISO 3166-2:SE gives the län's SCB code in its English name: "Uppsala län [SE-03]".
            let code = s.name.split_once(" [").map_or(s.code.as_str(), |(_, rest)| rest.trim_end_matches(']'));
            let code = RegionCode::parse(code)?;
            let name = match i.language() {
                Lang::Sv => s.name_sv,
                Lang::Nb => s.name_nb,
                Lang::En => None,
            }
            .unwrap_or(s.name);
            let name = name.split_once(" [").map_or(name.as_str(), |(name, _)| name).to_owned();
            Some((code.to_string(), format!("{name} ({code})")))
        })
        .collect();
    regions.sort_by_cached_key(|(code, name)| (code[..2].to_owned(), fold(name)));
    // Then the NUTS regions of the same countries, by code so each sits under its parent.
    let nuts = store.nuts_regions(&REGION_COUNTRIES).await?.into_iter().map(|n| {
        let label = i.ta("region-nuts", &[("code", n.code.clone().into()), ("name", n.label.into())]);
        (n.code, label)
    });
    let mut choices = vec![Choice::blank(blank, selected.is_empty())];
    choices.extend(regions.into_iter().chain(nuts).map(|(code, label)| {
        let chosen = code == selected;
        Choice::new(code, label, chosen)
    }));
    // A NUTS code typed in the address for another country stays chosen.
    if !selected.is_empty() && !choices.iter().any(|c| c.selected) {
        choices.push(Choice::new(selected.clone(), selected, true));
    }
    Ok(choices)
}

#[cfg(test)]
mod tests {
    use super::RegionCode;

    #[test]
    fn a_region_code_is_a_nordic_region_or_a_nuts_code() {
        assert_eq!(RegionCode::parse(" no-38 ").map(|r| r.to_string()).as_deref(), Some("NO-38"));
        assert_eq!(RegionCode::parse("SE-14").map(|r| r.region()), Some(samverk_store::organisation::Region::Lan("14".into())));
        assert_eq!(RegionCode::parse("se23").map(|r| r.region()), Some(samverk_store::organisation::Region::Nuts("SE23".into())));
        assert_eq!(RegionCode::parse("NO0A1").map(|r| r.to_string()).as_deref(), Some("NO0A1"));
        for bad in ["", "NO", "NO-3", "DK-81", "SE-O", "NO-3a", "S1", "SE23456", "12345", "SE 23"] {
            assert_eq!(RegionCode::parse(bad), None, "{bad}");
        }
    }
}
