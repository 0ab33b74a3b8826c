//! rapport: an account manager's book of clients, kept as plain YAML files in git.
//! The commands live in the library (src/lib.rs), so that the fuzz targets can drive them.

use std::process::ExitCode;

/// mimalloc: loading a book allocates and frees millions of small strings, and
/// mimalloc does that 10–30 % faster than the system allocator (measured in the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (mimalloc.h, v3's `mi_option_e`).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    keep_freed_memory();
    rapport::run()
}

/// Tells mimalloc never to give freed memory back to the system while rapport runs.
/// A command lives for a second or two and frees most of what it allocates as it
/// goes: given back, the same memory is asked for again and the kernel zeroes it
/// anew, page by page. On the 2,000-client benchmark book that was half the audit's
/// system time (0.81 s against 0.37 s with `MIMALLOC_PURGE_DELAY=-1`, which this
/// sets from the start). The memory is returned when the process ends.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` stores an integer in mimalloc's table of options; it
    // reads nor writes no memory of ours, and 15 is that table's purge delay, where
    // -1 means "never" (mimalloc.h).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}
