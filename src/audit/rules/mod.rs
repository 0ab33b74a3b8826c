//! The rulebook: one file per rule, named after its code and the problem it finds,
//! and one ordered registry. Tests hold the checklist for adding a rule: codes unique
//! and sorted, every rule documented, every automated rule with a fixture that fires
//! it and one that must stay silent (tests/rules/).

use super::Rule;

/// Declares a rule's [`Meta`](super::Meta) as `META`, and each of its thresholds as a
/// constant the rule reads with [`Cx::threshold`](super::Cx::threshold) (a misspelt
/// threshold is a compile error, never a silent 0); the doc comment is its
/// explanation.
macro_rules! meta {
    (
        $(#[doc = $doc:literal])*
        code: $code:ident,
        name: $name:literal,
        severity: $severity:ident,
        $(topic: $topic:ident,)?
        summary: $summary:literal,
        thresholds: [$($const:ident: $t:literal = $default:literal: $tdoc:literal),* $(,)?]
        $(, words: [$($wconst:ident: $w:literal = [$($wdefault:literal),*] of [$($wallowed:literal),*]: $wdoc:literal),* $(,)?])? $(,)?
    ) => {
        $(
            #[doc = $tdoc]
            pub const $const: $crate::audit::Threshold = $crate::audit::Threshold {
                code: $crate::finding::Code::$code,
                name: $t,
                default: $default,
                doc: $tdoc,
            };
        )*
        $($(
            #[doc = $wdoc]
            pub const $wconst: $crate::audit::Words = $crate::audit::Words {
                code: $crate::finding::Code::$code,
                name: $w,
                default: &[$($wdefault),*],
                allowed: &[$($wallowed),*],
                doc: $wdoc,
            };
        )*)?

        static META: &$crate::audit::Meta = &$crate::audit::Meta {
            code: $crate::finding::Code::$code,
            topic: topic!($($topic)?),
            name: $name,
            severity: $crate::finding::Severity::$severity,
            automated: true,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            thresholds: &[$($const),*],
            words: &[$($($wconst),*)?],
        };
    };
}

/// A rule's topic as `meta!` is given it: `Other` when it names none.
macro_rules! topic {
    () => {
        $crate::finding::Topic::Other
    };
    ($topic:ident) => {
        $crate::finding::Topic::$topic
    };
}

/// Declares a rule that cannot be read from data: listed and explained, never firing.
macro_rules! manual_rule {
    (
        $(#[doc = $doc:literal])*
        $ty:ident, code: $code:ident, name: $name:literal, summary: $summary:literal $(,)?
    ) => {
        pub struct $ty;

        impl $crate::audit::Rule for $ty {
            fn meta(&self) -> &'static $crate::audit::Meta {
                &$crate::audit::Meta {
                    code: $crate::finding::Code::$code,
                    topic: $crate::finding::Topic::Other,
                    name: $name,
                    severity: $crate::finding::Severity::Info,
                    automated: false,
                    summary: $summary,
                    doc: concat!($($doc, "\n"),*),
                    thresholds: &[],
                    words: &[],
                }
            }
        }
    };
}

mod d01_renewal_notice_due;
mod d02_renewal_missed;
mod d03_expired_contract_in_use;
mod d04_invoice_overdue;
/// Shared with `rapport invoice new`, which numbers invoices by the same pattern.
pub(crate) mod d05_invoice_numbering;
mod d06_over_billing;
mod d07_over_budget;
mod d08_stale_crm;
mod d09_key_client_without_curator;
mod d10_upsell_opportunity;
mod d11_legal_details_checksum;
mod d12_planned_invoice_not_issued;
mod d13_act_missing;
mod d14_act_not_signed;
mod d15_act_originals_missing;
mod d16_payment_dated_ahead;
mod d_support;
mod history_support;
mod r01_client_had_to_chase;
mod r02_meeting_without_report;
mod r03_creative_before_brief_confirmed;
mod r04_design_without_task_doc;
mod r05_layout_before_copy;
mod r06_letter_not_answered;
mod r07_stalled_deadline;
mod r08_deadline_move_told_late;
mod r09_decline_not_explained;
mod r10_late_for_meeting;
mod r11_fighting_for_unsure_idea;
mod r12_describing_without_idea;
mod r13_selling_without_belief;
mod r14_missed_call_not_returned;
mod r15_disrespect_accepted;
mod r16_client_teaches_agency;
mod r17_promise_not_kept;
mod r18_product_without_service;
mod r19_deadline_unknown;
mod r20_referral_stats;
mod r21_contractor_channel_missing;
mod r22_task_not_acknowledged;
mod r23_birthday_missed;
mod r24_project_picture_lost;
mod r25_people_taken_for_fools;
mod r26_started_without_meeting;
mod r27_approver_unknown;
mod r28_no_plan_b;
mod r29_comment_unanswered;
mod r30_comment_declined_unclarified;
mod todo_support;
mod touch_support;

/// The thresholds that commands read too, under their rule: the renewals list and the
/// calendar (D01), payment reminders (D04), the budget (D07), upsell (D10), the
/// agenda's planned invoices (D12).
pub mod thresholds {
    pub use super::d01_renewal_notice_due::DAYS as RENEWAL_NOTICE_DAYS;
    pub use super::d04_invoice_overdue::FIRM_DAYS as REMINDER_FIRM_DAYS;
    pub use super::d07_over_budget::WARN_PERCENT as BUDGET_WARN_PERCENT;
    pub use super::d10_upsell_opportunity::SHARE_PERCENT as UPSELL_SHARE_PERCENT;
    pub use super::d12_planned_invoice_not_issued::LEAD_DAYS as PLAN_LEAD_DAYS;
}

/// Every rule, in code order: R01–R30, then D01–D16.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &r01_client_had_to_chase::ClientHadToChase,
        &r02_meeting_without_report::MeetingWithoutReport,
        &r03_creative_before_brief_confirmed::CreativeBeforeBriefConfirmed,
        &r04_design_without_task_doc::DesignWithoutTaskDoc,
        &r05_layout_before_copy::LayoutBeforeCopy,
        &r06_letter_not_answered::LetterNotAnswered,
        &r07_stalled_deadline::StalledDeadline,
        &r08_deadline_move_told_late::DeadlineMoveToldLate,
        &r09_decline_not_explained::DeclineNotExplained,
        &r10_late_for_meeting::LateForMeeting,
        &r11_fighting_for_unsure_idea::FightingForUnsureIdea,
        &r12_describing_without_idea::DescribingWithoutIdea,
        &r13_selling_without_belief::SellingWithoutBelief,
        &r14_missed_call_not_returned::MissedCallNotReturned,
        &r15_disrespect_accepted::DisrespectAccepted,
        &r16_client_teaches_agency::ClientTeachesAgency,
        &r17_promise_not_kept::PromiseNotKept,
        &r18_product_without_service::ProductWithoutService,
        &r19_deadline_unknown::DeadlineUnknown,
        &r20_referral_stats::ReferralStats,
        &r21_contractor_channel_missing::ContractorChannelMissing,
        &r22_task_not_acknowledged::TaskNotAcknowledged,
        &r23_birthday_missed::BirthdayMissed,
        &r24_project_picture_lost::ProjectPictureLost,
        &r25_people_taken_for_fools::PeopleTakenForFools,
        &r26_started_without_meeting::StartedWithoutMeeting,
        &r27_approver_unknown::ApproverUnknown,
        &r28_no_plan_b::NoPlanB,
        &r29_comment_unanswered::CommentUnanswered,
        &r30_comment_declined_unclarified::CommentDeclinedUnclarified,
        &d01_renewal_notice_due::RenewalNoticeDue,
        &d02_renewal_missed::RenewalMissed,
        &d03_expired_contract_in_use::ExpiredContractInUse,
        &d04_invoice_overdue::InvoiceOverdue,
        &d05_invoice_numbering::InvoiceNumbering,
        &d06_over_billing::OverBilling,
        &d07_over_budget::OverBudget,
        &d08_stale_crm::StaleCrm,
        &d09_key_client_without_curator::KeyClientWithoutCurator,
        &d10_upsell_opportunity::UpsellOpportunity,
        &d11_legal_details_checksum::LegalDetailsChecksum,
        &d12_planned_invoice_not_issued::PlannedInvoiceNotIssued,
        &d13_act_missing::ActMissing,
        &d14_act_not_signed::ActNotSigned,
        &d15_act_originals_missing::ActOriginalsMissing,
        &d16_payment_dated_ahead::PaymentDatedAhead,
    ]
}

