//! The command-line tool: `convert` (text → reply JSON), `validate` (reply JSON → problems), `schema`,
//! `render` (reply → static HTML), `collection merge`; `convert DIR --out OUT` is [`batch`].

mod batch;

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dafu_core::model::{Reply, MAX_JSON_BYTES};
use dafu_core::parse::MAX_TEXT_BYTES;

/// Turns Chinese government replies (答复) into dafu's reply JSON, and checks such JSON.
#[derive(Parser)]
#[command(name = "dafu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Converts a reply's text (UTF-8, UTF-16 with a BOM, or GB18030/GBK, detected) to JSON on
    /// stdout; diagnostics go to stderr. Exits 0 even with diagnostics; 2 when the input cannot be
    /// read or is over 20 MB, or the output cannot be written.
    ///
    /// With a folder and `--out OUT`: every `.txt` and `.json` under it, on every core, into
    /// `OUT/replies/ID.json`, with the index `OUT/collection.json`, the page's full-text search
    /// `OUT/search.json` and `OUT/report.txt`; a rerun converts only changed files. Exits 0 when
    /// every file is in the collection, 1 when some file could not be read or converted (listed,
    /// the others done), 2 when the folder cannot be read or OUT cannot be written.
    Convert {
        /// The text file, `-` for standard input, or a folder (with `--out`).
        input: String,
        /// Masks personal data in the JSON (mobile numbers, ID numbers, personal e-mail and home
        /// addresses: `138****1234`); it is listed on stderr either way.
        #[arg(long)]
        redact: bool,
        /// For a folder: where the replies, the index and the report go.
        #[arg(long, value_name = "OUT")]
        out: Option<String>,
        /// For a folder: convert only the I-th of N shares of its files (1-based), writing
        /// `collection-I-of-N.json` and `search-I-of-N.json`; `dafu collection merge` makes the
        /// shards' indexes one `collection.json` and `search.json`.
        #[arg(long, value_name = "I/N")]
        shard: Option<batch::Shard>,
        /// For a folder: how many files to convert at once (default: one per core).
        #[arg(long, value_name = "N", default_value_t = 0)]
        jobs: usize,
        /// For a folder: convert every file again, changed or not.
        #[arg(long)]
        force: bool,
        /// Corrects a header fact of the converted reply, as the page's form does (repeatable;
        /// applied in order, after `--redact`): `文号=…` (`document_number`), `标题=…` (`title`),
        /// `承办单位=…` (`issuer`), `成文日期=…` (`written`), `公开日期=…` (`published`),
        /// `类型=提案|建议` (`kind`), `编号=…` (`number`), `提案标题=…` (`proposal_title`),
        /// `办理结果=A|B|C` (`result_class`). An empty value removes the fact. The page's
        /// download for the same text and corrections is byte for byte this output.
        #[arg(long = "set", value_name = "KEY=VALUE", value_parser = correction)]
        set: Vec<dafu_core::parse::Correction>,
    },
    /// Collections of replies (the index `dafu convert DIR --out OUT` writes).
    Collection {
        #[command(subcommand)]
        command: CollectionCommand,
    },
    /// Checks a reply JSON file, which must be UTF-8 as the JSON standard says (the page refuses
    /// anything else too), and prints every problem with its path, at most 100. Exits 1 if there are
    /// any; 2 when the input cannot be read or the output cannot be written.
    Validate {
        /// The JSON file, or `-` for standard input.
        input: String,
    },
    /// Prints the JSON Schema of the reply format. Exits 2 when it cannot be written.
    Schema,
    /// Renders a reply as static HTML that needs no script and no other file: a whole page (meta
    /// tags of the 政府网站发展指引, the CSS inline), or with `--fragment` only the part to paste into a
    /// CMS. FILE is reply JSON (UTF-8), or a text (`.txt`, any encoding `convert` reads) converted
    /// first with its diagnostics on stderr. Exits 1 when the JSON is not a valid reply; 2 when the
    /// input cannot be read or the output cannot be written.
    ///
    /// With `--collection OUT/collection.json`: the collection's index page instead (a table of its
    /// replies with links to `replies/ID.html`, no script), written to `OUT/index.html` unless `-o`
    /// says otherwise; `--pages` also writes each reply's page there. Exits 1 when the index is not
    /// valid, or some reply's page could not be made (its row then shows why); 2 as above.
    Render {
        /// The reply JSON or `.txt` file, or `-` for JSON on standard input.
        #[arg(required_unless_present = "collection")]
        input: Option<String>,
        /// Render a collection's index page from its `collection.json`.
        #[arg(long, value_name = "INDEX", conflicts_with_all = ["input", "fragment", "src", "redact"])]
        collection: Option<String>,
        /// With `--collection`: also write each reply's page, `replies/ID.html` beside its JSON.
        #[arg(long, requires = "collection")]
        pages: bool,
        /// Only the fragment (one `<article>`, no `<style>`, no `<script>`), for pasting into a CMS.
        #[arg(long)]
        fragment: bool,
        /// The interface's language (headings, labels); the reply's text is never translated.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Where the reply's JSON will be served, written as `data-dafu-src` so that dafu.js can
        /// mount the live view over the snapshot.
        #[arg(long, value_name = "URL")]
        src: Option<String>,
        /// Write the HTML to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
        /// Masks personal data before rendering (as `convert --redact`); it is listed on stderr
        /// either way.
        #[arg(long)]
        redact: bool,
    },
}

