//! Brute-force protection for sign-in: failed attempts are counted per account and per client
//! address in a sliding window; past the limit, sign-in is refused until the window has moved
//! on, whatever the password. Kept in memory: each server counts on its own, which bounds an
//! attacker to the limit times the number of servers.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Failed sign-ins allowed per account in [`WINDOW`].
pub const PER_ACCOUNT: usize = 5;
/// Failed sign-ins allowed per address in [`WINDOW`] (an office behind one address has many people).
pub const PER_ADDRESS: usize = 20;
/// The window, in seconds.
pub const WINDOW: i64 = 15 * 60;

/// Why a sign-in is refused before the password is even checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locked {
    Account { minutes: i64 },
    Address { minutes: i64 },
}

#[derive(Debug, Default)]
pub struct Limiter {
    failures: Mutex<HashMap<String, Vec<i64>>>,
}

fn account_key(username: &str) -> String {
    format!("u:{}", username.trim().to_lowercase())
}

fn address_key(address: Option<IpAddr>) -> String {
    address.map_or_else(|| "a:unknown".to_owned(), |a| format!("a:{a}"))
}

impl Limiter {
    /// Whether a sign-in for `username` from `address` may be tried at `now`.
    pub fn check(&self, username: &str, address: Option<IpAddr>, now: i64) -> Result<(), Locked> {
        let Ok(mut failures) = self.failures.lock() else { return Ok(()) };
        let mut wait = |key: String, limit: usize| -> Option<i64> {
            let times = failures.entry(key).or_default();
            times.retain(|t| now - t < WINDOW);
            (times.len() >= limit).then(|| times.first().map_or(1, |first| ((first + WINDOW - now) + 59) / 60).max(1))
        };
        if let Some(minutes) = wait(account_key(username), PER_ACCOUNT) {
            return Err(Locked::Account { minutes });
        }
        if let Some(minutes) = wait(address_key(address), PER_ADDRESS) {
            return Err(Locked::Address { minutes });
        }
        Ok(())
    }

    /// Counts a failed sign-in.
    pub fn failed(&self, username: &str, address: Option<IpAddr>, now: i64) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.entry(account_key(username)).or_default().push(now);
            failures.entry(address_key(address)).or_default().push(now);
        }
    }

    /// A successful sign-in clears the account's count (not the address's).
    pub fn succeeded(&self, username: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(&account_key(username));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_locks_after_five_failures_and_opens_after_the_window() {
        let limiter = Limiter::default();
        for _ in 0..PER_ACCOUNT {
            assert!(limiter.check("kari", None, 1000).is_ok());
            limiter.failed("kari", None, 1000);
        }
        assert_eq!(limiter.check("KARI", None, 1000), Err(Locked::Account { minutes: 15 }));
        assert!(limiter.check("ola", None, 1000).is_ok());
        assert!(limiter.check("kari", None, 1000 + WINDOW).is_ok());
    }

    #[test]
    fn an_address_locks_after_twenty_failures_across_accounts() {
        let limiter = Limiter::default();
        let address: Option<IpAddr> = "10.0.0.7".parse().ok();
        for n in 0..PER_ADDRESS {
            limiter.failed(&format!("user{n}"), address, 50);
        }
        assert!(matches!(limiter.check("someone", address, 60), Err(Locked::Address { .. })));
        assert!(limiter.check("someone", "10.0.0.8".parse().ok(), 60).is_ok());
    }
}
