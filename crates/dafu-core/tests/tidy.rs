//! Tidy: what review would otherwise nag about, checked over the whole repository in the manner of
//! rust-analyzer's tidy test. Module docs, CSS class names and scoping, the core's independence from
//! the web, and Chinese interface text kept in the i18n module. Each check lists every offender as
//! `file:line`.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // A failing test is a panic.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------------
// Files.

/// Every file under `dir` (relative to the repository root) whose name ends in `.{ext}`, sorted, with
/// its path relative to the root; build output and node modules are skipped.
fn files(dir: &str, ext: &str) -> Vec<(String, String)> {
    fn walk(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "target" && name != "node_modules" && !name.starts_with('.') {
                    walk(&path, suffix, out);
                }
            } else if name.ends_with(suffix) {
                out.push(path);
            }
        }
    }
    let root = common::repo();
    let mut paths = Vec::new();
    walk(&root.join(dir), &format!(".{ext}"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let relative = p.strip_prefix(&root).unwrap_or(&p);
            (relative.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

/// The crates under `crates/`, as `crates/<name>`.
fn crates() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(common::repo().join("crates"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| format!("crates/{}", e.file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}

#[track_caller]
fn assert_none(what: &str, offenders: &[String]) {
    assert!(
        offenders.is_empty(),
        "{what}: {} offender(s)\n{}",
        offenders.len(),
        offenders.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------------
// A Rust lexer just good enough to tell code from comments and literals.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Comment,
    /// A string literal of any form (plain, raw, byte, C); its text is the content between the quotes.
    Str,
    /// A character or byte literal; its text is the content between the quotes.
    Char,
    Ident,
    /// A number, a lifetime, or one punctuation character.
    Other,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    text: String,
    /// 1-based line of the token's start.
    line: usize,
}

fn lex(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let start_line = line;
        let c = chars[i];
        let kind = if c.is_whitespace() {
            i += 1;
            None
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            Some(Kind::Comment)
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            Some(Kind::Comment)
        } else if c == '"' {
            i = quoted(&chars, i + 1, '"');
            Some(Kind::Str)
        } else if c == '\'' {
            if at(i + 1) == '\\' || (at(i + 2) == '\'' && at(i + 1) != '\'') {
                i = quoted(&chars, i + 1, '\'');
                Some(Kind::Char)
            } else {
                // A lifetime or a label.
                i += 1;
                while at(i).is_alphanumeric() || at(i) == '_' {
                    i += 1;
                }
                Some(Kind::Other)
            }
        } else if c.is_alphabetic() || c == '_' {
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let hashes = (i..).take_while(|&j| at(j) == '#').count();
            if matches!(word.as_str(), "r" | "br" | "cr") && at(i + hashes) == '"' {
                // A raw string: it ends at a quote followed by as many hashes.
                i += hashes + 1;
                while i < chars.len()
                    && !(chars[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#'))
                {
                    i += 1;
                }
                i = (i + 1 + hashes).min(chars.len());
                Some(Kind::Str)
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                i = quoted(&chars, i + 1, '"');
                Some(Kind::Str)
            } else if word == "b" && at(i) == '\'' {
                i = quoted(&chars, i + 1, '\'');
                Some(Kind::Char)
            } else {
                Some(Kind::Ident)
            }
        } else if c.is_ascii_digit() {
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            Some(Kind::Other)
        } else {
            i += 1;
            Some(Kind::Other)
        };
        let raw: String = chars[start..i.min(chars.len())].iter().collect();
        line += raw.matches('\n').count();
        if let Some(kind) = kind {
            let text = match kind {
                Kind::Str | Kind::Char => {
                    let open = raw.find(['"', '\'']).map_or(0, |o| o + 1);
                    let close = raw
                        .rfind(['"', '\''])
                        .filter(|&e| e >= open)
                        .unwrap_or(raw.len());
                    raw[open..close].to_owned()
                }
                _ => raw,
            };
            tokens.push(Token {
                kind,
                text,
                line: start_line,
            });
        }
    }
    tokens
}

/// The index just past the closing `quote` of a literal whose content starts at `i`, skipping escapes.
fn quoted(chars: &[char], mut i: usize, quote: char) -> usize {
    while i < chars.len() && chars[i] != quote {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    (i + 1).min(chars.len())
}

/// The tokens of `source` that are not in an item marked `#[cfg(test)]` (nor in a file marked
/// `#![cfg(test)]`), comments included.
fn outside_tests(source: &str) -> Vec<Token> {
    let tokens = lex(source);
    let is = |i: usize, text: &str| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Ident | Kind::Other) && t.text == text)
    };
    let cfg_test = |i: usize| {
        ["[", "cfg", "(", "test", ")", "]"]
            .iter()
            .enumerate()
            .all(|(k, t)| is(i + k, t))
    };
    let mut keep = vec![true; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let end = if is(i, "#") && is(i + 1, "!") && cfg_test(i + 2) {
            tokens.len()
        } else if is(i, "#") && cfg_test(i + 1) {
            item_end(&tokens, i + 7)
        } else {
            i + 1
        };
        if end > i + 1 {
            keep[i..end].fill(false);
        }
        i = end;
    }
    tokens
        .into_iter()
        .zip(keep)
        .filter_map(|(t, kept)| kept.then_some(t))
        .collect()
}

/// The index just past the item starting at `i`: past its `;`, or past its closing brace.
fn item_end(tokens: &[Token], mut i: usize) -> usize {
    let punct = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.kind == Kind::Other)
            .map_or("", |t| t.text.as_str())
    };
    let mut brackets = 0usize;
    while i < tokens.len() {
        i += 1;
        match punct(i - 1) {
            "(" | "[" => brackets += 1,
            ")" | "]" => brackets = brackets.saturating_sub(1),
            ";" if brackets == 0 => return i,
            "{" => {
                let mut braces = 1usize;
                while i < tokens.len() && braces > 0 {
                    match punct(i) {
                        "{" => braces += 1,
                        "}" => braces -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                return i;
            }
            _ => {}
        }
    }
    i
}

// ---------------------------------------------------------------------------------------------------
// (a) Module docs.

/// The directories whose `.rs` files must each start with a `//!` line.
fn rust_dirs() -> Vec<String> {
    let mut dirs = vec![
        "src".to_owned(),
        "tests".to_owned(),
        "fuzz/fuzz_targets".to_owned(),
    ];
    for krate in crates() {
        for sub in ["src", "tests", "benches"] {
            dirs.push(format!("{krate}/{sub}"));
        }
    }
    dirs
}

/// `path:1` for a file whose first line is not a `//!` line with something said on it.
fn missing_module_doc(path: &str, text: &str) -> Option<String> {
    let first = text.lines().next().unwrap_or("");
    let said = first
        .strip_prefix("//!")
        .is_some_and(|rest| !rest.trim().is_empty());
    (!said).then(|| format!("{path}:1: starts with {first:?}, not a `//!` line saying what it is"))
}

#[test]
fn every_source_file_starts_with_a_module_doc_line() {
    let mut offenders = Vec::new();
    let mut seen = 0;
    for dir in rust_dirs() {
        for (path, text) in files(&dir, "rs") {
            seen += 1;
            offenders.extend(missing_module_doc(&path, &text));
        }
    }
    assert!(
        seen >= 50,
        "only {seen} .rs files found: did the layout change?"
    );
    assert_none("files without a module doc line", &offenders);
}

// ---------------------------------------------------------------------------------------------------
// (b) CSS: every class is a dafu- class, and every rule is scoped under one.

/// What a pair of braces in a style sheet holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// Style rules: the top level, `@media`, `@supports`, ….
    Rules,
    /// Declarations, and perhaps nested style rules (CSS nesting).
    Style,
    /// Anything else (`@keyframes`, `@font-face`, …): no selectors to check.
    Skip,
}

/// Every selector list in a style sheet with its line, and whether it is nested in another rule;
/// comments, declarations and at-rules without style rules (`@keyframes`, …) are skipped.
fn selectors(css: &str) -> Vec<(usize, String, bool)> {
    let chars: Vec<char> = css.chars().collect();
    let mut out = Vec::new();
    let mut open: Vec<Block> = Vec::new();
    let mut prelude = String::new();
    let mut prelude_line = 1;
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            let end = (i + 2..chars.len().saturating_sub(1))
                .find(|&j| chars[j] == '*' && chars[j + 1] == '/')
                .map_or(chars.len(), |j| j + 2);
            line += chars[i..end].iter().filter(|&&c| c == '\n').count();
            i = end;
            continue;
        }
        if c == '"' || c == '\'' {
            let end = quoted(&chars, i + 1, c);
            prelude.extend(&chars[i..end]);
            i = end;
            continue;
        }
        match c {
            '{' => {
                let head = prelude.trim().to_owned();
                let block = match open.last().copied().unwrap_or(Block::Rules) {
                    Block::Skip => Block::Skip,
                    Block::Rules if head.starts_with('@') => {
                        let name = head
                            .split(|c: char| c.is_whitespace() || c == '(')
                            .next()
                            .unwrap_or("");
                        if matches!(
                            name,
                            "@media" | "@supports" | "@container" | "@layer" | "@document"
                        ) {
                            Block::Rules
                        } else {
                            Block::Skip
                        }
                    }
                    within => {
                        out.push((prelude_line, head, within == Block::Style));
                        Block::Style
                    }
                };
                open.push(block);
                prelude.clear();
            }
            '}' => {
                open.pop();
                prelude.clear();
            }
            ';' => prelude.clear(),
            _ => {
                if prelude.trim().is_empty() {
                    prelude_line = line;
                }
                prelude.push(c);
            }
        }
        if c == '\n' {
            line += 1;
        }
        i += 1;
    }
    out
}

/// Splits a selector list at its top-level commas.
fn split_list(list: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    for c in list.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts.into_iter().map(|p| p.trim().to_owned()).collect()
}

/// The class names in a selector (`.name`), outside attribute selectors and strings.
fn classes(selector: &str) -> Vec<String> {
    let chars: Vec<char> = selector.chars().collect();
    let mut out = Vec::new();
    let mut brackets = 0usize;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '[' => brackets += 1,
            ']' => brackets = brackets.saturating_sub(1),
            '"' | '\'' => {
                i = quoted(&chars, i + 1, chars[i]);
                continue;
            }
            '.' if brackets == 0 => {
                let name: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '-' || **c == '_')
                    .collect();
                i += name.chars().count();
                out.push(name);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The first compound selector of a complex one: up to the first combinator outside brackets.
fn first_compound(selector: &str) -> String {
    let mut depth = 0usize;
    selector
        .chars()
        .take_while(|&c| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0 || !(c.is_whitespace() || matches!(c, '>' | '+' | '~'))
        })
        .collect()
}

/// Every class that does not start with `dafu-`, and every rule that could match outside dafu: one
/// whose first compound selector has no `dafu-` class (a bare `body`, `h2`, `*`, `:root` or `a`).
/// Element selectors below a dafu class, such as the defensive reset `.dafu-reply :where(:not(svg))`
/// in `dafu.css` or `.dafu-table thead`, are deliberate and stay allowed.
fn css_offenders(path: &str, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (line, list, nested) in selectors(css) {
        for selector in split_list(&list) {
            for class in classes(&selector) {
                if !class.starts_with("dafu-") {
                    out.push(format!("{path}:{line}: class `.{class}` in `{selector}` does not start with `dafu-`"));
                }
            }
            // A nested rule (`&:hover`) is scoped by the rule it is in.
            let scoped = nested
                || classes(&first_compound(&selector))
                    .iter()
                    .any(|c| c.starts_with("dafu-"));
            if !scoped {
                out.push(format!(
                    "{path}:{line}: `{selector}` is not scoped under a dafu- class, so it reaches the host page"
                ));
            }
        }
    }
    out
}

#[test]
fn every_css_class_starts_with_dafu_and_every_rule_is_scoped_under_one() {
    let sheets = files("style", "css");
    assert!(
        sheets.len() >= 5,
        "only {} style sheets found",
        sheets.len()
    );
    let mut rules = 0;
    let mut offenders = Vec::new();
    for (path, css) in &sheets {
        rules += selectors(css).len();
        offenders.extend(css_offenders(path, css));
    }
    assert!(
        rules >= 100,
        "only {rules} rules found: is the CSS parser still right?"
    );
    assert_none("CSS selectors", &offenders);
}

/// The literals of every `class="…"` and `class=("…", on)` attribute in a `src/ui` file. Classes
/// computed at run time (`class=role_class(role)`) are not seen.
fn class_literals(source: &str) -> Vec<Token> {
    let tokens = outside_tests(source);
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let after = |k: usize| tokens.get(i + k).filter(|t| t.kind != Kind::Comment);
        if !(t.kind == Kind::Ident && t.text == "class" && after(1).is_some_and(|t| t.text == "="))
        {
            continue;
        }
        match (after(2), after(3)) {
            (Some(s), _) if s.kind == Kind::Str => out.push(s.clone()),
            (Some(p), Some(s)) if p.text == "(" && s.kind == Kind::Str => out.push(s.clone()),
            _ => {}
        }
    }
    out
}

#[test]
fn every_class_the_ui_names_starts_with_dafu() {
    let mut offenders = Vec::new();
    let mut seen = 0;
    for (path, source) in files("src/ui", "rs") {
        for literal in class_literals(&source) {
            seen += 1;
            for class in literal.text.split_whitespace() {
                if !class.starts_with("dafu-") {
                    offenders.push(format!(
                        "{path}:{}: class `{class}` does not start with `dafu-`",
                        literal.line
                    ));
                }
            }
        }
    }
    assert!(
        seen >= 150,
        "only {seen} class attributes found: is the lexer still right?"
    );
    assert_none("classes in src/ui", &offenders);
}

// ---------------------------------------------------------------------------------------------------
// (c) The core knows nothing of the web.

/// Whether a crate is one the core must not depend on: the web side's, or the command line's.
fn forbidden_in_core(name: &str) -> bool {
    let name = name.trim().trim_matches('"').replace('_', "-");
    name.starts_with("leptos")
        || name.starts_with("wasm-bindgen")
        || name.starts_with("gloo")
        || matches!(name.as_str(), "web-sys" | "js-sys" | "clap" | "encoding-rs")
}

/// `path:line` for every forbidden crate in a manifest's dependency tables (`[dependencies]`,
/// `[dependencies.name]` and their `[target.….dependencies]` forms), by key or by `package = "…"`.
fn manifest_offenders(path: &str, manifest: &str) -> Vec<String> {
    /// What a table header says: `None` outside dependency tables, `Some(None)` for a table listing
    /// crates, `Some(Some(name))` for one crate's own table.
    fn dependency_table(header: &str) -> Option<Option<&str>> {
        // `target.'cfg(…)'.dependencies…` reads as `dependencies…`.
        let header = match header.strip_prefix("target.") {
            Some(_) => header.get(header.find(".dependencies")? + 1..)?,
            None => header,
        };
        if header == "dependencies" {
            Some(None)
        } else {
            header.strip_prefix("dependencies.").map(Some)
        }
    }
    let mut out = Vec::new();
    let mut table: Option<Option<&str>> = None;
    for (n, raw) in manifest.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or(raw).trim();
        let mut flag = |name: &str| {
            let name = name.trim().trim_matches('"');
            if forbidden_in_core(name) {
                out.push(format!("{path}:{}: the core depends on `{name}`", n + 1));
            }
        };
        if let Some(header) = line.strip_prefix('[') {
            table = dependency_table(header.trim_end_matches(']').trim());
            if let Some(Some(name)) = table {
                flag(name);
            }
            continue;
        }
        let (Some(listing), Some((key, value))) = (table, line.split_once('=')) else {
            continue;
        };
        match listing {
            None => flag(key),
            Some(_) if key.trim() == "package" => flag(value),
            Some(_) => {}
        }
        // An inline table can rename a crate: `web = { package = "web-sys", … }`.
        if let Some((_, rest)) = value.split_once("package") {
            flag(rest.split('"').nth(1).unwrap_or(""));
        }
    }
    out
}