/// `dafu collection …`
#[derive(Subcommand)]
enum CollectionCommand {
    /// Merges indexes (the shards of one folder) into one, sorted by id; the same entry in two is
    /// kept once. Their search indexes (`search-1-of-4.json` … beside them, else the texts in the
    /// `replies/` folder beside each) are merged into the page's `search.json`, written beside `-o`'s
    /// file. Exits 1 when an index or a search index is invalid or one id stands for two different
    /// entries (nothing is written then); 2 when an input cannot be read or the output cannot be
    /// written.
    Merge {
        /// The indexes (`collection-1-of-4.json` …).
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Write the merged index to this file instead of standard output, and the merged search
        /// index to `search.json` beside it.
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
        /// Write the merged search index to this file (default: `search.json` beside `-o`'s file;
        /// none when the index goes to standard output).
        #[arg(long, value_name = "FILE")]
        search: Option<String>,
    },
    /// Prints the JSON Schema of the collection index.
    Schema,
}

/// `--set KEY=VALUE`: one header correction.
fn correction(arg: &str) -> Result<dafu_core::parse::Correction, String> {
    dafu_core::parse::Correction::parse(arg).ok_or_else(|| {
        let keys: Vec<&str> = dafu_core::parse::Field::ALL
            .iter()
            .map(|f| f.key())
            .collect();
        format!("expected KEY=VALUE with KEY one of {}", keys.join(", "))
    })
}

/// `--lang`: the interface languages.
#[derive(Clone, Copy, clap::ValueEnum)]
enum LangArg {
    /// 简体中文
    Zh,
    /// English
    En,
}

/// Why a command stopped: it could not read its input or write its output. Exits 2.
struct Failure(String);

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure(format!("dafu: cannot write the output: {e}"))
    }
}

/// An input's bytes, or that it is over the limit (only the limit and one byte more are read, so
/// `/dev/zero` or a huge file costs no more than a file at the limit).
enum Input {
    Bytes(Vec<u8>),
    TooLarge {
        /// The size, when the input is a file that has one.
        size: Option<u64>,
    },
}

fn read(input: &str, limit: usize) -> Result<Input, Failure> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let mut size = None;
    let result = if input == "-" {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(input).and_then(|file| {
            size = file
                .metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)
                .map(|m| m.len());
            file.take(cap).read_to_end(&mut bytes)
        })
    };
    result.map_err(|e| Failure(format!("dafu: cannot read {input}: {e}")))?;
    Ok(if bytes.len() > limit {
        Input::TooLarge { size }
    } else {
        Input::Bytes(bytes)
    })
}

