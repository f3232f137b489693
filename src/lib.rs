//! dafu: a Chinese government reply (答复) shown as an interactive page.
//!
//! `model` and `parse` are plain Rust and test natively; `ui` holds the Leptos components; `embed` is
//! the JavaScript API for host pages.

pub mod embed;
pub mod model;
pub mod parse;
pub mod ui;
