//! The reply model: types, exact money and dates, loading and validation. Knows nothing of the browser.
//!
//! Every public item is reachable by one path, `dafu_core::model::Item`: the modules are private to
//! the crate and their public items re-exported here.

pub(crate) mod cite;
pub(crate) mod collection;
pub(crate) mod date;
mod de;
pub(crate) mod decimal;
pub(crate) mod funding;
pub(crate) mod load;
pub(crate) mod money;
pub(crate) mod next_steps;
pub(crate) mod order;
pub(crate) mod query;
pub(crate) mod reply;
pub(crate) mod scale;
pub(crate) mod sentence;
pub(crate) mod speech;
pub(crate) mod timeline;
pub(crate) mod validate;

pub use collection::{
    base_id, content_hash, is_safe_id, unique_ids, Collection, CollectionEntry, CollectionTotals,
    Origin, COLLECTION_SCHEMA_VERSION, MAX_COLLECTION_BYTES, MAX_ID_CHARS,
};
pub use collection::{
    find_folded, fold, fold_char, search_text, snippet, sort_shown, Facet, FacetValues,
    SearchIndex, SearchText, Selection, ShownTotals, Snippet, SortKey, CONTEXT_CHARS,
    MAX_SEARCH_BYTES, SEARCH_SCHEMA_VERSION,
};
pub use date::{DateError, DateRef, DateRepr, Point, When};
pub use decimal::{Decimal, DecimalError, MAX_SCALE};
pub use funding::{label_of, AllocatedWord, Bar, BarLabel, FundingRow, FundingTotals};
pub use load::{LoadError, MAX_JSON_BYTES, MAX_LISTED_PROBLEMS};
pub use money::{sum_wan_yuan, Approx, Money, MoneyError, MoneyRepr, MoneyRole, MoneyUnit};
pub use next_steps::{NextStep, NextStepKind};
pub use order::{sort_by, sort_by_key};
pub use query::{AnchorTexts, BlockAt, FactIndex, FactKind, FactRef, Segment};
pub use reply::*;
pub use scale::{per_mille, percent, ticks, Centi, LinearScale};
pub use sentence::{sentence_around, Cut};
pub use timeline::{
    numeral_value, Entry, EntryKind, EntryStage, Placement, Position, Positions, Timeline,
    YearGroup,
};
pub use validate::{Problem, MAX_QUOTED_CHARS};

/// The seed reply, compiled in: shown when the page is given nothing else.
pub const DEFAULT_REPLY_JSON: &str = include_str!("../../../../data/seed.reply.json");
