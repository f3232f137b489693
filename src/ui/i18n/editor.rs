//! The converter report's and the header form's words, in Chinese and English: the editor's part of
//! the interface (see `i18n.rs`). Kept in a file of its own because the converter module
//! (`crates/dafu-convert`, loaded on demand) words the report and builds the form, and includes this
//! file (`#[path]`): readers never convert, so the viewer's wasm carries none of these strings. It
//! therefore names nothing outside itself. A template's `{}` are filled in order.

/// Every word of the converter report and the header form, in one language.
#[derive(Debug)]
pub struct EditorText {
    /// The report's heading.
    pub report: &'static str,
    /// A text read as UTF-16 (by its BOM).
    pub read_utf16: &'static str,
    /// A text read as GB18030/GBK.
    pub read_gb18030: &'static str,
    /// A text that is neither UTF-8 nor GBK.
    pub read_lossy: &'static str,
    /// Counted things: sections, initiatives, figures, funding, dates.
    pub counts: [&'static str; 5],
    /// The heading of the header facts not found.
    pub missing: &'static str,
    /// Said before the list of header facts not found.
    pub missing_hint: &'static str,
    /// The number of diagnostics.
    pub issues: &'static str,
    /// A diagnostic about the whole text (what goes before its words).
    pub whole_text: &'static str,
    /// A diagnostic's line (what goes before its words): its number.
    pub line: &'static str,
    /// A header line not understood that looks like the result class: the line, the letter.
    pub looks_class: &'static str,
    /// The same without a letter in the line: the line.
    pub looks_class_bare: &'static str,
    /// A header line not understood that looks like a 文号: the line.
    pub looks_number: &'static str,
    /// A header line not understood that looks like a date: the line.
    pub looks_date: &'static str,
    /// A header line not understood that names an agency: the line.
    pub looks_issuer: &'static str,
    /// Any other header line not understood: the line.
    pub looks_other: &'static str,
    /// No numbered section headings.
    pub one_section: &'static str,
    /// No opening line.
    pub no_opening: &'static str,
    /// A repaired signature date: as written, as read, the repair.
    pub signature_date: &'static str,
    /// The repairs: the day has no 日, digits run together.
    pub repairs: [&'static str; 2],
    /// A date whose year came from context: as written, as read.
    pub date_inferred: &'static str,
    /// A text over the limit: its bytes, the limit.
    pub too_large: &'static str,
    /// Personal data: its kind, its masked form.
    pub personal: &'static str,
    /// The office's own contact data, kept: its kind, the data.
    pub office: &'static str,
    /// Kinds of personal data: mobile, ID number, e-mail, home address.
    pub personal_kinds: [&'static str; 4],
    /// A correction not made: the field, the value, why.
    pub not_corrected: &'static str,
    /// Why: not a date, not a kind, not a class.
    pub refusals: [&'static str; 3],
    /// The form's heading.
    pub form: &'static str,
    /// What the form does.
    pub form_hint: &'static str,
    /// The fields, in the form's order: title, issuer, 文号, 成文日期, 公开日期, kind, number,
    /// proposal title, result class.
    pub fields: [&'static str; 9],
    /// A choice left unset.
    pub unset: &'static str,
    /// The kinds: 提案, 建议.
    pub kinds: [&'static str; 2],
    /// The result classes A, B, C.
    pub classes: [&'static str; 3],
    /// The example under a date field.
    pub date_example: &'static str,
}

/// The Chinese words.
pub static ZH: EditorText = EditorText {
    report: "转换结果",
    read_utf16: "文件按UTF-16编码读取。",
    read_gb18030: "文件不是UTF-8编码,已按GB18030(GBK)读取。",
    read_lossy: "文件既不是UTF-8也不是GBK编码,无法识别的字节已替换为“\u{fffd}”:请另存为UTF-8后重新打开。",
    counts: ["章节", "举措", "数字", "资金", "时间"],
    missing: "未找到",
    missing_hint: "答复中没有找到以下文件信息,可在“更正文件信息”中填写:",
    issues: "{}条提示",
    whole_text: "全文:",
    line: "第{}行",
    looks_class: "“{}”未识别为办理结果:可写作“{}类”后重新转换,或在“更正文件信息”中选择办理结果",
    looks_class_bare: "“{}”未识别为办理结果:可写作“A类”“B类”或“C类”后重新转换,或在“更正文件信息”中选择办理结果",
    looks_number: "“{}”未识别为文号:可写作“文号:某政函〔2024〕1号”后重新转换,或在“更正文件信息”中填写文号",
    looks_date: "“{}”未识别为日期:可写作“成文日期:2024年5月10日”后重新转换,或在“更正文件信息”中填写日期",
    looks_issuer: "“{}”未识别为承办单位:可在“更正文件信息”中填写承办单位",
    looks_other: "“{}”未识别,已略去:如是网页栏目文字可不必理会;如是文件信息,可在“更正文件信息”中填写",
    one_section: "正文没有“一、”“二、”这样的编号小标题,全文作为一节显示:如答复分几部分,可在各部分标题前加编号后重新转换",
    no_opening: "没有找到开头语(含“收悉”或“答复如下”的一行):请确认粘贴的是答复全文,开头语单独成行",
    signature_date: "落款日期“{}”按{}读取({}):请核对,如有误可改正后重新转换",
    repairs: ["日期缺少“日”字", "数字连写,按日期拆分"],
    date_inferred: "日期“{}”按{}读取(年份取自上下文或数字重新分组):请核对",
    too_large: "文本有{}字节,超过{}字节的上限,未转换:请分成较小的文件",
    personal: "含个人信息({} {}),不宜公开:勾选“隐去个人信息”即以*号隐去",
    office: "办理单位的联系方式({} {}),予以保留",
    personal_kinds: ["手机号", "身份证号", "个人邮箱", "住址"],
    not_corrected: "{}“{}”未更正:{};仍用转换所得的值",
    refusals: [
        "不是可识别的日期,可写作2024年5月10日",
        "只能是提案或建议",
        "只能是A、B或C",
    ],
    form: "更正文件信息",
    form_hint: "修改后页面随即更新,下载的JSON也一并更正。",
    fields: [
        "标题",
        "承办单位",
        "文号",
        "成文日期",
        "公开日期",
        "提案或建议",
        "提案/建议编号",
        "提案/建议标题",
        "办理结果",
    ],
    unset: "未写明",
    kinds: ["提案", "建议"],
    classes: ["A类", "B类", "C类"],
    date_example: "如2024年5月10日",
};

/// The English words.
pub static EN: EditorText = EditorText {
    report: "Conversion report",
    read_utf16: "The file was read as UTF-16.",
    read_gb18030: "The file is not UTF-8; it was read as GB18030 (GBK).",
    read_lossy: "The file is neither UTF-8 nor GBK; bytes that could not be read were replaced with “\u{fffd}”: save it as UTF-8 and open it again.",
    counts: ["sections", "initiatives", "figures", "amounts", "dates"],
    missing: "Not found",
    missing_hint: "The reply does not give these header facts; you can fill them in under “Correct the header”:",
    issues: "{} notes",
    whole_text: "Whole text: ",
    line: "Line {}: ",
    looks_class: "“{}” was not understood as the result class: write it as “{}类” and convert again, or choose the result under “Correct the header”",
    looks_class_bare: "“{}” was not understood as the result class: write it as “A类”, “B类” or “C类” and convert again, or choose the result under “Correct the header”",
    looks_number: "“{}” was not understood as the document number (文号): write it as “文号:某政函〔2024〕1号” and convert again, or fill it in under “Correct the header”",
    looks_date: "“{}” was not understood as a date: write it as “成文日期:2024年5月10日” and convert again, or fill it in under “Correct the header”",
    looks_issuer: "“{}” was not understood as the office in charge: fill it in under “Correct the header”",
    looks_other: "“{}” was not understood and was left out: if it is text from the web page, ignore it; if it is a header fact, fill it in under “Correct the header”",
    one_section: "The body has no numbered headings such as “一、” and “二、”, so it is shown as one section: if the reply has parts, number their headings and convert again",
    no_opening: "No opening line (one with “收悉” or “答复如下”) was found: check that the whole reply was pasted and that the opening is a line of its own",
    signature_date: "The signature date “{}” was read as {} ({}): check it, and correct it and convert again if it is wrong",
    repairs: ["the day has no 日", "the digits run together and were split as a date"],
    date_inferred: "The date “{}” was read as {} (the year comes from the text around it, or the digits were regrouped): check it",
    too_large: "The text is {} bytes, over the limit of {} bytes, and was not converted: split it into smaller files",
    personal: "Personal data, {} {}, not for publishing: tick “Hide personal data” to mask it with *",
    office: "The office's own contact details, {} {}, are kept",
    personal_kinds: ["mobile number", "ID number", "personal e-mail", "home address"],
    not_corrected: "{} “{}” was not set: {}; the converted value is kept",
    refusals: [
        "not a date that can be read; write it as 2024年5月10日",
        "it can only be a proposal or a suggestion",
        "it can only be A, B or C",
    ],
    form: "Correct the header",
    form_hint: "The page updates as you type, and the downloaded JSON has the corrections.",
    fields: [
        "Title",
        "Office in charge",
        "Document number (文号)",
        "Date written",
        "Date published",
        "Proposal or suggestion",
        "Proposal/suggestion number",
        "Proposal/suggestion title",
        "Result",
    ],
    unset: "Not given",
    kinds: ["Proposal", "Suggestion"],
    classes: ["Class A", "Class B", "Class C"],
    date_example: "e.g. 2024年5月10日",
};
