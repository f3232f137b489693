//! Leptos components that show a reply. Components only show: every derived value comes from `model`.
//! The modules are private to the crate; what the embed entry point, the dev page and the in-browser
//! tests use is re-exported here, one path each.

pub(crate) mod app;
pub(crate) mod block_text;
pub(crate) mod cite;
pub(crate) mod converter;
pub(crate) mod error_panel;
pub(crate) mod fill;
pub(crate) mod frame;
pub(crate) mod funding_chart;
pub(crate) mod header;
pub(crate) mod i18n;
pub(crate) mod ids;
pub(crate) mod key_figures;
pub(crate) mod keys;
pub(crate) mod mount;
pub(crate) mod next_steps;
pub(crate) mod options;
pub(crate) mod origin;
pub(crate) mod page;
pub(crate) mod read_aloud;
pub(crate) mod sections;
pub(crate) mod settings;
pub(crate) mod source;
pub(crate) mod takeover;
pub(crate) mod timeline;
pub(crate) mod viewer;

// The web app's public names, each reachable by this one path (the modules are private to the crate).
pub use app::{App, ReplyView};
pub use mount::{
    install_panic_hook, mount_into, mount_page, report_panic, wrap_fallback, Mounted,
    ROOT_ATTRIBUTE,
};
pub use options::{ClassLabel, ClassLabels, Lang, Options, Views};
pub use settings::ReadingStart;
pub use source::{read_limited, ReplySource, Stop};
#[cfg(feature = "snapshot")]
pub use viewer::Mode;
