//! R09: the client is right, but not always — and when he is not, we explain why.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::{Location, Topic};
use crate::i18n::Arg;
use crate::model::Project;
use crate::msg;
use crate::yaml::YamlPath;

pub struct DeclineNotExplained;

meta! {
    /// ## Why
    /// Saying "no" to a client is part of the job; saying it without a reason is
    /// arrogance. A request we decline comes with an explanation of why and where
    /// exactly it would hurt his own goal — and the client hears it from us, in time.
    /// A bare refusal, or one nobody remembers explaining, becomes "the agency does not
    /// listen".
    ///
    /// ## What it reads
    /// Every entry of a project's `declined` list: `date` (when the request came),
    /// `reason` (why not) and `explained` (when the reason was given to the client).
    /// An entry is reported when it has no `reason` (a blank one counts as none), or
    /// when it has no `explained` date once the working day of the request is over (the
    /// day of `date`, or the next working day when that is not one; a request of today
    /// is not late yet). Both faults of one entry make one finding. How long after the
    /// request the explanation came is not checked, only that it came.
    ///
    /// ## How to fix
    /// Write down why the request would hurt the client's goal (`reason`), explain it to
    /// him — where exactly and why — and record `explained: YYYY-MM-DD`.
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: R09, reason: "…"}]`.
    /// That silences it on every item of the project; the same `waive` list on one
    /// declined request (`declined[]`) silences that one only.
    code: R09,
    name: "decline-not-explained",
    severity: Error,
    summary: "Every request we decline is explained to the client: why, and where exactly",
    thresholds: [],
}

impl Rule for DeclineNotExplained {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        for (i, d) in p.declined.iter().enumerate() {
            let no_reason = !filled(d.reason.as_deref());
            // Unexplained from the day after the working day it was declined on.
            let unexplained_on = d
                .explained
                .is_none()
                .then(|| cx.calendar.on_or_after(d.date.0).succ_opt())
                .flatten()
                .and_then(|from| cx.flagged_from(from));
            // A missing reason is flagged today; else the day it is first unexplained.
            let (on, unexplained) = match unexplained_on {
                _ if no_reason => (cx.today, unexplained_on == Some(cx.today)),
                Some(on) => (on, true),
                None => continue,
            };
            let (what, missing) = match (no_reason, unexplained) {
                (true, true) => ("neither", "reason"),
                (true, false) => ("no-reason", "reason"),
                (false, true) => ("unexplained", "explained"),
                (false, false) => continue,
            };
            out.emit_item_on(
                on,
                &e.file,
                &p.waive,
                &d.waive,
                Location::key(YamlPath::root().key("declined").index(i).key(missing)),
                msg!(
                    "r09-decline",
                    project = &p.title,
                    request = d.request.trim(),
                    date = cx.date(d.date.0),
                    what = Arg::Word(what),
                ),
            )
            .topic(Topic::Feedback)
            .item(i)
            .happened(d.date.0)
            .help(msg!("r09-decline-help"));
        }
    }
}
