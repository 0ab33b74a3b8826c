//! R20: be the one others are recommended.

use crate::msg;
use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::ClientBook;
use crate::finding::Location;
use crate::model::client::ClientStatus;
use crate::yaml::YamlPath;

pub struct ReferralStats;

meta! {
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
    code: R20,
    name: "referral-stats",
    severity: Info,
    summary: "Who came recommended, and which key clients never recommended us",
    thresholds: [],
}

impl Rule for ReferralStats {
    fn meta(&self) -> &'static Meta {
        META
    }

    // One pass over the whole book: who names whom is worked out once, not once per
    // client (that was quadratic in the number of clients).
    fn book(&self, cx: &Cx<'_>, out: &mut Out) {
        let clients = &cx.book.clients;
        let Some(mentions) = Mentions::of(clients) else {
            return;
        };
        let root = YamlPath::root();
        // recommended[i]: some other client's `referred_by` names client i or one of
        // its contacts.
        let mut recommended = vec![false; clients.len()];
        for (i, client) in clients.iter().enumerate() {
            let Some(e) = &client.client else { continue };
            let Some(by) = e.data.referred_by.as_deref() else {
                continue;
            };
            let named = mentions.named_by(by);
            for m in named.iter().filter(|m| m.client != i) {
                recommended[m.client] = true;
            }
            if !filled(Some(by)) {
                continue;
            }
            // The recommender: the first contact of the first other client it names.
            let known = named
                .iter()
                .filter(|m| m.client != i)
                .filter_map(|m| Some((m.client, m.contact?)))
                .min()
                .and_then(|(j, p)| {
                    let other = clients[j].client.as_ref()?;
                    let person = other.data.contacts.get(p)?;
                    Some((person.name.as_str(), other.data.name.as_str()))
                });
            out.emit(
                &e.file,
                &e.data.waive,
                Location::value(root.key("referred_by")),
                match known {
                    Some((person, of)) => msg!(
                        "r20-recommended-by-known",
                        client = &e.data.name,
                        by = by.trim(),
                        person = person,
                        of = of,
                    ),
                    None => msg!("r20-recommended-by", client = &e.data.name, by = by.trim()),
                },
            )
            .help(msg!("r20-recommended-help"));
        }
        for (client, recommended) in clients.iter().zip(recommended) {
            let Some(e) = &client.client else { continue };
            let c = &e.data;
            if recommended
                || !c.key
                || !matches!(c.status, ClientStatus::Active | ClientStatus::Paused)
            {
                continue;
            }
            out.emit(
                &e.file,
                &c.waive,
                Location::value(root.key("key")),
                msg!(
                    "r20-not-recommending",
                    client = &c.name,
                    contacts = c
                        .contacts
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            )
            .help(msg!("r20-not-recommending-help"));
        }
    }
}

/// A client, or one of its contacts, that a `referred_by` text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Mention {
    /// Index into the book's clients.
    client: usize,
    /// Index into that client's contacts; `None` for the client itself.
    contact: Option<usize>,
}

/// Everything a `referred_by` text may name, normalised once: by reference (the
/// client's ID, `CLIENT/CONTACT`), equal to the whole text, and by name (the
/// client's or a contact's), anywhere inside it.
struct Mentions {
    exact: HashMap<String, Vec<Mention>>,
    /// Finds every name inside a text at once (names overlap: "Иван Смирнов" holds
    /// "Смирнов"), in time linear in the text.
    finder: AhoCorasick,
    /// Who bears each pattern of `finder`, by pattern index.
    by_name: Vec<Vec<Mention>>,
}

