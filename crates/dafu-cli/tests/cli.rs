//! The `dafu` command end to end: convert (files, stdin, GBK), validate, schema, exit codes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)] // A failing test is a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dafu_core::model::Reply;
use dafu_core::parse::convert;

/// The repository's root, where the shared fixtures and data live.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/convert")
}

fn seed_text() -> String {
    fs::read_to_string(fixtures().join("seed.txt")).unwrap()
}

fn cli(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    } else {
        let _ = child.stdin.take();
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_converts_a_file_and_stdin_with_diagnostics_on_stderr() {
    let path = fixtures().join("example_031.txt");
    let (code, out, err) = cli(&["convert", path.to_str().unwrap()], None);
    assert_eq!(code, 0);
    let reply = Reply::from_json(&out).unwrap();
    assert_eq!(reply.proposal.number.as_deref(), Some("23"));
    assert!(err.contains("line 1: header line not understood"), "{err}");
    let (code, out, _) = cli(&["convert", "-"], Some(seed_text().as_bytes()));
    assert_eq!(code, 0);
    assert_eq!(Reply::from_json(&out).unwrap().initiative_count(), 14);
}

#[test]
fn the_cli_reads_gbk_text_as_it_reads_utf8() {
    let text = seed_text();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let (code, out, err) = cli(&["convert", "-"], Some(&gbk));
    assert_eq!(code, 0);
    assert!(err.contains("read as GB18030/GBK"), "{err}");
    assert_eq!(Reply::from_json(&out).unwrap(), convert(&seed_text()).reply);
}

#[test]
fn the_cli_validates_and_names_every_problem_with_exit_1() {
    let broken = repo()
        .join("tests/fixtures/load/every_semantic_problem_is_reported_not_just_the_first.json");
    let (code, out, _) = cli(&["validate", broken.to_str().unwrap()], None);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.contains("figures[0].at.block: no paragraph or initiative has id \"nope\""),
        "{out}"
    );
    let seed = repo().join("data/seed.reply.json");
    let (code, out, _) = cli(&["validate", seed.to_str().unwrap()], None);
    assert_eq!((code, out.trim().ends_with(": ok")), (0, true));
}

#[test]
fn the_cli_prints_the_committed_schema_and_fails_only_on_unreadable_input() {
    let (code, out, _) = cli(&["schema"], None);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        fs::read_to_string(repo().join("data/reply.schema.json")).unwrap()
    );
    let (code, _, err) = cli(&["convert", "/no/such/file.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /no/such/file.txt"), "{err}");
}

