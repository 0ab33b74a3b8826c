//! R30: there are no bad comments.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::project::Resolution;
use crate::msg;
use crate::wording::quote;
use crate::yaml::YamlPath;

pub struct CommentDeclinedUnclarified;

meta! {
    /// ## Why
    /// There are no bad comments: either we misunderstood something, or the client
    /// put his thought badly. A comment that seems wrong is a question to ask, not a
    /// request to refuse. Declining it is sometimes right, but only after asking the
    /// person what they meant.
    ///
    /// ## What it reads
    /// Every comment of every project's `feedback`, whatever the stage: a comment with
    /// `resolution: declined` must name in `clarified_with` the contact with whom it
    /// was talked through before it was declined.
    ///
    /// ## How to fix
    /// Ask the author (or whoever can speak for them) what was meant, then record
    /// `clarified_with: CONTACT`; if the talk changes the answer, change `resolution`.
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: R30, reason: "comment withdrawn by the client"}]`.
    /// That silences it on every item of the project; the same `waive` list on one
    /// comment (`feedback[].comments[]`) silences that one only.
    code: R30,
    name: "declined-comment-unclarified",
    severity: Warning,
    topic: Feedback,
    summary: "A comment is declined only after clarifying it with the client",
    thresholds: [],
}

impl Rule for CommentDeclinedUnclarified {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        for (i, round) in p.feedback.iter().enumerate() {
            let from = round
                .from
                .as_deref()
                .map_or("", |id| cx.book.person_name(Some(client), id));
            for (j, comment) in round.comments.iter().enumerate() {
                if comment.resolution != Some(Resolution::Declined)
                    || comment.clarified_with.is_some()
                {
                    continue;
                }
                let at = YamlPath::root()
                    .key("feedback")
                    .index(i)
                    .key("comments")
                    .index(j);
                out.emit_item(
                    &e.file,
                    &p.waive,
                    &comment.waive,
                    Location::value(at.key("resolution")),
                    msg!(
                        "r30-declined-unclarified",
                        comment = quote(&comment.text, 60),
                        named = Arg::Word(if from.is_empty() { "no" } else { "yes" }),
                        from = from,
                        project = &p.title,
                        round = cx.date(round.date.0),
                    ),
                )
                .sub_item(i, j)
                .help(msg!("r30-declined-unclarified-help"));
            }
        }
    }
}
