//! The converter report and the header form as markup for the dev page, worded in the interface's
//! language ([`EditorText`]): each diagnostic with its line, what was not understood and what to do;
//! the header facts not found; the form that corrects them. Built here, in the module editors load,
//! so that readers' wasm carries neither the words nor the code. Everything from the reply or the
//! text is escaped ([`push_escaped`]).

use dafu_core::model::Reply;
use dafu_core::parse::{Conversion, Diagnostic, DiagnosticKind, Field, Looks, Refusal, Repair};
use dafu_core::privacy::Kind;
use dafu_core::text::{fill, push_escaped};

use crate::decode::Encoding;
use crate::words::EditorText;

/// A field's label: its place in [`Field::ALL`] is its place in `fields`.
fn label(field: Field, w: &EditorText) -> &'static str {
    Field::ALL
        .iter()
        .position(|f| *f == field)
        .and_then(|i| w.fields.get(i))
        .copied()
        .unwrap_or_default()
}

/// One diagnostic in words: where (its line, or the whole text), what was not understood, and what
/// to do.
pub fn worded(d: &Diagnostic, w: &EditorText) -> String {
    let at = if d.line == 0 {
        w.whole_text.to_owned()
    } else {
        fill(w.line, &[&d.line])
    };
    let what = match &d.kind {
        DiagnosticKind::TooLarge { bytes } => {
            fill(w.too_large, &[bytes, &dafu_core::parse::MAX_TEXT_BYTES])
        }
        DiagnosticKind::HeaderLine { text, looks }
        | DiagnosticKind::HeaderField { text, looks } => match looks {
            Looks::ResultClass(Some(c)) => fill(w.looks_class, &[text, &format!("{c:?}")]),
            Looks::ResultClass(None) => fill(w.looks_class_bare, &[text]),
            Looks::DocumentNumber => fill(w.looks_number, &[text]),
            Looks::Date => fill(w.looks_date, &[text]),
            Looks::Issuer => fill(w.looks_issuer, &[text]),
            Looks::Field | Looks::Other => fill(w.looks_other, &[text]),
        },
        DiagnosticKind::OneSection => w.one_section.to_owned(),
        DiagnosticKind::NoOpening => w.no_opening.to_owned(),
        DiagnosticKind::SignatureDate {
            written,
            read_as,
            repair,
        } => {
            let [no_day, run_together] = w.repairs;
            let why = match repair {
                Repair::NoDay => no_day,
                Repair::RunTogether => run_together,
            };
            fill(w.signature_date, &[written, read_as, &why])
        }
        DiagnosticKind::DateInferred { written, read_as } => {
            fill(w.date_inferred, &[written, read_as])
        }
        DiagnosticKind::NotCorrected { field, value, why } => {
            let [date, kind, class] = w.refusals;
            let why = match why {
                Refusal::NotADate => date,
                Refusal::NotAKind => kind,
                Refusal::NotAClass => class,
            };
            fill(w.not_corrected, &[&label(*field, w), value, &why])
        }
        DiagnosticKind::PersonalData {
            what,
            shown,
            office,
        } => {
            let [mobile, id, email, home] = w.personal_kinds;
            let kind = match what {
                Kind::Mobile => mobile,
                Kind::IdNumber => id,
                Kind::Email => email,
                Kind::HomeAddress => home,
            };
            fill(if *office { w.office } else { w.personal }, &[&kind, shown])
        }
    };
    at + &what
}

