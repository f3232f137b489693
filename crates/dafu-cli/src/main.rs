//! The command-line tool: `convert` (text → reply JSON), `validate` (reply JSON → problems), `schema`.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dafu_core::model::Reply;
use dafu_core::parse::convert;

/// Turns Chinese government replies (答复) into dafu's reply JSON, and checks such JSON.
#[derive(Parser)]
#[command(name = "dafu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Converts a reply's text (UTF-8, or GB18030/GBK, detected) to JSON on stdout; diagnostics go to
    /// stderr. Exits 0 even with diagnostics, 2 only when the input cannot be read.
    Convert {
        /// The text file, or `-` for standard input.
        input: String,
    },
    /// Checks a reply JSON file and prints every problem with its path. Exits 1 if there are any.
    Validate {
        /// The JSON file, or `-` for standard input.
        input: String,
    },
    /// Prints the JSON Schema of the reply format.
    Schema,
}

fn read(input: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if input == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(input)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    result
        .map(|()| bytes)
        .map_err(|e| format!("dafu: cannot read {input}: {e}"))
}

/// UTF-8 (a BOM is dropped), UTF-16 with a BOM, else GB18030 (a superset of GBK) when that decodes
/// without errors; otherwise UTF-8 with replacement characters, and a note.
fn decode(bytes: &[u8]) -> (String, Option<&'static str>) {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return (text.into_owned(), None);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), None);
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if !had_errors {
        return (
            text.into_owned(),
            Some("input is not UTF-8; read as GB18030/GBK"),
        );
    }
    (
        String::from_utf8_lossy(bytes).into_owned(),
        Some("input is neither UTF-8 nor GBK; undecodable bytes replaced"),
    )
}

/// Reports unreadable input: exit code 2, the only failure `convert` has.
fn fail(err: &mut impl Write, message: &str) -> ExitCode {
    let _ = writeln!(err, "{message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli.command {
        Command::Schema => {
            let _ = out.write_all(Reply::json_schema().as_bytes());
            ExitCode::SUCCESS
        }
        Command::Convert { input } => {
            let (text, note) = match read(&input) {
                Ok(bytes) => decode(&bytes),
                Err(e) => return fail(&mut err, &e),
            };
            if let Some(note) = note {
                let _ = writeln!(err, "{input}: {note}");
            }
            let conversion = convert(&text);
            for d in &conversion.diagnostics {
                let _ = writeln!(err, "{input}:{d}");
            }
            let _ = writeln!(out, "{}", conversion.reply.to_json());
            ExitCode::SUCCESS
        }
        Command::Validate { input } => {
            let text = match read(&input) {
                Ok(bytes) => decode(&bytes).0,
                Err(e) => return fail(&mut err, &e),
            };
            match Reply::from_json(&text) {
                Ok(_) => {
                    let _ = writeln!(out, "{input}: ok");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    for line in e.lines() {
                        let _ = writeln!(out, "{input}: {line}");
                    }
                    ExitCode::from(1)
                }
            }
        }
    }
}
