//! Trust: signing in, roles, the authorisation matrix, forged and expired forms, headers.

mod account;
mod conflict;
mod forms;
mod headers;
mod matrix;
