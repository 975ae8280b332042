//! References to the UN Sustainable Development Goals: goal `13`, target `13.2`, indicator `13.2.1`.

use crate::error::Problem;

/// A parsed SDG goal, target or indicator code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgCode {
    goal: u8,
    code: String,
}

const EXPECTED: &str = "an SDG goal, target or indicator such as 13, 13.2 or 13.2.1";

impl SdgCode {
    /// # Errors
    /// `InvalidFormat` unless the text is a goal number 1–17 followed by up to two parts of
    /// digits or one letter (targets like `17.a` exist).
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let bad = || Problem::InvalidFormat { expected: EXPECTED };
        let trimmed = text.trim();
        let mut parts = trimmed.split('.');
        let goal: u8 = parts.next().and_then(|g| g.parse().ok()).ok_or_else(bad)?;
        if !(1..=17).contains(&goal) {
            return Err(bad());
        }
        let rest: Vec<&str> = parts.collect();
        let part_ok = |p: &&str| {
            !p.is_empty()
                && p.len() <= 2
                && (p.chars().all(|c| c.is_ascii_digit()) || (p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase())))
        };
        if rest.len() > 2 || !rest.iter().all(part_ok) {
            return Err(bad());
        }
        Ok(Self { goal, code: trimmed.to_owned() })
    }

    /// The goal number, 1 to 17.
    #[must_use]
    pub const fn goal(&self) -> u8 {
        self.goal
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.code
    }
}

/// Parses a comma- or space-separated list of SDG codes, without duplicates, in order.
///
/// # Errors
/// The problem of the first code that does not parse.
pub fn parse_list(text: &str) -> Result<Vec<SdgCode>, Problem> {
    let mut codes: Vec<SdgCode> = Vec::new();
    for part in text.split([',', ' ', ';']).filter(|p| !p.trim().is_empty()) {
        let code = SdgCode::parse(part)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_targets_and_indicators_parse() {
        assert_eq!(SdgCode::parse("13").map(|c| c.goal()), Ok(13));
        assert!(SdgCode::parse("17.a").is_ok());
        assert!(SdgCode::parse("11.5.3").is_ok());
        assert!(SdgCode::parse("18").is_err());
        assert!(SdgCode::parse("13..2").is_err());
        assert!(SdgCode::parse("x").is_err());
    }

    #[test]
    fn lists_drop_duplicates() {
        let list = parse_list("13, 13.2 13").unwrap_or_default();
        assert_eq!(list.len(), 2);
    }
}
