//! Who may do what: the roles an account holds at an authority, and what each request needs.
//!
//! The rule is pure so the web layer, the CLI and the tests share it: a request needs a level
//! ([`Need`]), an account holds roles, and [`allows`] compares them.

crate::code_enum! {
    /// A role at an authority, from the least to the most trusted (the order is the comparison).
    pub enum AccessRole {
        Reader => "reader",
        Representative => "representative",
        Editor => "editor",
        Administrator => "administrator",
    }
}

/// What a request needs from whoever sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Anyone, including the anonymous public.
    Public,
    /// Any signed-in account, whatever its role (its own password, its own tokens).
    SignedIn,
    /// At least this role.
    Role(AccessRole),
}

/// Whether an account holding `role` (`None`: the anonymous public, or an account without any
/// role) may do what needs `need`.
#[must_use]
pub fn allows(signed_in: bool, role: Option<AccessRole>, need: Need) -> bool {
    match need {
        Need::Public => true,
        Need::SignedIn => signed_in,
        Need::Role(wanted) => role.is_some_and(|held| held >= wanted),
    }
}

/// Why a password is refused, as a problem code for the form.
#[must_use]
pub fn password_problem(password: &str, username: &str) -> Option<&'static str> {
    if password.chars().count() < 12 {
        Some("password_too_short")
    } else if password.chars().count() > 512 {
        Some("password_too_long")
    } else if !username.is_empty() && password.to_lowercase().contains(&username.to_lowercase()) {
        Some("password_contains_username")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_includes_the_less_trusted_ones() {
        assert!(allows(true, Some(AccessRole::Administrator), Need::Role(AccessRole::Editor)));
        assert!(allows(true, Some(AccessRole::Editor), Need::Role(AccessRole::Reader)));
        assert!(!allows(true, Some(AccessRole::Representative), Need::Role(AccessRole::Editor)));
        assert!(!allows(true, Some(AccessRole::Reader), Need::Role(AccessRole::Administrator)));
        assert!(!allows(false, None, Need::Role(AccessRole::Reader)));
        assert!(!allows(false, None, Need::SignedIn));
        assert!(allows(true, None, Need::SignedIn));
        assert!(allows(false, None, Need::Public));
    }

    #[test]
    fn short_or_guessable_passwords_are_refused() {
        assert_eq!(password_problem("kort", "kari"), Some("password_too_short"));
        assert_eq!(password_problem("kari-er-best-2026", "kari"), Some("password_contains_username"));
        assert_eq!(password_problem("lang nok passordfrase", "kari"), None);
    }
}
