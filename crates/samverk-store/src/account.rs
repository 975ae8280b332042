//! Accounts, their roles per authority, sessions, API tokens and password-reset links.
//!
//! Passwords are hashed with Argon2id (the crate's defaults: 19 MiB, 2 passes), off the async
//! threads. Session ids, API tokens and reset links are 256-bit random values handed out once;
//! only their SHA-256 hashes are stored, so a copy of the database does not open a session.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use samverk_domain::access::{AccessRole, password_problem};
use samverk_domain::{Problem, ValidationErrors};
use sha2::{Digest, Sha256};

use crate::{Sql, Store, StoreError};

/// How long a session lasts from sign-in, in seconds (a working day and a half).
pub const SESSION_SECONDS: i64 = 12 * 3600;
/// How long a password-reset link stays valid, in seconds.
pub const RESET_SECONDS: i64 = 24 * 3600;

/// What an API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Read,
    Write,
}

impl Scope {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "read" => Some(Self::Read),
            "write" => Some(Self::Write),
            _ => None,
        }
    }
}

/// A role held at one authority (`None`: at every authority of the installation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub authority_id: Option<i64>,
    pub authority_name: Option<String>,
    pub role: AccessRole,
}

/// A signed-in account, as a request sees it.
#[derive(Debug, Clone)]
pub struct Principal {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub grants: Vec<Grant>,
    /// The session's anti-forgery token (empty for API tokens).
    pub csrf_token: String,
    /// The token's scope when the request came with an API token.
    pub scope: Option<Scope>,
}

/// Whether the running request may manage an account holding `grants`: an unscoped one may
/// manage any; an administrator of some authorities only accounts whose every role is at one of
/// them (so she cannot reset the password of another authority's administrator, for one).
fn manageable(scope: &crate::scope::Scope, grants: &[Grant]) -> bool {
    match scope {
        crate::scope::Scope::Everything => true,
        crate::scope::Scope::Authorities(ids) => grants.iter().all(|g| g.authority_id.is_some_and(|a| ids.contains(&a))),
    }
}

impl Principal {
    /// The most trusted role the account holds anywhere.
    #[must_use]
    pub fn highest_role(&self) -> Option<AccessRole> {
        self.grants.iter().map(|g| g.role).max()
    }
}

/// One account in the administrator's list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub disabled: bool,
    pub version: i64,
}

/// An account with its roles.
#[derive(Debug, Clone)]
pub struct Account {
    pub row: AccountRow,
    pub grants: Vec<Grant>,
}

/// One API token, without its secret.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub scope: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// The current time in Unix seconds.
#[must_use]
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A fresh 256-bit random secret, hex-encoded.
///
/// # Errors
/// When the operating system has no randomness to give (nothing safe can be done then).
pub fn random_token() -> Result<String, StoreError> {
    let mut bytes = [0_u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Crypto(e.to_string()))?;
    Ok(hex(&bytes))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The stored form of a secret.
#[must_use]
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A hash that no password matches: the account signs in only after a reset.
const NO_PASSWORD: &str = "!";

async fn hash_password(password: String) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || argon2::Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()))
        .await
        .map_err(|e| StoreError::Crypto(e.to_string()))?
        .map_err(|e| StoreError::Crypto(e.to_string()))
}

async fn verify_password(password: String, hash: String) -> bool {
    if hash == NO_PASSWORD {
        return false;
    }
    tokio::task::spawn_blocking(move || argon2::Argon2::default().verify_password(password.as_bytes(), hash.as_str()).is_ok())
        .await
        .unwrap_or(false)
}

/// A hash of a random password, verified against on unknown usernames so a failed sign-in
/// takes as long whether or not the account exists.
static DUMMY_HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

fn check_username(username: &str) -> Result<(), Problem> {
    if username.is_empty() {
        Err(Problem::Required)
    } else if username.chars().count() > 64 {
        Err(Problem::TooLong { max: 64 })
    } else if !username.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_' | '@')) {
        Err(Problem::InvalidFormat { expected: "lower-case letters, digits, . - _ @" })
    } else {
        Ok(())
    }
}

