//! Tests for /organisations.
