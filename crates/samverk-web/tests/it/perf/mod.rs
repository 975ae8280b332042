//! Tests for /perf.