/// Runs `dafu` with `args` through `sh -c`, after `setup` (a redirection or a limit), and gives its
/// exit code, standard output and standard error.
fn cli_in_shell(setup: &str, args: &str) -> (i32, String, String) {
    let script = format!("{setup}; exec \"$0\" {args}");
    let out = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_dafu")])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn validate_lists_at_most_a_hundred_short_problems_however_long_the_text_they_quote() {
    // 300 figures whose anchors each span a 200,000-character block they do not match: validate
    // printed the block 300 times (60 MB here, 300 MB for the review's 1,000,000 characters).
    let chars = 200_000;
    let figures: Vec<String> = (0..300)
        .map(|i| {
            format!(
                r#"{{"id": "f{i}", "written": "12名", "value": "12", "unit": "名", "at": {{"block": "p1", "start": 0, "end": {chars}}}}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema": 1, "sections": [{{"id": "s1", "heading": "", "blocks": [{{"kind": "paragraph", "id": "p1", "text": "{}"}}]}}], "figures": [{}]}}"#,
        "x".repeat(chars),
        figures.join(",")
    );
    let (code, out, _) = cli(&["validate", "-"], Some(json.as_bytes()));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    let start: String = out.chars().take(2_000).collect();
    assert_eq!(lines.len(), 101, "{start}");
    assert_eq!(
        lines[0],
        format!(
            r#"-: figures[0].at: the text there is "{}…", not "12名""#,
            "x".repeat(40)
        )
    );
    assert_eq!(lines[100], "-: and 200 more problems");
    assert!(out.len() < 12_000, "{} bytes printed", out.len());
}

#[test]
#[cfg(target_os = "linux")]
fn output_that_cannot_be_written_exits_2_and_says_so() {
    let seed = repo().join("data/seed.reply.json");
    let text = fixtures().join("seed.txt");
    for args in [
        "schema".to_owned(),
        format!("convert {}", text.display()),
        format!("validate {}", seed.display()),
    ] {
        let (code, _, err) = cli_in_shell("exec >/dev/full", &args);
        assert_eq!(code, 2, "{args}: {err}");
        assert!(
            err.contains("dafu: cannot write the output: No space left on device"),
            "{args}: {err}"
        );
    }
    let (code, _, err) = cli_in_shell("exec >&-", "schema");
    assert_eq!((code, err.trim()), (2, "dafu: standard output is closed"));
    let (code, _, err) = cli_in_shell("exec >/dev/null", "schema");
    assert_eq!(
        (code, err.as_str()),
        (0, ""),
        "output thrown away on purpose is written"
    );
}

#[test]
#[cfg(target_os = "linux")]
fn input_is_read_only_up_to_the_limit_and_one_byte_more() {
    // Within 300 MB of address space: reading /dev/zero whole (it has no end) runs out at once.
    let limit = dafu_core::model::MAX_JSON_BYTES;
    let (code, out, err) = cli_in_shell("ulimit -v 300000", "validate /dev/zero");
    assert_eq!(
        (code, out.trim()),
        (
            1,
            format!("/dev/zero: the reply is more than {limit} bytes; the limit is {limit} bytes")
                .as_str()
        ),
        "{err}"
    );
    let (code, _, err) = cli_in_shell("ulimit -v 300000", "convert -  </dev/zero");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "dafu: - is more than {limit} bytes; the limit is {limit} bytes, nothing was converted"
        )),
        "{err}"
    );
    // A file says how big it is.
    let big = Path::new(env!("CARGO_TARGET_TMPDIR")).join("over-the-limit.json");
    fs::write(&big, vec![b' '; limit + 10]).unwrap();
    let (code, out, _) = cli(&["validate", big.to_str().unwrap()], None);
    assert_eq!(code, 1);
    assert!(
        out.ends_with(&format!(
            ": the reply is {} bytes; the limit is {limit} bytes\n",
            limit + 10
        )),
        "{out}"
    );
    fs::remove_file(&big).unwrap();
}

#[test]
fn validate_refuses_json_that_is_not_utf8_as_the_page_does_while_convert_reads_any_text() {
    let seed = fs::read_to_string(repo().join("data/seed.reply.json")).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&seed);
    let (code, out, _) = cli(&["validate", "-"], Some(&gbk));
    assert_eq!(code, 1);
    assert!(
        out.starts_with("-: meta.title (line 4, column 15): not UTF-8: byte 0xb9 here (GBK or GB18030?); reply JSON must be UTF-8 (RFC 8259): save the file as UTF-8"),
        "{out}"
    );
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(seed.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (code, out, _) = cli(&["validate", "-"], Some(&utf16));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "-: . (line 1, column 1): not UTF-8: the file is UTF-16 or UTF-32; reply JSON must be UTF-8 (RFC 8259): save the file as UTF-8\n"
    );
    // Text is another matter: a reply's text is converted from whatever it was saved in.
    let text = seed_text();
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (code, out, _) = cli(&["convert", "-"], Some(&utf16));
    assert_eq!(code, 0);
    assert_eq!(Reply::from_json(&out).unwrap(), convert(&text).reply);
}

#[test]
fn convert_lists_personal_data_with_its_line_and_redact_masks_it_in_the_json() {
    let path = repo().join("tests/fixtures/privacy/every_kind_in_a_reply.txt");
    let path = path.to_str().unwrap();
    let (code, out, err) = cli(&["convert", path], None);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!(
            "{path}:line 7: personal data, not for publishing: mobile number 139****5678"
        )),
        "{err}"
    );
    assert!(
        err.contains(
            "line 7: personal data, not for publishing: resident id number 110105********002X"
        ),
        "{err}"
    );
    assert!(
        err.contains("line 16: office contact, kept: mobile number 137****1111"),
        "{err}"
    );
    // stderr never prints the data, and without --redact the JSON keeps the text as written.
    for data in ["13912345678", "11010519491231002X", "wangmoumou"] {
        assert!(!err.contains(data), "{data} on stderr: {err}");
        assert!(out.contains(data), "{data} missing without --redact");
    }
    let (code, redacted, err_redacted) = cli(&["convert", "--redact", path], None);
    assert_eq!(code, 0, "{err_redacted}");
    assert_eq!(err_redacted, err, "the same diagnostics either way");
    Reply::from_json(&redacted).unwrap();
    for data in [
        "13812341234",
        "13912345678",
        "11010519491231002X",
        "wangmoumou",
        "杨家村",
        "文三路",
    ] {
        assert!(!redacted.contains(data), "{data} left in the redacted JSON");
    }
    for masked in [
        "139****5678",
        "110105********002X",
        "w*********@qq.com",
        "138-****-8000",
    ] {
        assert!(
            redacted.contains(masked),
            "{masked} not in the redacted JSON"
        );
    }
    // The office's own number and the ID whose checksum fails stay as written.
    assert!(redacted.contains("13700001111"));
    assert!(redacted.contains("110105194912310029"));
}

