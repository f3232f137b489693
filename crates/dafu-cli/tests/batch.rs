//! `dafu convert DIR --out OUT`, `dafu collection merge` and `dafu render --collection` end to end,
//! on the folder tests/fixtures/collection (texts from tests/fixtures/convert, a reply JSON, a
//! broken JSON, a GBK text, a nested folder with a Chinese file name, a hidden folder, a non-input).
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // A failing test is a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dafu_core::model::{is_safe_id, Collection, CollectionEntry, Reply, ResultClass, SearchIndex};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh, empty folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dafu-batch-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn dafu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn convert_dir(dir: &Path, out: &Path, more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "convert",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    dafu(&args)
}

fn index(path: &Path) -> Collection {
    Collection::from_json_bytes(&fs::read(path).unwrap()).unwrap()
}

fn entry<'a>(c: &'a Collection, id: &str) -> &'a CollectionEntry {
    c.entries
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no entry {id}"))
}

/// The count a summary row gives (`  converted   6`).
fn summary(out: &str, label: &str) -> usize {
    out.lines()
        .find(|l| l.trim_start().starts_with(label))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or_else(|| panic!("no row {label} in {out}"))
        .parse()
        .unwrap()
}

#[test]
fn a_folder_converts_into_replies_an_index_and_a_report_and_a_broken_file_is_listed_not_fatal() {
    let out = scratch("whole");
    let (code, stdout, stderr) = convert_dir(&fixture(), &out, &[]);
    // Exit 1: one file could not be read; every other one was converted.
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("broken.json: not a valid reply"),
        "{stderr}"
    );
    assert_eq!(summary(&stdout, "converted"), 6, "{stdout}");
    assert_eq!(summary(&stdout, "failed"), 1, "{stdout}");

    let c = index(&out.join("collection.json"));
    let ids: Vec<&str> = c.entries.iter().map(|e| e.id.as_str()).collect();
    // Sorted by id; the hidden folder and notes.md are not inputs.
    assert_eq!(
        ids,
        [
            "2023-example_002",
            "2023-example_010",
            "2023-nested-第31号-答复",
            "broken",
            "gbk-example_020",
            "seed",
            "seed-reply"
        ]
    );
    assert!(ids.iter().all(|id| is_safe_id(id)));

    let broken = entry(&c, "broken");
    assert!(broken
        .error
        .as_deref()
        .unwrap()
        .contains("line 1, column 57"));
    assert!(!out.join("replies/broken.json").exists());

    let nested = entry(&c, "2023-nested-第31号-答复");
    assert_eq!(nested.source, "2023/nested/第31号 答复.txt");
    assert_eq!(nested.number.as_deref(), Some("23"));
    assert_eq!(nested.result_class, Some(ResultClass::B));
    assert_eq!(nested.issuer.as_deref(), Some("天水市水务局"));
    assert_eq!(nested.year, Some(2021));
    assert_eq!(nested.diagnostics, 2);
    assert_eq!(
        nested.totals.allocated.map(|d| d.to_string()).as_deref(),
        Some("1983.03")
    );

    // The GBK text reads as its UTF-8 original does.
    let gbk = entry(&c, "gbk-example_020");
    assert_eq!(gbk.number.as_deref(), Some("4711"));
    assert_eq!(
        gbk.totals.allocated.map(|d| d.to_string()).as_deref(),
        Some("147000")
    );

    // The seed: the counts and exact totals of the reply written beside the index.
    let seed = entry(&c, "seed");
    let reply = Reply::from_json_bytes(&fs::read(out.join("replies/seed.json")).unwrap()).unwrap();
    assert_eq!(seed.initiatives, 14);
    assert_eq!(seed.initiatives, reply.initiative_count());
    assert_eq!(seed.sections, reply.sections.len());
    assert_eq!(seed.figures, reply.figures.len());
    assert_eq!(seed.totals.allocated, reply.funding_totals().allocated);
    assert_eq!(seed.totals.obtained, reply.funding_totals().obtained);
    // And the same reply as `dafu convert FILE` writes.
    let (_, single, _) = dafu(&["convert", fixture().join("seed.txt").to_str().unwrap()]);
    assert_eq!(Reply::from_json(&single).unwrap(), reply);
    // A JSON input is read, validated and written again.
    assert_eq!(entry(&c, "seed-reply").initiatives, 14);

    let report = fs::read_to_string(out.join("report.txt")).unwrap();
    assert!(
        report.contains("broken.json: not a valid reply"),
        "{report}"
    );
    assert!(
        report.contains(
            "2023/nested/第31号 答复.txt (replies/2023-nested-第31号-答复.json): 2 diagnostics"
        ),
        "{report}"
    );
    assert!(
        report.contains("line 1: header line not understood"),
        "{report}"
    );
    assert!(report.contains("read as GB18030/GBK"), "{report}");
}

