-- Personal data (GDPR): who viewed, exported or erased whose data, and when. The subject is the
-- query that found the person (a name or an address); an erasure replaces it in earlier entries
-- with the placeholder the person's records now carry, so the log does not keep the name.
-- actor is the account's username at the time, kept when the account is later erased.
CREATE TABLE personal_data_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX personal_data_log_at ON personal_data_log (at);

-- When an account was disabled: the retention period of a disabled account counts from here.
ALTER TABLE accounts ADD COLUMN disabled_at BIGINT;

-- The optional second factor (TOTP): the secret (base32; set at enrolment, in force once a code
-- confirmed it), when it was turned on, and the last time step used (a code is used once).
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled_at BIGINT;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;

-- Single-use recovery codes for a lost authenticator, stored as SHA-256 hashes.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);
