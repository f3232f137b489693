//! The fidelity report: every corpus reply (`tests/fixtures/corpus/cNN.txt`) converted, as stored and
//! with its full-width punctuation restored, and its facts compared with the gold written by reading
//! (`cNN.gold.json`): recall and precision per kind of fact, per reply and in total, and how many of
//! the matched amounts have the gold's role. Fails when a total drops below its batch's ratchet
//! (`corpus/ratchet.json` for c01–c40, `corpus/ratchet-cNN.json` for the batch added later from cNN on,
//! replies the rules had never seen; `UPDATE_RATCHET=1` raises the figures, never lowers them) or when
//! the two runs disagree.
//! Run with `cargo test -p dafu-core --test fidelity -- --nocapture`; the rules are in the corpus README.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;

use dafu_core::model::{Block, DateRef, Decimal, Reply, TextId};
use dafu_core::parse::convert;
use serde_json::Value;

/// The kinds of fact, in the order the tables show them.
const KINDS: [&str; 10] = [
    "meta",
    "fields",
    "proposal",
    "addressee",
    "signature",
    "sections",
    "initiatives",
    "figures",
    "funding",
    "dates",
];

const CORPUS: &str = "tests/fixtures/corpus";
/// The first batch's ratchet; a later batch's is `ratchet-cNN.json`, cNN its first reply.
const RATCHET: &str = "tests/fixtures/corpus/ratchet.json";

/// The ratchets: each file with the name of its batch's first reply (`""` for the first batch), in order.
fn batches() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = common::fixtures(CORPUS, "json")
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let start = name.strip_prefix("ratchet")?.strip_suffix(".json")?;
            let start = start.strip_prefix('-').unwrap_or(start).to_owned();
            Some((start, format!("{CORPUS}/{name}")))
        })
        .collect();
    if out.is_empty() {
        out.push((String::new(), RATCHET.to_owned()));
    }
    out.sort();
    out
}

// ---------------------------------------------------------------------------------------------------
// Text: folding for comparison, and restoring the full-width punctuation the page store took out.

/// Full-width punctuation and the ASCII the page store turned it into.
const WIDE: [(char, char); 7] = [
    ('，', ','),
    ('：', ':'),
    ('；', ';'),
    ('（', '('),
    ('）', ')'),
    ('！', '!'),
    ('\u{3000}', ' '),
];

/// A value as compared: full-width punctuation as ASCII, no surrounding whitespace, one space inside.
fn fold(text: &str) -> String {
    let ascii: String = text
        .chars()
        .map(|c| WIDE.iter().find(|(w, _)| *w == c).map_or(c, |(_, a)| *a))
        .collect();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date as written, without a time of day after it (`2023-12-29 14:43:43` → `2023-12-29`): the gold
/// writes header dates without their time.
fn date_written(written: &str) -> String {
    let folded = fold(written);
    match folded.rsplit_once(' ') {
        Some((date, time))
            if time.contains(':') && time.chars().all(|c| c.is_ascii_digit() || c == ':') =>
        {
            date.to_owned()
        }
        _ => folded,
    }
}

/// A relative time word (今年, 年初, 近年来, 目前): no digit and no numeral, so optional.
fn is_relative_time_word(written: &str) -> bool {
    !written
        .chars()
        .any(|c| c.is_ascii_digit() || "〇○零一二三四五六七八九十".contains(c))
}

/// A number compared by value: `1.0` and `1` are equal.
fn number(text: &str) -> String {
    Decimal::parse(text).map_or_else(|_| fold(text), |d| d.normalized().to_string())
}

/// Where a date lies, from its JSON form (`on`, `as_of`, `from`, `to`), to the day.
fn placement(date: &Value) -> String {
    ["on", "as_of", "from", "to"]
        .iter()
        .filter_map(|k| Some(format!("{k}={}", day(date.get(*k)?.as_str()?))))
        .collect::<Vec<_>>()
        .join(",")
}

/// A date point to the day (`2024-07-01T17:57:30` → `2024-07-01`).
fn day(point: &str) -> &str {
    point.split('T').next().unwrap_or(point)
}

// ---------------------------------------------------------------------------------------------------
// Facts.

/// One fact, reduced to what is compared.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Fact {
    /// Compared for equality, folded: `title=…`, `2|一是`, `224户|224`, `2023年|on=2023`.
    key: String,
    /// A section's heading, compared by prefix; empty for every other kind.
    heading: String,
    /// A funding item's role; empty for every other kind.
    role: String,
    /// A gold reading marked doubtful: it counts for recall only when matched.
    doubtful: bool,
}