/// "N bytes" when the size is known, else "more than LIMIT bytes".
fn size_text(size: Option<u64>, limit: usize) -> String {
    size.map_or_else(
        || format!("more than {limit} bytes"),
        |n| format!("{n} bytes"),
    )
}

/// UTF-8 (a BOM is dropped), UTF-16 with a BOM, else GB18030 (a superset of GBK) when that decodes
/// without errors; otherwise UTF-8 with replacement characters, and a note. For text only: reply
/// JSON must be UTF-8.
/// The rule is the converter module's (`dafu_convert::decode`), so that the page reads a file the
/// same; GB18030 here by encoding_rs (the page uses the browser's decoder of the same standard).
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    let decoded = dafu_convert::decode::decode_with(bytes, |b| {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(b);
        (!had_errors).then(|| text.into_owned())
    });
    (decoded.text, decoded.encoding.note())
}

/// Whether standard output was closed when dafu started (`dafu schema >&-`). Rust's runtime reopens
/// a closed standard stream on `/dev/null` read-write before `main`, so writing to it would succeed
/// and nothing would tell the user their output went nowhere; a shell's `>/dev/null` opens it
/// write-only. Linux only (it reads `/proc`).
fn stdout_was_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p.as_os_str() == "/dev/null");
    let read_write = || {
        let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    };
    null && read_write()
}

/// `dafu render`: the reply read as `validate` reads JSON (or converted as `convert` converts text),
/// then rendered by `dafu::snapshot`. `None` when the JSON is not a valid reply (its problems are
/// A reply text file (`-` is stdin) decoded and converted, its decoding note, the converter's
/// diagnostics and the personal data it holds (masked when `redact`) on `err`; `nothing` says what
/// did not happen when the file is over the limit ("converted", "rendered").
fn converted(
    input: &str,
    redact: bool,
    corrections: &[dafu_core::parse::Correction],
    nothing: &str,
    err: &mut impl Write,
) -> Result<dafu_core::model::Reply, Failure> {
    let bytes = match read(input, MAX_TEXT_BYTES)? {
        Input::Bytes(bytes) => bytes,
        Input::TooLarge { size } => {
            return Err(Failure(format!(
                "dafu: {input} is {}; the limit is {MAX_TEXT_BYTES} bytes, nothing was {nothing}",
                size_text(size, MAX_TEXT_BYTES)
            )))
        }
    };
    let (text, note) = decode(&bytes);
    if let Some(note) = note {
        writeln!(err, "{input}: {note}")?;
    }
    let conversion = dafu_convert::conversion(&text, redact, corrections);
    for d in &conversion.diagnostics {
        writeln!(err, "{input}:{d}")?;
    }
    Ok(conversion.reply)
}

/// on `err`).
fn render_reply(
    input: &str,
    options: &dafu::snapshot::SnapshotOptions,
    redact: bool,
    err: &mut impl Write,
) -> Result<Option<String>, Failure> {
    let is_text = std::path::Path::new(input)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let reply = if is_text {
        converted(input, redact, &[], "rendered", err)?
    } else {
        let parsed = match read(input, MAX_JSON_BYTES)? {
            Input::Bytes(bytes) => Reply::from_json_bytes(&bytes).map_err(|e| e.lines()),
            Input::TooLarge { size } => Err(vec![format!(
                "the reply is {}; the limit is {MAX_JSON_BYTES} bytes",
                size_text(size, MAX_JSON_BYTES)
            )]),
        };
        match parsed {
            Ok(mut reply) => {
                // A page is for publishing: say what personal data it would show, or mask it.
                for finding in dafu_core::privacy::find_in_reply(&reply) {
                    writeln!(err, "{input}: {finding}")?;
                }
                if redact {
                    dafu_core::privacy::redact_reply(&mut reply);
                }
                reply
            }
            Err(problems) => {
                for line in &problems {
                    writeln!(err, "{input}: {line}")?;
                }
                return Ok(None);
            }
        }
    };
    Ok(Some(dafu::snapshot::render(&reply, options)))
}

