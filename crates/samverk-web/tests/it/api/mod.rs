//! Tests for /api.

mod decisions;
mod engagements;
mod errors;
mod goals;
mod openapi;
mod organisations;
mod participants;
mod plans;
mod support;
