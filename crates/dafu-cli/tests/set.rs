//! `dafu convert --set KEY=VALUE`: the header corrections the page's form makes, applied the same way
//! (`dafu_convert::conversion`), so the page's download and the CLI's output are the same bytes.
#![allow(clippy::unwrap_used)] // A failing test is a panic.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/editor")
        .join(name)
}

fn convert(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .arg("convert")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn set_corrects_the_header_facts_exactly_as_the_converter_module_does() {
    let path = fixture("class_and_number.gbk.txt");
    let path = path.to_str().unwrap();
    let (code, out, err) = convert(&[
        path,
        "--set",
        "文号=某教函〔2024〕8号",
        "--set",
        "result_class=A",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read as GB18030/GBK"), "{err}");
    let text = dafu_convert::decode::decode_with(&std::fs::read(path).unwrap(), |b| {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(b);
        (!had_errors).then(|| text.into_owned())
    })
    .text;
    let corrections = [
        dafu_core::parse::Correction::parse("document_number=某教函〔2024〕8号").unwrap(),
        dafu_core::parse::Correction::parse("办理结果=A").unwrap(),
    ];
    let expected = dafu_convert::json_of(&dafu_convert::conversion(&text, false, &corrections));
    assert_eq!(String::from_utf8(out).unwrap(), expected);
    assert!(expected.contains("\"document_number\": \"某教函〔2024〕8号\""));
    assert!(expected.contains("\"result_class\": \"A\""));
}

#[test]
fn a_value_that_cannot_stand_is_reported_and_an_unknown_key_is_refused() {
    let path = fixture("class_and_number.txt");
    let path = path.to_str().unwrap();
    let (code, _, err) = convert(&[path, "--set", "成文日期=去年"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("line 0: written=\"去年\" not set: not a date; the converted value is kept"),
        "{err}"
    );
    let (code, _, err) = convert(&[path, "--set", "colour=red"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("KEY one of title, issuer, document_number"),
        "{err}"
    );
}
