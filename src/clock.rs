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