#[test]
fn a_text_without_personal_data_converts_to_the_same_json_with_or_without_redact() {
    let (_, plain, err) = cli(&["convert", "-"], Some(seed_text().as_bytes()));
    let (_, redacted, _) = cli(&["convert", "--redact", "-"], Some(seed_text().as_bytes()));
    assert_eq!(plain, redacted);
    assert!(!err.contains("personal data"), "{err}");
}

// `dafu render`: the snapshot, static HTML that needs no script.

/// Every tag and attribute name in `html`, checking that attribute values are quoted (Leptos writes
/// every value in double quotes and escapes `"` inside, so a value never ends early), and that `<`
/// appears only as the start of a tag, a closing tag, a comment or the doctype.
#[allow(clippy::string_slice, clippy::expect_used)] // A failing test is a panic.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = &after[after.find("-->").expect("comment closed") + 3..];
            continue;
        }
        if rest.starts_with('/') || rest.starts_with("!doctype") {
            rest = &rest[rest.find('>').expect("closed") + 1..];
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .expect("tag name ends");
        let name = rest[..end].to_owned();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
            "a raw < in text: {:?}",
            &rest[..rest.len().min(60)]
        );
        rest = &rest[end..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                break;
            }
            if let Some(r) = rest.strip_prefix("/>") {
                rest = r;
                break;
            }
            let end = rest.find(['=', ' ', '>']).expect("attribute ends");
            let attr = rest[..end].to_owned();
            rest = &rest[end..];
            let value = if let Some(r) = rest.strip_prefix("=\"") {
                let close = r.find('"').expect("value closed");
                let value = r[..close].to_owned();
                rest = &r[close + 1..];
                value
            } else {
                String::new()
            };
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}

/// What a snapshot may hold: the elements and attributes dafu writes, whatever the reply says.
#[allow(clippy::string_slice)] // A failing test is a panic.
fn assert_only_dafu_markup(name: &str, html: &str) {
    const ELEMENTS: &str = "html head meta title style body article header footer section div p \
        span strong h1 h2 h3 ul ol li dl dt dd details summary a figure figcaption table caption \
        thead tbody tfoot tr th td";
    for (tag, attrs) in tags(html) {
        assert!(
            ELEMENTS.split_whitespace().any(|e| e == tag),
            "{name}: element <{tag}>"
        );
        for (attr, value) in attrs {
            let known = matches!(
                attr.as_str(),
                "class"
                    | "id"
                    | "lang"
                    | "tabindex"
                    | "role"
                    | "scope"
                    | "target"
                    | "rel"
                    | "name"
                    | "content"
                    | "charset"
                    | "data-dafu-snapshot"
                    | "data-dafu-src"
                    | "data-label"
                    | "href"
                    | "style"
            ) || attr.starts_with("aria-");
            assert!(known, "{name}: attribute {attr} on <{tag}>");
            if attr == "href" {
                assert!(
                    value.starts_with("#dafu-s-")
                        || ((value.starts_with("https://") || value.starts_with("http://"))
                            && !value.contains(char::is_whitespace)),
                    "{name}: href {value}"
                );
            }
            if attr == "style" {
                assert!(
                    value == "display:inline;"
                        || (value.starts_with("width:")
                            && value.ends_with("%;")
                            && value["width:".len()..value.len() - 2]
                                .chars()
                                .all(|c| c.is_ascii_digit() || c == '.')),
                    "{name}: style {value}"
                );
            }
        }
    }
}