#[test]
fn a_rerun_converts_only_the_files_that_changed_and_drops_the_replies_of_removed_ones() {
    let dir = scratch("rerun-in");
    copy_dir(&fixture(), &dir);
    let out = scratch("rerun-out");
    let (_, first, _) = convert_dir(&dir, &out, &[]);
    assert_eq!(summary(&first, "converted"), 6, "{first}");
    let before = fs::read_to_string(out.join("collection.json")).unwrap();

    let (code, second, _) = convert_dir(&dir, &out, &[]);
    assert_eq!(code, 1, "the broken file is still broken");
    assert_eq!(summary(&second, "converted"), 0, "{second}");
    assert_eq!(summary(&second, "unchanged"), 7, "{second}");
    assert_eq!(
        fs::read_to_string(out.join("collection.json")).unwrap(),
        before
    );
    // The report of a rerun still lists the replies with diagnostics.
    let report = fs::read_to_string(out.join("report.txt")).unwrap();
    assert!(
        report.contains("line 1: header line not understood"),
        "{report}"
    );

    // One file changed, one removed, one reply file deleted by hand.
    let seed = dir.join("seed.txt");
    let text = fs::read_to_string(&seed).unwrap();
    fs::write(&seed, format!("{text}\n")).unwrap();
    fs::remove_file(dir.join("2023/example_002.txt")).unwrap();
    fs::remove_file(out.join("replies/gbk-example_020.json")).unwrap();
    let (_, third, _) = convert_dir(&dir, &out, &[]);
    assert_eq!(summary(&third, "converted"), 2, "{third}");
    assert_eq!(summary(&third, "replies"), 6, "{third}");
    assert!(!out.join("replies/2023-example_002.json").exists());
    assert!(out.join("replies/gbk-example_020.json").exists());

    let (_, forced, _) = convert_dir(&dir, &out, &["--force"]);
    assert_eq!(summary(&forced, "converted"), 5, "{forced}");
}