fn check_password(password: &str, username: &str) -> Result<(), Problem> {
    password_problem(password, username).map_or(Ok(()), |rule| Err(Problem::Rule { rule: rule.to_owned() }))
}

#[derive(sqlx::FromRow)]
struct GrantRow {
    authority_id: Option<i64>,
    authority_name: Option<String>,
    role: String,
}

#[derive(sqlx::FromRow)]
struct PrincipalRow {
    account_id: i64,
    username: String,
    display_name: String,
    csrf_token: String,
}

#[derive(sqlx::FromRow)]
struct TokenPrincipalRow {
    id: i64,
    account_id: i64,
    username: String,
    display_name: String,
    scope: String,
}

#[derive(sqlx::FromRow)]
struct LoginRow {
    id: i64,
    password_hash: String,
    disabled: bool,
}

impl Store {
    async fn grants(&self, account_id: i64) -> Result<Vec<Grant>, StoreError> {
        let mut handle = self.handle().await?;
        let sql = Sql::new(
            "SELECT r.authority_id, o.name AS authority_name, r.role FROM account_roles r \
             LEFT JOIN organisations o ON o.id = r.authority_id WHERE r.account_id = ? ORDER BY o.name, r.id",
        )
        .arg(account_id);
        let rows: Vec<GrantRow> = handle.conn().all(&sql).await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                AccessRole::from_code(&r.role).map(|role| Grant { authority_id: r.authority_id, authority_name: r.authority_name, role })
            })
            .collect())
    }

    /// Creates an account. Without a password it cannot sign in until a reset link is used.
    ///
    /// # Errors
    /// Validation errors (username shape, taken; password rules).
    pub async fn create_account(&self, username: &str, display_name: &str, password: Option<&str>) -> Result<i64, StoreError> {
        let username = username.trim().to_lowercase();
        let display_name = display_name.trim();
        let mut errors = ValidationErrors::new();
        errors.check("username", check_username(&username));
        if display_name.is_empty() {
            errors.add("display_name", Problem::Required);
        }
        if let Some(password) = password {
            errors.check("password", check_password(password, &username));
        }
        let taken = {
            let mut handle = self.handle().await?;
            handle.conn().scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM accounts WHERE username = ?").arg(username.clone())).await?
        };
        if taken > 0 {
            errors.add("username", Problem::Duplicate);
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let hash = match password {
            Some(p) => hash_password(p.to_owned()).await?,
            None => NO_PASSWORD.to_owned(),
        };
        let mut tx = self.begin().await?;
        let at = now();
        let sql = Sql::new(
            "INSERT INTO accounts (username, display_name, password_hash, disabled, created_at, password_changed_at) \
             VALUES (?, ?, ?, FALSE, ?, ?) RETURNING id",
        )
        .arg(username)
        .arg(display_name.to_owned())
        .arg(hash)
        .arg(at)
        .arg(at);
        let id = tx.conn().insert(&sql).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Gives `role` at `authority_id` (`None`: everywhere), replacing any role held there.
    ///
    /// # Errors
    /// `NotFound` for an unknown account or authority.
    pub async fn grant_role(&self, account_id: i64, authority_id: Option<i64>, role: AccessRole) -> Result<(), StoreError> {
        self.ensure_manageable(account_id, authority_id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        if conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM accounts WHERE id = ?").arg(account_id)).await? == 0 {
            return Err(StoreError::NotFound { entity: "account", id: account_id });
        }
        if let Some(authority) = authority_id
            && conn.scalar::<i64>(&Sql::new("SELECT COUNT(*) FROM organisations WHERE id = ?").arg(authority)).await? == 0
        {
            return Err(StoreError::Invalid(ValidationErrors::single("authority_id", Problem::UnknownReference)));
        }
        let mut delete = Sql::new("DELETE FROM account_roles WHERE account_id = ");
        delete.bind(account_id);
        match authority_id {
            Some(a) => delete.push(" AND authority_id = ").bind(a),
            None => delete.push(" AND authority_id IS NULL"),
        };
        conn.execute(&delete).await?;
        conn.execute(
            &Sql::new("INSERT INTO account_roles (account_id, authority_id, role) VALUES (?, ?, ?)")
                .arg(account_id)
                .arg(authority_id)
                .arg(role.code()),
        )
        .await?;
        tx.commit().await
    }

    /// Takes away the role held at `authority_id`.
    ///
    /// # Errors
    /// The database error.
    pub async fn revoke_role(&self, account_id: i64, authority_id: Option<i64>) -> Result<(), StoreError> {
        self.ensure_manageable(account_id, authority_id).await?;
        let mut tx = self.begin().await?;
        let mut delete = Sql::new("DELETE FROM account_roles WHERE account_id = ");
        delete.bind(account_id);
        match authority_id {
            Some(a) => delete.push(" AND authority_id = ").bind(a),
            None => delete.push(" AND authority_id IS NULL"),
        };
        tx.conn().execute(&delete).await?;
        tx.commit().await
    }

    /// Refuses to change the roles of an account the request may not manage, or to give or take a
    /// role at an authority outside its scope (or at every authority, which no scoped request may).
    async fn ensure_manageable(&self, account_id: i64, authority_id: Option<i64>) -> Result<(), StoreError> {
        let scope = crate::scope::current();
        let reaches = authority_id.map_or(scope == crate::scope::Scope::Everything, |a| scope.allows(a));
        if !reaches {
            return Err(StoreError::OutOfScope("account_roles".to_owned()));
        }
        self.account(account_id).await.map(|_| ())
    }

    /// Every account, by username.
    ///
    /// # Errors
    /// The database error.
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let rows: Vec<AccountRow> = {
            let mut handle = self.handle().await?;
            handle.conn().all(&Sql::new("SELECT id, username, display_name, disabled, version FROM accounts ORDER BY username")).await?
        };
        let all: Vec<(i64, Option<i64>, Option<String>, String)> = {
            let mut handle = self.handle().await?;
            handle
                .conn()
                .all(&Sql::new(
                    "SELECT r.account_id, r.authority_id, o.name, r.role FROM account_roles r LEFT JOIN organisations o ON o.id = r.authority_id ORDER BY o.name, r.id",
                ))
                .await?
        };
        let scope = crate::scope::current();
        Ok(rows
            .into_iter()
            .map(|row| {
                let grants = all
                    .iter()
                    .filter(|g| g.0 == row.id)
                    .filter_map(|g| AccessRole::from_code(&g.3).map(|role| Grant { authority_id: g.1, authority_name: g.2.clone(), role }))
                    .collect();
                Account { row, grants }
            })
            .filter(|account| manageable(&scope, &account.grants))
            .collect())
    }

    /// One account with its roles.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn account(&self, id: i64) -> Result<Account, StoreError> {
        let row: Option<AccountRow> = {
            let mut handle = self.handle().await?;
            handle
                .conn()
                .optional(&Sql::new("SELECT id, username, display_name, disabled, version FROM accounts WHERE id = ?").arg(id))
                .await?
        };
        let row = row.ok_or(StoreError::NotFound { entity: "account", id })?;
        let grants = self.grants(id).await?;
        if !manageable(&crate::scope::current(), &grants) {
            return Err(StoreError::NotFound { entity: "account", id });
        }
        Ok(Account { row, grants })
    }

    /// The account id for a username, if any.
    ///
    /// # Errors
    /// The database error.
    pub async fn account_id(&self, username: &str) -> Result<Option<i64>, StoreError> {
        let mut handle = self.handle().await?;
        Ok(handle
            .conn()
            .scalars::<i64>(&Sql::new("SELECT id FROM accounts WHERE username = ?").arg(username.trim().to_lowercase()))
            .await?
            .into_iter()
            .next())
    }

    /// Checks a username and password; the account id when they match an enabled account.
    /// Takes as long for an unknown username as for a wrong password.
    ///
    /// # Errors
    /// The database error.
    pub async fn verify_login(&self, username: &str, password: &str) -> Result<Option<i64>, StoreError> {
        let row: Option<LoginRow> = {
            let mut handle = self.handle().await?;
            handle
                .conn()
                .optional(
                    &Sql::new("SELECT id, password_hash, disabled FROM accounts WHERE username = ?").arg(username.trim().to_lowercase()),
                )
                .await?
        };
        match row {
            Some(row) => {
                let ok = verify_password(password.to_owned(), row.password_hash).await;
                Ok((ok && !row.disabled).then_some(row.id))
            }
            None => {
                let dummy = DUMMY_HASH.get_or_try_init(|| async { hash_password(random_token()?).await }).await?;
                verify_password(password.to_owned(), dummy.clone()).await;
                Ok(None)
            }
        }
    }

    /// Sets a new password and ends every session and reset link of the account.
    ///
    /// # Errors
    /// Validation errors for a password that breaks the rules.
    pub async fn set_password(&self, account_id: i64, password: &str) -> Result<(), StoreError> {
        let account = self.account(account_id).await?;
        check_password(password, &account.row.username).map_err(|p| ValidationErrors::single("password", p))?;
        let hash = hash_password(password.to_owned()).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        conn.execute(
            &Sql::new("UPDATE accounts SET password_hash = ?, password_changed_at = ?, version = version + 1 WHERE id = ?")
                .arg(hash)
                .arg(now())
                .arg(account_id),
        )
        .await?;
        conn.execute(&Sql::new("DELETE FROM sessions WHERE account_id = ?").arg(account_id)).await?;
        conn.execute(
            &Sql::new("UPDATE password_resets SET used_at = ? WHERE account_id = ? AND used_at IS NULL").arg(now()).arg(account_id),
        )
        .await?;
        tx.commit().await
    }

    /// Disables (or enables again) an account. Disabling ends its sessions and revokes its tokens.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn set_disabled(&self, account_id: i64, disabled: bool) -> Result<(), StoreError> {
        self.account(account_id).await?;
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        let changed = conn
            .execute(
                // disabled_at starts the retention period of a disabled account (see `privacy`).
                &Sql::new("UPDATE accounts SET disabled = ?, disabled_at = ?, version = version + 1 WHERE id = ?")
                    .arg(disabled)
                    .arg(disabled.then(now))
                    .arg(account_id),
            )
            .await?;
        StoreError::changed("account", account_id, changed)?;
        if disabled {
            conn.execute(&Sql::new("DELETE FROM sessions WHERE account_id = ?").arg(account_id)).await?;
            conn.execute(
                &Sql::new("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL").arg(now()).arg(account_id),
            )
            .await?;
        }
        tx.commit().await
    }

    /// Starts a session; returns the secret for the cookie and the anti-forgery token.
    ///
    /// # Errors
    /// The database error.
    pub async fn create_session(&self, account_id: i64) -> Result<(String, String), StoreError> {
        let token = random_token()?;
        let csrf = random_token()?;
        let at = now();
        let mut tx = self.begin().await?;
        let mut conn = tx.conn();
        // Expired sessions of anyone go when someone signs in: the table stays small without a job.
        conn.execute(&Sql::new("DELETE FROM sessions WHERE expires_at < ?").arg(at)).await?;
        conn.execute(
            &Sql::new("INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .arg(token_hash(&token))
                .arg(account_id)
                .arg(csrf.clone())
                .arg(at)
                .arg(at + SESSION_SECONDS),
        )
        .await?;
        tx.commit().await?;
        Ok((token, csrf))
    }

    /// The account behind a session cookie, when the session is current and the account enabled.
    ///
    /// # Errors
    /// The database error.
    pub async fn session(&self, token: &str) -> Result<Option<Principal>, StoreError> {
        let row: Option<PrincipalRow> = {
            let mut handle = self.handle().await?;
            let sql = Sql::new(
                "SELECT a.id AS account_id, a.username, a.display_name, s.csrf_token FROM sessions s JOIN accounts a ON a.id = s.account_id \
                 WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = FALSE",
            )
            .arg(token_hash(token))
            .arg(now());
            handle.conn().optional(&sql).await?
        };
        let Some(row) = row else { return Ok(None) };
        let grants = self.grants(row.account_id).await?;
        Ok(Some(Principal {
            account_id: row.account_id,
            username: row.username,
            display_name: row.display_name,
            grants,
            csrf_token: row.csrf_token,
            scope: None,
        }))
    }

    /// Ends one session.
    ///
    /// # Errors
    /// The database error.
    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        tx.conn().execute(&Sql::new("DELETE FROM sessions WHERE token_hash = ?").arg(token_hash(token))).await?;
        tx.commit().await
    }

    /// Issues an API token; the secret is returned once and never stored.
    ///
    /// # Errors
    /// Validation errors (a name is required).
    pub async fn create_api_token(&self, account_id: i64, name: &str, scope: Scope) -> Result<String, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ValidationErrors::single("name", Problem::Required).into());
        }
        if name.chars().count() > 100 {
            return Err(ValidationErrors::single("name", Problem::TooLong { max: 100 }).into());
        }
        let token = format!("svk_{}", random_token()?);
        let mut tx = self.begin().await?;
        tx.conn()
            .insert(
                &Sql::new("INSERT INTO api_tokens (account_id, name, token_hash, scope, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
                    .arg(account_id)
                    .arg(name.to_owned())
                    .arg(token_hash(&token))
                    .arg(scope.code())
                    .arg(now()),
            )
            .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The account behind an API token, when the token is not revoked and the account enabled.
    ///
    /// # Errors
    /// The database error.
    pub async fn api_token(&self, token: &str) -> Result<Option<Principal>, StoreError> {
        let row: Option<TokenPrincipalRow> = {
            let mut handle = self.handle().await?;
            let sql = Sql::new(
                "SELECT t.id, a.id AS account_id, a.username, a.display_name, t.scope FROM api_tokens t JOIN accounts a ON a.id = t.account_id \
                 WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled = FALSE",
            )
            .arg(token_hash(token));
            handle.conn().optional(&sql).await?
        };
        let Some(row) = row else { return Ok(None) };
        let grants = self.grants(row.account_id).await?;
        let _ = row.id;
        Ok(Some(Principal {
            account_id: row.account_id,
            username: row.username,
            display_name: row.display_name,
            grants,
            csrf_token: String::new(),
            scope: Scope::from_code(&row.scope),
        }))
    }

    /// The account's tokens, newest first.
    ///
    /// # Errors
    /// The database error.
    pub async fn api_tokens(&self, account_id: i64) -> Result<Vec<TokenRow>, StoreError> {
        let mut handle = self.handle().await?;
        Ok(handle
            .conn()
            .all(
                &Sql::new(
                    "SELECT id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens WHERE account_id = ? ORDER BY id DESC",
                )
                .arg(account_id),
            )
            .await?)
    }

    /// Revokes one of the account's tokens.
    ///
    /// # Errors
    /// `NotFound` when the account holds no such token.
    pub async fn revoke_api_token(&self, account_id: i64, token_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let changed = tx
            .conn()
            .execute(
                &Sql::new("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
                    .arg(now())
                    .arg(token_id)
                    .arg(account_id),
            )
            .await?;
        StoreError::changed("api_token", token_id, changed)?;
        tx.commit().await
    }

    /// Issues a one-time password-reset link secret for an account.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn create_password_reset(&self, account_id: i64, created_by: Option<i64>) -> Result<String, StoreError> {
        self.account(account_id).await?;
        let token = random_token()?;
        let at = now();
        let mut tx = self.begin().await?;
        tx.conn()
            .execute(
                &Sql::new(
                    "INSERT INTO password_resets (token_hash, account_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                )
                .arg(token_hash(&token))
                .arg(account_id)
                .arg(created_by)
                .arg(at)
                .arg(at + RESET_SECONDS),
            )
            .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The account a reset link is for, while the link is unused and current.
    ///
    /// # Errors
    /// The database error.
    pub async fn password_reset_account(&self, token: &str) -> Result<Option<i64>, StoreError> {
        let mut handle = self.handle().await?;
        let sql = Sql::new("SELECT account_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
            .arg(token_hash(token))
            .arg(now());
        Ok(handle.conn().scalars::<i64>(&sql).await?.into_iter().next())
    }

    /// Uses a reset link: sets the password and spends the link (and every other of the account).
    ///
    /// # Errors
    /// `NotFound` for a used, expired or unknown link; validation errors for the password.
    pub async fn reset_password(&self, token: &str, password: &str) -> Result<i64, StoreError> {
        let account_id = self.password_reset_account(token).await?.ok_or(StoreError::NotFound { entity: "password_reset", id: 0 })?;
        self.set_password(account_id, password).await?;
        Ok(account_id)
    }
}
