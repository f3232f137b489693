//! dafu: a Chinese government reply (答复) shown as an interactive page.
//!
//! `model` and `parse` are plain Rust and test natively; `ui` holds the Leptos components.

pub mod model;
pub mod parse;
pub mod ui;
