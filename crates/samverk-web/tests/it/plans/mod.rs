//! Tests for /plans, /goals, /focus-areas and /measures.

mod demo_pages;
mod forms;
mod goal_forms;
mod support;