impl Mentions {
    /// `None` when no name can be searched for (the automaton could not be built).
    fn of(clients: &[ClientBook]) -> Option<Mentions> {
        let mut exact: HashMap<String, Vec<Mention>> = HashMap::new();
        let mut names: HashMap<String, Vec<Mention>> = HashMap::new();
        for (i, client) in clients.iter().enumerate() {
            let Some(e) = &client.client else { continue };
            let whole = Mention {
                client: i,
                contact: None,
            };
            exact.entry(client.id.clone()).or_default().push(whole);
            names
                .entry(normalise(&e.data.name))
                .or_default()
                .push(whole);
            for (p, person) in e.data.contacts.iter().enumerate() {
                let m = Mention {
                    client: i,
                    contact: Some(p),
                };
                exact
                    .entry(format!("{}/{}", client.id, person.id))
                    .or_default()
                    .push(m);
                names.entry(normalise(&person.name)).or_default().push(m);
            }
        }
        // An empty name names nobody.
        names.remove("");
        let mut names: Vec<(String, Vec<Mention>)> = names.into_iter().collect();
        names.sort();
        let finder = AhoCorasick::new(names.iter().map(|(n, _)| n)).ok()?;
        Some(Mentions {
            exact,
            finder,
            by_name: names.into_iter().map(|(_, m)| m).collect(),
        })
    }

    /// Whom `by` names, sorted, each once.
    fn named_by(&self, by: &str) -> Vec<Mention> {
        let norm = normalise(by);
        let mut found: Vec<Mention> = self.exact.get(&norm).cloned().unwrap_or_default();
        for m in self.finder.find_overlapping_iter(&norm) {
            if let Some(bearers) = self.by_name.get(m.pattern().as_usize()) {
                found.extend_from_slice(bearers);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
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
    use crate::book::Entity;
    use crate::model::Client;

    fn client(id: &str, name: &str, contacts: &[(&str, &str)]) -> ClientBook {
        let contacts: Vec<String> = contacts
            .iter()
            .map(|(id, name)| format!("{{id: {id}, name: \"{name}\"}}"))
            .collect();
        let text = format!("name: {name}\ncontacts: [{}]\n", contacts.join(", "));
        let mut findings = Vec::new();
        let data = crate::book::parse_entity::<Client>("c.yaml", &text, &mut findings)
            .unwrap_or_else(|| panic!("test client: {findings:?}"));
        ClientBook {
            id: id.to_owned(),
            client: Some(Entity {
                id: id.to_owned(),
                file: format!("clients/{id}/client.yaml"),
                data,
            }),
            ..ClientBook::default()
        }
    }

    fn named(mentions: &Mentions, by: &str) -> Vec<(usize, Option<usize>)> {
        mentions
            .named_by(by)
            .into_iter()
            .map(|m| (m.client, m.contact))
            .collect()
    }

    #[test]
    fn a_text_names_clients_and_contacts_by_name_or_by_reference() {
        let clients = [
            client(
                "acme",
                "Акме",
                &[("smirnov", "Иван Смирнов"), ("orlova", "Ольга Орлова")],
            ),
            client("beta", "Бета", &[("fedorov", "Петр Федоров"), ("x", "  ")]),
            client("gamma", "Гамма", &[("smirnov", "Смирнов")]),
        ];
        let m = Mentions::of(&clients).expect("built");
        // By name, anywhere inside, case and spacing ignored; overlapping names all count.
        assert_eq!(
            named(&m, "Иван  СМИРНОВ (Акме)"),
            [(0, None), (0, Some(0)), (2, Some(0))]
        );
        // ё is read as е.
        assert_eq!(named(&m, "Пётр Фёдоров"), [(1, Some(0))]);
        // By reference: the whole text is an ID or CLIENT/CONTACT.
        assert_eq!(named(&m, "acme/smirnov"), [(0, Some(0))]);
        assert_eq!(named(&m, " beta "), [(1, None)]);
        assert_eq!(named(&m, "acme/nobody"), []);
        // An ID inside a longer text is not a reference; an empty name names nobody.
        assert_eq!(named(&m, "from acme"), []);
        assert_eq!(named(&m, "кто-то"), []);
        assert_eq!(named(&m, ""), []);
    }
}