/// The report: what the text was read as (when it needs saying), the counts, the header facts not
/// found, and every diagnostic worded.
pub fn report_html(c: &Conversion, encoding: Encoding, w: &EditorText) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str(r#"<h2 class="dafu-page__report-title" id="dafu-page-report-title">"#);
    push_escaped(&mut out, w.report);
    out.push_str("</h2>");
    let read_as = match encoding {
        Encoding::Utf8 => None,
        Encoding::Utf16Le | Encoding::Utf16Be => Some(w.read_utf16),
        Encoding::Gb18030 => Some(w.read_gb18030),
        Encoding::Lossy => Some(w.read_lossy),
    };
    if let Some(read_as) = read_as {
        out.push_str(r#"<p class="dafu-page__encoding">"#);
        push_escaped(&mut out, read_as);
        out.push_str("</p>");
    }
    let r = &c.reply;
    let counts = [
        r.sections.len(),
        r.initiative_count(),
        r.figures.len(),
        r.funding.len(),
        r.dates.len(),
    ];
    out.push_str(r#"<ul class="dafu-page__counts">"#);
    for (n, name) in counts.iter().zip(w.counts) {
        out.push_str(&format!(
            r#"<li class="dafu-page__count"><span class="dafu-page__count-value">{n}</span> "#
        ));
        push_escaped(&mut out, name);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    let missing = dafu_core::parse::correct::missing(r);
    if !missing.is_empty() {
        out.push_str(r#"<h3 class="dafu-page__missing-title">"#);
        push_escaped(&mut out, w.missing);
        out.push_str(r#"</h3><p class="dafu-page__missing-hint">"#);
        push_escaped(&mut out, w.missing_hint);
        out.push_str(r#"</p><ul class="dafu-page__missing">"#);
        for f in missing {
            out.push_str(r#"<li class="dafu-page__missing-item">"#);
            push_escaped(&mut out, label(f, w));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str(r#"<p class="dafu-page__issues">"#);
    push_escaped(&mut out, &fill(w.issues, &[&c.diagnostics.len()]));
    out.push_str("</p>");
    if !c.diagnostics.is_empty() {
        out.push_str(r#"<ul class="dafu-page__diagnostics">"#);
        for d in &c.diagnostics {
            out.push_str(r#"<li class="dafu-page__diagnostic">"#);
            push_escaped(&mut out, &worded(d, w));
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out
}

/// The form that corrects the header facts, filled with the reply's values. Each control carries its
/// field's key in `data-dafu-set`; the page listens once on the form for `input`.
pub fn form_html(reply: &Reply, w: &EditorText) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str(r#"<h2 class="dafu-page__edit-title" id="dafu-page-edit-title">"#);
    push_escaped(&mut out, w.form);
    out.push_str(r#"</h2><p class="dafu-page__edit-hint">"#);
    push_escaped(&mut out, w.form_hint);
    out.push_str(r#"</p><div class="dafu-page__fields">"#);
    for field in Field::ALL {
        let key = field.key();
        let value = field.value(reply);
        out.push_str(&format!(
            r#"<div class="dafu-page__field"><label class="dafu-page__field-label" for="dafu-page-set-{key}">"#
        ));
        push_escaped(&mut out, label(field, w));
        out.push_str("</label>");
        let choices: Option<Vec<(&str, &str)>> = match field {
            Field::Kind => {
                let [proposal, suggestion] = w.kinds;
                Some(vec![("proposal", proposal), ("suggestion", suggestion)])
            }
            Field::ResultClass => {
                let [a, b, c] = w.classes;
                Some(vec![("A", a), ("B", b), ("C", c)])
            }
            _ => None,
        };
        match choices {
            Some(choices) => {
                out.push_str(&format!(
                    r#"<select class="dafu-page__input" id="dafu-page-set-{key}" data-dafu-set="{key}"><option value="">"#
                ));
                push_escaped(&mut out, w.unset);
                out.push_str("</option>");
                for (v, name) in choices {
                    let selected = if v == value { " selected" } else { "" };
                    out.push_str(&format!(r#"<option value="{v}"{selected}>"#));
                    push_escaped(&mut out, name);
                    out.push_str("</option>");
                }
                out.push_str("</select>");
            }
            None => {
                out.push_str(&format!(
                    r#"<input class="dafu-page__input" id="dafu-page-set-{key}" type="text" data-dafu-set="{key}" value=""#
                ));
                push_escaped(&mut out, &value);
                out.push('"');
                if matches!(field, Field::Written | Field::Published) {
                    out.push_str(r#" placeholder=""#);
                    push_escaped(&mut out, w.date_example);
                    out.push('"');
                }
                out.push('>');
            }
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
    out
}

/// The name the downloaded JSON takes: the reply's 文号, else its title, else `reply`, without the
/// characters file systems refuse (`/ \ : * ? " < > |`, control characters), at most 80 characters,
/// then `.json`.
pub fn file_name(reply: &Reply) -> String {
    let number = reply
        .meta
        .document_number
        .as_deref()
        .filter(|n| !n.trim().is_empty());
    let base = number.unwrap_or(&reply.meta.title);
    let clean: String = base
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .take(80)
        .collect();
    let clean = clean.trim().trim_matches('.').trim();
    if clean.is_empty() {
        "reply.json".to_owned()
    } else {
        format!("{clean}.json")
    }
}
