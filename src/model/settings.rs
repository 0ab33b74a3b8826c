//! `rapport.yaml`: the agency, its people, its catalogue and the book's settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::{Date, TimeOfDay, Weekday};
pub use crate::model::locale::Locale;
use crate::model::money::{Money, Vat};

/// The whole of `rapport.yaml`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Settings {
    /// Who we are: name, legal details, bank.
    pub agency: Agency,
    /// ISO 4217 code of the book's money, three capital letters. Default: RUB.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// Language of generated documents (invoices, reports, letters). Default: ru.
    #[serde(default)]
    pub locale: Locale,
    /// IANA time zone; all date-times and "today" are local to it. Default: Europe/Moscow.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// Default VAT percent for invoices, or `none`. Default: 22.
    #[serde(default = "default_vat")]
    pub vat: Vat,
    /// Working weekdays. Default: [mon, tue, wed, thu, fri].
    #[serde(default = "default_workweek")]
    pub workweek: Vec<Weekday>,
    /// Working hours. Default: 09:00–18:00.
    #[serde(default)]
    pub workday: Workday,
    /// Non-working days although their weekday is in `workweek`.
    #[serde(default)]
    pub holidays: Vec<Date>,
    /// Invoice numbering and defaults.
    #[serde(default)]
    pub invoice: InvoiceSettings,
    /// Act numbering, and from when acts are tracked (D13).
    #[serde(default)]
    pub act: ActSettings,
    /// The agency's people.
    #[serde(default)]
    pub team: Vec<TeamMember>,
    /// Management-side curators of key clients.
    #[serde(default)]
    pub curators: Vec<Curator>,
    /// The agency's catalogue.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Per-rule settings, keyed by code: `off`, or a severity and thresholds.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
}

impl Settings {
    /// May a wrong value under this top-level key be passed over, the rest of the
    /// settings read, and the default stand in for it? Yes for what no other file
    /// names and no date depends on; not for the team, curators and services (other
    /// files refer to them: a member passed over would make references to them
    /// dangle) nor the working calendar (every deadline would move).
    pub fn harmless_to_default(key: &str) -> bool {
        matches!(
            key,
            "rules" | "agency" | "currency" | "locale" | "vat" | "invoice" | "act"
        )
    }
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

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Agency {
    /// Display name of the agency.
    pub name: String,
    /// Legal details for documents.
    pub legal: Option<Legal>,
    /// Bank details for invoices.
    #[allow(dead_code, reason = "in the format; invoices will print it (issue 5)")]
    pub bank: Option<Bank>,
    /// Who signs documents.
    pub signatory: Option<String>,
    /// Email printed on documents.
    pub email: Option<String>,
    /// Phone printed on documents.
    pub phone: Option<String>,
    /// Address printed on documents.
    #[allow(dead_code, reason = "in the format; invoices will print it (issue 5)")]
    pub address: Option<String>,
}

/// Legal details of a party to an invoice or contract.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Legal {
    /// Full legal name.
    pub name: Option<String>,
    /// ИНН: 10 digits for a company, 12 for an individual entrepreneur — quote it.
    pub inn: Option<String>,
    /// КПП: 9 digits — quote it.
    pub kpp: Option<String>,
    /// ОГРН / ОГРНИП: 13 / 15 digits — quote it.
    pub ogrn: Option<String>,
    /// Legal address.
    pub address: Option<String>,
}

/// A bank account.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Bank {
    /// Name of the bank.
    pub name: Option<String>,
    /// БИК: 9 digits — quote it.
    pub bik: Option<String>,
    /// Расчётный счёт: 20 digits — quote it.
    pub account: Option<String>,
    /// Корр. счёт: 20 digits — quote it.
    pub corr_account: Option<String>,
}

