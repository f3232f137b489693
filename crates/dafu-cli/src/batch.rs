//! `dafu convert DIR --out OUT`: every reply of a folder converted on every core into
//! `OUT/replies/ID.json`, with the collection index (`OUT/collection.json`, see
//! [`dafu_core::model::Collection`]), the page's full-text search (`OUT/search.json`) and a report of
//! the replies with diagnostics (`OUT/report.txt`); `dafu collection merge` ([`merge`]) joins the
//! indexes and search indexes of shards.
//!
//! A rerun converts only inputs whose content hash changed (or whose reply file is gone); an input
//! that cannot be read or converted is an entry with its error, never the end of the batch. Symbolic
//! links are followed only to files inside DIR; hidden files and folders, and OUT itself when it
//! lies inside DIR, are passed over.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use dafu_core::model::{
    content_hash, is_safe_id, search_text, unique_ids, Collection, CollectionEntry, Origin, Reply,
    SearchIndex, SearchText, MAX_COLLECTION_BYTES, MAX_JSON_BYTES, MAX_SEARCH_BYTES,
    SEARCH_SCHEMA_VERSION,
};
use dafu_core::parse::MAX_TEXT_BYTES;

use super::{decode, read, size_text, Input};

/// How deep folders are followed (a deeper tree is reported, not walked).
const MAX_DEPTH: usize = 64;

/// `--shard I/N`: the I-th of N shares of the input (1-based), by position in the sorted file list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1..=count.
    pub index: usize,
    /// How many shares.
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not I/N with 1 <= I <= N (such as 2/4)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

/// What `dafu convert DIR` was asked.
pub struct Options {
    /// The folder converted.
    pub dir: PathBuf,
    /// Where the replies, the index and the report go.
    pub out: PathBuf,
    /// One share of the input only.
    pub shard: Option<Shard>,
    /// Worker threads (0: one per core).
    pub jobs: usize,
    /// Mask personal data.
    pub redact: bool,
    /// Convert every input, changed or not.
    pub force: bool,
}

/// The files a run writes in OUT beside `replies/`: the index, the search index and the report.
struct Names {
    index: String,
    search: String,
    report: String,
}

/// `collection.json`, `search.json`, `report.txt`; for a shard `collection-2-of-4.json`,
/// `search-2-of-4.json`, `report-2-of-4.txt`, so that shards writing to one OUT do not overwrite
/// each other's, and `collection merge` finds each index's search index beside it
/// ([`search_beside`]).
fn names(shard: Option<Shard>) -> Names {
    let suffix = shard.map_or_else(String::new, |s| format!("-{}-of-{}", s.index, s.count));
    Names {
        index: format!("collection{suffix}.json"),
        search: format!("search{suffix}.json"),
        report: format!("report{suffix}.txt"),
    }
}

/// The search index a run wrote beside the index at `index`: `collection.json` → `search.json`,
/// `collection-2-of-4.json` → `search-2-of-4.json`; `None` for an index named otherwise.
fn search_beside(index: &Path) -> Option<PathBuf> {
    let name = index.file_name()?.to_str()?;
    let rest = name.strip_prefix("collection")?;
    Some(index.with_file_name(format!("search{rest}")))
}

/// What wrote an index: a rerun by another version converts everything again.
pub fn generator() -> String {
    format!("dafu {}", env!("CARGO_PKG_VERSION"))
}

/// An input file found under DIR.
struct Found {
    /// Relative to DIR, `/` between folders.
    relative: String,
    path: PathBuf,
}

