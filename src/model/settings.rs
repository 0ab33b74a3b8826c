//! `rapport.yaml`: the agency, its people, its catalogue and the book's settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::{Date, TimeOfDay, Weekday};
use crate::money::{Money, Vat};

/// The whole of `rapport.yaml`.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub agency: Agency,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub locale: Locale,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default = "default_vat")]
    pub vat: Vat,
    #[serde(default = "default_workweek")]
    pub workweek: Vec<Weekday>,
    #[serde(default)]
    pub workday: Workday,
    #[serde(default)]
    pub holidays: Vec<Date>,
    #[serde(default)]
    pub invoice: InvoiceSettings,
    #[serde(default)]
    pub team: Vec<TeamMember>,
    #[serde(default)]
    pub curators: Vec<Curator>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
}

fn default_currency() -> String {
    "RUB".to_owned()
}

fn default_timezone() -> String {
    "Europe/Moscow".to_owned()
}

fn default_vat() -> Vat {
    Vat::Rate(rust_decimal::Decimal::from(22))
}

fn default_workweek() -> Vec<Weekday> {
    vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
}

/// Language of generated documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Ru,
    En,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Agency {
    pub name: String,
    pub legal: Option<Legal>,
    #[allow(dead_code, reason = "in the format; invoices will print it (issue 5)")]
    pub bank: Option<Bank>,
    pub signatory: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    #[allow(dead_code, reason = "in the format; invoices will print it (issue 5)")]
    pub address: Option<String>,
}

/// Legal details of a party to an invoice or contract.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Legal {
    pub name: Option<String>,
    pub inn: Option<String>,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub address: Option<String>,
}

/// A bank account.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Bank {
    pub name: Option<String>,
    pub bik: Option<String>,
    pub account: Option<String>,
    pub corr_account: Option<String>,
}

/// Working hours of a working day.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct Workday {
    #[serde(default = "default_start")]
    pub start: TimeOfDay,
    #[serde(default = "default_end")]
    pub end: TimeOfDay,
}

fn hm(h: u32, m: u32) -> TimeOfDay {
    TimeOfDay(chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default())
}

fn default_start() -> TimeOfDay {
    hm(9, 0)
}

fn default_end() -> TimeOfDay {
    hm(18, 0)
}

impl Default for Workday {
    fn default() -> Self {
        Workday {
            start: default_start(),
            end: default_end(),
        }
    }
}

/// How invoices are numbered, when they fall due, and how prices are read.
#[derive(Debug, Clone, Deserialize)]
pub struct InvoiceSettings {
    #[serde(default = "default_number")]
    pub number: String,
    #[serde(default = "default_payment_days")]
    pub payment_days: u32,
    #[serde(default = "default_true")]
    pub prices_include_vat: bool,
}

fn default_number() -> String {
    "{year}-{seq:04}".to_owned()
}

fn default_payment_days() -> u32 {
    5
}

fn default_true() -> bool {
    true
}

impl Default for InvoiceSettings {
    fn default() -> Self {
        InvoiceSettings {
            number: default_number(),
            payment_days: default_payment_days(),
            prices_include_vat: true,
        }
    }
}

/// A person of the agency.
#[derive(Debug, Clone, Deserialize)]
pub struct TeamMember {
    pub id: String,
    pub name: String,
    /// `account`, `designer`, `copywriter`, `creative`, `developer`, `producer`,
    /// `manager`, or any other word.
    pub role: Option<String>,
    pub email: Option<String>,
    #[allow(dead_code, reason = "in the format; no command shows it yet")]
    pub phone: Option<String>,
}

/// A management-side curator of key clients.
#[derive(Debug, Clone, Deserialize)]
pub struct Curator {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}

/// One service of the agency's catalogue.
#[derive(Debug, Clone, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub price: Option<Money>,
}

/// `rules.<CODE>`: `off`, or a map of `severity` and the rule's own thresholds.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleSetting {
    Off,
    On {
        severity: Option<String>,
        thresholds: BTreeMap<String, u32>,
    },
}

impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Unexpected, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RuleSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("`off`, or a mapping with `severity` and thresholds")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RuleSetting, E> {
                if s == "off" {
                    Ok(RuleSetting::Off)
                } else {
                    Err(E::invalid_value(Unexpected::Str(s), &self))
                }
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<RuleSetting, E> {
                Err(E::invalid_value(Unexpected::Bool(b), &self))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleSetting, A::Error> {
                let mut severity = None;
                let mut thresholds = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "severity" {
                        severity = Some(map.next_value::<String>()?);
                    } else {
                        thresholds.insert(key, map.next_value::<u32>()?);
                    }
                }
                Ok(RuleSetting::On {
                    severity,
                    thresholds,
                })
            }
        }
        d.deserialize_any(V)
    }
}
