//! What makes one kind of document differ from another, as data: which parts it
//! shows in which order, how much of the parties it writes out, when it repeats the
//! total with VAT, and its words in each language. The builder ([`super::build`])
//! reads a [`Form`] and never asks which document it is making; an act of work done is
//! one more `Form`.

use crate::model::settings::Locale;

/// One kind of document.
#[derive(Debug)]
pub struct Form {
    /// The document in a message ("left blank on the invoice") and the name of the
    /// book's own typst layout, `templates/<name>.typ`.
    pub name: &'static str,
    /// What the page shows, top to bottom.
    pub parts: &'static [Part],
    /// The labelled fields under the heading ([`Part::Fields`]), in order.
    pub fields: &'static [Field],
    /// How the parties and the contract are written.
    pub requisites: Requisites,
    /// Whether the amounts in the table and the totals carry the currency
    /// ("75 000,00 ₽") or stand bare under a heading that names it ("75 000,00").
    pub currency_in_amounts: bool,
    /// When the total with VAT gets a row of its own.
    pub gross_row: GrossRow,
    pub ru: Words,
    pub en: Words,
}

impl Form {
    /// The form's words in `locale`.
    pub fn words(&self, locale: Locale) -> &Words {
        match locale {
            Locale::Ru => &self.ru,
            Locale::En => &self.en,
        }
    }
}

/// A part of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The payee's bank details in a grid, as a Russian invoice starts.
    BankDetails,
    /// The title, with the number and date when the document has a number.
    Heading,
    /// A horizontal rule.
    Rule,
    /// The labelled fields of [`Form::fields`].
    Fields,
    /// The table of lines.
    Lines,
    /// The totals under the table: the sum, the VAT, the total with VAT.
    Totals,
    /// "Всего наименований N, на сумму …".
    Count,
    /// The total with VAT in words, in bold.
    InWords,
    /// The payment term (a document with a due date).
    PayBy,
    /// The form's note ([`Words::note`]).
    Note,
    /// The agency's signature block: position, a line to sign on, surname and
    /// initials.
    Signature,
    /// The agency's signatory as written in rapport.yaml, as a line of text.
    SignatoryLine,
    /// A reconciliation's statement ([`super::Sheet::statement`]): the agency's half
    /// filled in (opening balance, each invoice and payment, turnover, closing
    /// balance), the client's half left for the client.
    Ledger,
    /// A reconciliation's closing line: in whose favour the balance is, and how much.
    Balance,
    /// Two signature blocks, the agency's and the client's, each under its party's
    /// label ([`Words::supplier`], [`Words::buyer`]): position, a line to sign on, name.
    BothSignatures,
}

/// A labelled field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// What the document is about: the project's title.
    Subject,
    /// The agency. With [`Requisites::Names`] it is left out when the book has no
    /// agency name.
    Supplier,
    /// The client.
    Buyer,
    /// The contract (or supplement) the document is issued under, when there is one.
    Basis,
    /// The document's date.
    Date,
    /// The period a reconciliation covers.
    Period,
}

/// How much of the parties and the contract a document writes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requisites {
    /// As a primary document needs them: a party with its ИНН, КПП, address (and the
    /// agency's phone), the contract as «Договор № … от … г.» or «Дополнительное
    /// соглашение № … к договору № …». What is missing for them is named.
    Full,
    /// Names only, and the contract as «№ … от … г.».
    Names,
}

/// When the total with VAT has a row of its own under the VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrossRow {
    /// Always ("Всего к оплате").
    Always,
    /// Only when the VAT is added on top of net prices ("Всего с НДС").
    WhenAdded,
}