#[test]
fn shards_converted_apart_and_merged_give_the_index_of_the_whole() {
    let whole = scratch("shard-whole");
    convert_dir(&fixture(), &whole, &[]);
    let shared = scratch("shards");
    let mut parts = Vec::new();
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let (code, out, err) = convert_dir(&fixture(), &shared, &["--shard", &shard]);
        assert!(code == 0 || code == 1, "{out}{err}");
        let part = shared.join(format!("collection-{i}-of-3.json"));
        assert_eq!(index(&part).shard.as_deref(), Some(shard.as_str()));
        parts.push(part.to_str().unwrap().to_owned());
    }
    let merged = shared.join("collection.json");
    let mut args = vec!["collection", "merge", "-o", merged.to_str().unwrap()];
    args.extend(parts.iter().map(String::as_str));
    let (code, _, err) = dafu(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(index(&merged), index(&whole.join("collection.json")));
    // Every reply the whole run wrote, the shards wrote too.
    for e in index(&merged).entries.iter().filter(|e| e.error.is_none()) {
        assert_eq!(
            fs::read(shared.join(format!("replies/{}.json", e.id))).unwrap(),
            fs::read(whole.join(format!("replies/{}.json", e.id))).unwrap()
        );
    }

    // One id for two different entries: refused, nothing written.
    let mut other = index(&merged);
    other.entries[0].hash = "0".repeat(16);
    let conflict = shared.join("conflict.json");
    fs::write(&conflict, other.to_json()).unwrap();
    let (code, out, err) = dafu(&[
        "collection",
        "merge",
        merged.to_str().unwrap(),
        conflict.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("stands for two different entries"), "{err}");
}

#[test]
fn two_shards_converted_on_two_machines_and_merged_are_searched_exactly_as_the_whole_folder() {
    let whole = scratch("search-whole");
    convert_dir(&fixture(), &whole, &[]);
    // Each shard in an OUT of its own, as two machines would convert them.
    let (one, two) = (scratch("search-shard-1"), scratch("search-shard-2"));
    for (i, out) in [(1, &one), (2, &two)] {
        let (code, stdout, stderr) = convert_dir(&fixture(), out, &["--shard", &format!("{i}/2")]);
        assert!(code == 0 || code == 1, "{stdout}{stderr}");
        assert!(out.join(format!("search-{i}-of-2.json")).is_file());
        assert!(!out.join("search.json").exists());
    }
    let merged = scratch("search-merged");
    let merge = |extra: &[&str]| {
        let index = merged.join("collection.json");
        let mut args = vec!["collection", "merge", "-o", index.to_str().unwrap()];
        args.extend_from_slice(extra);
        let a = one.join("collection-1-of-2.json");
        let b = two.join("collection-2-of-2.json");
        args.push(a.to_str().unwrap());
        args.push(b.to_str().unwrap());
        dafu(&args)
    };
    let (code, _, err) = merge(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    // Byte for byte what the whole run wrote: the page reads the same list and searches the same
    // text. (What differs is elsewhere: each shard has its own report-I-of-2.txt, and its
    // collection-I-of-2.json says `"shard": "I/2"`.)
    let bytes = |p: PathBuf| fs::read_to_string(p).unwrap();
    assert_eq!(
        bytes(merged.join("collection.json")),
        bytes(whole.join("collection.json"))
    );
    let search = bytes(merged.join("search.json"));
    assert_eq!(search, bytes(whole.join("search.json")));
    // Both shards' replies are in it, with their text (the fixture's replies, not empty).
    let index = SearchIndex::from_json_bytes(search.as_bytes()).unwrap();
    let ids: Vec<&str> = index.texts.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2023-example_002",
            "2023-example_010",
            "2023-nested-第31号-答复",
            "gbk-example_020",
            "seed",
            "seed-reply"
        ]
    );
    assert!(index.texts.iter().all(|t| t.text.lines().count() > 3));

    // Shards converted before shards wrote a search index: the texts come from their replies.
    fs::remove_file(one.join("search-1-of-2.json")).unwrap();
    fs::remove_file(two.join("search-2-of-2.json")).unwrap();
    fs::remove_file(one.join(format!("replies/{}.search.txt", ids[0]))).unwrap();
    fs::remove_file(merged.join("search.json")).unwrap();
    let (code, _, err) = merge(&[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(search, bytes(merged.join("search.json")));

    // The merged index on standard output: the search index only where --search says, and a
    // word on stderr without it.
    let elsewhere = merged.join("elsewhere.json");
    let a = one.join("collection-1-of-2.json");
    let b = two.join("collection-2-of-2.json");
    let (code, stdout, err) = dafu(&[
        "collection",
        "merge",
        "--search",
        elsewhere.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(stdout, bytes(whole.join("collection.json")));
    assert_eq!(search, bytes(elsewhere));
    let (code, _, err) = dafu(&["collection", "merge", a.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("no search index written"), "{err}");

    // A search index that is not one: refused, nothing written.
    fs::write(one.join("search-1-of-2.json"), "[1]").unwrap();
    fs::remove_file(merged.join("collection.json")).unwrap();
    let (code, _, err) = merge(&[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("search-1-of-2.json: not a search index"),
        "{err}"
    );
    assert!(!merged.join("collection.json").exists());
}

#[cfg(unix)]
#[test]
fn a_link_that_leaves_the_folder_is_skipped_and_reported() {
    let outside = scratch("outside");
    fs::write(outside.join("secret.txt"), "关于某某的答复\n").unwrap();
    let dir = scratch("links");
    fs::copy(fixture().join("seed.txt"), dir.join("seed.txt")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("escape.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(dir.join("seed.txt"), dir.join("again.txt")).unwrap();
    let out = scratch("links-out");
    let (code, stdout, stderr) = convert_dir(&dir, &out, &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("escape.txt: skipped, a link to a file outside DIR"),
        "{stderr}"
    );
    assert!(
        stderr.contains("elsewhere: skipped, a link to a folder outside DIR"),
        "{stderr}"
    );
    let ids: Vec<String> = index(&out.join("collection.json"))
        .entries
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, ["again", "seed"]);
    assert!(fs::read_to_string(out.join("report.txt"))
        .unwrap()
        .contains("escape.txt: skipped"));
}

#[test]
fn a_folder_without_out_and_out_without_a_folder_are_refused_with_exit_2() {
    let (code, _, err) = dafu(&["convert", fixture().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("give --out OUT"), "{err}");
    let (code, _, _) = dafu(&[
        "convert",
        fixture().join("nowhere").to_str().unwrap(),
        "--out",
        scratch("nowhere").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    let (code, _, err) = dafu(&["convert", "-", "--shard", "1/2"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = dafu(&["convert", "x", "--out", "y", "--shard", "3/2"]);
    assert_eq!(code, 2, "clap refuses a shard past the count");
}

/// The element names in an HTML text.
fn tag_names(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            rest.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect()
}

#[test]
fn the_index_page_shows_hostile_titles_as_text_and_a_broken_reply_only_in_its_row() {
    let dir = scratch("hostile-in");
    let mut reply: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture().join("seed-reply.json")).unwrap())
            .unwrap();
    let hostile = r#"<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;"#;
    reply["meta"]["title"] = hostile.into();
    reply["meta"]["issuer"] = "<b onmouseover=alert(3)>局</b>".into();
    reply["proposal"]["title"] = hostile.into();
    fs::write(dir.join("hostile.json"), reply.to_string()).unwrap();
    fs::write(dir.join("<i>&'\".txt"), "关于<script>的答复\n").unwrap();
    fs::copy(fixture().join("seed.txt"), dir.join("seed.txt")).unwrap();
    let out = scratch("hostile-out");
    let (code, _, err) = convert_dir(&dir, &out, &[]);
    assert_eq!(code, 0, "{err}");
    // A reply broken after conversion: its page cannot be made.
    fs::write(out.join("replies/seed.json"), "{").unwrap();

    let index_path = out.join("collection.json");
    let (code, _, err) = dafu(&[
        "render",
        "--collection",
        index_path.to_str().unwrap(),
        "--pages",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("seed.txt (seed)"), "{err}");
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b "));
    // Text: `<` and `&` escaped (a quote needs no escaping outside an attribute).
    assert!(html.contains(
        r#"&lt;script&gt;alert(1)&lt;/script&gt;"&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;"#
    ));
    // The file whose name holds markup: its id is plain, its name text.
    assert!(html.contains(r#"href="replies/i.html""#), "{html}");
    assert!(html.contains(r#">&lt;i&gt;&amp;'".txt</a>"#), "{html}");
    // The broken reply's row says why; the others keep their links and pages.
    let row = html.split("data-dafu-id=\"seed\"").nth(1).unwrap();
    let row = row.split("</tr>").next().unwrap();
    assert!(row.contains("无法读取:"), "{row}");
    assert!(!row.contains("href"), "{row}");
    assert!(html.contains(r#"href="replies/hostile.html""#));
    let page = fs::read_to_string(out.join("replies/hostile.html")).unwrap();
    assert!(!page.contains("<script"));
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "p", "div",
        "table", "thead", "tbody", "tr", "th", "td", "a", "span",
    ];
    for name in tag_names(&html) {
        assert!(
            allowed.contains(&name.as_str()),
            "<{name}> in the index page"
        );
    }
}

#[test]
fn every_hostile_fixture_converted_as_a_collection_renders_an_index_of_dafus_markup_only() {
    let out = scratch("hostile-all");
    let (code, stdout, err) = convert_dir(&repo().join("tests/fixtures/hostile"), &out, &[]);
    assert!(code == 0 || code == 1, "{stdout}{err}");
    let c = index(&out.join("collection.json"));
    assert!(c.entries.len() > 100, "{}", c.entries.len());
    assert!(c.entries.iter().any(|e| e.error.is_some()));
    let (code, html, err) = dafu(&[
        "render",
        "--collection",
        out.join("collection.json").to_str().unwrap(),
        "--lang",
        "en",
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains(&format!("{} replies", c.entries.len())));
    assert_eq!(html.matches("<tr ").count(), c.entries.len());
    for name in tag_names(&html) {
        assert!(
            [
                "!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "p",
                "div", "table", "thead", "tbody", "tr", "th", "td", "a", "span"
            ]
            .contains(&name.as_str()),
            "<{name}> in the index page"
        );
    }
}

#[test]
fn an_index_that_is_not_one_is_refused_with_exit_1() {
    let dir = scratch("bad-index");
    let bad = dir.join("collection.json");
    fs::write(
        &bad,
        r#"{"schema":1,"entries":[{"id":"../../etc/passwd","source":"x","hash":""}]}"#,
    )
    .unwrap();
    let (code, _, err) = dafu(&["render", "--collection", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("is not a safe id"), "{err}");
    assert!(!dir.join("index.html").exists());
    let (code, schema, _) = dafu(&["collection", "schema"]);
    assert_eq!(code, 0);
    assert!(serde_json::from_str::<serde_json::Value>(&schema).is_ok());
}
