//! EU projects: the budget form and its checks, the sums, the closing rule and the lessons.

mod budget;
mod demo;
mod lessons;