impl Fact {
    fn new(key: String) -> Self {
        Fact {
            key,
            heading: String::new(),
            role: String::new(),
            doubtful: false,
        }
    }

    /// The same key, and headings that agree: equal, or one starts with the other (an empty heading
    /// agrees only with an empty one).
    fn matches(&self, other: &Fact) -> bool {
        let (a, b) = (&self.heading, &other.heading);
        let headings = a == b
            || (!a.is_empty()
                && !b.is_empty()
                && (a.starts_with(b.as_str()) || b.starts_with(a.as_str())));
        self.key == other.key && headings
    }
}

/// A reply's facts by kind.
#[derive(Debug, Default, PartialEq)]
struct Facts(BTreeMap<&'static str, Vec<Fact>>);

impl Facts {
    fn add(&mut self, kind: &'static str, fact: Fact) {
        self.0.entry(kind).or_default().push(fact);
    }

    /// A named value (`title=…`), when it is given and not blank.
    fn scalar(&mut self, kind: &'static str, name: &str, value: Option<&str>) {
        if let Some(v) = value.map(fold).filter(|v| !v.is_empty()) {
            self.add(kind, Fact::new(format!("{name}={v}")));
        }
    }

    fn of(&self, kind: &str) -> &[Fact] {
        self.0.get(kind).map_or(&[], Vec::as_slice)
    }
}

/// A string at a JSON path such as `["meta", "title"]`.
fn text_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

/// The facts of a `cNN.gold.json`, with the report's conventions applied.
fn gold_facts(g: &Value) -> Facts {
    let mut f = Facts::default();
    let list = |k: &str| {
        g.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for name in [
        "title",
        "issuer",
        "document_number",
        "index_number",
        "written",
        "published",
    ] {
        f.scalar("meta", name, text_at(g, &["meta", name]));
    }
    for pair in g["meta"]["fields"].as_array().into_iter().flatten() {
        let (k, v) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        f.add("fields", Fact::new(format!("{}={}", fold(k), fold(v))));
    }
    for name in [
        "kind",
        "number",
        "session",
        "title",
        "proposer",
        "result_class",
    ] {
        f.scalar("proposal", name, text_at(g, &["proposal", name]));
    }
    f.scalar("addressee", "addressee", text_at(g, &["addressee"]));
    f.scalar("signature", "signer", text_at(g, &["signature", "signer"]));
    f.scalar("signature", "date", text_at(g, &["signature", "date"]));
    for s in list("sections") {
        let mut fact = Fact::new(fold(s[0].as_str().unwrap()));
        fact.heading = fold(s[1].as_str().unwrap());
        f.add("sections", fact);
    }
    for i in list("initiatives") {
        let key = format!("{}|{}", i[0], fold(i[1].as_str().unwrap()));
        f.add("initiatives", Fact::new(key));
    }
    let doubtful = |v: &Value| v.get("doubtful").and_then(Value::as_bool) == Some(true);
    for x in list("figures") {
        let written = x["written"].as_str().unwrap();
        // A count in Chinese numerals (一个, 三项) is not a figure.
        if written.chars().any(|c| c.is_ascii_digit()) {
            let mut fact = Fact::new(format!(
                "{}|{}",
                fold(written),
                number(x["value"].as_str().unwrap())
            ));
            fact.doubtful = doubtful(&x);
            f.add("figures", fact);
        }
    }
    for x in list("funding") {
        let mut fact = Fact::new(format!(
            "{}|{}",
            fold(x["written"].as_str().unwrap()),
            number(x["amount"].as_str().unwrap())
        ));
        fact.role = x["role"].as_str().unwrap().to_owned();
        fact.doubtful = doubtful(&x);
        f.add("funding", fact);
    }
    for x in list("dates") {
        let written = x["written"].as_str().unwrap();
        if !is_relative_time_word(written) {
            let mut fact = Fact::new(format!("{}|{}", date_written(written), placement(&x)));
            fact.doubtful = doubtful(&x);
            f.add("dates", fact);
        }
    }
    f
}

/// An enum as its JSON name (`suggestion`, `A`, `allocated`).
fn name_of(value: impl serde::Serialize) -> Option<String> {
    serde_json::to_value(value)
        .ok()?
        .as_str()
        .map(str::to_owned)
}

/// A date in the converted reply, as a fact.
fn date_fact(d: &DateRef) -> Fact {
    let json = serde_json::to_value(d).unwrap();
    Fact::new(format!(
        "{}|{}",
        date_written(d.written()),
        placement(&json)
    ))
}

/// The day a header or signature date stands for (`2019-06-30`).
fn day_of(d: Option<&DateRef>) -> Option<String> {
    d?.when().start().map(|p| day(&p.to_string()).to_owned())
}

/// The facts of a converted reply, read as the gold defines them.
fn converted_facts(r: &Reply) -> Facts {
    let mut f = Facts::default();
    let (m, p) = (&r.meta, &r.proposal);
    let signature = r.signature.as_ref();
    let signer = signature.and_then(|s| s.signer.as_deref());
    let signed = signature.and_then(|s| s.date.as_ref());
    // The gold's issuer is the header's, else the signer; its date written is 成文日期, else the signature's.
    f.scalar("meta", "title", Some(&m.title));
    f.scalar("meta", "issuer", m.issuer.as_deref().or(signer));
    f.scalar("meta", "document_number", m.document_number.as_deref());
    f.scalar("meta", "index_number", m.index_number.as_deref());
    f.scalar(
        "meta",
        "written",
        day_of(m.written.as_ref().or(signed)).as_deref(),
    );
    f.scalar("meta", "published", day_of(m.published.as_ref()).as_deref());
    for field in m.fields.iter().filter(|x| !fold(&x.value).is_empty()) {
        f.add(
            "fields",
            Fact::new(format!("{}={}", fold(&field.key), fold(&field.value))),
        );
    }
    f.scalar("proposal", "kind", p.kind.and_then(name_of).as_deref());
    f.scalar("proposal", "number", p.number.as_deref());
    f.scalar("proposal", "session", p.session.as_deref());
    f.scalar("proposal", "title", p.title.as_deref());
    f.scalar("proposal", "proposer", p.proposer.as_deref());
    f.scalar(
        "proposal",
        "result_class",
        p.result_class.and_then(name_of).as_deref(),
    );
    // The model keeps the salutation's colon (`张三代表:`); the gold leaves it out.
    let addressee = r
        .addressee
        .as_deref()
        .map(|a| fold(a).trim_end_matches(':').to_owned());
    f.scalar("addressee", "addressee", addressee.as_deref());
    f.scalar("signature", "signer", signer);
    f.scalar("signature", "date", day_of(signed).as_deref());
    let mut numbered = 0;
    for s in &r.sections {
        if !s.numeral.trim().is_empty() {
            numbered += 1;
            let mut fact = Fact::new(fold(&s.numeral));
            fact.heading = fold(&s.heading);
            f.add("sections", fact);
        }
        for b in &s.blocks {
            if let Block::Initiative { ordinal, .. } = b {
                f.add(
                    "initiatives",
                    Fact::new(format!("{numbered}|{}", fold(ordinal))),
                );
            }
        }
    }
    for x in &r.figures {
        f.add(
            "figures",
            Fact::new(format!("{}|{}", fold(&x.written), x.value.normalized())),
        );
    }
    for x in &r.funding {
        let mut fact = Fact::new(format!(
            "{}|{}",
            fold(&x.written),
            x.money.amount().normalized()
        ));
        fact.role = name_of(x.role).unwrap_or_default();
        f.add("funding", fact);
    }
    // The gold lists every date in the text: the body's, the header's and the signature's. A header
    // or signature date is among the reply's dates when a date of the same day is anchored in the
    // header's values or the signature; else (a reply made without such anchors) it is added here.
    let anchored_in = |date: &DateRef, wanted: fn(TextId<'_>) -> bool| {
        r.dates.iter().any(|d| {
            TextId::parse(&d.at.block).is_some_and(wanted)
                && day_of(Some(&d.date)) == day_of(Some(date))
        })
    };
    let header = [&m.written, &m.published, &m.repealed]
        .into_iter()
        .flatten()
        .filter(|d| !anchored_in(d, |t| matches!(t, TextId::Meta(_))));
    let signed_date =
        signed.filter(|d| !anchored_in(d, |t| matches!(t, TextId::Signer | TextId::SignatureDate)));
    let body = r.dates.iter().map(|d| &d.date);
    for d in body.chain(header).chain(signed_date) {
        if !is_relative_time_word(d.written()) {
            f.add("dates", date_fact(d));
        }
    }
    f
}

// ---------------------------------------------------------------------------------------------------
// Scores.

/// How one kind of fact fared in one reply, or in total.
#[derive(Clone, Copy, Debug, Default)]
struct Score {
    /// Gold facts that count for recall (doubtful ones only when matched).
    gold: usize,
    /// Converted facts.
    converted: usize,
    /// Gold facts matched with a converted one.
    matched: usize,
    /// Matched funding whose role equals the gold's.
    role_right: usize,
}

/// `part / whole` in thousandths, rounded down; `None` when there is nothing to count.
fn per_mille(part: usize, whole: usize) -> Option<usize> {
    (whole > 0).then(|| part * 1000 / whole)
}

impl Score {
    fn add(&mut self, o: Score) {
        self.gold += o.gold;
        self.converted += o.converted;
        self.matched += o.matched;
        self.role_right += o.role_right;
    }
    fn recall(&self) -> Option<usize> {
        per_mille(self.matched, self.gold)
    }
    fn precision(&self) -> Option<usize> {
        per_mille(self.matched, self.converted)
    }
    fn role_accuracy(&self) -> Option<usize> {
        per_mille(self.role_right, self.matched)
    }
}

/// The score of one kind, and the gold facts not found.
struct Checked {
    score: Score,
    missed: Vec<String>,
}

/// A fact as the report names it, cut to 40 characters.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Matches gold facts with converted ones, one to one, in order.
fn check(gold: &[Fact], converted: &[Fact]) -> Checked {
    let mut used = vec![false; converted.len()];
    let mut score = Score {
        converted: converted.len(),
        ..Score::default()
    };
    let mut missed = Vec::new();
    for g in gold {
        match (0..converted.len()).find(|&i| !used[i] && g.matches(&converted[i])) {
            Some(i) => {
                used[i] = true;
                score.gold += 1;
                score.matched += 1;
                score.role_right += usize::from(g.role == converted[i].role);
            }
            None if g.doubtful => {}
            None => {
                score.gold += 1;
                missed.push(shorten(format!("{} {}", g.key, g.heading).trim_end()));
            }
        }
    }
    Checked { score, missed }
}

// ---------------------------------------------------------------------------------------------------
// Runs.

/// One corpus reply: its name (`c07`), text and gold.
struct Case {
    name: String,
    text: String,
    gold: Facts,
}

fn corpus() -> Vec<Case> {
    let cases: Vec<Case> = common::fixtures(CORPUS, "txt")
        .iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let gold_path = path.with_extension("gold.json");
            let gold = fs::read_to_string(&gold_path)
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            let gold: Value =
                serde_json::from_str(&gold).unwrap_or_else(|e| panic!("{name}.gold.json: {e}"));
            Case {
                text: fs::read_to_string(path).unwrap(),
                gold: gold_facts(&gold),
                name,
            }
        })
        .collect();
    assert!(
        cases.len() >= 40,
        "{CORPUS}: found {} replies, expected 40",
        cases.len()
    );
    cases
}

