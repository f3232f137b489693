//! dafu's web app: the Leptos components that show a reply (`ui`) and the JavaScript API for host pages
//! (`embed`). The reply model and the converter are the `dafu-core` crate, which knows nothing of the web.

pub mod embed;
/// The reply as static HTML, rendered natively by the same components (the CLI's `dafu render`).
#[cfg(feature = "snapshot")]
pub mod snapshot;
pub mod ui;