/// The input files under `dir` (sorted by relative path), and what was passed over with why.
fn walk(root: &Path, out: &Path) -> (Vec<Found>, Vec<(String, String)>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut stack = vec![(root.to_path_buf(), String::new(), 0usize)];
    while let Some((dir, prefix, depth)) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                skipped.push((display_dir(&prefix), format!("cannot read the folder: {e}")));
                continue;
            }
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let relative = format!("{prefix}{name}");
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let is_input = |p: &Path| {
                p.extension().is_some_and(|e| {
                    e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("json")
                })
            };
            if kind.is_symlink() {
                // Followed only to a file inside DIR: a link must not read what DIR does not hold.
                match std::fs::canonicalize(&path) {
                    Ok(target) if !target.starts_with(root) => {
                        if target.is_dir() {
                            skipped.push((relative, "a link to a folder outside DIR".to_owned()));
                        } else if is_input(&path) {
                            skipped.push((relative, "a link to a file outside DIR".to_owned()));
                        }
                    }
                    Ok(target) if target.is_file() && is_input(&path) => {
                        found.push(Found { relative, path })
                    }
                    Ok(target) if target.is_dir() => {
                        skipped.push((relative, "a link to a folder, not followed".to_owned()))
                    }
                    Ok(_) => {}
                    Err(_) if is_input(&path) => {
                        skipped.push((relative, "a link to nothing".to_owned()))
                    }
                    Err(_) => {}
                }
            } else if kind.is_dir() {
                if std::fs::canonicalize(&path).is_ok_and(|p| p == out) {
                    continue;
                }
                if depth >= MAX_DEPTH {
                    skipped.push((relative, "folders nested too deep".to_owned()));
                } else {
                    stack.push((path, format!("{relative}/"), depth + 1));
                }
            } else if kind.is_file() && is_input(&path) {
                found.push(Found { relative, path });
            }
        }
    }
    found.sort_by(|a, b| a.relative.cmp(&b.relative));
    skipped.sort();
    (found, skipped)
}

fn display_dir(prefix: &str) -> String {
    if prefix.is_empty() {
        ".".to_owned()
    } else {
        prefix.trim_end_matches('/').to_owned()
    }
}

/// What became of one input.
enum Outcome {
    /// Converted (or read) and written.
    Converted(CollectionEntry),
    /// The same bytes as last time, and its reply is there: the old entry kept.
    Unchanged(CollectionEntry),
    /// Could not be read, converted or written.
    Failed(CollectionEntry),
}

/// Writes `bytes` to `path` through a temporary file and a rename, so that an interrupted run never
/// leaves half a file under the final name.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

/// The per-reply diagnostics file, kept next to the reply so that the report of a rerun still lists
/// the replies it did not convert again.
fn diagnostics_path(replies: &Path, id: &str) -> PathBuf {
    replies.join(format!("{id}.diagnostics.txt"))
}

/// The reply's text for search ([`search_text`]), kept next to the reply so that a rerun builds the
/// search index without reading the replies it did not convert again.
fn search_path(replies: &Path, id: &str) -> PathBuf {
    replies.join(format!("{id}.search.txt"))
}

/// A reply's search text from OUT's `replies/`: its `ID.search.txt`, else (an OUT written before
/// the search index existed) made from its `ID.json`.
fn text_from_replies(replies: &Path, id: &str) -> Option<String> {
    std::fs::read_to_string(search_path(replies, id))
        .ok()
        .or_else(|| {
            let bytes = std::fs::read(replies.join(format!("{id}.json"))).ok()?;
            Reply::from_json_bytes(&bytes).ok().map(|r| search_text(&r))
        })
}

/// The search index (`search.json`, the page's full-text search) of `entries`: each converted
/// entry's text as `text` finds it, in the entries' order, on `threads` threads; with the ids of
/// the converted entries whose text was not found (left out of search, not of the collection).
fn search_index(
    entries: &[CollectionEntry],
    threads: usize,
    text: impl Fn(&CollectionEntry) -> Option<String> + Sync,
) -> (SearchIndex, Vec<String>) {
    let ok: Vec<&CollectionEntry> = entries.iter().filter(|e| e.error.is_none()).collect();
    let next = AtomicUsize::new(0);
    let mut texts: Vec<Option<String>> = Vec::new();
    texts.resize_with(ok.len(), || None);
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        for _ in 0..threads.clamp(1, ok.len().max(1)) {
            let send = send.clone();
            let (ok, next, text) = (&ok, &next, &text);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(entry) = ok.get(i) else { break };
                if send.send((i, text(entry))).is_err() {
                    break;
                }
            });
        }
        drop(send);
        for (i, found) in receive {
            if let Some(slot) = texts.get_mut(i) {
                *slot = found;
            }
        }
    });
    let mut missing = Vec::new();
    let mut found = Vec::with_capacity(ok.len());
    for (entry, text) in ok.iter().zip(texts) {
        match text {
            Some(text) => found.push(SearchText {
                id: entry.id.clone(),
                text,
            }),
            None => missing.push(entry.id.clone()),
        }
    }
    let index = SearchIndex {
        schema: SEARCH_SCHEMA_VERSION,
        texts: found,
    };
    (index, missing)
}