fn run(command: Command, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, Failure> {
    let mut code = ExitCode::SUCCESS;
    match command {
        Command::Schema => {
            out.write_all(Reply::json_schema().as_bytes())?;
        }
        Command::Convert {
            input,
            redact,
            out: Some(out_dir),
            shard,
            jobs,
            force,
            set,
        } => {
            if !set.is_empty() {
                return Err(Failure(
                    "dafu: --set corrects one reply; it is not for a folder".to_owned(),
                ));
            }
            let options = batch::Options {
                dir: input.into(),
                out: out_dir.into(),
                shard,
                jobs,
                redact,
                force,
            };
            code = ExitCode::from(batch::run(&options, out, err).map_err(Failure)?);
        }
        Command::Convert { input, .. } if std::path::Path::new(&input).is_dir() => {
            return Err(Failure(format!(
                "dafu: {input} is a folder; give --out OUT to convert every reply in it"
            )));
        }
        Command::Convert {
            input,
            redact,
            shard: None,
            force: false,
            set,
            ..
        } => {
            let reply = converted(&input, redact, &set, "converted", err)?;
            writeln!(out, "{}", reply.to_json())?;
        }
        Command::Convert { .. } => {
            return Err(Failure(
                "dafu: --shard and --force are for a folder converted with --out".to_owned(),
            ));
        }
        Command::Collection {
            command: CollectionCommand::Schema,
        } => {
            out.write_all(dafu_core::model::Collection::json_schema().as_bytes())?;
        }
        Command::Collection {
            command:
                CollectionCommand::Merge {
                    inputs,
                    output,
                    search,
                },
        } => {
            code = ExitCode::from(batch::merge(
                &inputs,
                output.as_deref(),
                search.as_deref(),
                out,
                err,
            )?);
        }
        Command::Validate { input } => {
            let problems = match read(&input, MAX_JSON_BYTES)? {
                Input::Bytes(bytes) => Reply::from_json_bytes(&bytes)
                    .err()
                    .map_or_else(Vec::new, |e| e.lines()),
                Input::TooLarge { size } => vec![format!(
                    "the reply is {}; the limit is {MAX_JSON_BYTES} bytes",
                    size_text(size, MAX_JSON_BYTES)
                )],
            };
            if problems.is_empty() {
                writeln!(out, "{input}: ok")?;
            } else {
                for line in &problems {
                    writeln!(out, "{input}: {line}")?;
                }
                code = ExitCode::from(1);
            }
        }
        Command::Render {
            collection: Some(index),
            pages,
            lang,
            output,
            ..
        } => {
            let lang = match lang {
                LangArg::Zh => dafu::ui::Lang::Zh,
                LangArg::En => dafu::ui::Lang::En,
            };
            code = ExitCode::from(batch::render_collection(
                &index, pages, lang, output, out, err,
            )?);
        }
        Command::Render {
            input,
            fragment,
            lang,
            src,
            output,
            redact,
            ..
        } => {
            let input = input.unwrap_or_else(|| "-".to_owned());
            let options = dafu::snapshot::SnapshotOptions {
                lang: match lang {
                    LangArg::Zh => dafu::ui::Lang::Zh,
                    LangArg::En => dafu::ui::Lang::En,
                },
                whole_page: !fragment,
                src,
            };
            // Exactly what `render` returns, nothing added: the page's buttons give the same bytes.
            match (render_reply(&input, &options, redact, err)?, output) {
                (None, _) => code = ExitCode::from(1),
                (Some(html), None) => out.write_all(html.as_bytes())?,
                (Some(html), Some(path)) => std::fs::write(&path, html)
                    .map_err(|e| Failure(format!("dafu: cannot write {path}: {e}")))?,
            }
        }
    }
    out.flush()?;
    err.flush()?;
    Ok(code)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let result = if stdout_was_closed() {
        Err(Failure("dafu: standard output is closed".to_owned()))
    } else {
        run(cli.command, &mut out, &mut err)
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => {
            // If standard error cannot be written either, the exit code is all that is left.
            let _ = writeln!(err, "{message}");
            ExitCode::from(2)
        }
    }
}
