//! Arbitrary bytes as one book file: the first byte picks the kind (`selector % 9`:
//! settings, client, contract, project, meeting, log entry, invoice, contractor, client),
//! the rest is the file. The loader must answer with findings, never panic, and every
//! finding must point into the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((&selector, bytes)) = data.split_first() {
        rapport::fuzzing::parse_file(selector, bytes);
    }
});