struct Job<'a> {
    found: &'a Found,
    id: &'a str,
    previous: Option<&'a CollectionEntry>,
}

/// Reads, hashes and (unless unchanged) converts one input, writing its reply.
fn convert_one(job: &Job<'_>, replies: &Path, redact: bool, force: bool) -> Outcome {
    let is_text = job
        .found
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let limit = if is_text {
        MAX_TEXT_BYTES
    } else {
        MAX_JSON_BYTES
    };
    let origin = |hash: String| Origin {
        id: job.id.to_owned(),
        source: job.found.relative.clone(),
        hash,
    };
    let path = job.found.path.to_string_lossy();
    let bytes = match read(&path, limit) {
        Ok(Input::Bytes(bytes)) => bytes,
        Ok(Input::TooLarge { size }) => {
            let message = format!(
                "the file is {}; the limit is {limit} bytes",
                size_text(size, limit)
            );
            return Outcome::Failed(CollectionEntry::failed(origin(String::new()), &message));
        }
        Err(super::Failure(message)) => {
            let message = message
                .strip_prefix("dafu: ")
                .unwrap_or(&message)
                .to_owned();
            return Outcome::Failed(CollectionEntry::failed(origin(String::new()), &message));
        }
    };
    let hash = content_hash(&bytes);
    let reply_path = replies.join(format!("{}.json", job.id));
    if let Some(prev) = job.previous.filter(|p| {
        !force
            && p.source == job.found.relative
            && p.hash == hash
            && p.redacted == (redact && p.error.is_none())
            && (p.error.is_some() || reply_path.is_file())
    }) {
        return Outcome::Unchanged(prev.clone());
    }
    let (reply, lines, count) = if is_text {
        let (text, note) = decode(&bytes);
        let conversion = dafu_core::privacy::convert(&text, redact);
        // The encoding note is listed in the report, not counted: an office writing GBK would
        // otherwise have every reply "with diagnostics".
        let count = conversion.diagnostics.len();
        let lines: Vec<String> = note
            .map(str::to_owned)
            .into_iter()
            .chain(conversion.diagnostics.iter().map(ToString::to_string))
            .collect();
        (conversion.reply, lines, count)
    } else {
        match Reply::from_json_bytes(&bytes) {
            Ok(mut reply) => {
                let lines: Vec<String> = dafu_core::privacy::find_in_reply(&reply)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                if redact {
                    dafu_core::privacy::redact_reply(&mut reply);
                }
                let count = lines.len();
                (reply, lines, count)
            }
            Err(e) => {
                let message = format!("not a valid reply: {}", e.lines().join("; "));
                return Outcome::Failed(CollectionEntry::failed(origin(hash), &message));
            }
        }
    };
    let diag_path = diagnostics_path(replies, job.id);
    let written = write_atomic(&reply_path, reply.to_json().as_bytes())
        .and_then(|()| {
            write_atomic(
                &search_path(replies, job.id),
                search_text(&reply).as_bytes(),
            )
        })
        .and_then(|()| {
            if lines.is_empty() {
                match std::fs::remove_file(&diag_path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                    _ => Ok(()),
                }
            } else {
                write_atomic(&diag_path, format!("{}\n", lines.join("\n")).as_bytes())
            }
        });
    if let Err(e) = written {
        return Outcome::Failed(CollectionEntry::failed(
            origin(hash),
            &format!("cannot write {}: {e}", reply_path.display()),
        ));
    }
    Outcome::Converted(CollectionEntry::of(&reply, origin(hash), count, redact))
}

