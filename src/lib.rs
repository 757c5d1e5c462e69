//! 扶助通 (fuzhu): Kaifeng's policy for 计划生育特殊家庭 as pure rules, plus the browser app
//! that asks the questions. The rules never depend on the browser so that they can be tested,
//! benchmarked and run from the command line natively.

#[macro_use]
pub mod english;
#[macro_use]
pub mod later;
pub mod calendar;
pub mod flow;
pub mod host;
pub mod policy_page;
pub mod read_aloud;
pub mod register;
pub mod results;
pub mod rules;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod app;
