//! Fuzz target: any bytes, read as reply JSON, give a reply or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = dafu_core::model::Reply::from_json(text);
    }
});
