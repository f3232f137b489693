//! The interface's words in Chinese and English. Only the interface: the reply's own text, and amounts
//! as the reply writes them, are never translated.

use dafu_core::model::date::Point;
use dafu_core::model::scale::percent;
use dafu_core::model::{DateRef, MoneyRole, Placement, ProposalKind, ResultClass, Validity, When};

use super::options::Lang;

/// Every fixed string the interface shows, in one language.
#[derive(Debug)]
pub struct Text {
    /// Which language this is.
    pub lang: Lang,
    /// Loading status.
    pub loading: &'static str,
    /// Error panel heading.
    pub cannot_show: &'static str,
    /// Try loading again.
    pub retry: &'static str,
    /// The attachments list heading.
    pub attachments: &'static str,
    /// Said of an attachment whose address is not a safe web link.
    pub unsafe_link: &'static str,
    /// Title when the reply has none.
    pub untitled: &'static str,
    /// 成文日期.
    pub written_on: &'static str,
    /// 公开日期.
    pub published_on: &'static str,
    /// Label of the badge list.
    pub status: &'static str,
    /// The metadata disclosure.
    pub document_details: &'static str,
    /// Key figures heading.
    pub key_figures: &'static str,
    /// Funding total tile label.
    pub funding_total_tile: &'static str,
    /// The heading of a section the reply gives none (an unnumbered body).
    pub untitled_section: &'static str,
    /// Show all sections.
    pub show_all: &'static str,
    /// Hide all sections.
    pub hide_all: &'static str,
    /// Timeline heading.
    pub timeline: &'static str,
    /// Timeline order toggle.
    pub newest_first: &'static str,
    /// Year group without a year.
    pub no_year: &'static str,
    /// Funding heading.
    pub funding: &'static str,
    /// A reply without funding.
    pub no_funding: &'static str,
    /// Chart view group label.
    pub chart_view: &'static str,
    /// By purpose.
    pub by_purpose: &'static str,
    /// By year.
    pub by_year: &'static str,
    /// Shares.
    pub shares: &'static str,
    /// The chart's legend.
    pub chart_key: &'static str,
    /// Show the table.
    pub show_table: &'static str,
    /// Hide the table.
    pub hide_table: &'static str,
    /// Prefix of a breakdown row.
    pub of_which: &'static str,
    /// Table caption.
    pub table_caption: &'static str,
    /// Table column headings: item, as written, 万元, role, share, source.
    pub columns: [&'static str; 6],
    /// Link to the sentence.
    pub source_link: &'static str,
    /// Allocated total row.
    pub allocated_total: &'static str,
    /// A part counted in its total.
    pub included_above: &'static str,
    /// An amount left out of totals.
    pub not_in_totals: &'static str,
}

static ZH: Text = Text {
    lang: Lang::Zh,
    loading: "正在加载答复…",
    cannot_show: "无法显示此答复",
    retry: "重试",
    attachments: "附件与来源",
    unsafe_link: "(地址不是网页链接,未显示)",
    untitled: "答复",
    written_on: "成文日期",
    published_on: "公开日期",
    status: "状态",
    document_details: "文件信息",
    key_figures: "要点数字",
    funding_total_tile: "资金合计(已拨付)",
    untitled_section: "答复正文",
    show_all: "全部展开",
    hide_all: "全部收起",
    timeline: "时间线",
    newest_first: "最新的在前",
    no_year: "未注明年份",
    funding: "资金",
    no_funding: "本答复没有写明具体的资金金额。",
    chart_view: "图表视图",
    by_purpose: "按用途",
    by_year: "按年份",
    shares: "占比",
    chart_key: "实心:已拨付;斜线:申请中;网格:未获批;圆点:贷款;虚线边框:约数;浅色延长段:区间上限。点击条形可查看原文。",
    show_table: "以表格查看",
    hide_table: "收起表格",
    of_which: "其中:",
    table_caption: "资金明细(金额单位:万元)",
    columns: ["项目", "原文金额", "万元", "性质", "占已拨付合计", "出处"],
    source_link: "原文",
    allocated_total: "已拨付合计",
    included_above: "(已含在上一行)",
    not_in_totals: "(不计入合计)",
};

static EN: Text = Text {
    lang: Lang::En,
    loading: "Loading the reply…",
    cannot_show: "This reply cannot be shown",
    retry: "Try again",
    attachments: "Attachments and sources",
    unsafe_link: " (address is not a web link; not shown)",
    untitled: "Reply",
    written_on: "Written",
    published_on: "Published",
    status: "Status",
    document_details: "Document details",
    key_figures: "Key figures",
    funding_total_tile: "Funding allocated in total",
    untitled_section: "The reply",
    show_all: "Show all sections",
    hide_all: "Hide all sections",
    timeline: "Timeline",
    newest_first: "Newest first",
    no_year: "No year given",
    funding: "Funding",
    no_funding: "This reply names no amounts of money.",
    chart_view: "Chart view",
    by_purpose: "By purpose",
    by_year: "By year",
    shares: "Shares",
    chart_key: "Solid: allocated; hatched: requested; crossed: refused; dotted: loan; dashed outline: approximate; light extension: upper end of a range. Click a bar to read its sentence.",
    show_table: "Show as a table",
    hide_table: "Hide the table",
    of_which: "of which: ",
    table_caption: "Funding in detail (amounts in 万元, ten thousand yuan)",
    columns: ["Item", "As written", "万元", "Kind", "Share of allocated", "Source"],
    source_link: "Source",
    allocated_total: "Allocated in total",
    included_above: " (included above)",
    not_in_totals: " (not in totals)",
};

impl Lang {
    /// The interface's words in this language.
    pub fn text(self) -> &'static Text {
        match self {
            Self::Zh => &ZH,
            Self::En => &EN,
        }
    }
}