/// `path:line` for every use of a web crate's name as an identifier in code (not in comments or text).
fn web_identifiers(path: &str, source: &str) -> Vec<String> {
    lex(source)
        .into_iter()
        .filter(|t| t.kind == Kind::Ident && forbidden_in_core(&t.text))
        .map(|t| format!("{path}:{}: `{}` in the core", t.line, t.text))
        .collect()
}

#[test]
fn the_core_crate_knows_nothing_of_the_web() {
    let manifest_path = "crates/dafu-core/Cargo.toml";
    let manifest = fs::read_to_string(common::repo().join(manifest_path)).unwrap();
    assert!(
        manifest.contains("[dependencies]"),
        "{manifest_path} has no [dependencies]"
    );
    let mut offenders = manifest_offenders(manifest_path, &manifest);
    let sources = files("crates/dafu-core/src", "rs");
    assert!(
        sources.len() >= 10,
        "only {} core sources found",
        sources.len()
    );
    for (path, source) in &sources {
        offenders.extend(web_identifiers(path, source));
    }
    assert_none("web and command-line crates in dafu-core", &offenders);
}

// ---------------------------------------------------------------------------------------------------
// (d) Chinese interface text lives in the i18n module.

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// `path:line` for every string or character literal holding CJK characters in one `src/ui` file,
/// leaving out comments and `#[cfg(test)]` items.
fn cjk_literals(path: &str, source: &str) -> Vec<String> {
    outside_tests(source)
        .into_iter()
        .filter(|t| matches!(t.kind, Kind::Str | Kind::Char) && t.text.chars().any(is_cjk))
        .map(|t| {
            let shown: String = t.text.chars().take(40).collect();
            let more = if t.text.chars().count() > 40 {
                "…"
            } else {
                ""
            };
            format!("{path}:{}: {shown:?}{more}", t.line)
        })
        .collect()
}

