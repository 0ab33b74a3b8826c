//! R21: the fastest channel with contractors.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::Entity;
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Contractor;
use crate::model::client::Channel;
use crate::msg;
use crate::yaml::YamlPath;

pub struct ContractorChannelMissing;

meta! {
    /// ## Why
    /// Work with contractors runs on short questions and quick answers. When nobody
    /// wrote down how a contractor is fastest reached, or the channel is known but the
    /// address is not, every urgent question starts with a hunt for a phone number,
    /// and a day is lost exactly when it matters.
    ///
    /// ## What it reads
    /// Every file in `contractors/`: `preferred_channel`, and the detail that channel
    /// needs — `email` for `email`, `phone` for `phone`, `messenger` for `messenger`,
    /// and `phone` or `email` for `in_person` (a meeting has to be arranged somehow).
    /// Blank text counts as missing.
    ///
    /// ## How to fix
    /// Ask the contractor how they are fastest reached, and record
    /// `preferred_channel:` with the matching `email:`, `phone:` or `messenger:`.
    ///
    /// ## How to waive
    /// Contractor files carry no waivers: record the channel, or turn the rule off
    /// for the whole book with `rules: {R21: off}` in rapport.yaml.
    code: R21,
    name: "contractor-channel-missing",
    severity: Warning,
    summary: "Every contractor has a preferred channel and the details to use it",
    thresholds: [],
}

impl Rule for ContractorChannelMissing {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn contractor(&self, _cx: &Cx<'_>, e: &Entity<Contractor>, out: &mut Out) {
        let c = &e.data;
        let root = YamlPath::root();
        let Some(channel) = c.preferred_channel else {
            out.emit(
                &e.file,
                &[],
                Location::key(root.key("preferred_channel")),
                msg!("r21-no-channel", contractor = &c.name),
            )
            .help(msg!("r21-no-channel-help"));
            return;
        };
        let has = |v: &Option<String>| filled(v.as_deref());
        let (ok, name) = match channel {
            Channel::Email => (has(&c.email), "email"),
            Channel::Phone => (has(&c.phone), "phone"),
            Channel::Messenger => (has(&c.messenger), "messenger"),
            Channel::InPerson => (has(&c.phone) || has(&c.email), "in_person"),
        };
        if !ok {
            out.emit(
                &e.file,
                &[],
                Location::value(root.key("preferred_channel")),
                msg!(
                    "r21-channel-unreachable",
                    contractor = &c.name,
                    channel = Arg::Word(name),
                ),
            )
            .help(msg!(
                "r21-channel-unreachable-help",
                channel = Arg::Word(name)
            ));
        }
    }
}
