//! Tests for /engagements.

mod forms;
mod list;
mod page;
