//! Which services most clients buy (duty D1, upselling): the one computation behind
//! rule D10 and `rapport upsell`.
//!
//! The clients that count are those with `status: active` whose `client.yaml` reads.
//! A service is popular when more than `share_percent` percent of them list it in
//! `services` (strictly more: with 50, 3 of 4 is enough, 2 of 4 is not). Services come
//! in the order of the catalogue (`services` in rapport.yaml), then any other service
//! a client lists, by ID.

use std::collections::BTreeSet;

use crate::model::Client;
use crate::model::client::ClientStatus;
use crate::model::settings::Service;

/// A service bought by more than the threshold's share of the active clients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Popular<'b> {
    pub id: &'b str,
    /// Its catalogue name, or the ID when the catalogue does not list it.
    pub name: &'b str,
    /// IDs of the active clients that buy it, sorted.
    pub buyers: Vec<&'b str>,
    /// How many active clients there are.
    pub of: usize,
}

/// Whether `client` counts: its status is `active`.
pub fn is_active(client: &Client) -> bool {
    client.status == ClientStatus::Active
}

/// The services more than `share_percent` percent of the active ones among `clients`
/// (ID and data, sorted by ID) buy, in the order of the `catalogue`, then by ID.
pub fn popular<'b>(
    clients: &[(&'b str, &'b Client)],
    catalogue: &'b [Service],
    share_percent: u32,
) -> Vec<Popular<'b>> {
    let clients: Vec<(&str, &Client)> = clients
        .iter()
        .copied()
        .filter(|(_, c)| is_active(c))
        .collect();
    let mut services: Vec<(&str, &str)> = catalogue
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    let listed: BTreeSet<&str> = clients
        .iter()
        .flat_map(|(_, c)| c.services.iter().map(String::as_str))
        .collect();
    for id in listed {
        if !services.iter().any(|(s, _)| *s == id) {
            services.push((id, id));
        }
    }
    let total = clients.len() as u64;
    let share = u64::from(share_percent);
    services
        .into_iter()
        .filter_map(|(id, name)| {
            let buyers: Vec<&str> = clients
                .iter()
                .filter(|(_, c)| c.services.iter().any(|s| s == id))
                .map(|(cid, _)| *cid)
                .collect();
            // More than `share` percent: buyers / total > share / 100.
            (buyers.len() as u64 * 100 > share * total).then_some(Popular {
                id,
                name,
                buyers,
                of: clients.len(),
            })
        })
        .collect()
}

/// The popular services `client` does not buy (none when it is not active).
pub fn missing_for<'b, 'p>(popular: &'p [Popular<'b>], client: &Client) -> Vec<&'p Popular<'b>> {
    if !is_active(client) {
        return Vec::new();
    }
    popular
        .iter()
        .filter(|p| !client.services.iter().any(|s| s == p.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Settings;

    fn client(status: &str, services: &[&str]) -> Client {
        let text = format!(
            "name: C\nstatus: {status}\nservices: [{}]\ncontacts: [{{id: a, name: A}}]\n",
            services.join(", ")
        );
        let mut findings = Vec::new();
        crate::book::parse_entity::<Client>("c.yaml", &text, &mut findings)
            .unwrap_or_else(|| panic!("test client: {findings:?}"))
    }

    fn catalogue() -> Vec<Service> {
        let mut findings = Vec::new();
        crate::book::parse_entity::<Settings>(
            "rapport.yaml",
            "agency: {name: A}\nservices:\n  - {id: smm, name: SMM}\n  - {id: logo, name: Логотип}\n  - {id: web, name: Сайт}\n",
            &mut findings,
        )
        .unwrap_or_else(|| panic!("test settings: {findings:?}"))
        .services
    }

    #[test]
    fn strictly_more_than_the_share_of_active_clients() {
        let clients = [
            client("active", &["smm", "logo", "zzz"]),
            client("active", &["smm", "logo"]),
            client("active", &["smm"]),
            client("active", &[]),
            client("former", &["logo", "web"]),
        ];
        let b: Vec<(&str, &Client)> = ["a", "b", "c", "d", "e"]
            .into_iter()
            .zip(&clients)
            .collect();
        let catalogue = catalogue();
        let p = popular(&b, &catalogue, 50);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].id, p[0].name, p[0].buyers.clone(), p[0].of),
            ("smm", "SMM", vec!["a", "b", "c"], 4)
        );
        let p = popular(&b, &catalogue, 25);
        let ids: Vec<&str> = p.iter().map(|x| x.id).collect();
        assert_eq!(
            ids,
            ["smm", "logo"],
            "catalogue order; 1 of 4 is not more than 25%"
        );
        let p = popular(&b, &catalogue, 0);
        let ids: Vec<&str> = p.iter().map(|x| x.id).collect();
        assert_eq!(
            ids,
            ["smm", "logo", "zzz"],
            "unlisted services after the catalogue"
        );
        assert_eq!(p[2].name, "zzz");
    }

    #[test]
    fn what_a_client_is_missing() {
        let clients = [
            client("active", &["smm"]),
            client("active", &["smm"]),
            client("active", &[]),
            client("paused", &[]),
        ];
        let b: Vec<(&str, &Client)> = ["a", "b", "c", "p"].into_iter().zip(&clients).collect();
        let catalogue = catalogue();
        let p = popular(&b, &catalogue, 50);
        let ids = |c: &Client| missing_for(&p, c).iter().map(|x| x.id).collect::<Vec<_>>();
        assert_eq!(ids(&clients[2]), ["smm"]);
        assert!(ids(&clients[0]).is_empty());
        assert!(
            ids(&clients[3]).is_empty(),
            "a paused client gets no suggestion"
        );
        assert!(
            popular(&[], &catalogue, 50).is_empty(),
            "no clients, nothing popular"
        );
    }
}
