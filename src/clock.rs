//! The one place that reads the wall clock. Everything else takes "today" as an
//! argument, so that `--today` makes every answer reproducible.

use chrono::{NaiveDate, Utc};

/// Today's date in the IANA time zone `zone` (UTC if the zone is unknown; the audit
/// reports an unknown zone separately).
pub fn today_in(zone: &str) -> NaiveDate {
    let now = Utc::now();
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).date_naive(),
        Err(_) => now.date_naive(),
    }
}

/// Phase timings for performance work: with `RAPPORT_TIMINGS=1` in the environment,
/// each [`Phase`] prints how long it took to stderr when it ends. A monotonic clock,
/// read only when asked for; nothing that a command prints on stdout depends on it.
pub struct Phase {
    name: &'static str,
    start: Option<std::time::Instant>,
}

/// Starts timing a phase named `name`; it ends when the value is dropped.
pub fn phase(name: &'static str) -> Phase {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let on = *ON.get_or_init(|| std::env::var_os("RAPPORT_TIMINGS").is_some_and(|v| v == "1"));
    Phase {
        name,
        start: on.then(std::time::Instant::now),
    }
}

/// The process's resident memory in MB, where /proc says (Linux): on a large book,
/// memory first touched costs as much time as parsing, so the timings show both.
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / 1_000_000)
}

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            eprintln!(
                "timing: {:>8.3} s  {:>5} MB resident  {}",
                start.elapsed().as_secs_f64(),
                resident_mb().map_or_else(|| "?".to_owned(), |mb| mb.to_string()),
                self.name
            );
        }
    }
}