/// One reply converted once: its facts, each kind's score, and what it missed.
struct Row {
    name: String,
    facts: Facts,
    scores: BTreeMap<&'static str, Score>,
    missed: Vec<String>,
}

/// Converts every reply, as stored or with its full-width punctuation restored, and scores it.
fn run(cases: &[Case], restored: bool) -> Vec<Row> {
    cases
        .iter()
        .map(|case| {
            let text = if restored {
                common::full_width(&case.text)
            } else {
                case.text.clone()
            };
            let facts = converted_facts(&convert(&text).reply);
            let mut scores = BTreeMap::new();
            let mut missed = Vec::new();
            for kind in KINDS {
                let checked = check(case.gold.of(kind), facts.of(kind));
                scores.insert(kind, checked.score);
                missed.extend(checked.missed.into_iter().map(|m| format!("{kind}: {m}")));
            }
            Row {
                name: case.name.clone(),
                facts,
                scores,
                missed,
            }
        })
        .collect()
}

fn totals<'a>(rows: impl IntoIterator<Item = &'a Row>) -> BTreeMap<&'static str, Score> {
    let mut out: BTreeMap<&'static str, Score> = BTreeMap::new();
    for row in rows {
        for (kind, score) in &row.scores {
            out.entry(kind).or_default().add(*score);
        }
    }
    out
}