/// The words of one form in one language.
#[derive(Debug)]
pub struct Words {
    /// "Счёт на оплату", "Предварительная смета".
    pub title: &'static str,
    pub supplier: &'static str,
    pub buyer: &'static str,
    pub basis: &'static str,
    pub subject: &'static str,
    pub date: &'static str,
    /// The title of the table's item column.
    pub item: &'static str,
    /// The sum of the lines.
    pub subtotal: &'static str,
    pub no_vat: &'static str,
    /// The total with VAT.
    pub gross: &'static str,
    /// [`Part::Count`]: the words before the count, and the noun after it in English
    /// (one, many).
    pub count: (&'static str, &'static str, &'static str),
    /// [`Part::PayBy`], with `{date}` where the due date goes.
    pub pay_by: &'static str,
    /// [`Part::Note`].
    pub note: &'static str,
    /// The position under a signature when rapport.yaml gives a name without one.
    pub signed_by: &'static str,
}

/// The Russian "Счёт на оплату" and the English invoice.
pub static INVOICE: Form = Form {
    name: "invoice",
    parts: &[
        Part::BankDetails,
        Part::Heading,
        Part::Rule,
        Part::Fields,
        Part::Lines,
        Part::Totals,
        Part::Count,
        Part::InWords,
        Part::PayBy,
        Part::Rule,
        Part::Signature,
    ],
    fields: &[Field::Supplier, Field::Buyer, Field::Basis],
    requisites: Requisites::Full,
    currency_in_amounts: false,
    gross_row: GrossRow::Always,
    ru: Words {
        title: "Счёт на оплату",
        supplier: "Поставщик (Исполнитель)",
        buyer: "Покупатель (Заказчик)",
        basis: "Основание",
        subject: "Проект",
        date: "Дата",
        item: "Товары (работы, услуги)",
        subtotal: "Итого",
        no_vat: "Без налога (НДС)",
        gross: "Всего к оплате",
        count: ("Всего наименований", "", ""),
        pay_by: "Оплатить не позднее {date} В назначении платежа укажите номер счёта.",
        note: "",
        signed_by: "Руководитель",
    },
    en: Words {
        title: "Invoice",
        supplier: "Supplier",
        buyer: "Customer",
        basis: "Under",
        subject: "Project",
        date: "Date",
        item: "Description",
        subtotal: "Subtotal",
        no_vat: "No VAT",
        gross: "Total due",
        count: ("Total", "item", "items"),
        pay_by: "Please pay by {date}, quoting the invoice number.",
        note: "",
        signed_by: "Signed",
    },
};

/// The Russian «Акт сдачи-приёмки оказанных услуг» and the English act of services
/// rendered: the parties with their details and the contract, the services, the
/// total and its VAT, the count and the sum in words, the statement that the services
/// were rendered in full and on time and the customer has no claims, and both
/// parties' signatures (DOCUMENTS.md).
pub static ACT: Form = Form {
    name: "act",
    parts: &[
        Part::Heading,
        Part::Rule,
        Part::Fields,
        Part::Lines,
        Part::Totals,
        Part::Count,
        Part::InWords,
        Part::Note,
        Part::Rule,
        Part::BothSignatures,
    ],
    fields: &[Field::Supplier, Field::Buyer, Field::Basis, Field::Subject],
    requisites: Requisites::Full,
    currency_in_amounts: false,
    gross_row: GrossRow::Always,
    ru: Words {
        title: "Акт сдачи-приёмки оказанных услуг",
        supplier: "Исполнитель",
        buyer: "Заказчик",
        basis: "Основание",
        subject: "Проект",
        date: "Дата",
        item: "Наименование работ, услуг",
        subtotal: "Итого",
        no_vat: "Без налога (НДС)",
        gross: "Всего",
        count: ("Всего оказано услуг", "", ""),
        pay_by: "",
        note: "Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий \
               по объёму, качеству и срокам оказания услуг не имеет.",
        signed_by: "Руководитель",
    },
    en: Words {
        title: "Act of services rendered",
        supplier: "Contractor",
        buyer: "Customer",
        basis: "Under",
        subject: "Project",
        date: "Date",
        item: "Services",
        subtotal: "Subtotal",
        no_vat: "No VAT",
        gross: "Total",
        count: ("Total", "service", "services"),
        pay_by: "",
        note: "The services above were rendered in full and on time. The Customer has no \
               claims as to their scope, quality or timing.",
        signed_by: "Signed",
    },
};

/// A project's preliminary estimate (смета).
pub static ESTIMATE: Form = Form {
    name: "estimate",
    parts: &[
        Part::Heading,
        Part::Fields,
        Part::Lines,
        Part::Totals,
        Part::InWords,
        Part::Note,
        Part::SignatoryLine,
    ],
    fields: &[
        Field::Subject,
        Field::Buyer,
        Field::Supplier,
        Field::Basis,
        Field::Date,
    ],
    requisites: Requisites::Names,
    currency_in_amounts: true,
    gross_row: GrossRow::WhenAdded,
    ru: Words {
        title: "Предварительная смета",
        supplier: "Исполнитель",
        buyer: "Заказчик",
        basis: "Договор",
        subject: "Проект",
        date: "Дата",
        item: "Наименование",
        subtotal: "Итого",
        no_vat: "Без НДС",
        gross: "Всего с НДС",
        count: ("Всего наименований", "", ""),
        pay_by: "",
        note: "Смета предварительная: окончательная стоимость фиксируется в договоре \
               или дополнительном соглашении.",
        signed_by: "Руководитель",
    },
    en: Words {
        title: "Preliminary estimate",
        supplier: "Agency",
        buyer: "Client",
        basis: "Contract",
        subject: "Project",
        date: "Date",
        item: "Item",
        subtotal: "Total",
        no_vat: "No VAT",
        gross: "Total with VAT",
        count: ("Total", "item", "items"),
        pay_by: "",
        note: "This estimate is preliminary: the final price is set in the contract \
               or a supplementary agreement.",
        signed_by: "Signed",
    },
};

/// The reconciliation statement (акт сверки взаимных расчётов); its ledger's own words
/// are `super::reconcile`'s.
pub static RECONCILIATION: Form = Form {
    name: "reconciliation",
    parts: &[
        Part::Heading,
        Part::Fields,
        Part::Ledger,
        Part::Balance,
        Part::Rule,
        Part::BothSignatures,
    ],
    fields: &[Field::Period, Field::Supplier, Field::Buyer, Field::Basis],
    requisites: Requisites::Full,
    currency_in_amounts: false,
    gross_row: GrossRow::WhenAdded,
    ru: Words {
        title: "Акт сверки взаимных расчётов",
        supplier: "Исполнитель",
        buyer: "Заказчик",
        basis: "Договор",
        subject: "",
        date: "Дата",
        item: "",
        subtotal: "",
        no_vat: "",
        gross: "",
        count: ("", "", ""),
        pay_by: "",
        note: "",
        signed_by: "Руководитель",
    },
    en: Words {
        title: "Reconciliation statement",
        supplier: "Agency",
        buyer: "Client",
        basis: "Contract",
        subject: "",
        date: "Date",
        item: "",
        subtotal: "",
        no_vat: "",
        gross: "",
        count: ("", "", ""),
        pay_by: "",
        note: "",
        signed_by: "Signed",
    },
};
