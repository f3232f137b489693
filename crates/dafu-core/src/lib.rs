//! dafu's core: the reply model (types, exact money and dates, loading, validation, derived views) and the
//! converter from plain text. It knows nothing of the browser: no leptos, web-sys, wasm-bindgen or gloo
//! (they are not dependencies of this crate), so it builds and tests natively in seconds.

pub mod model;
pub mod parse;
pub mod privacy;
pub mod text;
