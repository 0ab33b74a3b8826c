//! `clients/<client>/invoices/<id>.yaml`: an invoice and the payments against it.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::model::amount::Priced;
use crate::model::money::{Money, Quantity, Vat};
use crate::yaml::Refusal;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Invoice {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// The printed number, unique in the book per year of `date` (D05) — quote it:
    /// "2026-0003".
    pub number: String,
    /// Invoice date.
    pub date: Date,
    /// Payment due date (D04). Default: `date` + `invoice.payment_days` of rapport.yaml.
    pub due: Option<Date>,
    /// The contract it is issued under (a contract ID of the same client).
    pub contract: Option<String>,
    /// The project it is for (a project ID of the same client).
    pub project: Option<String>,
    /// The entry of its `contract`'s billing plan this invoice issues, counted from 1
    /// in the contract's `billing` list (D12): `rapport invoice new --planned` writes
    /// it, and an entry named by an invoice that is not cancelled is never issued
    /// twice.
    #[schemars(range(min = 1))]
    pub planned: Option<u32>,
    /// The invoice lines; at least one. Each line's amount and their sum are sums of
    /// money (at most 999999999999999.99, E02).
    #[serde(deserialize_with = "lines_that_fit")]
    pub lines: Vec<Line>,
    /// VAT rate of this invoice. Default: the contract's, then the book's.
    pub vat: Option<Vat>,
    /// Are line prices gross? Default: `invoice.prices_include_vat` of rapport.yaml.
    pub prices_include_vat: Option<bool>,
    /// draft — prepared, not issued; issued; cancelled — void, keeps its number. Default:
    /// issued.
    #[serde(default)]
    pub status: InvoiceStatus,
    /// When it was sent to the client.
    pub sent: Option<Date>,
    /// Payments received against it (D04, D06).
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Waivers for findings on the invoice.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// One line of an invoice (or of a planned billing).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Line {
    /// What is sold.
    pub item: String,
    /// Quantity, at most 3 decimal places, more than zero. Default: 1.
    #[serde(default = "Quantity::one", deserialize_with = "positive_qty")]
    #[schemars(schema_with = "line_qty_schema")]
    pub qty: Quantity,
    /// Unit of the quantity: шт., мес., усл.
    pub unit: Option<String>,
    /// Price per unit, not negative: an invoice asks for money (a discount is a lower
    /// price, money given back is not an invoice line).
    #[serde(deserialize_with = "price_not_negative")]
    #[schemars(schema_with = "line_price_schema")]
    pub price: Money,
}

/// Reads a line's value from its text with `read`, which says what is wrong with it;
/// the error is raised while the value is read, so it points at the value (E02). The
/// parse cache's binary form, written from checked values, is read as the type reads it.
fn checked<'de, D, T>(
    d: D,
    expecting: &'static str,
    read: fn(&str) -> Result<T, Option<Refusal>>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T> {
        expecting: &'static str,
        read: fn(&str) -> Result<T, Option<Refusal>>,
    }
    impl<T> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
            match (self.read)(s) {
                Ok(v) => Ok(v),
                Err(None) => Err(E::invalid_value(Unexpected::Str(s), &self)),
                Err(Some(refusal)) => Err(crate::yaml::refuse(refusal)),
            }
        }
    }
    if d.is_human_readable() {
        d.deserialize_str(V { expecting, read })
    } else {
        T::deserialize(d)
    }
}

/// Reads a list of `T` and checks it whole with `check`; the error is raised while the
/// list is read, so it points at the list (E02). The parse cache's binary form, written
/// from checked values, is read as a plain list.
pub(crate) fn checked_list<'de, D, T>(
    d: D,
    check: fn(&[T]) -> Result<(), Refusal>,
) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T> {
        check: fn(&[T]) -> Result<(), Refusal>,
    }
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            (self.check)(&items).map_err(crate::yaml::refuse)?;
            Ok(items)
        }
    }
    if d.is_human_readable() {
        d.deserialize_seq(V { check })
    } else {
        Vec::<T>::deserialize(d)
    }
}

/// An invoice's `lines`: each line's amount, and their sum, fit in a sum of money.
pub(crate) fn lines_that_fit<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Line>, D::Error> {
    checked_list(d, |lines: &[Line]| {
        crate::model::amount::lines_sum(lines)
            .map(|_| ())
            .map_err(|e| e.refusal())
    })
}

/// A line's `qty`: a quantity more than zero.
fn positive_qty<'de, D: Deserializer<'de>>(d: D) -> Result<Quantity, D::Error> {
    checked(d, "a quantity like 1, 2.5 or 0.125", |s| {
        let q: Quantity = s.parse().map_err(|_| None)?;
        if q.0.is_zero() {
            return Err(Some(Refusal {
                what: "qty-zero",
                facts: vec![("value", s.to_owned())],
                english: format!(
                    "a line's quantity must be more than zero, found `{s}`: leave out a line \
                     with none"
                ),
            }));
        }
        Ok(q)
    })
}

/// A line's `price`: a sum of money not below zero.
fn price_not_negative<'de, D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
    checked(
        d,
        "a sum of money with at most 2 decimal places, like 125000.50",
        |s| {
            let m: Money = s.parse().map_err(|_| None)?;
            if m < Money::ZERO {
                return Err(Some(Refusal {
                    what: "price-negative",
                    facts: vec![("value", s.to_owned())],
                    english: format!(
                        "a line's price must not be negative, found `{s}`: an invoice asks for \
                         money; give a discount as a lower price"
                    ),
                }));
            }
            Ok(m)
        },
    )
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    /// Prepared, not issued: not checked for payment (D04) or over-billing (D06).
    Draft,
    /// Issued (the default).
    #[default]
    Issued,
    /// Void: keeps its number; not counted in D04/D06.
    Cancelled,
}

words!(InvoiceStatus {
    Draft => "draft",
    Issued => "issued",
    Cancelled => "cancelled",
});

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Payment {
    /// Date of the payment; not before the invoice `date` (E07).
    pub date: Date,
    /// Amount paid.
    pub amount: Money,
    /// Bank payment reference.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

/// An invoice line's `price` in the JSON Schema (`rapport schema`): money, not
/// negative, as the loader checks it (E02). The field's doc comment gives the
/// description.
fn line_price_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": ["number", "string"],
        "minimum": 0,
        "pattern": "^[0-9]{1,15}(\\.[0-9]{1,2})?$",
    })
}

/// An invoice line's `qty` in the JSON Schema: a quantity more than zero, as the
/// loader checks it (E02). The field's doc comment gives the description.
fn line_qty_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": ["number", "string"],
        "exclusiveMinimum": 0,
        "pattern": "^(?!0*(\\.0*)?$)[0-9]{1,15}(\\.[0-9]{1,3})?$",
    })
}

impl Priced for Line {
    fn item(&self) -> &str {
        &self.item
    }
    fn qty(&self) -> Quantity {
        self.qty
    }
    fn price(&self) -> Money {
        self.price
    }
    fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }
}
