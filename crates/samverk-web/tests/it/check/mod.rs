//! Tests for /check.
