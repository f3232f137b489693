//! Every word of the interface, in Chinese and English: one table per view, in one shape. Only the
//! interface: the reply's own text, and amounts as the reply writes them, are never translated.
//!
//! A table holds fixed strings and templates; a template's `{}` are filled in order by [`fill`]. No
//! component holds a Chinese string of its own (a tidy test checks), and nothing here branches on the
//! language: choosing the language is choosing the table.

use dafu_core::model::{
    percent, AllocatedWord, Bar, BarLabel, DateRef, Decimal, EntryStage, MoneyRole, Placement,
    Point, Position, ProposalKind, ResultClass, Stage, Validity, When,
};

use super::options::Lang;

pub use dafu_core::text::fill;

/// The instance around the views: loading, errors, attachments, the panic notice.
#[derive(Debug)]
pub struct AppText {
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
    /// Shown in every instance after a panic.
    pub internal_error: &'static str,
}

/// Why a reply could not be shown (the error panel's first line); `{}` is the URL, then the detail.
#[derive(Debug)]
pub struct ErrorText {
    /// HTTP error: URL, status, status text.
    pub http: &'static str,
    /// Network error: URL.
    pub network: &'static str,
    /// Timeout: URL, seconds.
    pub timeout: &'static str,
    /// A web page instead of JSON: URL.
    pub not_json: &'static str,
    /// Over the size limit.
    pub too_large: &'static str,
    /// A newer schema.
    pub newer_schema: &'static str,
    /// Malformed JSON: line, column.
    pub syntax: &'static str,
    /// Semantic problems: their count.
    pub invalid: &'static str,
    /// A `?src=` address that is not a web address: its scheme (`data:`).
    pub refused_src: &'static str,
    /// The converter module for a reply given as text could not be loaded.
    pub converter: &'static str,
    /// Where a failed request went, when it is the page's own origin (the panel names only origins).
    pub this_site: &'static str,
    /// Where a failed request went, when it has no web origin to name.
    pub unknown_address: &'static str,
}

