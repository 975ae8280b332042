//! Tests for /api.

mod decisions;
mod engagements;
mod errors;
mod eu_projects;
mod goals;
mod openapi;
mod organisations;
mod participants;
mod plans;
mod support;