/// Working hours of a working day.
#[derive(Debug, Clone, Copy, Deserialize, schemars::JsonSchema)]
pub struct Workday {
    /// Start of the working day, "HH:MM" (quoted). Default: "09:00".
    #[serde(default = "default_start")]
    pub start: TimeOfDay,
    /// End of the working day, "HH:MM" (quoted), after `start`. Default: "18:00".
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
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct InvoiceSettings {
    /// Pattern of printed invoice numbers: {year}, {seq}, {seq:04}; other text is literal
    /// (D05). Default: "{year}-{seq:04}".
    #[serde(default = "default_number")]
    pub number: String,
    /// Default term of payment in calendar days: `due` = `date` + `payment_days`. Default:
    /// 5.
    #[serde(default = "default_payment_days")]
    pub payment_days: u32,
    /// true: line prices are gross, VAT is shown as included; false: VAT is added on top.
    /// Default: true.
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

impl Default for ActSettings {
    fn default() -> Self {
        ActSettings {
            number: default_number(),
            since: None,
        }
    }
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

/// How acts of work done are numbered, and from when the book tracks them.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct ActSettings {
    /// Pattern of printed act numbers, read as `invoice.number` is: {year}, {seq},
    /// {seq:04}, {client}; other text is literal. Acts have their own sequence.
    /// Default: "{year}-{seq:04}".
    #[serde(default = "default_number")]
    pub number: String,
    /// Work invoiced or done before this date is not expected to have an act in the
    /// book (D13): the acts of earlier years live elsewhere. Default: none, every
    /// invoice and done project is expected to have one.
    pub since: Option<Date>,
}

/// A person of the agency.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct TeamMember {
    /// Referenced by `manager`, `attendees.agency`, `assignee`, `owner`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// `account`, `designer`, `copywriter`, `creative`, `developer`, `producer`,
    /// `manager`, or any other word.
    pub role: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    #[allow(dead_code, reason = "in the format; no command shows it yet")]
    pub phone: Option<String>,
}

/// A management-side curator of key clients.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Curator {
    /// Referenced by `curator` in client.yaml.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Email address; digests go to it.
    pub email: Option<String>,
}

/// One service of the agency's catalogue.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Service {
    /// Referenced by `services` of a client and `service` of an estimate line.
    pub id: String,
    /// Name of the service.
    pub name: String,
    /// Unit: шт., мес., тыс. знаков.
    pub unit: Option<String>,
    /// List price per unit, if there is one.
    pub price: Option<Money>,
}

/// `rules.<CODE>`: `off`, or a map of `severity` and the rule's own thresholds.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleSetting {
    Off,
    On {
        severity: Option<String>,
        thresholds: BTreeMap<String, u32>,
        /// Lists of words (R03's creative task kinds).
        words: BTreeMap<String, Vec<String>>,
    },
}

/// A rule's setting other than `severity`: a number (a threshold) or a list of words.
enum SettingValue {
    Number(u32),
    Words(Vec<String>),
}

impl<'de> Deserialize<'de> for SettingValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SettingValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a whole number of 0 or more, or a list of words")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<SettingValue, E> {
                u32::try_from(n)
                    .map(SettingValue::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<SettingValue, E> {
                u32::try_from(n)
                    .map(SettingValue::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SettingValue, A::Error> {
                let mut words = Vec::new();
                while let Some(w) = seq.next_element::<String>()? {
                    words.push(w);
                }
                Ok(SettingValue::Words(words))
            }
        }
        d.deserialize_any(V)
    }
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
                let mut words = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "severity" {
                        severity = Some(map.next_value::<String>()?);
                    } else {
                        match map.next_value::<SettingValue>()? {
                            SettingValue::Number(n) => {
                                thresholds.insert(key, n);
                            }
                            SettingValue::Words(w) => {
                                words.insert(key, w);
                            }
                        }
                    }
                }
                Ok(RuleSetting::On {
                    severity,
                    thresholds,
                    words,
                })
            }
        }
        d.deserialize_any(V)
    }
}
