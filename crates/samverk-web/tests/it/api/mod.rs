//! Tests for /api.
