//! Plain reply text to the reply model. The converter arrives with its own issue; this layer, like
//! `model`, must never depend on leptos, web-sys or wasm-bindgen.