#[test]
fn render_writes_a_whole_page_with_the_detail_page_meta_tags_and_its_css() {
    let seed = repo().join("data/seed.reply.json");
    let (code, html, err) = cli(&["render", seed.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n"));
    assert!(html.contains(r#"<meta name="ArticleTitle" content="关于政协提案的答复">"#));
    assert!(html.contains(r#"<meta name="PubDate" content="2024-07-01 17:57">"#));
    assert!(html.contains(r#"<meta name="ContentSource" content="民族事务委员会">"#));
    assert!(html.contains("<title>关于政协提案的答复</title>"));
    assert!(html.contains("<style>\n") && html.contains(".dafu-accordion__summary"));
    assert!(!html.contains("<script") && !html.contains("<!>"));
    assert!(html.ends_with("</body>\n</html>\n"));
    assert_only_dafu_markup("seed page", &html);
}

#[test]
#[allow(clippy::string_slice)] // A failing test is a panic.
fn the_seeds_fragment_is_one_article_without_style_or_script_and_under_60_kb() {
    let seed = repo().join("data/seed.reply.json");
    let (code, html, _) = cli(&["render", "--fragment", seed.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert!(
        html.starts_with(r#"<article lang="zh-CN" data-dafu-snapshot="" class="dafu-reply"#),
        "{}",
        &html[..100]
    );
    assert!(html.ends_with("</article>"));
    assert_eq!(html.matches("<article").count(), 1);
    assert!(!html.contains("<style") && !html.contains("<script") && !html.contains("<svg"));
    assert!(!html.contains("<button"), "no control that needs script");
    assert!(html.len() <= 60 * 1024, "{} bytes", html.len());
    // Five sections as closed <details>, each figure a link to its sentence, bars as widths.
    assert_eq!(
        html.matches(r#"<details class="dafu-accordion__section">"#)
            .count(),
        5
    );
    assert!(html.contains(r##"<a class="dafu-figures__button" href="#dafu-s-r-f3">"##));
    assert!(html.contains(r#"style="width:6.54%;""#), "the 20万元 bar");
    assert_only_dafu_markup("seed fragment", &html);
}

#[test]
fn render_converts_a_text_first_and_writes_to_a_file() {
    let text = fixtures().join("example_031.txt");
    let out = std::env::temp_dir().join(format!("dafu-render-{}.html", std::process::id()));
    let (code, stdout, err) = cli(
        &[
            "render",
            text.to_str().unwrap(),
            "--lang",
            "en",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.is_empty());
    assert!(err.contains("line 1: header line not understood"), "{err}");
    let html = fs::read_to_string(&out).unwrap();
    fs::remove_file(&out).unwrap();
    let json = convert(&fs::read_to_string(&text).unwrap()).reply;
    let (_, from_json, _) = cli(
        &["render", "--lang", "en", "-"],
        Some(json.to_json().as_bytes()),
    );
    assert_eq!(html, from_json, "text and its JSON render the same page");
    assert!(html.contains(r#"<article lang="en""#));
}

#[test]
fn render_refuses_an_invalid_reply_with_its_problems_and_exit_1() {
    let (code, out, err) = cli(&["render", "-"], Some(br#"{"schema": 1, "sections": 3}"#));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("sections"), "{err}");
}

#[test]
fn render_lists_personal_data_and_redact_masks_it_on_the_page() {
    let json = repo().join("tests/fixtures/privacy/data_in_every_text.reply.json");
    let (code, plain, err) = cli(&["render", json.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("personal data"), "{err}");
    let (code, redacted, _) = cli(&["render", "--redact", json.to_str().unwrap()], None);
    assert_eq!(code, 0);
    assert_ne!(plain, redacted);
    assert!(redacted.contains("****"));
}

#[test]
fn every_hostile_case_renders_with_no_markup_from_the_reply() {
    let dir = repo().join("tests/fixtures/hostile");
    let mut rendered = 0;
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "txt"))
        .collect();
    names.sort();
    for path in &names {
        let name = path.file_name().unwrap().to_string_lossy();
        let (code, html, err) = cli(
            &["render", path.to_str().unwrap(), "--src", "/r?a=\"<x>"],
            None,
        );
        if code == 1 && path.extension().is_some_and(|e| e == "json") {
            continue; // refused with its problems, nothing rendered
        }
        assert_eq!(code, 0, "{name}: {err}");
        rendered += 1;
        assert!(!html.contains("<script"), "{name}");
        assert!(
            html.contains(r#"data-dafu-src="/r?a=&quot;&lt;x&gt;""#),
            "{name}"
        );
        assert_only_dafu_markup(&name, &html);
    }
    assert!(rendered > 100, "{rendered} of {} rendered", names.len());
}