/// Thousandths as `0.625`, or `-`.
fn decimal(v: Option<usize>) -> String {
    v.map_or_else(
        || "-".to_owned(),
        |v| format!("{}.{:03}", v / 1000, v % 1000),
    )
}

/// Per reply: recall/precision in whole percent for each kind, then the funding roles right.
fn table(title: &str, rows: &[Row]) -> String {
    let pct = |v: Option<usize>| v.map_or_else(|| "-".to_owned(), |v| (v / 10).to_string());
    let mut out = format!(
        "\n{title}: recall/precision in %, per kind (- = nothing to count)\n{:<5}",
        "reply"
    );
    for kind in KINDS {
        write!(out, " {kind:>11}").unwrap();
    }
    writeln!(out, " {:>6} {:>6}", "roles", "missed").unwrap();
    for row in rows {
        write!(out, "{:<5}", row.name).unwrap();
        for kind in KINDS {
            let s = row.scores[kind];
            write!(
                out,
                " {:>11}",
                format!("{}/{}", pct(s.recall()), pct(s.precision()))
            )
            .unwrap();
        }
        let funding = row.scores["funding"];
        writeln!(
            out,
            " {:>6} {:>6}",
            pct(funding.role_accuracy()),
            row.missed.len()
        )
        .unwrap();
    }
    out
}