impl Text {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// An amount in 万元 with grouping: `1,363.03万元`.
    pub fn wan(&self, d: dafu_core::model::Decimal) -> String {
        format!("{}万元", d.grouped())
    }

    /// "All 20 figures".
    pub fn all_figures(&self, n: usize) -> String {
        if self.zh() {
            format!("全部{n}个数字")
        } else {
            format!("All {n} figures")
        }
    }

    /// The note under the timeline heading.
    pub fn timeline_note(&self, n: usize) -> String {
        if self.zh() {
            format!("共{n}项。未写明时间的举措列在答复日期下,并注明“未注明时间”。")
        } else {
            format!("{n} entries. Initiatives without a date are listed under the reply's own date, marked “no date given”.")
        }
    }

    /// A year heading.
    pub fn year(&self, year: Option<i32>) -> String {
        match (year, self.zh()) {
            (Some(y), true) => format!("{y}年"),
            (Some(y), false) => y.to_string(),
            (None, _) => self.no_year.to_owned(),
        }
    }

    /// The written mark of a timeline placement.
    pub fn placement_mark(&self, p: Placement) -> &'static str {
        match (p, self.zh()) {
            (Placement::On, _) => "",
            (Placement::AsOf, true) => "截至",
            (Placement::AsOf, false) => "as of",
            (Placement::Span { .. }, true) => "时段",
            (Placement::Span { .. }, false) => "period",
            (Placement::Since, true) => "持续至今",
            (Placement::Since, false) => "ongoing",
            (Placement::Until, true) => "此前",
            (Placement::Until, false) => "until",
            (Placement::Unresolved, true) => "时间不明确",
            (Placement::Unresolved, false) => "date unclear",
            (Placement::Undated, true) => "未注明时间",
            (Placement::Undated, false) => "no date given",
        }
    }

    /// A timeline entry's stage.
    pub fn stage(&self, planned: bool, goal: bool, initiative: bool) -> &'static str {
        match (goal, planned, initiative, self.zh()) {
            (true, _, _, true) => "目标",
            (true, _, _, false) => "goal",
            (_, true, _, true) => "下一步",
            (_, true, _, false) => "next step",
            (_, _, true, true) => "已开展",
            (_, _, true, false) => "done",
            (_, _, false, true) => "时间",
            (_, _, false, false) => "date",
        }
    }

    /// An initiative's stage label in the text.
    pub fn block_stage(&self, next: bool) -> &'static str {
        self.stage(next, false, true)
    }

    /// A money role, as a short label.
    pub fn role(&self, role: MoneyRole) -> &'static str {
        match (role, self.zh()) {
            (MoneyRole::Allocated, true) => "已拨付",
            (MoneyRole::Allocated, false) => "allocated",
            (MoneyRole::Requested, true) => "申请中",
            (MoneyRole::Requested, false) => "requested",
            (MoneyRole::Refused, true) => "未获批",
            (MoneyRole::Refused, false) => "refused",
            (MoneyRole::Loan, true) => "贷款",
            (MoneyRole::Loan, false) => "loan",
        }
    }

    /// The suffix after a bar's amount that names its role (none for allocated money).
    pub fn role_suffix(&self, role: MoneyRole) -> String {
        match (role, self.zh()) {
            (MoneyRole::Allocated, _) => String::new(),
            (r, true) => format!("({})", self.role(r)),
            (r, false) => format!(" ({})", self.role(r)),
        }
    }

    /// The label of a per-role total.
    pub fn role_total(&self, role: MoneyRole) -> String {
        if self.zh() {
            format!("{}合计", self.role(role))
        } else {
            format!("Total {}", self.role(role))
        }
    }

    /// The note about amounts left out of the totals.
    pub fn not_summed(&self, n: usize) -> String {
        if self.zh() {
            format!("另有{n}项为按项目计的标准或区间金额,不计入合计。")
        } else {
            format!("{n} more are rates or ranges and are not added to any total.")
        }
    }

    /// The chart's `<title>`.
    pub fn chart_title(&self, view: &str, allocated: Option<dafu_core::model::Decimal>) -> String {
        match (allocated, self.zh()) {
            (Some(t), true) => format!("资金图({view}):已拨付合计{}", self.wan(t)),
            (None, true) => format!("资金图({view}):没有已拨付的资金"),
            (Some(t), false) => {
                format!("Funding chart ({view}): {} allocated in total", self.wan(t))
            }
            (None, false) => format!("Funding chart ({view}): no money allocated"),
        }
    }

    /// The chart's `<desc>`: how many items and the largest.
    pub fn chart_desc(
        &self,
        count: usize,
        label: &str,
        amount: &str,
        share: Option<u64>,
    ) -> String {
        match (share, self.zh()) {
            (Some(s), true) => format!(
                "共{count}笔资金,金额最大的一项是{label}{amount},占{}。",
                percent(s)
            ),
            (None, true) => format!("共{count}笔资金,金额最大的一项是{label}{amount}。"),
            (Some(s), false) => format!(
                "{count} amounts; the largest is {label}, {amount}, {} of the total.",
                percent(s)
            ),
            (None, false) => format!("{count} amounts; the largest is {label}, {amount}."),
        }
    }

    /// The share view's name in the chart title.
    pub fn shares_title(&self) -> &'static str {
        if self.zh() {
            "各项占已拨付合计的比例"
        } else {
            "shares of the allocated total"
        }
    }

    /// The kind of text answered.
    pub fn proposal_kind(&self, kind: ProposalKind) -> &'static str {
        match (kind, self.zh()) {
            (ProposalKind::Proposal, true) => "政协提案",
            (ProposalKind::Proposal, false) => "CPPCC proposal",
            (ProposalKind::Suggestion, true) => "人大代表建议",
            (ProposalKind::Suggestion, false) => "NPC deputy's suggestion",
        }
    }

    /// The line naming the proposal answered.
    pub fn proposal_line(
        &self,
        kind: Option<ProposalKind>,
        number: Option<&str>,
        session: Option<&str>,
        title: &str,
        proposer: Option<&str>,
    ) -> String {
        let kind = kind.map_or("", |k| self.proposal_kind(k));
        if self.zh() {
            let number = number.map(|n| format!("第{n}号")).unwrap_or_default();
            let proposer = proposer
                .map(|p| format!(" · 提出人:{p}"))
                .unwrap_or_default();
            format!(
                "答复{}{kind}{number}《{title}》{proposer}",
                session.unwrap_or("")
            )
        } else {
            let number = number.map(|n| format!(" No. {n}")).unwrap_or_default();
            let session = session.map(|s| format!(" ({s})")).unwrap_or_default();
            let proposer = proposer.map(|p| format!(" · by {p}")).unwrap_or_default();
            format!("Reply to {kind}{number}{session}: 《{title}》{proposer}")
        }
    }

    /// Validity badge.
    pub fn validity(&self, v: Validity) -> &'static str {
        match (v, self.zh()) {
            (Validity::Valid, true) => "有效",
            (Validity::Valid, false) => "In force",
            (Validity::Invalid, true) => "已失效",
            (Validity::Invalid, false) => "No longer in force",
        }
    }

    /// Result class badge.
    pub fn result_class(&self, c: ResultClass) -> &'static str {
        match (c, self.zh()) {
            (ResultClass::A, true) => "A类(已解决或采纳)",
            (ResultClass::B, true) => "B类(正在解决或列入计划)",
            (ResultClass::C, true) => "C类(留作参考)",
            (ResultClass::A, false) => "Class A (solved or adopted)",
            (ResultClass::B, false) => "Class B (being solved or planned)",
            (ResultClass::C, false) => "Class C (kept for reference)",
        }
    }

    fn point(&self, p: Point) -> String {
        if self.zh() {
            p.zh()
        } else {
            p.to_string().replace('T', " ")
        }
    }

    /// Where a date lies, in words: `2021年至2025年`, `since 2023`.
    pub fn placed(&self, d: &DateRef) -> String {
        let zh = self.zh();
        match d.when() {
            When::On(p) => self.point(p),
            When::AsOf(p) if zh => format!("截至{}", self.point(p)),
            When::AsOf(p) => format!("as of {}", self.point(p)),
            When::Span(a, b) if zh => format!("{}至{}", self.point(a), self.point(b)),
            When::Span(a, b) => format!("{}–{}", self.point(a), self.point(b)),
            When::Since(a) if zh => format!("{}以来", self.point(a)),
            When::Since(a) => format!("since {}", self.point(a)),
            When::Until(b) if zh => format!("{}以前", self.point(b)),
            When::Until(b) => format!("until {}", self.point(b)),
            When::Unresolved => d.written().to_owned(),
        }
    }

    /// A timeline date as shown: as written, a period's years spelt out.
    pub fn entry_when(&self, written: &str, placement: Placement) -> String {
        match placement {
            Placement::Span { from, .. } if written.contains(&from.to_string()) => {
                written.to_owned()
            }
            Placement::Span { from, to } if self.zh() => format!("{written}({from}—{to}年)"),
            Placement::Span { from, to } => format!("{written} ({from}–{to})"),
            Placement::Undated => String::new(),
            _ => written.to_owned(),
        }
    }
}
