//! R20: be the one others are recommended.

use super::r17_r30_support::is_blank;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::ClientBook;
use crate::finding::Location;
use crate::model::client::ClientStatus;
use crate::yaml::YamlPath;

pub struct ReferralStats;

static META: &Meta = meta! {
    /// ## Why
    /// The best clients come recommended, and the people who recommend us most are the
    /// clients we serve best. Knowing which clients came by recommendation, and which
    /// key clients have never recommended us to anyone, tells the account manager where
    /// the relationship is strong and where it is only a contract. This rule never
    /// fails an audit: it reports information, for the summary.
    ///
    /// ## What it reads
    /// `referred_by` of every client: each client that has one is reported (information).
    /// Key clients (`key: true`) that are `active` or `paused` are reported when none of
    /// their contacts recommended any other client of the book. A contact counts as
    /// the recommender of another client when that client's `referred_by` mentions the
    /// contact's name, or is `CLIENT/CONTACT` (IDs); a `referred_by` that names the key
    /// client itself (its ID, or mentions its name) counts too. Case and spacing are
    /// ignored.
    ///
    /// ## How to fix
    /// Nothing is broken. Thank the people who recommend you; with key clients that
    /// never have, ask what would make them do so, and record `referred_by` on the
    /// clients who come through them.
    ///
    /// ## How to waive
    /// On the client: `waive: [{rule: R20, reason: "state company, cannot recommend"}]`,
    /// or turn the statistics off with `rules: {R20: off}` in rapport.yaml.
    code: "R20",
    name: "referral-stats",
    severity: Info,
    summary: "Who came recommended, and which key clients never recommended us",
    thresholds: [],
};

impl Rule for ReferralStats {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn client(&self, cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {
        let Some(e) = &client.client else {
            return;
        };
        let c = &e.data;
        let root = YamlPath::root();
        if let Some(by) = c.referred_by.as_deref()
            && !is_blank(Some(by))
        {
            let known = cx
                .book
                .clients
                .iter()
                .filter(|other| other.id != client.id)
                .find_map(|other| {
                    other.client.as_ref().and_then(|o| {
                        o.data
                            .contacts
                            .iter()
                            .find(|p| names(by, &other.id, &p.id, &p.name))
                            .map(|p| format!(" ({} of {})", p.name, o.data.name))
                    })
                })
                .unwrap_or_default();
            out.emit(
                &e.file,
                &c.waive,
                Location::value(root.key("referred_by")),
                format!("{} came recommended by {}{known}", c.name, by.trim()),
            )
            .help("thank the recommender; a recommendation is the best measure of our work");
        }
        if !c.key || !matches!(c.status, ClientStatus::Active | ClientStatus::Paused) {
            return;
        }
        let recommended = cx
            .book
            .clients
            .iter()
            .filter(|other| other.id != client.id)
            .filter_map(|other| other.client.as_ref()?.data.referred_by.as_deref())
            .any(|by| {
                normalise(by) == client.id
                    || contains(&normalise(by), &c.name)
                    || c.contacts
                        .iter()
                        .any(|p| names(by, &client.id, &p.id, &p.name))
            });
        if !recommended {
            out.emit(
                &e.file,
                &c.waive,
                Location::value(root.key("key")),
                format!(
                    "key client {} has not recommended us to anyone: no other client's `referred_by` names it or one of its contacts ({})",
                    c.name,
                    c.contacts
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .help("ask the contacts who are happy with our work whether they would recommend us, and record `referred_by` on the clients who come through them");
        }
    }
}

/// Does the `referred_by` text `by` name the contact `contact` (name `name`) of the
/// client `client`?
fn names(by: &str, client: &str, contact: &str, name: &str) -> bool {
    let norm = normalise(by);
    norm == format!("{client}/{contact}") || contains(&norm, name)
}

/// Does the normalised text contain `name`, normalised, as a whole (not empty)?
fn contains(norm: &str, name: &str) -> bool {
    let name = normalise(name);
    !name.is_empty() && norm.contains(&name)
}

/// Lower case, single spaces, `ё` read as `е`.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('ё', "е")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recommender_is_named_by_name_or_by_reference() {
        assert!(names(
            "Иван  Смирнов (Акме)",
            "acme",
            "smirnov",
            "Иван Смирнов"
        ));
        assert!(names("иван смирнов", "acme", "smirnov", "Иван Смирнов"));
        assert!(names("acme/smirnov", "acme", "smirnov", "Иван Смирнов"));
        assert!(names("Пётр Фёдоров", "beta", "fedorov", "Петр Федоров"));
        assert!(!names("Иван Петров", "acme", "smirnov", "Иван Смирнов"));
        assert!(!names("acme", "acme", "smirnov", "Иван Смирнов"));
        assert!(
            !names("кто-то", "acme", "x", "  "),
            "an empty name names nobody"
        );
    }
}