/// The header: title, proposal line, badges, dates, document details.
#[derive(Debug)]
pub struct HeaderText {
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
    /// Validity badges: valid, invalid.
    pub validity: [&'static str; 2],
    /// Result class badges: A, B, C.
    pub result_class: [&'static str; 3],
    /// What each result class means, in words: A, B, C.
    pub result_meaning: [&'static str; 3],
    /// The meaning after a badge: the meaning.
    pub class_meaning: &'static str,
    /// 文号.
    pub document_number: &'static str,
    /// The signature's date, shown when the header gives no 成文日期.
    pub signed_on: &'static str,
    /// Kinds: proposal (政协提案), suggestion (人大建议).
    pub kind: [&'static str; 2],
    /// The proposal line: session, kind, number part, title, proposer part.
    pub proposal_line: &'static str,
    /// The number part of the proposal line.
    pub number: &'static str,
    /// The session part of the proposal line.
    pub session: &'static str,
    /// The proposer part of the proposal line.
    pub proposer: &'static str,
}

/// Dates in words.
#[derive(Debug)]
pub struct DateText {
    /// Months and days written with two digits (`2023-04`), not as they are (`2023年4月`).
    pub pad: bool,
    /// A year.
    pub year: &'static str,
    /// Year, month.
    pub month: &'static str,
    /// Year, month, day.
    pub day: &'static str,
    /// Year, month, day, hh:mm.
    pub moment: &'static str,
    /// As of a point.
    pub as_of: &'static str,
    /// A span: from, to.
    pub span: &'static str,
    /// Since a point.
    pub since: &'static str,
    /// Until a point.
    pub until: &'static str,
}

/// The key figures strip.
#[derive(Debug)]
pub struct FiguresText {
    /// Heading.
    pub heading: &'static str,
    /// "All N figures".
    pub all: &'static str,
    /// An amount in 万元 (grouped digits).
    pub wan: &'static str,
}

/// The sections and the marks inside their text.
#[derive(Debug)]
pub struct SectionsText {
    /// The heading of a section the reply gives none (an unnumbered body).
    pub untitled: &'static str,
    /// Show all sections.
    pub show_all: &'static str,
    /// Hide all sections.
    pub hide_all: &'static str,
    /// An initiative's stage label: done, next.
    pub stage: [&'static str; 2],
}

/// The timeline.
#[derive(Debug)]
pub struct TimelineText {
    /// Heading.
    pub heading: &'static str,
    /// Order toggle.
    pub newest_first: &'static str,
    /// The note under the heading: the number of entries.
    pub note: &'static str,
    /// A year heading.
    pub year: &'static str,
    /// The group without a year.
    pub no_year: &'static str,
    /// Marks: as of, period, since, until, unresolved, undated (a date placed on its day has none).
    pub marks: [&'static str; 6],
    /// Stages: goal, next, done, date.
    pub stages: [&'static str; 4],
    /// A period with its years spelt out: written, from, to.
    pub period_years: &'static str,
}

/// The funding view: totals, chart, table.
#[derive(Debug)]
pub struct FundingText {
    /// Heading.
    pub heading: &'static str,
    /// A reply without funding.
    pub none: &'static str,
    /// Allocated money as the text says it: arranged, invested, paid (see `AllocatedWord`).
    pub allocated: [&'static str; 3],
    /// The other roles: obtained, requested, refused, loan, planned.
    pub roles: [&'static str; 5],
    /// The suffix naming a bar's role.
    pub role_suffix: &'static str,
    /// The allocated total: arranged, invested, paid.
    pub allocated_totals: [&'static str; 3],
    /// The other roles' totals: obtained, requested, refused, loan, planned.
    pub totals: [&'static str; 5],
    /// Amounts left out of the totals: their count.
    pub not_summed: &'static str,
    /// Chart view group label.
    pub chart_view: &'static str,
    /// By purpose.
    pub by_purpose: &'static str,
    /// By year.
    pub by_year: &'static str,
    /// A year bar's label.
    pub year: &'static str,
    /// The bar of money without a year.
    pub no_year: &'static str,
    /// Shares.
    pub shares: &'static str,
    /// The share view's name in the chart title.
    pub shares_title: &'static str,
    /// The chart's `<title>`: view, the allocated total's label, its amount.
    pub chart_title: &'static str,
    /// The chart's `<title>` when nothing is allocated: view, the allocated role.
    pub chart_title_none: &'static str,
    /// The chart's `<desc>`: count, label, amount, share.
    pub chart_desc: &'static str,
    /// The chart's `<desc>` without a share: count, label, amount.
    pub chart_desc_no_share: &'static str,
    /// The legend, one sentence for each kind of bar drawn: allocated (its role), obtained,
    /// requested, refused, loan, planned, approximate, a range; then how to read a bar's sentence.
    pub chart_key: [&'static str; 9],
    /// Between the legend's sentences.
    pub key_join: &'static str,
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
    /// A part counted in its total.
    pub included_above: &'static str,
    /// An amount left out of totals.
    pub not_in_totals: &'static str,
}

/// The reading settings.
#[derive(Debug)]
pub struct SettingsText {
    /// The group's name.
    pub group: &'static str,
    /// Text size.
    pub size: &'static str,
    /// The sizes, smallest first.
    pub sizes: [&'static str; 4],
    /// High contrast.
    pub contrast: &'static str,
}

/// 长辈版 and 朗读 (read aloud): the elder-mode switch and the reading controls.
#[derive(Debug)]
pub struct ElderText {
    /// The elder-mode switch (长辈版).
    pub elder: &'static str,
    /// Reads the whole reply aloud.
    pub read_all: &'static str,
    /// Reads one section aloud.
    pub read_section: &'static str,
    /// The reading controls' group.
    pub group: &'static str,
    /// Pauses reading.
    pub pause: &'static str,
    /// Resumes reading.
    pub resume: &'static str,
    /// Stops reading.
    pub stop: &'static str,
    /// Status: reading.
    pub reading: &'static str,
    /// Status: paused.
    pub paused: &'static str,
    /// Status: stopped or finished.
    pub stopped: &'static str,
    /// The browser cannot speak.
    pub no_speech: &'static str,
    /// The browser has no Chinese voice.
    pub no_voice: &'static str,
}

/// The development page's bar and the converter's report.
#[derive(Debug)]
pub struct PageText {
    /// Open a local file.
    pub open_file: &'static str,
    /// Paste a reply's text.
    pub paste: &'static str,
    /// The other language's name, in that language.
    pub other_language: &'static str,
    /// The language code of `other_language`.
    pub other_language_code: &'static str,
    /// The drop hint.
    pub drop_hint: &'static str,
    /// The paste box's label.
    pub paste_label: &'static str,
    /// Convert and show.
    pub convert: &'static str,
    /// Said while a text converts.
    pub converting: &'static str,
    /// Said after converting pasted text.
    pub converted: &'static str,
    /// A file over the limit: name, megabytes.
    pub file_too_large: &'static str,
    /// A file opened: name.
    pub file_opened: &'static str,
    /// A file that could not be read: name.
    pub file_unreadable: &'static str,
    /// Download the JSON (the converter report's other words, and the header form's, are in
    /// `i18n/editor.rs`: the converter module words them, so the viewer's wasm carries none).
    pub download: &'static str,
}

/// Replies named by a page's own address (`?src=`), and the frame page's link.
#[derive(Debug)]
pub struct AddressText {
    /// A `?src=` on an origin the site does not list: that origin.
    pub refused_origin: &'static str,
    /// A `?src=` that is not an address at all.
    pub bad_src: &'static str,
    /// The frame page's link to the same reply on a full page of its own.
    pub open_full: &'static str,
}

/// The dev page's snapshots of the reply shown: a whole page to save, a fragment to copy.
#[derive(Debug)]
pub struct SnapshotAppText {
    /// Saves the reply as one static HTML page.
    pub download_page: &'static str,
    /// Copies the reply's HTML fragment to the clipboard.
    pub copy_fragment: &'static str,
    /// Status while the renderer makes the HTML.
    pub rendering: &'static str,
    /// The page was saved: its file name.
    pub downloaded: &'static str,
    /// The fragment is on the clipboard.
    pub copied: &'static str,
    /// The clipboard refused: copy from the box below.
    pub copy_by_hand: &'static str,
    /// The label of that box.
    pub fragment_label: &'static str,
    /// No snapshot could be made: why.
    pub failed: &'static str,
}

/// The dev page's personal-data check before publishing (隐去个人信息).
#[derive(Debug)]
pub struct PrivacyText {
    /// The checkbox that masks personal data in what is shown, downloaded and copied.
    pub redact: &'static str,
    /// What it masks, said beside it.
    pub redact_hint: &'static str,
}

/// The index page of a collection of replies (`dafu render --collection`).
#[derive(Debug)]
pub struct CollectionText {
    /// The page's heading and title.
    pub heading: &'static str,
    /// How many replies: their count.
    pub count: &'static str,
    /// Column headings: reply, office, number, date, kind, result class, funding (as the live view says it).
    pub columns: [&'static str; 7],
    /// A row whose reply could not be read: why.
    pub failed: &'static str,
}

/// Citing a fact (复制引用) and going back after a jump (返回).
#[derive(Debug)]
pub struct CiteText {
    /// The button that copies a figure, amount or initiative with its sentence and source.
    pub copy: &'static str,
    /// The link back to where the reader was before a jump.
    pub back: &'static str,
    /// Said once the citation is on the clipboard.
    pub copied: &'static str,
    /// Said when the page may not write to the clipboard.
    pub failed: &'static str,
}

/// The 下一步打算 panel, and where a text is in the reply said in words (第二部分 第三项).
#[derive(Debug)]
pub struct NextStepsText {
    /// The panel's heading.
    pub heading: &'static str,
    /// The note under it: how many items.
    pub note: &'static str,
    /// Under a list cut short: how many more the text holds.
    pub more: &'static str,
    /// An item's kind: a next-step initiative, a sentence that commits.
    pub kinds: [&'static str; 2],
    /// A section by its number.
    pub part: &'static str,
    /// An initiative by its number.
    pub item: &'static str,
    /// A part and an item together.
    pub part_item: &'static str,
    /// The opening, the closing, the header.
    pub places: [&'static str; 3],
    /// A number as a position says it (二, or 2).
    pub numeral: fn(u32) -> String,
}

/// Every string the interface shows, in one language, one table per view.
#[derive(Debug)]
pub struct Text {
    /// Which language this is.
    pub lang: Lang,
    /// The instance.
    pub app: AppText,
    /// Error panel titles.
    pub errors: ErrorText,
    /// The header.
    pub header: HeaderText,
    /// Dates in words.
    pub dates: DateText,
    /// Key figures.
    pub figures: FiguresText,
    /// Sections.
    pub sections: SectionsText,
    /// Timeline.
    pub timeline: TimelineText,
    /// Funding.
    pub funding: FundingText,
    /// Reading settings.
    pub settings: SettingsText,
    /// 长辈版 and 朗读.
    pub elder: ElderText,
    /// The development page.
    pub page: PageText,
    /// Replies named by a page's address, and the frame page.
    pub address: AddressText,
    /// The dev page's snapshots (下载网页, 复制HTML片段).
    pub snapshot_app: SnapshotAppText,
    /// The dev page's personal-data check (隐去个人信息).
    pub privacy: PrivacyText,
    /// The static index page of a collection.
    pub collection: CollectionText,
    /// 复制引用 and 返回.
    pub cite: CiteText,
    /// 下一步打算, and positions in words.
    pub next_steps: NextStepsText,
}

static ZH: Text = Text {
    lang: Lang::Zh,
    app: AppText {
        loading: "正在加载答复…",
        cannot_show: "无法显示此答复",
        retry: "重试",
        attachments: "附件与来源",
        unsafe_link: "(地址不是网页链接,未显示)",
        internal_error: "答复显示程序出现内部错误,请刷新页面重试。(dafu internal error)",
    },
    errors: ErrorText {
        http: "获取 {} 失败:服务器返回 HTTP {} {}",
        network: "无法获取 {}:网络错误或地址无效",
        timeout: "获取 {} 超时:{}秒内未收到完整的答复文件",
        not_json: "{} 返回的是网页,不是答复文件(JSON)",
        too_large: "答复文件过大",
        newer_schema: "答复文件的格式版本过新",
        syntax: "答复文件格式有误(第{}行第{}列)",
        invalid: "答复文件内容有{}处问题",
        refused_src: "未打开:网址中的 src 只能是 http 或 https 网址,不能是 {} 地址",
        converter: "无法转换答复文本:转换程序未能加载",
        this_site: "本站",
        unknown_address: "所给地址",
    },
    header: HeaderText {
        untitled: "答复",
        written_on: "成文日期",
        published_on: "公开日期",
        status: "状态",
        document_details: "文件信息",
        validity: ["有效", "已失效"],
        result_class: ["A类", "B类", "C类"],
        result_meaning: [
            "所提问题已解决或基本解决",
            "正在解决或列入计划",
            "因条件限制暂时无法解决或留作参考",
        ],
        class_meaning: ":{}",
        document_number: "文号",
        signed_on: "落款日期",
        kind: ["政协提案", "人大代表建议"],
        proposal_line: "答复{}{}{}《{}》{}",
        number: "第{}号",
        session: "{}",
        proposer: " · 提出人:{}",
    },
    dates: DateText {
        pad: false,
        year: "{}年",
        month: "{}年{}月",
        day: "{}年{}月{}日",
        moment: "{}年{}月{}日 {}",
        as_of: "截至{}",
        span: "{}至{}",
        since: "{}以来",
        until: "{}以前",
    },
    figures: FiguresText {
        heading: "主要数据",
        all: "全部{}项数据",
        wan: "{}万元",
    },
    sections: SectionsText {
        untitled: "答复正文",
        show_all: "全部展开",
        hide_all: "全部收起",
        stage: ["已开展", "下一步"],
    },
    timeline: TimelineText {
        heading: "时间线",
        newest_first: "最新在前",
        note: "共{}项。未写明时间的列在最后。",
        year: "{}年",
        no_year: "未写明时间",
        marks: [
            "截至",
            "时段",
            "持续至今",
            "此前",
            "时间不明确",
            "未注明时间",
        ],
        stages: ["目标", "下一步", "已开展", "时间"],
        period_years: "{}({}—{}年)",
    },
    funding: FundingText {
        heading: "资金",
        none: "本答复没有写明具体的资金金额。",
        allocated: ["已安排", "已投入", "已拨付"],
        roles: ["已争取", "申请中", "未获批", "贷款", "计划"],
        role_suffix: "({})",
        allocated_totals: ["安排资金合计", "投入资金合计", "拨付资金合计"],
        totals: [
            "争取到的资金合计",
            "正在申请的资金合计",
            "未获批准的资金合计",
            "贷款合计",
            "计划安排的资金合计",
        ],
        not_summed: "另有{}笔是按每项计的标准或一个范围,没有计入合计。",
        chart_view: "图表视图",
        by_purpose: "按用途",
        by_year: "按年份",
        year: "{}年",
        no_year: "未注明年份",
        shares: "占比",
        shares_title: "各项所占比例",
        chart_title: "资金图({}):{}{}",
        chart_title_none: "资金图({}):没有{}的资金",
        chart_desc: "共{}笔资金,金额最大的一项是{}{},占{}。",
        chart_desc_no_share: "共{}笔资金,金额最大的一项是{}{}。",
        chart_key: [
            "实心条:{}的资金。",
            "粗边实心条:争取到的资金。",
            "斜线条:正在申请的资金。",
            "交叉线条:未获批准的资金。",
            "圆点条:贷款。",
            "空心条:计划安排的资金。",
            "虚线边框:约数。",
            "浅色的一段:金额是一个范围,画到其中较大的数。",
            "点击条形可查看原文。",
        ],
        key_join: "",
        show_table: "以表格查看",
        hide_table: "收起表格",
        of_which: "其中:",
        table_caption: "资金明细",
        columns: ["项目", "原文金额", "金额(万元)", "性质", "占比", "出处"],
        source_link: "查看原文",
        included_above: "(已含在上一行)",
        not_in_totals: "(不计入合计)",
    },
    settings: SettingsText {
        group: "阅读设置",
        size: "字号",
        sizes: ["标准", "大", "更大", "特大"],
        contrast: "高对比度",
    },
    elder: ElderText {
        elder: "长辈版",
        read_all: "朗读全文",
        read_section: "朗读本节",
        group: "朗读",
        pause: "暂停",
        resume: "继续",
        stop: "停止",
        reading: "正在朗读",
        paused: "已暂停朗读",
        stopped: "朗读已停止",
        no_speech: "此浏览器不支持朗读",
        no_voice: "此浏览器没有中文语音,无法朗读",
    },
    page: PageText {
        open_file: "打开本地答复文件(JSON或纯文本)",
        paste: "粘贴答复文本",
        other_language: "English",
        other_language_code: "en",
        drop_hint: "也可以把文件或文字拖放到本页",
        paste_label: "答复全文(纯文本)",
        convert: "转换并显示",
        converting: "正在转换…",
        converted: "已转换答复文本。",
        file_too_large: "文件“{}”太大,超过{}MB的上限。",
        file_opened: "已打开“{}”。",
        file_unreadable: "无法读取文件“{}”。",
        download: "下载JSON",
    },
    address: AddressText {
        refused_origin: "未打开:本网站只显示自己发布的答复,没有列入 {} 这个来源",
        bad_src: "未打开:网址中的 src 不是有效的网址",
        open_full: "在新窗口打开",
    },
    snapshot_app: SnapshotAppText {
        download_page: "下载网页",
        copy_fragment: "复制HTML片段",
        rendering: "正在生成HTML…",
        downloaded: "已下载 {}",
        copied: "HTML片段已复制到剪贴板",
        copy_by_hand: "无法写入剪贴板,请从下面的文本框中手动复制HTML片段",
        fragment_label: "HTML片段",
        failed: "无法生成HTML:{}",
    },
    privacy: PrivacyText {
        redact: "隐去个人信息",
        redact_hint: "以*号隐去手机号、身份证号、个人邮箱和住址(显示、下载和复制的内容均隐去)",
    },
    collection: CollectionText {
        heading: "答复目录",
        count: "共{}件",
        columns: [
            "答复",
            "办理单位",
            "编号",
            "日期",
            "类别",
            "办理结果",
            "资金",
        ],
        failed: "无法读取:{}",
    },
    cite: CiteText {
        copy: "复制引用",
        back: "返回",
        copied: "已复制引用(含原句、出处和链接)",
        failed: "无法写入剪贴板,请选中原文手动复制",
    },
    next_steps: NextStepsText {
        heading: "下一步打算",
        note: "答复中写明今后要做的事,共{}项。",
        more: "另有{}项未列出,请在正文中查看。",
        kinds: ["举措", "承诺"],
        part: "第{}部分",
        item: "第{}项",
        part_item: "{} {}",
        places: ["开头", "结尾", "文件信息"],
        numeral: chinese_numeral,
    },
};

static EN: Text = Text {
    lang: Lang::En,
    app: AppText {
        loading: "Loading the reply…",
        cannot_show: "This reply cannot be shown",
        retry: "Try again",
        attachments: "Attachments and sources",
        unsafe_link: " (address is not a web link; not shown)",
        internal_error: "The reply viewer hit an internal error; please reload the page. (dafu internal error)",
    },
    errors: ErrorText {
        http: "Could not fetch {}: the server answered HTTP {} {}",
        network: "Could not fetch {}: network error or invalid address",
        timeout: "{} did not arrive within {} seconds",
        not_json: "{} is a web page, not a reply file",
        too_large: "The reply file is too large",
        newer_schema: "The reply file is in a newer format",
        syntax: "The reply file is malformed (line {}, column {})",
        invalid: "The reply file has {} problem(s)",
        refused_src: "Not opened: src in the address must be an http or https address, not a {} address",
        converter: "The reply's text could not be converted: the converter did not load",
        this_site: "this site",
        unknown_address: "the address given",
    },
    header: HeaderText {
        untitled: "Reply",
        written_on: "Written",
        published_on: "Published",
        status: "Status",
        document_details: "Document details",
        validity: ["In force", "No longer in force"],
        result_class: ["Class A", "Class B", "Class C"],
        result_meaning: [
            "the problem raised is solved or largely solved",
            "being solved, or in the plans",
            "cannot be solved for now, or kept for reference",
        ],
        class_meaning: ": {}",
        document_number: "Document No.",
        signed_on: "Signed",
        kind: ["CPPCC proposal", "NPC deputy's suggestion"],
        proposal_line: "Reply to {}{}{}: 《{}》{}",
        number: " No. {}",
        session: " ({})",
        proposer: " · by {}",
    },
    dates: DateText {
        pad: true,
        year: "{}",
        month: "{}-{}",
        day: "{}-{}-{}",
        moment: "{}-{}-{} {}",
        as_of: "as of {}",
        span: "{}–{}",
        since: "since {}",
        until: "until {}",
    },
    figures: FiguresText {
        heading: "Key figures",
        all: "All {} figures",
        wan: "{}万元",
    },
    sections: SectionsText {
        untitled: "The reply",
        show_all: "Show all sections",
        hide_all: "Hide all sections",
        stage: ["done", "next step"],
    },
    timeline: TimelineText {
        heading: "Timeline",
        newest_first: "Newest first",
        note: "{} entries. Those without a date come last.",
        year: "{}",
        no_year: "No date given",
        marks: ["as of", "period", "ongoing", "until", "date unclear", "no date given"],
        stages: ["goal", "next step", "done", "date"],
        period_years: "{} ({}–{})",
    },
    funding: FundingText {
        heading: "Funding",
        none: "This reply names no amounts of money.",
        allocated: ["allocated", "invested", "paid"],
        roles: ["obtained", "requested", "refused", "loan", "planned"],
        role_suffix: " ({})",
        allocated_totals: ["Total allocated", "Total invested", "Total paid"],
        totals: [
            "Total obtained",
            "Total requested",
            "Total refused",
            "Total in loans",
            "Total planned",
        ],
        not_summed: "{} more are amounts per item or ranges, not added to any total.",
        chart_view: "Chart view",
        by_purpose: "By purpose",
        by_year: "By year",
        year: "{}",
        no_year: "No year given",
        shares: "Shares",
        shares_title: "each item's share",
        chart_title: "Funding chart ({}): {} {}",
        chart_title_none: "Funding chart ({}): no money {}",
        chart_desc: "{} amounts; the largest is {}, {}, {} of the total.",
        chart_desc_no_share: "{} amounts; the largest is {}, {}.",
        chart_key: [
            "Solid bars: money {}.",
            "Solid bars with a thick border: money obtained.",
            "Hatched bars: money requested.",
            "Cross-hatched bars: money refused.",
            "Dotted bars: loans.",
            "Outlined bars: money planned.",
            "Dashed border: an approximate amount.",
            "Lighter part: the amount is a range, drawn to its larger end.",
            "Click a bar to read its sentence.",
        ],
        key_join: " ",
        show_table: "Show as a table",
        hide_table: "Hide the table",
        of_which: "of which: ",
        table_caption: "Funding in detail (万元: ten thousand yuan)",
        columns: ["Item", "As written", "Amount (万元)", "Kind", "Share", "Source"],
        source_link: "View in the text",
        included_above: " (included above)",
        not_in_totals: " (not in totals)",
    },
    settings: SettingsText {
        group: "Reading settings",
        size: "Text size",
        sizes: ["Standard", "Large", "Larger", "Largest"],
        contrast: "High contrast",
    },
    elder: ElderText {
        elder: "长辈版 (elder mode)",
        read_all: "Read aloud",
        read_section: "Read this section aloud",
        group: "Read aloud",
        pause: "Pause",
        resume: "Resume",
        stop: "Stop",
        reading: "Reading aloud",
        paused: "Reading paused",
        stopped: "Reading stopped",
        no_speech: "This browser cannot read aloud",
        no_voice: "This browser has no Chinese voice to read with",
    },
    page: PageText {
        open_file: "Open a reply file (JSON or plain text)",
        paste: "Paste a reply's text",
        other_language: "中文",
        other_language_code: "zh-CN",
        drop_hint: "or drop a file or text on this page",
        paste_label: "The reply's full text (plain text)",
        convert: "Convert and show",
        converting: "Converting…",
        converted: "The reply's text was converted.",
        file_too_large: "The file “{}” is larger than the {} MB limit.",
        file_opened: "Opened “{}”.",
        file_unreadable: "Could not read the file “{}”.",
        download: "Download JSON",
    },
    address: AddressText {
        refused_origin: "Not opened: this site shows only replies it publishes itself, and does not list {} as a source",
        bad_src: "Not opened: src in the address is not a valid address",
        open_full: "Open in a new window",
    },
    snapshot_app: SnapshotAppText {
        download_page: "Download page",
        copy_fragment: "Copy HTML fragment",
        rendering: "Making the HTML…",
        downloaded: "Downloaded {}",
        copied: "The HTML fragment is on the clipboard",
        copy_by_hand: "The clipboard cannot be written: copy the HTML fragment from the box below",
        fragment_label: "HTML fragment",
        failed: "Cannot make the HTML: {}",
    },
    privacy: PrivacyText {
        redact: "Hide personal data",
        redact_hint: "Masks mobile numbers, ID numbers, personal e-mail and home addresses with * in what is shown, downloaded and copied",
    },
    collection: CollectionText {
        heading: "Replies",
        count: "{} replies",
        columns: ["Reply", "Office", "Number", "Date", "Kind", "Result", "Funding"],
        failed: "Could not be read: {}",
    },
    cite: CiteText {
        copy: "Copy citation",
        back: "Back",
        copied: "Citation copied, with its sentence, source and link",
        failed: "Cannot write to the clipboard: select the text and copy it by hand",
    },
    next_steps: NextStepsText {
        heading: "Next steps",
        note: "What the reply says will be done: {} items.",
        more: "{} more are in the text.",
        kinds: ["initiative", "commitment"],
        part: "part {}",
        item: "item {}",
        part_item: "{}, {}",
        places: ["opening", "closing", "document details"],
        numeral: arabic_numeral,
    },
};

/// A number in Chinese numerals, as a position says it: 二, 十二, 二十三 (ten thousand and over in
/// digits, which no reply numbers its parts to).
fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or_default();
    match n {
        0..=9 => digit(n).to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { digit(n - 10) }),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if n.is_multiple_of(10) {
                ""
            } else {
                digit(n % 10)
            }
        ),
        _ => n.to_string(),
    }
}

/// A number in digits.
fn arabic_numeral(n: u32) -> String {
    n.to_string()
}

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
    /// An amount in 万元 with grouping: `1,363.03万元`.
    pub fn wan(&self, d: Decimal) -> String {
        fill(self.figures.wan, &[&d.grouped()])
    }

    /// "All 20 figures".
    pub fn all_figures(&self, n: usize) -> String {
        fill(self.figures.all, &[&n])
    }

    /// The note under the timeline heading.
    pub fn timeline_note(&self, n: usize) -> String {
        fill(self.timeline.note, &[&n])
    }

    /// A timeline year heading.
    pub fn year(&self, year: Option<i32>) -> String {
        year.map_or_else(
            || self.timeline.no_year.to_owned(),
            |y| fill(self.timeline.year, &[&y]),
        )
    }

    /// A funding bar's year label.
    pub fn funding_year(&self, year: Option<i32>) -> String {
        year.map_or_else(
            || self.funding.no_year.to_owned(),
            |y| fill(self.funding.year, &[&y]),
        )
    }

    /// What a funding bar stands for, in words.
    pub fn bar_label(&self, label: &BarLabel) -> String {
        match label {
            BarLabel::Item(text) => text.clone(),
            BarLabel::Year(y) => self.funding_year(Some(*y)),
            BarLabel::NoYear => self.funding_year(None),
        }
    }

    /// A bar's amount: as the reply writes it, or a year's exact sum in 万元.
    pub fn bar_value(&self, bar: &Bar) -> String {
        bar.written.clone().unwrap_or_else(|| self.wan(bar.wan))
    }

    /// The written mark of a timeline placement (none for a date placed on its day, month or year).
    pub fn placement_mark(&self, p: Placement) -> &'static str {
        let i = match p {
            Placement::On => return "",
            Placement::AsOf => 0,
            Placement::Span { .. } => 1,
            Placement::Since => 2,
            Placement::Until => 3,
            Placement::Unresolved => 4,
            Placement::Undated => 5,
        };
        self.timeline.marks.get(i).copied().unwrap_or_default()
    }

    /// Where a text is, in words: "第二部分 第三项", "结尾"; empty when nowhere to say.
    pub fn position(&self, p: Position) -> String {
        let t = &self.next_steps;
        let words = |template: &str, n: u32| fill(template, &[&(t.numeral)(n)]);
        let [opening, closing, header] = t.places;
        match p {
            Position::Body { part, item } => {
                let part = part.map(|n| words(t.part, n));
                let item = item.map(|n| words(t.item, n));
                match (part, item) {
                    (Some(p), Some(i)) => fill(t.part_item, &[&p, &i]),
                    (Some(one), None) | (None, Some(one)) => one,
                    (None, None) => String::new(),
                }
            }
            Position::Opening => opening.to_owned(),
            Position::Closing => closing.to_owned(),
            Position::Header => header.to_owned(),
            Position::Unknown => String::new(),
        }
    }

    /// "下一步打算" panel's note: how many items.
    pub fn next_steps_note(&self, n: usize) -> String {
        fill(self.next_steps.note, &[&n])
    }

    /// Under a cut-short "下一步打算" list: how many more.
    pub fn next_steps_more(&self, n: usize) -> String {
        fill(self.next_steps.more, &[&n])
    }

    /// A timeline entry's stage.
    pub fn entry_stage(&self, stage: EntryStage) -> &'static str {
        let i = match stage {
            EntryStage::Goal => 0,
            EntryStage::Next => 1,
            EntryStage::Done => 2,
            EntryStage::Date => 3,
        };
        self.timeline.stages.get(i).copied().unwrap_or_default()
    }

    /// An initiative's stage label in the text.
    pub fn block_stage(&self, stage: Stage) -> &'static str {
        let [done, next] = self.sections.stage;
        match stage {
            Stage::Done => done,
            Stage::Next => next,
        }
    }

    /// A money role, as a short label; allocated money as `word` says it (已安排, 已投入, 已拨付).
    pub fn role(&self, role: MoneyRole, word: AllocatedWord) -> &'static str {
        self.by_role(&self.funding.allocated, &self.funding.roles, role, word)
    }

    /// The entry of a per-role table: `allocated` by the word the text uses, `others` by role.
    fn by_role(
        &self,
        allocated: &[&'static str; 3],
        others: &[&'static str; 5],
        role: MoneyRole,
        word: AllocatedWord,
    ) -> &'static str {
        let [obtained, requested, refused, loan, planned] = *others;
        match role {
            MoneyRole::Allocated => {
                let [arranged, invested, paid] = *allocated;
                match word {
                    AllocatedWord::Arranged => arranged,
                    AllocatedWord::Invested => invested,
                    AllocatedWord::Paid => paid,
                }
            }
            MoneyRole::Obtained => obtained,
            MoneyRole::Requested => requested,
            MoneyRole::Refused => refused,
            MoneyRole::Loan => loan,
            MoneyRole::Planned => planned,
        }
    }

    /// The suffix after a bar's amount that names its role (none for allocated money).
    pub fn role_suffix(&self, role: MoneyRole) -> String {
        match role {
            MoneyRole::Allocated => String::new(),
            r => fill(
                self.funding.role_suffix,
                &[&self.role(r, AllocatedWord::Arranged)],
            ),
        }
    }

    /// The label of a per-role total: `安排资金合计`, `拨付资金合计` as the text says (`word`).
    pub fn role_total(&self, role: MoneyRole, word: AllocatedWord) -> &'static str {
        self.by_role(
            &self.funding.allocated_totals,
            &self.funding.totals,
            role,
            word,
        )
    }

    /// The chart's legend: a sentence for each kind of bar in `bars` (allocated money as `word`
    /// says it), then how to open a bar's sentence.
    pub fn chart_key(&self, bars: &[Bar], word: AllocatedWord) -> String {
        let [allocated, obtained, requested, refused, loan, planned, approx, range, click] =
            self.funding.chart_key;
        let has = |role| bars.iter().any(|b| b.role == role);
        let allocated = fill(allocated, &[&self.role(MoneyRole::Allocated, word)]);
        let parts = [
            (has(MoneyRole::Allocated), allocated.as_str()),
            (has(MoneyRole::Obtained), obtained),
            (has(MoneyRole::Requested), requested),
            (has(MoneyRole::Refused), refused),
            (has(MoneyRole::Loan), loan),
            (has(MoneyRole::Planned), planned),
            (bars.iter().any(|b| b.approx), approx),
            (bars.iter().any(|b| b.upper_wan.is_some()), range),
            (true, click),
        ];
        let shown: Vec<&str> = parts.iter().filter(|p| p.0).map(|p| p.1).collect();
        shown.join(self.funding.key_join)
    }

    /// The note about amounts left out of the totals.
    pub fn not_summed(&self, n: usize) -> String {
        fill(self.funding.not_summed, &[&n])
    }

    /// The chart's `<title>`: the view, and the allocated total as the text says it (`word`).
    pub fn chart_title(
        &self,
        view: &str,
        allocated: Option<Decimal>,
        word: AllocatedWord,
    ) -> String {
        match allocated {
            Some(t) => fill(
                self.funding.chart_title,
                &[
                    &view,
                    &self.role_total(MoneyRole::Allocated, word),
                    &self.wan(t),
                ],
            ),
            None => fill(
                self.funding.chart_title_none,
                &[&view, &self.role(MoneyRole::Allocated, word)],
            ),
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
        match share {
            Some(s) => fill(
                self.funding.chart_desc,
                &[&count, &label, &amount, &percent(s)],
            ),
            None => fill(self.funding.chart_desc_no_share, &[&count, &label, &amount]),
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
        let h = &self.header;
        let [proposal, suggestion] = h.kind;
        let kind = kind.map_or("", |k| match k {
            ProposalKind::Proposal => proposal,
            ProposalKind::Suggestion => suggestion,
        });
        let part = |template, value: Option<&str>| {
            value.map(|v| fill(template, &[&v])).unwrap_or_default()
        };
        fill(
            h.proposal_line,
            &[
                &part(h.session, session),
                &kind,
                &part(h.number, number),
                &title,
                &part(h.proposer, proposer),
            ],
        )
    }

    /// Validity badge.
    pub fn validity(&self, v: Validity) -> &'static str {
        let [valid, invalid] = self.header.validity;
        match v {
            Validity::Valid => valid,
            Validity::Invalid => invalid,
        }
    }

    /// Result class badge: `A类`.
    pub fn result_class(&self, c: ResultClass) -> &'static str {
        let [a, b, class_c] = self.header.result_class;
        match c {
            ResultClass::A => a,
            ResultClass::B => b,
            ResultClass::C => class_c,
        }
    }

    /// What a result class means, in words: `所提问题已解决或基本解决`.
    pub fn result_meaning(&self, c: ResultClass) -> &'static str {
        let [a, b, class_c] = self.header.result_meaning;
        match c {
            ResultClass::A => a,
            ResultClass::B => b,
            ResultClass::C => class_c,
        }
    }

    /// A calendar point in words: `2023年4月`, `2023-04`.
    pub fn point(&self, p: Point) -> String {
        let d = &self.dates;
        let n = |v: u8| {
            if d.pad {
                format!("{v:02}")
            } else {
                v.to_string()
            }
        };
        match p {
            Point::Year(y) => fill(d.year, &[&y]),
            Point::Month(y, m) => fill(d.month, &[&y, &n(m)]),
            Point::Day(y, m, day) => fill(d.day, &[&y, &n(m), &n(day)]),
            Point::Moment(y, m, day, h, mi, _) => {
                fill(d.moment, &[&y, &n(m), &n(day), &format!("{h:02}:{mi:02}")])
            }
        }
    }

    /// Where a date lies, in words: `2021年至2025年`, `since 2023`.
    pub fn placed(&self, d: &DateRef) -> String {
        let t = &self.dates;
        match d.when() {
            When::On(p) => self.point(p),
            When::AsOf(p) => fill(t.as_of, &[&self.point(p)]),
            When::Span(a, b) => fill(t.span, &[&self.point(a), &self.point(b)]),
            When::Since(a) => fill(t.since, &[&self.point(a)]),
            When::Until(b) => fill(t.until, &[&self.point(b)]),
            When::Unresolved => d.written().to_owned(),
        }
    }

    /// A timeline date as shown: as written, a period's years spelt out.
    pub fn entry_when(&self, written: &str, placement: Placement) -> String {
        match placement {
            Placement::Span { from, .. } if written.contains(&from.to_string()) => {
                written.to_owned()
            }
            Placement::Span { from, to } => {
                fill(self.timeline.period_years, &[&written, &from, &to])
            }
            Placement::Undated => String::new(),
            _ => written.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A failing test is a panic.

    use dafu_core::model::DateRef;

    use super::super::options::Lang;

    /// Checks how a date in reply JSON is placed in words, in Chinese and in English.
    #[track_caller]
    fn check(json: &str, zh: &str, en: &str) {
        let d: DateRef = serde_json::from_str(json).unwrap();
        assert_eq!(
            (Lang::Zh.text().placed(&d), Lang::En.text().placed(&d)),
            (zh.to_owned(), en.to_owned()),
            "{json}"
        );
    }

    #[test]
    fn each_date_form_is_placed_in_words_in_both_languages() {
        check(
            r#"{"written": "2021年11月19日", "on": "2021-11-19"}"#,
            "2021年11月19日",
            "2021-11-19",
        );
        check(
            r#"{"written": "2023年4月", "on": "2023-04"}"#,
            "2023年4月",
            "2023-04",
        );
        check(r#"{"written": "2035年", "on": "2035"}"#, "2035年", "2035");
        check(
            r#"{"written": "截至2023年4月", "as_of": "2023-04"}"#,
            "截至2023年4月",
            "as of 2023-04",
        );
        check(
            r#"{"written": "十四五", "from": "2021", "to": "2025"}"#,
            "2021年至2025年",
            "2021–2025",
        );
        check(
            r#"{"written": "2023年以来", "from": "2023"}"#,
            "2023年以来",
            "since 2023",
        );
        check(
            r#"{"written": "2019年以前", "to": "2019"}"#,
            "2019年以前",
            "until 2019",
        );
        check(r#"{"written": "上半年"}"#, "上半年", "上半年");
        check(
            r#"{"written": "2024-07-01 17:57:30", "on": "2024-07-01T17:57:30"}"#,
            "2024年7月1日 17:57",
            "2024-07-01 17:57",
        );
    }

    #[test]
    fn funding_years_are_labelled_in_the_interface_language() {
        assert_eq!(Lang::Zh.text().funding_year(Some(2020)), "2020年");
        assert_eq!(Lang::En.text().funding_year(Some(2020)), "2020");
        assert_eq!(Lang::En.text().funding_year(None), "No year given");
    }
}