/// In total: counts, recall and precision per kind, and the funding role accuracy.
fn totals_table(title: &str, totals: &BTreeMap<&'static str, Score>) -> String {
    let mut out = format!(
        "\n{title}, totals\n{:<12} {:>5} {:>9} {:>7} {:>7} {:>9}\n",
        "kind", "gold", "converted", "matched", "recall", "precision"
    );
    for kind in KINDS {
        let s = totals[kind];
        writeln!(
            out,
            "{kind:<12} {:>5} {:>9} {:>7} {:>7} {:>9}",
            s.gold,
            s.converted,
            s.matched,
            decimal(s.recall()),
            decimal(s.precision())
        )
        .unwrap();
    }
    let f = totals["funding"];
    writeln!(
        out,
        "funding role accuracy: {} ({} of {} matched amounts)",
        decimal(f.role_accuracy()),
        f.role_right,
        f.matched
    )
    .unwrap();
    out
}

// ---------------------------------------------------------------------------------------------------
// The ratchet.

/// The totals the ratchet keeps, in thousandths: `sections_recall`, …, `funding_role_accuracy`.
fn figures(totals: &BTreeMap<&'static str, Score>) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    for kind in KINDS {
        out.push((format!("{kind}_recall"), totals[kind].recall()));
        out.push((format!("{kind}_precision"), totals[kind].precision()));
    }
    out.push((
        "funding_role_accuracy".to_owned(),
        totals["funding"].role_accuracy(),
    ));
    out
}

fn read_ratchet(file: &str) -> BTreeMap<String, usize> {
    let path = common::repo().join(file);
    let Ok(text) = fs::read_to_string(&path) else {
        return BTreeMap::new();
    };
    let json: BTreeMap<String, Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    json.into_iter()
        .map(|(k, v)| {
            let thousandths = Decimal::parse(&v.to_string())
                .ok()
                .and_then(|d| d.to_scaled(3));
            let thousandths = thousandths
                .unwrap_or_else(|| panic!("{file}: {k} is not a figure with three decimals: {v}"));
            (k, usize::try_from(thousandths).unwrap())
        })
        .collect()
}

/// Raises each figure of the ratchet to today's (the lower of the two runs), never lowers one, and says
/// what it did.
fn raise_ratchet(file: &str, today: &[(String, Option<usize>)]) {
    let old = read_ratchet(file);
    let mut lines = Vec::new();
    for (key, value) in today {
        let Some(value) = *value else { continue };
        let kept = old.get(key).copied();
        let new = kept.map_or(value, |k| k.max(value));
        match kept {
            Some(k) if k > value => println!(
                "{file}: {key} stays {} (today {}; the ratchet never lowers)",
                decimal(Some(k)),
                decimal(Some(value))
            ),
            Some(k) if k == value => {}
            _ => println!("{file}: {key} {} -> {}", decimal(kept), decimal(Some(new))),
        }
        lines.push(format!("  \"{key}\": {}", decimal(Some(new))));
    }
    let text = format!("{{\n{}\n}}\n", lines.join(",\n"));
    fs::write(common::repo().join(file), text).unwrap();
}

// ---------------------------------------------------------------------------------------------------
// Tests.