/// Every literal holding CJK text in `src/ui/**/*.rs` outside `src/ui/i18n.rs` and `src/ui/i18n/`.
fn cjk_literals_outside_i18n() -> Vec<String> {
    files("src/ui", "rs")
        .into_iter()
        .filter(|(path, _)| path != "src/ui/i18n.rs" && !path.starts_with("src/ui/i18n/"))
        .flat_map(|(path, source)| cjk_literals(&path, &source))
        .collect()
}

#[test]
fn chinese_interface_text_lives_only_in_the_i18n_module() {
    // The check must see the Chinese that does belong in the tables, or it is not looking.
    let i18n = fs::read_to_string(common::repo().join("src/ui/i18n.rs")).unwrap();
    assert!(
        cjk_literals("src/ui/i18n.rs", &i18n).len() >= 20,
        "src/ui/i18n.rs holds no Chinese literals: has it moved?"
    );
    assert_none(
        "string literals with Chinese text outside src/ui/i18n (move them into a table there)",
        &cjk_literals_outside_i18n(),
    );
}

// ---------------------------------------------------------------------------------------------------
// The checks themselves, on small samples, so a check that stopped looking cannot pass unnoticed.

#[test]
fn the_lexer_tells_literals_from_comments_lifetimes_and_raw_strings() {
    let source = "//! 文档\nfn f<'a>(x: &'a str) -> char { /* 注 /* 套 */ */ let _ = r#\"原\"文\"#; '中' }\n// 注释\nconst S: &[u8] = b\"\\\"\"; const T: &str = \"第\\\"二\\\"行\n续\";";
    let literals: Vec<(Kind, String, usize)> = lex(source)
        .into_iter()
        .filter(|t| matches!(t.kind, Kind::Str | Kind::Char))
        .map(|t| (t.kind, t.text, t.line))
        .collect();
    assert_eq!(
        literals,
        [
            (Kind::Str, "原\"文".to_owned(), 2),
            (Kind::Char, "中".to_owned(), 2),
            (Kind::Str, "\\\"".to_owned(), 4),
            (Kind::Str, "第\\\"二\\\"行\n续".to_owned(), 4),
        ]
    );
}

