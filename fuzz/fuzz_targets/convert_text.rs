//! Fuzz target: any bytes, read as text, convert without panicking into a reply that passes its own checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let conversion = dafu_core::parse::convert(&text);
    assert!(conversion.reply.problems().is_empty());
});
