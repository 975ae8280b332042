//! The optional second factor: time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second
//! steps, six digits, as every authenticator app reads them) and single-use recovery codes,
//! stored only as SHA-256 hashes. Written on `hmac` and `sha1`, already in the dependency tree
//! through the PostgreSQL driver, rather than a TOTP crate.
//!
//! The secret must be readable to check a code, so it is stored as such (base32) in
//! `accounts.totp_secret`: a copy of the database gives the second factor, but not the password.

use hmac::{Hmac, KeyInit, Mac};
use samverk_domain::{Problem, ValidationErrors};
use sha1::Sha1;

use crate::account::{now, random_token, token_hash};
use crate::db::Sql;
use crate::{Store, StoreError};

/// Seconds per step.
pub const STEP: i64 = 30;
/// Recovery codes made at enrolment.
pub const RECOVERY_CODES: usize = 10;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding (how authenticator apps take a secret).
#[must_use]
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut buffer, mut bits) = (0_u32, 0_u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Decodes base32 (case and spaces aside); `None` for any other character.
#[must_use]
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0_u32, 0_u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = ALPHABET.iter().position(|a| char::from(*a) == c.to_ascii_uppercase())?;
        buffer = (buffer << 5) | u32::try_from(value).ok()?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// The six-digit code of `secret` at time step `step` (RFC 4226 dynamic truncation).
#[must_use]
pub fn code_at(secret: &[u8], step: i64) -> u32 {
    let Ok(mut mac) = <Hmac<Sha1> as KeyInit>::new_from_slice(secret) else { return 0 };
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let value = u32::from_be_bytes([hash[offset] & 0x7f, hash[offset + 1], hash[offset + 2], hash[offset + 3]]);
    value % 1_000_000
}

/// The step a typed code belongs to, allowing one step of clock drift either way, and only
/// later than `after` (a code is used once).
#[must_use]
pub fn matching_step(secret: &[u8], code: &str, at: i64, after: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    if code.len() != 6 {
        return None;
    }
    let typed: u32 = code.parse().ok()?;
    let now = at.div_euclid(STEP);
    (now - 1..=now + 1).find(|s| after.is_none_or(|a| *s > a) && code_at(secret, *s) == typed)
}

/// The `otpauth://` address an authenticator app reads (typed or pasted; no QR image).
#[must_use]
pub fn otpauth(secret: &str, username: &str) -> String {
    let label: String = username.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@')).collect();
    format!("otpauth://totp/samverk:{label}?secret={secret}&issuer=samverk&digits=6&period=30")
}

#[derive(sqlx::FromRow)]
struct TotpRow {
    totp_secret: Option<String>,
    totp_enabled_at: Option<i64>,
    totp_last_step: Option<i64>,
}

fn wrong_code() -> StoreError {
    ValidationErrors::single("code", Problem::Rule { rule: "wrong_code".to_owned() }).into()
}

impl Store {
    async fn totp_row(&self, account_id: i64) -> Result<TotpRow, StoreError> {
        let mut handle = self.handle().await?;
        let sql = Sql::new("SELECT totp_secret, totp_enabled_at, totp_last_step FROM accounts WHERE id = ?").arg(account_id);
        handle.conn().optional(&sql).await?.ok_or(StoreError::NotFound { entity: "account", id: account_id })
    }

    /// Whether the account signs in with a second factor.
    ///
    /// # Errors
    /// `NotFound`; the database error.
    pub async fn totp_enabled(&self, account_id: i64) -> Result<bool, StoreError> {
        Ok(self.totp_row(account_id).await?.totp_enabled_at.is_some())
    }

    /// The secret of an enrolment started but not yet confirmed.
    ///
    /// # Errors
    /// `NotFound`; the database error.
    pub async fn pending_totp(&self, account_id: i64) -> Result<Option<String>, StoreError> {
        let row = self.totp_row(account_id).await?;
        Ok(row.totp_secret.filter(|_| row.totp_enabled_at.is_none()))
    }

    /// Starts enrolment: a new secret (base32) that takes effect once a code from it is confirmed.
    ///
    /// # Errors
    /// The database error.
    pub async fn begin_totp(&self, account_id: i64) -> Result<String, StoreError> {
        let mut raw = [0_u8; 20];
        getrandom::fill(&mut raw).map_err(|e| StoreError::Crypto(e.to_string()))?;
        let secret = base32(&raw);
        let mut tx = self.begin().await?;
        let changed = tx
            .conn()
            .execute(
                &Sql::new("UPDATE accounts SET totp_secret = ?, totp_last_step = NULL WHERE id = ? AND totp_enabled_at IS NULL")
                    .arg(secret.clone())
                    .arg(account_id),
            )
            .await?;
        StoreError::changed("account", account_id, changed)?;
        tx.commit().await?;
        Ok(secret)
    }

    /// Confirms enrolment with a code from the new secret; returns the recovery codes, shown once.
    ///
    /// # Errors
    /// `Invalid` (field `code`) for a wrong code or when no enrolment was started.
    pub async fn confirm_totp(&self, account_id: i64, code: &str) -> Result<Vec<String>, StoreError> {
        let row = self.totp_row(account_id).await?;
        let secret = row.totp_secret.filter(|_| row.totp_enabled_at.is_none()).and_then(|s| from_base32(&s)).ok_or_else(wrong_code)?;
        let step = matching_step(&secret, code, now(), None).ok_or_else(wrong_code)?;
        let mut codes = Vec::with_capacity(RECOVERY_CODES);
        for _ in 0..RECOVERY_CODES {
            // 10 characters of a random token: about 60 bits, typed by hand in an emergency.
            codes.push(random_token()?.chars().filter(char::is_ascii_alphanumeric).take(10).collect::<String>().to_lowercase());
        }
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        conn.execute(
            &Sql::new("UPDATE accounts SET totp_enabled_at = ?, totp_last_step = ?, version = version + 1 WHERE id = ?")
                .arg(now())
                .arg(step)
                .arg(account_id),
        )
        .await?;
        conn.execute(&Sql::new("DELETE FROM recovery_codes WHERE account_id = ?").arg(account_id)).await?;
        for code in &codes {
            conn.execute(
                &Sql::new("INSERT INTO recovery_codes (account_id, code_hash) VALUES (?, ?)").arg(account_id).arg(token_hash(code)),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(codes)
    }

    /// Turns the second factor off (the caller has checked the password).
    ///
    /// # Errors
    /// The database error.
    pub async fn disable_totp(&self, account_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        conn.execute(
            &Sql::new(
                "UPDATE accounts SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, version = version + 1 WHERE id = ?",
            )
            .arg(account_id),
        )
        .await?;
        conn.execute(&Sql::new("DELETE FROM recovery_codes WHERE account_id = ?").arg(account_id)).await?;
        tx.commit().await
    }

    /// Checks a second-factor code at sign-in: a current authenticator code not used before, or
    /// an unused recovery code (then spent).
    ///
    /// # Errors
    /// The database error.
    pub async fn check_second_factor(&self, account_id: i64, code: &str) -> Result<bool, StoreError> {
        let row = self.totp_row(account_id).await?;
        let Some(secret) = row.totp_secret.filter(|_| row.totp_enabled_at.is_some()).and_then(|s| from_base32(&s)) else {
            return Ok(false);
        };
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        if let Some(step) = matching_step(&secret, code, now(), row.totp_last_step) {
            // The step only moves forward: two sign-ins racing with one code cannot both pass.
            let sql = Sql::new("UPDATE accounts SET totp_last_step = ? WHERE id = ? AND COALESCE(totp_last_step, -1) < ?")
                .arg(step)
                .arg(account_id)
                .arg(step);
            let ok = conn.execute(&sql).await? == 1;
            tx.commit().await?;
            return Ok(ok);
        }
        let typed = code.trim().to_lowercase();
        let spent = conn
            .execute(
                &Sql::new("UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
                    .arg(now())
                    .arg(account_id)
                    .arg(token_hash(&typed)),
            )
            .await?;
        tx.commit().await?;
        Ok(spent == 1)
    }

    /// Recovery codes not yet used.
    ///
    /// # Errors
    /// The database error.
    pub async fn recovery_codes_left(&self, account_id: i64) -> Result<i64, StoreError> {
        let mut handle = self.handle().await?;
        Ok(handle
            .conn()
            .scalar(&Sql::new("SELECT COUNT(*) FROM recovery_codes WHERE account_id = ? AND used_at IS NULL").arg(account_id))
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_of_rfc_6238_appendix_b() {
        let secret = b"12345678901234567890";
        // The RFC lists eight digits; the six-digit code is their last six.
        for (time, code) in
            [(59, 287_082), (1_111_111_109, 81_804), (1_111_111_111, 50_471), (1_234_567_890, 5_924), (2_000_000_000, 279_037)]
        {
            assert_eq!(code_at(secret, time / STEP), code, "at {time}");
        }
    }

    #[test]
    fn base32_round_trips_and_codes_are_used_once_within_a_step_of_drift() {
        let secret = b"12345678901234567890";
        assert_eq!(base32(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").as_deref(), Some(&secret[..]));
        assert_eq!(from_base32("not base32!"), None);
        let at = 1_111_111_109;
        assert_eq!(matching_step(secret, "081804", at, None), Some(at / STEP));
        assert_eq!(matching_step(secret, "081 804", at + STEP, None), Some(at / STEP), "one step late");
        assert_eq!(matching_step(secret, "081804", at + 3 * STEP, None), None, "too late");
        assert_eq!(matching_step(secret, "081804", at, Some(at / STEP)), None, "already used");
        assert_eq!(matching_step(secret, "12345", at, None), None);
    }
}
