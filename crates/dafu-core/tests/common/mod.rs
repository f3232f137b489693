//! Helpers shared by the native test suites.

use dafu_core::model::Reply;

/// Loads `tests/fixtures/replies/<name>`, which must be a valid reply.
pub fn reply(name: &str) -> Reply {
    let path = format!(
        "{}/../../tests/fixtures/replies/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Reply::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}