#[test]
fn the_corpus_converts_at_least_as_faithfully_as_the_ratchet_records() {
    let cases = corpus();
    let runs = [
        ("as stored", run(&cases, false)),
        ("full-width restored", run(&cases, true)),
    ];
    for (title, rows) in &runs {
        println!(
            "{}{}",
            table(title, rows),
            totals_table(title, &totals(rows))
        );
    }
    let (stored, restored) = (&runs[0].1, &runs[1].1);
    let mut worst: Vec<&Row> = stored.iter().collect();
    worst.sort_by_key(|r| std::cmp::Reverse(r.missed.len()));
    println!("\nthe ten replies with the most missed facts (as stored):");
    for row in worst.iter().take(10) {
        println!(
            "{} missed {}: {}",
            row.name,
            row.missed.len(),
            row.missed.join("; ")
        );
    }

    // Each batch against its own ratchet: a batch added later (replies the rules had never seen)
    // keeps its own floor, so adding one never lowers the figures an earlier batch earned.
    let batches = batches();
    let mut dropped = Vec::new();
    for (i, (start, file)) in batches.iter().enumerate() {
        let end = batches.get(i + 1).map(|(s, _)| s.as_str());
        let within =
            |r: &&Row| r.name.as_str() >= start.as_str() && end.is_none_or(|e| r.name.as_str() < e);
        let pick = |rows: &'_ [Row]| totals(rows.iter().filter(within));
        let (a, b) = (pick(stored), pick(restored));
        if batches.len() > 1 {
            println!("{}", totals_table(&format!("batch {file}, as stored"), &a));
        }
        // Today's figures are the lower of the two runs (`None`, nothing to count, is the lowest).
        let today: Vec<(String, Option<usize>)> = figures(&a)
            .into_iter()
            .zip(figures(&b))
            .map(|((key, a), (_, b))| (key, a.min(b)))
            .collect();
        if std::env::var_os("UPDATE_RATCHET").is_some() {
            raise_ratchet(file, &today);
        }
        let ratchet = read_ratchet(file);
        assert!(
            !ratchet.is_empty(),
            "{file} is missing: run with UPDATE_RATCHET=1 to write it"
        );
        dropped.extend(today.iter().filter_map(|(key, value)| {
            let floor = *ratchet.get(key)?;
            let value = value.unwrap_or(0);
            (value < floor).then(|| {
                format!(
                    "{file}: {key}: {} < {}",
                    decimal(Some(value)),
                    decimal(Some(floor))
                )
            })
        }));
    }
    assert!(
        dropped.is_empty(),
        "fidelity dropped below the ratchet:\n{}",
        dropped.join("\n")
    );
}

#[test]
fn restoring_the_full_width_punctuation_changes_no_fact() {
    let cases = corpus();
    let (stored, restored) = (run(&cases, false), run(&cases, true));
    let mut differ = Vec::new();
    for (a, b) in stored.iter().zip(&restored) {
        for kind in KINDS {
            if a.facts.of(kind) != b.facts.of(kind) {
                let keys = |r: &Row| {
                    r.facts
                        .of(kind)
                        .iter()
                        .map(|f| {
                            format!("{} {} {}", f.key, f.heading, f.role)
                                .trim_end()
                                .to_owned()
                        })
                        .collect::<Vec<_>>()
                };
                differ.push(format!(
                    "{} {kind}:\n  stored:   {:?}\n  restored: {:?}",
                    a.name,
                    keys(a),
                    keys(b)
                ));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "{} difference(s) between the stored and the restored text:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn restoring_touches_only_marks_beside_chinese_and_folding_undoes_it() {
    let stored = "发布时间:2018-07-11 09:01,比例为8:2(一)关于“教育”! OK, fine";
    let restored = common::full_width(stored);
    assert_eq!(
        restored,
        "发布时间：2018-07-11 09:01，比例为8:2（一）关于“教育”！ OK, fine"
    );
    assert_eq!(fold(&restored), fold(stored));
    assert_eq!(fold("\u{3000}\u{3000}一、 关于  教育 "), "一、 关于 教育");
}

#[test]
fn a_doubtful_gold_fact_counts_only_when_it_is_found() {
    let fact = |key: &str, doubtful: bool| Fact {
        doubtful,
        ..Fact::new(key.to_owned())
    };
    let gold = [
        fact("2022427|on=2022-04-27", true),
        fact("2022年|on=2022", false),
        fact("2020年|on=2020", true),
    ];
    let converted = [
        fact("2022年|on=2022", false),
        fact("2020年|on=2020", false),
        fact("2021年|on=2021", false),
    ];
    let s = check(&gold, &converted).score;
    assert_eq!((s.gold, s.converted, s.matched), (2, 3, 2));
    assert_eq!(
        (decimal(s.recall()), decimal(s.precision())),
        ("1.000".to_owned(), "0.666".to_owned())
    );
}
