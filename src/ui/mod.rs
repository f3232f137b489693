//! Leptos components that show a reply. Components only show: every derived value comes from `model`.

pub mod app;
pub mod block_text;
pub mod error_panel;
pub mod fill;
pub mod funding_chart;
pub mod header;
pub mod i18n;
pub mod ids;
pub mod key_figures;
pub mod keys;
pub mod mount;
pub mod options;
pub mod page;
pub mod sections;
pub mod settings;
pub mod source;
pub mod timeline;
pub mod viewer;

pub use app::{App, ReplyView};
pub use mount::{install_panic_hook, mount_into, mount_page, Mounted};
pub use source::ReplySource;
