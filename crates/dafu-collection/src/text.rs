//! Every word the collection view shows, in Chinese and in English. They live here, not in the app's
//! `i18n.rs`, so that the app's wasm (which every reader downloads) carries none of them.

/// The collection view's interface words.
pub struct Text {
    /// The view's heading.
    pub heading: &'static str,
    /// While the index loads.
    pub loading: &'static str,
    /// The error panel's heading.
    pub cannot_show: &'static str,
    /// The search box's label.
    pub search: &'static str,
    /// While the full text is on its way.
    pub index_loading: &'static str,
    /// When the collection has no full-text index.
    pub index_missing: &'static str,
    /// When the full-text index is over the size limit.
    pub index_too_large: &'static str,
    /// The index is over the size limit: "{} MiB".
    pub too_large: &'static str,
    /// "Showing {} of {} replies".
    pub shown: &'static str,
    /// "{} matches" in one reply.
    pub matches: &'static str,
    /// The filters' heading.
    pub filters: &'static str,
    /// One heading per facet, in `Facet::ALL`'s order.
    pub facets: [&'static str; 5],
    /// 提案, 建议.
    pub kinds: [&'static str; 2],
    /// "Class {}".
    pub class: &'static str,
    /// The "has funding" toggle.
    pub funded: &'static str,
    /// Clears every filter.
    pub clear: &'static str,
    /// Column headings: title, office, number, date, kind, class, funding.
    pub columns: [&'static str; 7],
    /// "Show {} more".
    pub more: &'static str,
    /// Before an entry's error.
    pub failed: &'static str,
    /// The totals' heading.
    pub totals: &'static str,
    /// The three totals: by class, funding by office, funding by year.
    pub totals_by: [&'static str; 3],
    /// The count column of the class table.
    pub replies: &'static str,
    /// The amount column (allocated funding).
    pub amount: &'static str,
    /// A missing office, year or class.
    pub not_given: &'static str,
    /// Back to the list from a reply.
    pub back: &'static str,
    /// Nothing matches.
    pub none: &'static str,
    /// "{}万元".
    pub wan: &'static str,
    /// The caption of the list for screen readers.
    pub caption: &'static str,
    /// No funding at all in what is shown.
    pub no_funding: &'static str,
    /// "{} more" values of a filter.
    pub more_values: &'static str,
}

/// Chinese (the default).
pub static ZH: Text = Text {
    heading: "答复汇编",
    loading: "正在载入答复汇编…",
    cannot_show: "无法显示答复汇编",
    search: "搜索全文",
    index_loading: "全文索引正在载入,暂时只搜索标题等信息。",
    index_missing: "没有全文索引,只搜索标题等信息。",
    index_too_large: "全文索引超过大小上限,没有载入,只搜索标题等信息。",
    too_large: "答复汇编的索引文件超过大小上限({}),没有载入。",
    shown: "显示 {} 件,共 {} 件",
    matches: "{} 处",
    filters: "筛选",
    facets: ["类型", "年份", "办理单位", "答复类别", "资金"],
    kinds: ["提案", "建议"],
    class: "{}类",
    funded: "有资金",
    clear: "清除筛选",
    columns: ["标题", "办理单位", "编号", "日期", "类型", "类别", "资金"],
    more: "再显示 {} 件",
    failed: "无法读取:",
    totals: "当前显示的统计",
    totals_by: ["按答复类别的件数", "按办理单位的资金", "按年份的资金"],
    replies: "件数",
    amount: "资金(安排)",
    not_given: "未注明",
    back: "返回列表",
    none: "没有符合条件的答复。",
    wan: "{}万元",
    caption: "答复列表,点击列标题排序",
    no_funding: "当前显示的答复没有资金数额。",
    more_values: "其余 {} 项",
};

/// English.
pub static EN: Text = Text {
    heading: "Collection of replies",
    loading: "Loading the collection…",
    cannot_show: "Cannot show the collection",
    search: "Search all replies",
    index_loading: "The full text is loading; searching titles and details for now.",
    index_missing: "No full-text index; searching titles and details only.",
    index_too_large: "The full-text index is over the size limit and was not loaded; searching titles and details only.",
    too_large: "The collection's index is over the size limit ({}) and was not loaded.",
    shown: "Showing {} of {} replies",
    matches: "{} matches",
    filters: "Filter",
    facets: ["Kind", "Year", "Office", "Result class", "Funding"],
    kinds: ["Proposal", "Suggestion"],
    class: "Class {}",
    funded: "Has funding",
    clear: "Clear filters",
    columns: [
        "Title", "Office", "Number", "Date", "Kind", "Class", "Funding",
    ],
    more: "Show {} more",
    failed: "Could not be read: ",
    totals: "Totals of what is shown",
    totals_by: [
        "Replies by result class",
        "Funding by office",
        "Funding by year",
    ],
    replies: "Replies",
    amount: "Funding (allocated)",
    not_given: "Not given",
    back: "Back to the list",
    none: "No reply matches.",
    wan: "{}万元",
    caption: "Replies; a column heading sorts by it",
    no_funding: "No funding amounts in the replies shown.",
    more_values: "{} more",
};

impl Text {
    /// The words for `lang` (`en…` is English, anything else Chinese).
    pub fn of(lang: dafu::ui::Lang) -> &'static Text {
        match lang {
            dafu::ui::Lang::En => &EN,
            dafu::ui::Lang::Zh => &ZH,
        }
    }
}

pub use dafu_core::text::fill;
