//! D09: every key client has a curator on the management side.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::ClientBook;
use crate::finding::Location;
use crate::model::client::ClientStatus;
use crate::msg;
use crate::yaml::YamlPath;

pub struct KeyClientWithoutCurator;

meta! {
    /// ## Why
    /// The results of work with key clients go to the project curators on the
    /// company's management side (duty D6). A key client with no curator has nobody
    /// above the account manager who knows how things stand: no one to escalate to,
    /// no one to cover, no one to report to.
    ///
    /// ## What it reads
    /// `client.yaml`: `key: true` with no `curator`. Clients with `status: former` are
    /// not checked (there is nothing left to oversee). The finding points at `key:`, the
    /// flag that makes a curator necessary. Whether the curator exists in rapport.yaml's
    /// `curators` is E04's check.
    ///
    /// ## How to fix
    /// Agree a curator with management and write `curator: ID` (one of `curators` in
    /// rapport.yaml) in the client file; or, if the client is no longer key, `key: false`.
    ///
    /// ## How to waive
    /// On the client: `waive: [{rule: D09, reason: "…", until: DATE}]`.
    code: D09,
    name: "key-client-without-curator",
    severity: Error,
    summary: "Every key client has a management-side curator",
    thresholds: [],
}

impl Rule for KeyClientWithoutCurator {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn client(&self, cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {
        let Some(e) = &client.client else {
            return;
        };
        let c = &e.data;
        if !c.key || c.curator.is_some() || c.status == ClientStatus::Former {
            return;
        }
        let curators: Vec<String> = cx
            .book
            .settings
            .iter()
            .flat_map(|s| {
                s.curators
                    .iter()
                    .map(|k| format!("{} (`{}`)", k.name, k.id))
            })
            .collect();
        let help = msg!(
            "d09-no-curator-help",
            curators = curators.len(),
            names = curators.join(", ")
        );
        out.emit(
            &e.file,
            &c.waive,
            Location::value(YamlPath::root().key("key")),
            msg!("d09-no-curator", client = &c.name),
        )
        .help(help);
    }
}