/// The previous index of this OUT (and shard), if it reads; entries by id. Another version's index
/// counts as none: its converter may read the texts differently.
fn previous(index: &Path) -> HashMap<String, CollectionEntry> {
    let Ok(bytes) = std::fs::read(index) else {
        return HashMap::new();
    };
    match Collection::from_json_bytes(&bytes) {
        Ok(c) if c.generator.as_deref() == Some(generator().as_str()) => {
            c.entries.into_iter().map(|e| (e.id.clone(), e)).collect()
        }
        _ => HashMap::new(),
    }
}

/// The counts of the summary table.
#[derive(Default)]
struct Tally {
    converted: usize,
    unchanged: usize,
    failed: usize,
    with_diagnostics: usize,
}

/// Runs the batch; `Ok(exit code)`: 0 when every input is in the collection, 1 when some input
/// failed or was passed over for leaving DIR (each listed on `err` and in the report); `Err` (exit
/// 2) when DIR cannot be read or OUT cannot be written.
pub fn run(options: &Options, out: &mut impl Write, err: &mut impl Write) -> Result<u8, String> {
    let start = Instant::now();
    let root = std::fs::canonicalize(&options.dir)
        .map_err(|e| format!("dafu: cannot read {}: {e}", options.dir.display()))?;
    if !root.is_dir() {
        return Err(format!("dafu: {} is not a folder", options.dir.display()));
    }
    let replies = options.out.join("replies");
    std::fs::create_dir_all(&replies)
        .map_err(|e| format!("dafu: cannot write {}: {e}", replies.display()))?;
    let out_dir = std::fs::canonicalize(&options.out)
        .map_err(|e| format!("dafu: cannot write {}: {e}", options.out.display()))?;
    let names = names(options.shard);
    let index_path = options.out.join(&names.index);
    let report_path = options.out.join(&names.report);

    let (found, skipped) = walk(&root, &out_dir);
    // Ids from the whole folder, so that every shard gives every file the same id.
    let relative: Vec<String> = found.iter().map(|f| f.relative.clone()).collect();
    let ids = unique_ids(&relative);
    let previous = previous(&index_path);
    let jobs: Vec<Job<'_>> = found
        .iter()
        .zip(&ids)
        .enumerate()
        .filter(|(i, _)| options.shard.is_none_or(|s| i % s.count == s.index - 1))
        .map(|(_, (found, id))| Job {
            found,
            id,
            previous: previous.get(id.as_str()),
        })
        .collect();

    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} replies  {per_sec}  {eta} left",
        ) {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let threads = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
    .clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let mut outcomes: Vec<Option<Outcome>> = Vec::new();
    outcomes.resize_with(jobs.len(), || None);
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel();
        for _ in 0..threads {
            let send = send.clone();
            let (jobs, next, replies) = (&jobs, &next, &replies);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let outcome = convert_one(job, replies, options.redact, options.force);
                if send.send((i, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(send);
        for (i, outcome) in receive {
            if let Some(slot) = outcomes.get_mut(i) {
                *slot = Some(outcome);
            }
            bar.inc(1);
        }
    });
    bar.finish_and_clear();

    let mut tally = Tally::default();
    let mut entries = Vec::with_capacity(jobs.len());
    let mut failures = Vec::new();
    for outcome in outcomes.into_iter().flatten() {
        let entry = match outcome {
            Outcome::Converted(entry) => {
                tally.converted += 1;
                entry
            }
            Outcome::Unchanged(entry) => {
                tally.unchanged += 1;
                entry
            }
            Outcome::Failed(entry) => entry,
        };
        if let Some(error) = &entry.error {
            tally.failed += 1;
            failures.push(format!("{}: {error}", entry.source));
            // No stale reply of an earlier run under a failed entry's id.
            let _ = std::fs::remove_file(replies.join(format!("{}.json", entry.id)));
            let _ = std::fs::remove_file(diagnostics_path(&replies, &entry.id));
            let _ = std::fs::remove_file(search_path(&replies, &entry.id));
        } else if entry.diagnostics > 0 {
            tally.with_diagnostics += 1;
        }
        entries.push(entry);
    }
    // Replies of inputs gone since the last run: only files the last index named.
    for id in previous.keys() {
        if is_safe_id(id) && !entries.iter().any(|e| &e.id == id) {
            let _ = std::fs::remove_file(replies.join(format!("{id}.json")));
            let _ = std::fs::remove_file(diagnostics_path(&replies, id));
            let _ = std::fs::remove_file(search_path(&replies, id));
        }
    }
    let mut collection = Collection::new(Some(generator()), entries);
    collection.shard = options.shard.map(|s| format!("{}/{}", s.index, s.count));
    write_atomic(
        &index_path,
        format!("{}\n", collection.to_json()).as_bytes(),
    )
    .map_err(|e| format!("dafu: cannot write {}: {e}", index_path.display()))?;
    // The page's full-text search; a shard's covers its own entries, and `collection merge` joins
    // the shards' into the `search.json` of the whole.
    let search = options.out.join(&names.search);
    let (index, _) = search_index(&collection.entries, threads, |e| {
        text_from_replies(&replies, &e.id)
    });
    write_atomic(&search, index.to_json().as_bytes())
        .map_err(|e| format!("dafu: cannot write {}: {e}", search.display()))?;
    let report = report(&collection, &skipped, &replies);
    write_atomic(&report_path, report.as_bytes())
        .map_err(|e| format!("dafu: cannot write {}: {e}", report_path.display()))?;

    for line in &failures {
        writeln!(err, "dafu: {line}").map_err(|e| e.to_string())?;
    }
    for (path, why) in &skipped {
        writeln!(err, "dafu: {path}: skipped, {why}").map_err(|e| e.to_string())?;
    }
    let seconds = start.elapsed().as_secs_f64();
    let rate = if seconds > 0.0 {
        (tally.converted as f64) / seconds
    } else {
        0.0
    };
    let rows = [
        ("replies", collection.entries.len()),
        ("converted", tally.converted),
        ("unchanged, not converted again", tally.unchanged),
        ("with diagnostics", tally.with_diagnostics),
        ("failed", tally.failed),
        ("skipped (outside DIR)", skipped.len()),
    ];
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        writeln!(
            out,
            "dafu convert: {} -> {}",
            options.dir.display(),
            index_path.display()
        )?;
        for (label, n) in rows {
            writeln!(out, "  {label:<31}{n:>8}")?;
        }
        writeln!(
            out,
            "  {:<31}{seconds:>8.2} s ({rate:.1} replies/s, {threads} threads)",
            "time"
        )?;
        if tally.failed + tally.with_diagnostics + skipped.len() > 0 {
            writeln!(out, "  report: {}", report_path.display())?;
        }
        Ok(())
    };
    write(out).map_err(|e| format!("dafu: cannot write the output: {e}"))?;
    Ok(if tally.failed + skipped.len() > 0 {
        1
    } else {
        0
    })
}

