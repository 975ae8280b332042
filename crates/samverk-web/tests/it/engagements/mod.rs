//! Tests for /engagements.