#[test]
fn the_cjk_check_skips_comments_and_test_items_but_not_code_after_them() {
    let source = "//! 界面\n/// 说明\nfn a() -> &'static str { \"English\" }\n#[cfg(test)]\nmod tests {\n    const X: &str = \"测试\";\n    fn f() { let s = \"{\"; }\n}\n#[cfg(test)]\nconst Y: &str = \"也是测试\";\nfn b() -> String { format!(\"{}年\", 2024) }\nconst COMMA: char = '、';\n";
    assert_eq!(
        cjk_literals("src/ui/x.rs", source),
        ["src/ui/x.rs:11: \"{}年\"", "src/ui/x.rs:12: \"、\""]
    );
}

#[test]
fn the_css_check_finds_foreign_classes_and_unscoped_rules_but_not_comments_or_declarations() {
    let css = "/* .other { } body { } */\n.dafu-a, .dafu-b .x {\n  background: url(\"a.b.png\");\n  width: 1.5rem;\n}\n@media (min-width: 30.5rem) {\n  h2 { margin: 0; }\n  .dafu-c[data-x=\".y\"] :where(svg) { }\n}\n@keyframes dafu-spin { from { opacity: 0.5; } to { opacity: 1; } }\n";
    assert_eq!(
        css_offenders("s.css", css),
        [
            "s.css:2: class `.x` in `.dafu-b .x` does not start with `dafu-`",
            "s.css:7: `h2` is not scoped under a dafu- class, so it reaches the host page",
        ]
    );
}

#[test]
fn the_manifest_check_reads_every_form_of_dependency_table() {
    let manifest = "[package]\nname = \"clap\"\n\n[dependencies]\nserde = \"1\"\nweb_sys = \"0.3\"\nx = { version = \"1\", package = \"leptos\" }\n\n[dev-dependencies]\nclap = \"4\"\n\n[target.'cfg(target_arch = \"wasm32\")'.dependencies]\ngloo-net = \"0.6\"\n\n[dependencies.encoding_rs]\nversion = \"0.8\"\n";
    assert_eq!(
        manifest_offenders("m.toml", manifest),
        [
            "m.toml:6: the core depends on `web_sys`",
            "m.toml:7: the core depends on `leptos`",
            "m.toml:13: the core depends on `gloo-net`",
            "m.toml:15: the core depends on `encoding_rs`",
        ]
    );
    assert_eq!(
        web_identifiers(
            "c.rs",
            "//! no leptos here\nuse leptos::prelude::*;\nconst S: &str = \"web_sys\";\n"
        ),
        ["c.rs:2: `leptos` in the core"]
    );
}
