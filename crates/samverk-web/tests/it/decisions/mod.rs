//! Tests for /decisions.