#[cfg(test)]
mod tests {
    use super::all;

    #[test]
    fn codes_are_unique_sorted_and_documented() {
        let rank = |code: crate::finding::Code| {
            let code = code.as_str();
            let family = match code.as_bytes()[0] {
                b'R' => 0,
                b'D' => 1,
                _ => 2,
            };
            (family, code[1..].parse::<u32>().unwrap_or(u32::MAX))
        };
        let metas: Vec<_> = all().iter().map(|r| r.meta()).collect();
        for pair in metas.windows(2) {
            assert!(
                rank(pair[0].code) < rank(pair[1].code),
                "{} must come before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for m in &metas {
            assert!(m.code.is_rule(), "{} is not a rule code", m.code);
            assert!(
                crate::book::is_slug(m.name),
                "{}: name `{}` must be kebab-case",
                m.code,
                m.name
            );
            assert!(
                !m.summary.is_empty() && !m.summary.ends_with('.'),
                "{}: one-line summary without a full stop",
                m.code
            );
            assert!(
                m.doc.len() > 200,
                "{}: the explanation is too short",
                m.code
            );
            if m.automated {
                for section in [
                    "## Why",
                    "## What it reads",
                    "## How to fix",
                    "## How to waive",
                ] {
                    assert!(
                        m.doc.contains(section),
                        "{}: the explanation lacks `{section}`",
                        m.code
                    );
                }
            }
            for t in m.thresholds {
                assert!(
                    m.doc.contains(t.name),
                    "{}: threshold `{}` is not explained",
                    m.code,
                    t.name
                );
            }
            for w in m.words {
                assert!(
                    m.doc.contains(w.name),
                    "{}: setting `{}` is not explained",
                    m.code,
                    w.name
                );
                for d in w.default {
                    assert!(w.allowed.contains(d), "{}: `{d}` is not allowed", m.code);
                }
            }
        }
    }
}