/// `dafu collection merge INDEX… [-o FILE] [--search FILE]`: the indexes (the shards of one folder,
/// converted apart) merged into one, and their search indexes into the merged one's `search.json`,
/// so that the merged collection is searched exactly as the whole folder converted in one run.
///
/// Each index's texts come from the search index its run wrote beside it ([`search_beside`]); an
/// index without one (written before shards wrote them) gives them from the `replies/` folder beside
/// it. The search index goes to `--search`, else beside `-o`'s file as `search.json` (where the page
/// looks for it); with the merged index on standard output and no `--search`, none is written, and
/// `err` says so. `Ok(1)`, nothing written, when an index or a search index is invalid or one id
/// stands for two different entries.
pub fn merge(
    inputs: &[String],
    output: Option<&str>,
    search: Option<&str>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<u8, super::Failure> {
    let fail = |e: std::io::Error| super::Failure(format!("dafu: cannot write the output: {e}"));
    let too_large = |input: &str, size, limit| {
        super::Failure(format!(
            "dafu: {input} is {}; the limit is {limit} bytes",
            size_text(size, limit)
        ))
    };
    let mut parts = Vec::with_capacity(inputs.len());
    let mut problems = Vec::new();
    for input in inputs {
        let bytes = match read(input, MAX_COLLECTION_BYTES)? {
            Input::Bytes(bytes) => bytes,
            Input::TooLarge { size } => return Err(too_large(input, size, MAX_COLLECTION_BYTES)),
        };
        match Collection::from_json_bytes(&bytes) {
            Ok(c) => parts.push(c),
            Err(lines) => problems.extend(lines.iter().map(|l| format!("{input}: {l}"))),
        }
    }
    let search_out = search.map(PathBuf::from).or_else(|| {
        output.map(|o| {
            Path::new(o)
                .parent()
                .unwrap_or_else(|| Path::new(""))
                .join("search.json")
        })
    });
    // Each text by id from the search indexes beside the inputs, and where each id's replies are
    // (the first input naming it) for an input without one.
    let mut known: HashMap<String, String> = HashMap::new();
    let mut home: HashMap<String, PathBuf> = HashMap::new();
    if search_out.is_some() {
        for (input, part) in inputs.iter().zip(&parts) {
            let dir = Path::new(input)
                .parent()
                .unwrap_or_else(|| Path::new(""))
                .to_path_buf();
            for e in &part.entries {
                home.entry(e.id.clone())
                    .or_insert_with(|| dir.join("replies"));
            }
            let Some(path) = search_beside(Path::new(input)).filter(|p| p.is_file()) else {
                continue;
            };
            let name = path.to_string_lossy().into_owned();
            let bytes = match read(&name, MAX_SEARCH_BYTES)? {
                Input::Bytes(bytes) => bytes,
                Input::TooLarge { size } => return Err(too_large(&name, size, MAX_SEARCH_BYTES)),
            };
            match SearchIndex::from_json_bytes(&bytes) {
                Ok(index) => {
                    for t in index.texts {
                        known.entry(t.id).or_insert(t.text);
                    }
                }
                Err(line) => problems.push(format!("{name}: {line}")),
            }
        }
    }
    let merged = if problems.is_empty() {
        Collection::merge(parts).map_err(|lines| problems.extend(lines))
    } else {
        Err(())
    };
    let Ok(merged) = merged else {
        for line in &problems {
            writeln!(err, "{line}").map_err(fail)?;
        }
        return Ok(1);
    };
    if let Some(path) = &search_out {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let (index, missing) = search_index(&merged.entries, threads, |e| {
            known
                .get(&e.id)
                .cloned()
                .or_else(|| text_from_replies(home.get(&e.id)?, &e.id))
        });
        write_atomic(path, index.to_json().as_bytes())
            .map_err(|e| super::Failure(format!("dafu: cannot write {}: {e}", path.display())))?;
        if !missing.is_empty() {
            writeln!(
                err,
                "dafu: {} replies have no text in any search index or replies folder, so search \
                 finds them by their index fields only: {}",
                missing.len(),
                missing
                    .iter()
                    .take(10)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
            .map_err(fail)?;
        }
    } else {
        writeln!(
            err,
            "dafu: no search index written (the page's full-text search needs one): give -o \
             OUT/collection.json to write OUT/search.json beside it, or --search FILE"
        )
        .map_err(fail)?;
    }
    let json = format!("{}\n", merged.to_json());
    match output {
        None => out.write_all(json.as_bytes()).map_err(fail)?,
        Some(path) => write_atomic(Path::new(path), json.as_bytes())
            .map_err(|e| super::Failure(format!("dafu: cannot write {path}: {e}")))?,
    }
    Ok(0)
}

/// The report: every input that failed or was passed over, then every reply with diagnostics and
/// its lines (read back from `replies/ID.diagnostics.txt`, so a rerun lists unchanged ones too).
fn report(collection: &Collection, skipped: &[(String, String)], replies: &Path) -> String {
    let mut out = String::new();
    let failed: Vec<&CollectionEntry> = collection
        .entries
        .iter()
        .filter(|e| e.error.is_some())
        .collect();
    if !failed.is_empty() || !skipped.is_empty() {
        out.push_str("# Not converted\n\n");
        for e in failed {
            out.push_str(&format!(
                "{}: {}\n",
                e.source,
                e.error.as_deref().unwrap_or("")
            ));
        }
        for (path, why) in skipped {
            out.push_str(&format!("{path}: skipped, {why}\n"));
        }
        out.push('\n');
    }
    let with: Vec<&CollectionEntry> = collection
        .entries
        .iter()
        .filter(|e| e.error.is_none() && diagnostics_path(replies, &e.id).is_file())
        .collect();
    if !with.is_empty() {
        out.push_str("# Diagnostics\n");
        for e in with {
            out.push_str(&format!(
                "\n{} (replies/{}.json): {} diagnostic{}\n",
                e.source,
                e.id,
                e.diagnostics,
                if e.diagnostics == 1 { "" } else { "s" }
            ));
            if let Ok(lines) = std::fs::read_to_string(diagnostics_path(replies, &e.id)) {
                for line in lines.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
    }
    if out.is_empty() {
        out.push_str("Every reply converted without a diagnostic.\n");
    }
    out
}

/// `dafu render --collection INDEX [--pages]`: the index page (and each reply's page). A reply whose
/// page cannot be made keeps its row, which shows why; `Ok(1)` then, and when the index is invalid.
pub fn render_collection(
    index: &str,
    pages: bool,
    lang: dafu::ui::Lang,
    output: Option<String>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<u8, super::Failure> {
    let fail = |e: std::io::Error| super::Failure(format!("dafu: cannot write the output: {e}"));
    let bytes = match read(index, MAX_COLLECTION_BYTES)? {
        Input::Bytes(bytes) => bytes,
        Input::TooLarge { size } => {
            return Err(super::Failure(format!(
                "dafu: {index} is {}; the limit is {MAX_COLLECTION_BYTES} bytes",
                size_text(size, MAX_COLLECTION_BYTES)
            )))
        }
    };
    let mut collection = match Collection::from_json_bytes(&bytes) {
        Ok(c) => c,
        Err(problems) => {
            for line in &problems {
                writeln!(err, "{index}: {line}").map_err(fail)?;
            }
            return Ok(1);
        }
    };
    let base = Path::new(index)
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let replies = base.join("replies");
    let mut code = 0;
    if pages {
        let options = dafu::snapshot::SnapshotOptions {
            lang,
            whole_page: true,
            src: None,
        };
        let page = |entry: &CollectionEntry| -> Option<String> {
            if entry.error.is_some() {
                return None;
            }
            let json = replies.join(format!("{}.json", entry.id));
            let reply = match read(&json.to_string_lossy(), MAX_JSON_BYTES) {
                Ok(Input::Bytes(bytes)) => {
                    Reply::from_json_bytes(&bytes).map_err(|e| e.lines().join("; "))
                }
                Ok(Input::TooLarge { size }) => Err(format!(
                    "the reply is {}; the limit is {MAX_JSON_BYTES} bytes",
                    size_text(size, MAX_JSON_BYTES)
                )),
                Err(super::Failure(message)) => Err(message
                    .strip_prefix("dafu: ")
                    .unwrap_or(&message)
                    .to_owned()),
            };
            let html = match reply {
                Ok(reply) => dafu::snapshot::render(&reply, &options),
                Err(why) => return Some(why),
            };
            let path = replies.join(format!("{}.html", entry.id));
            write_atomic(&path, html.as_bytes())
                .err()
                .map(|e| format!("cannot write {}: {e}", path.display()))
        };
        // One page after another: leptos' reactive arena, which rendering uses, is shared by the
        // process, and rendering on several threads at once deadlocked (a test hung in it).
        let problems: Vec<Option<String>> = collection.entries.iter().map(page).collect();
        for (entry, problem) in collection.entries.iter_mut().zip(problems) {
            if let Some(problem) = problem {
                writeln!(err, "dafu: {} ({}): {problem}", entry.source, entry.id).map_err(fail)?;
                *entry = CollectionEntry::failed(
                    Origin {
                        id: entry.id.clone(),
                        source: entry.source.clone(),
                        hash: entry.hash.clone(),
                    },
                    &problem,
                );
                code = 1;
            }
        }
    }
    let html = dafu::snapshot::collection::render_index(&collection, lang);
    match output.as_deref() {
        Some("-") => out.write_all(html.as_bytes()).map_err(fail)?,
        other => {
            let path = other.map_or_else(|| base.join("index.html"), PathBuf::from);
            std::fs::write(&path, html).map_err(|e| {
                super::Failure(format!("dafu: cannot write {}: {e}", path.display()))
            })?;
            writeln!(err, "dafu: wrote {}", path.display()).map_err(fail)?;
        }
    }
    Ok(code)
}
