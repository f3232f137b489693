//! The reply model: types, exact money and dates, loading and validation. Knows nothing of the browser.

pub mod date;
mod de;
pub mod decimal;
pub mod funding;
pub mod load;
pub mod money;
pub mod order;
pub mod query;
pub mod reply;
pub mod scale;
pub mod timeline;
pub mod validate;

pub use date::{DateRef, Point, When};
pub use decimal::Decimal;
pub use funding::{Bar, FundingRow, FundingTotals};
pub use load::{LoadError, MAX_JSON_BYTES};
pub use money::{Approx, Money, MoneyRole, MoneyUnit};
pub use query::{FactIndex, FactKind, Segment};
pub use reply::*;
pub use scale::{Centi, LinearScale};
pub use timeline::{Entry, EntryKind, Placement, Timeline, YearGroup};
pub use validate::Problem;

/// The seed reply, compiled in: shown when the page is given nothing else.
pub const DEFAULT_REPLY_JSON: &str = include_str!("../../../../data/seed.reply.json");
