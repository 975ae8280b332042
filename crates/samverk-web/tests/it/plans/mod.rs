//! Tests for /plans.
