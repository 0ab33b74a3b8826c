//! D10: services most clients buy that this one does not.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::ClientBook;
use crate::domain::upsell;
use crate::finding::Location;
use crate::msg;
use crate::yaml::YamlPath;

pub struct UpsellOpportunity;

meta! {
    /// ## Why
    /// Upselling further services is part of building a long-term relationship (duty
    /// D1). A service that most clients buy and this one does not is the most natural
    /// next conversation: it is proven, the team knows it, and the client may simply
    /// not know the agency does it. Information, not a fault: it never fails an audit.
    ///
    /// ## What it reads
    /// The `services` lists of clients with `status: active` (the default; leads,
    /// paused and former clients neither count nor get suggestions). A service bought by
    /// more than `share_percent` percent of the active clients is suggested to each
    /// active client that does not list it, one finding per service, in the order of
    /// the catalogue (`services` in rapport.yaml). The share counts the client itself
    /// among the active clients: with the default, 3 of 4 is enough, 2 of 4 is not.
    /// `rapport upsell` lists the same services by the same computation (`upsell`).
    ///
    /// ## How to fix
    /// Offer the service; when the client buys it, add it to the client's `services`.
    ///
    /// ## How to waive
    /// On the client: `waive: [{rule: D10, reason: "…"}]`, e.g. the client does it
    /// in-house.
    ///
    /// ## Thresholds
    /// `share_percent` (default 50): the share of active clients, in percent, that must
    /// buy a service (strictly more) for it to be suggested to the others.
    code: D10,
    name: "upsell-opportunity",
    severity: Info,
    summary: "Services most clients buy are offered to those who do not",
    thresholds: [SHARE_PERCENT: "share_percent" = 50: "percent of active clients (strictly more) that buy a service"],
}

impl Rule for UpsellOpportunity {
    fn meta(&self) -> &'static Meta {
        META
    }

    // The popular services are counted once for the whole book, not once per client.
    fn book(&self, cx: &Cx<'_>, out: &mut Out) {
        let popular = upsell::popular(
            &cx.book.client_data(),
            cx.book.catalogue(),
            cx.threshold(SHARE_PERCENT),
        );
        if popular.is_empty() {
            return;
        }
        for client in &cx.book.clients {
            suggest(&popular, client, out);
        }
    }
}

/// Reports the popular services `client` does not buy.
fn suggest(popular: &[upsell::Popular<'_>], client: &ClientBook, out: &mut Out) {
    let Some(e) = &client.client else {
        return;
    };
    let me = &e.data;
    for p in upsell::missing_for(popular, me) {
        out.emit(
            &e.file,
            &me.waive,
            Location::key(YamlPath::root().key("services")),
            msg!(
                "d10-upsell",
                client = &me.name,
                named = crate::i18n::Arg::Word(if p.name == p.id { "no" } else { "yes" }),
                name = p.name,
                id = p.id,
                buyers = p.buyers.len(),
                of = p.of,
            ),
        )
        .help(msg!("d10-upsell-help", id = p.id));
    }
}
