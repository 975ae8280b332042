//! Trust: signing in, roles, the authorisation matrix, forged and expired forms, headers.

#![expect(clippy::expect_used, reason = "tests: a failed step must stop the test with its cause")]

mod account;
mod authorities;
mod conflict;
mod forms;
mod headers;
mod mass_assignment;
mod matrix;
mod totp;
mod versions;
mod xss;
