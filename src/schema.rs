//! JSON Schemas (draft 2020-12) of the book's file kinds, for editors (the YAML
//! language server) and validators (`check-jsonschema`).
//!
//! They are generated from the same model types the loader fills (`schemars` derives
//! on `model/`; the field descriptions are the fields' doc comments), with hand-written
//! schemas for the values rapport reads from text — dates, money, quantities, VAT,
//! rule settings — and a few adjustments that make a schema say what the loader does:
//!
//! - every mapping of the format refuses unknown keys (E03) but takes `x-` keys;
//! - where text is expected, any scalar is text (`title: 2026`, `name: no`), as YAML
//!   1.2 is read by the loader; booleans are `true` and `false` only;
//! - a list may be left empty (`decisions:` reads as an empty list), except the two
//!   lists docs/format.md says need an item (`contacts`, invoice `lines`);
//! - `rules:` in `rapport.yaml` lists every rule code with its own thresholds, and a
//!   waiver's `rule` every rule code, from the rulebook itself; a waiver needs a
//!   `reason` (E08).
//!
//! What JSON Schema cannot say is left to `rapport audit`: references between files,
//! impossible dates (`2026-02-30`), and the number of decimal places of a sum written
//! as an unquoted number (a validator sees `1500.005` as a binary fraction, and
//! `multipleOf: 0.01` misjudges about one sum in six).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::audit::rules;
use crate::model::money::{Money, Quantity, Vat};
use crate::model::settings::RuleSetting;
use crate::model::time::{Birthday, Date, DateTime, TimeOfDay};

/// A kind of file in a book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// rapport.yaml
    Settings,
    /// clients/<client>/client.yaml
    Client,
    /// clients/<client>/contracts/<id>.yaml
    Contract,
    /// clients/<client>/projects/<id>.yaml
    Project,
    /// clients/<client>/meetings/<id>.yaml
    Meeting,
    /// clients/<client>/log/<id>.yaml
    Log,
    /// clients/<client>/invoices/<id>.yaml
    Invoice,
    /// clients/<client>/acts/<id>.yaml
    Act,
    /// contractors/<id>.yaml
    Contractor,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Settings,
        Kind::Client,
        Kind::Contract,
        Kind::Project,
        Kind::Meeting,
        Kind::Log,
        Kind::Invoice,
        Kind::Act,
        Kind::Contractor,
    ];

    /// The kind's name, as `rapport schema KIND` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Settings => "settings",
            Kind::Client => "client",
            Kind::Contract => "contract",
            Kind::Project => "project",
            Kind::Meeting => "meeting",
            Kind::Log => "log",
            Kind::Invoice => "invoice",
            Kind::Act => "act",
            Kind::Contractor => "contractor",
        }
    }

    /// The schema's file name: `meeting.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// Where files of this kind are in a book.
    pub fn place(self) -> &'static str {
        match self {
            Kind::Settings => "rapport.yaml",
            Kind::Client => "clients/<client>/client.yaml",
            Kind::Contract => "clients/<client>/contracts/<id>.yaml",
            Kind::Project => "clients/<client>/projects/<id>.yaml",
            Kind::Meeting => "clients/<client>/meetings/<id>.yaml",
            Kind::Log => "clients/<client>/log/<id>.yaml",
            Kind::Invoice => "clients/<client>/invoices/<id>.yaml",
            Kind::Act => "clients/<client>/acts/<id>.yaml",
            Kind::Contractor => "contractors/<id>.yaml",
        }
    }

    /// Globs of the files of this kind, relative to the book's root, as editors match
    /// them (`.yaml` and `.yml` are both read).
    pub fn globs(self) -> &'static [&'static str] {
        match self {
            Kind::Settings => &["rapport.yaml"],
            Kind::Client => &["clients/*/client.yaml", "clients/*/client.yml"],
            Kind::Contract => &["clients/*/contracts/*.yaml", "clients/*/contracts/*.yml"],
            Kind::Project => &["clients/*/projects/*.yaml", "clients/*/projects/*.yml"],
            Kind::Meeting => &["clients/*/meetings/*.yaml", "clients/*/meetings/*.yml"],
            Kind::Log => &["clients/*/log/*.yaml", "clients/*/log/*.yml"],
            Kind::Invoice => &["clients/*/invoices/*.yaml", "clients/*/invoices/*.yml"],
            Kind::Act => &["clients/*/acts/*.yaml", "clients/*/acts/*.yml"],
            Kind::Contractor => &["contractors/*.yaml", "contractors/*.yml"],
        }
    }

    fn summary(self) -> &'static str {
        match self {
            Kind::Settings => {
                "The settings of a book: the agency, its calendar, team, curators, services and rules."
            }
            Kind::Client => "One client: legal details, contacts, key flag.",
            Kind::Contract => "One contract or supplementary agreement.",
            Kind::Project => {
                "One deal or project, from lead to done: stage, estimate, budget, tasks, brief, feedback."
            }
            Kind::Meeting => "One meeting and its report.",
            Kind::Log => "One touch: a letter, call or message, in or out.",
            Kind::Invoice => "One invoice and the payments against it.",
            Kind::Act => {
                "One act of work done: what it closes, when it was sent, signed and its originals came back."
            }
            Kind::Contractor => "One outside contractor.",
        }
    }
}

/// The JSON Schema of one kind of file.
pub fn schema(kind: Kind) -> Value {
    let generator = SchemaGenerator::default();
    let root = match kind {
        Kind::Settings => generator.into_root_schema_for::<crate::model::Settings>(),
        Kind::Client => generator.into_root_schema_for::<crate::model::Client>(),
        Kind::Contract => generator.into_root_schema_for::<crate::model::Contract>(),
        Kind::Project => generator.into_root_schema_for::<crate::model::Project>(),
        Kind::Meeting => generator.into_root_schema_for::<crate::model::Meeting>(),
        Kind::Log => generator.into_root_schema_for::<crate::model::LogEntry>(),
        Kind::Invoice => generator.into_root_schema_for::<crate::model::Invoice>(),
        Kind::Act => generator.into_root_schema_for::<crate::model::Act>(),
        Kind::Contractor => generator.into_root_schema_for::<crate::model::Contractor>(),
    };
    let mut value = root.to_value();
    if kind == Kind::Settings {
        settings_details(&mut value);
    }
    need_an_item(&mut value, kind);
    waivers_need_a_reason(&mut value);
    adjust(&mut value);
    if let Value::Object(map) = &mut value {
        map.insert(
            "title".to_owned(),
            json!(format!("rapport {} file: {}", kind.name(), kind.place())),
        );
        map.insert("description".to_owned(), json!(kind.summary()));
        map.insert(
            "$comment".to_owned(),
            json!(format!(
                "Generated by rapport {} (`rapport schema {}`) from its own models; \
                 docs/format.md is the reference. Regenerate after upgrading rapport.",
                env!("CARGO_PKG_VERSION"),
                kind.name()
            )),
        );
    }
    value
}

/// Every kind's schema, in one document: `{"version": 1, "schemas": {KIND: schema}}`.
pub fn all_schemas() -> Value {
    let schemas: Map<String, Value> = Kind::ALL
        .iter()
        .map(|k| (k.name().to_owned(), schema(*k)))
        .collect();
    json!({ "version": 1, "schemas": schemas })
}

/// A value as the files hold it: pretty JSON with a final newline.
pub fn to_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Where `rapport init` puts the schemas in a book: a folder of its own, kept in git
/// beside the files they describe, that any editor can be pointed at.
pub const BOOK_DIR: &str = "schemas";

/// The editor support `rapport init` writes into a book, as (path from the book's root,
/// text): the schemas, and VS Code's settings mapping them to the book's files (with a
/// recommendation of the YAML extension that reads them).
pub fn editor_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Kind::ALL
        .iter()
        .map(|k| {
            (
                format!("{BOOK_DIR}/{}", k.file_name()),
                to_text(&schema(*k)),
            )
        })
        .collect();
    files.push((
        VSCODE_SETTINGS.to_owned(),
        to_text(&vscode_settings(BOOK_DIR)),
    ));
    files.push((
        ".vscode/extensions.json".to_owned(),
        to_text(&json!({ "recommendations": ["redhat.vscode-yaml"] })),
    ));
    files
}

pub const VSCODE_SETTINGS: &str = ".vscode/settings.json";

/// `.vscode/settings.json` for a book whose schemas are in `dir` (relative to the
/// book's root, `/`-separated): the YAML language server's `yaml.schemas`, mapping each
/// schema to the globs of its files.
pub fn vscode_settings(dir: &str) -> Value {
    let map: Map<String, Value> = Kind::ALL
        .iter()
        .map(|k| (format!("./{dir}/{}", k.file_name()), json!(k.globs())))
        .collect();
    json!({ "yaml.schemas": map })
}

/// rapport.yaml: the rules map from the rulebook, and defaults written as a person
/// writes them (`vat: 22`, `start: "09:00"`) rather than as rapport prints them.
fn settings_details(value: &mut Value) {
    if let Some(props) = value.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert("rules".to_owned(), rules_schema());
        if let Some(vat) = props.get_mut("vat").and_then(Value::as_object_mut) {
            vat.insert("default".to_owned(), json!(22));
        }
    }
    if let Some(defs) = value.get_mut("$defs").and_then(Value::as_object_mut) {
        defs.remove("RuleSetting");
        if let Some(workday) = defs.get_mut("Workday") {
            workday["properties"]["start"]["default"] = json!("09:00");
            workday["properties"]["end"]["default"] = json!("18:00");
        }
    }
}

/// The two lists docs/format.md says need at least one item.
fn need_an_item(value: &mut Value, kind: Kind) {
    let field = match kind {
        Kind::Client => "contacts",
        Kind::Invoice => "lines",
        _ => return,
    };
    // A property of the root: the root schema is the kind's own struct.
    if let Some(list) = value.pointer_mut(&format!("/properties/{field}")) {
        list["minItems"] = json!(1);
    }
}

/// A waiver without a reason, or for a code that is not a rule, loads, but is E08 all
/// the same: the schema says so while the file is being typed.
fn waivers_need_a_reason(value: &mut Value) {
    let codes: Vec<&str> = rules::all()
        .iter()
        .map(|r| r.meta().code.as_str())
        .collect();
    if let Some(waiver) = value.pointer_mut("/$defs/Waiver") {
        waiver["required"] = json!(["rule", "reason"]);
        waiver["description"] =
            json!("A waiver: silences one rule for this entity, with the reason why.");
        waiver["properties"]["rule"]["enum"] = json!(codes);
        waiver["properties"]["reason"]["pattern"] = json!("\\S");
        waiver["properties"]["reason"]["type"] = json!(TEXT);
    }
}

/// The `x-` keys every mapping of the format takes.
fn x_keys() -> Value {
    json!({
        "^x-": {
            "description": "Your own field: keys starting with x- are kept as they are and ignored by rapport."
        }
    })
}

/// Walks the schema: mappings with named keys refuse others but `x-` keys; lists
/// without `minItems` may be null (an empty value is an empty list); text takes any
/// scalar; a number-or-text default is a number; descriptions are unwrapped.
fn adjust(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".to_owned(), json!(false));
                map.insert("patternProperties".to_owned(), x_keys());
            }
            if map.get("type").and_then(Value::as_str) == Some("array")
                && !map.contains_key("minItems")
            {
                map.insert("type".to_owned(), json!(["array", "null"]));
            }
            let plain_text = !["pattern", "const", "enum"]
                .iter()
                .any(|k| map.contains_key(*k));
            if plain_text && let Some(types) = map.get_mut("type") {
                if *types == json!("string") {
                    *types = json!(TEXT);
                } else if *types == json!(["string", "null"]) {
                    *types = json!([TEXT[0], TEXT[1], TEXT[2], "null"]);
                }
            }
            let takes_numbers = map
                .get("type")
                .and_then(Value::as_array)
                .is_some_and(|t| t.contains(&json!("number")));
            if takes_numbers
                && let Some(Value::String(text)) = map.get("default")
                && let Ok(n) = text.parse::<serde_json::Number>()
            {
                map.insert("default".to_owned(), Value::Number(n));
            }
            if let Some(Value::String(text)) = map.get_mut("description") {
                *text = unwrap_lines(text);
            }
            for (key, child) in map.iter_mut() {
                if key != "patternProperties" {
                    adjust(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(adjust),
        _ => {}
    }
}

/// What the loader takes where text is expected: any scalar, read as its text
/// (`title: 2026`, `name: no`, `inn: 7701234567`).
const TEXT: [&str; 3] = ["string", "number", "boolean"];

/// A doc comment's lines joined into paragraphs: hard line breaks only between them.
fn unwrap_lines(text: &str) -> String {
    text.split("\n\n")
        .map(|para| {
            para.split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

const SEVERITIES: [&str; 3] = ["error", "warning", "info"];

/// `rules:` of rapport.yaml: each rule of the rulebook, `off` or its own settings.
fn rules_schema() -> Value {
    let mut properties = Map::new();
    for rule in rules::all() {
        let meta = rule.meta();
        let mut settings = Map::new();
        settings.insert(
            "severity".to_owned(),
            json!({
                "description": format!(
                    "Overrides the rule's severity ({}).",
                    meta.severity.as_str()
                ),
                "enum": SEVERITIES,
            }),
        );
        for t in meta.thresholds {
            settings.insert(
                t.name.to_owned(),
                json!({
                    "description": t.doc,
                    "type": "integer",
                    "minimum": 0,
                    "default": t.default,
                }),
            );
        }
        properties.insert(
            meta.code.as_str().to_owned(),
            json!({
                "description": format!("{} {}: {}", meta.code, meta.name, meta.summary),
                "anyOf": [
                    {"const": "off", "description": "The rule does not run."},
                    {
                        "type": "object",
                        "properties": Value::Object(settings),
                        "additionalProperties": false,
                    },
                ],
            }),
        );
    }
    json!({
        "description": "Per-rule settings, keyed by rule code (`rapport rules` lists them): \
                        `off`, or a map of `severity` and the rule's thresholds \
                        (`rapport rules CODE` lists them).",
        "type": ["object", "null"],
        "properties": Value::Object(properties),
        "additionalProperties": false,
    })
}

/// A schema from a JSON object.
fn object(value: Value) -> Schema {
    match value {
        Value::Object(map) => Schema::from(map),
        _ => Schema::default(),
    }
}

const DATE: &str = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
const TIME: &str = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?";

/// A value written as text of one shape: a string with a pattern.
macro_rules! text_schema {
    ($ty:ty, $name:literal, $description:expr, $pattern:expr) => {
        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                object(json!({
                    "type": "string",
                    "description": $description,
                    "pattern": $pattern,
                }))
            }
        }
    };
}

text_schema!(Date, "Date", "A date: YYYY-MM-DD.", format!("^{DATE}$"));
text_schema!(
    DateTime,
    "DateTime",
    "A local date and time in the book's time zone: YYYY-MM-DDTHH:MM, seconds optional \
     (a space may stand for the T).",
    format!("^{DATE}[T ]{TIME}$")
);
text_schema!(
    TimeOfDay,
    "TimeOfDay",
    "A time of day, 24-hour: \"HH:MM\" (quote it).",
    format!("^{TIME}$")
);
text_schema!(
    Birthday,
    "Birthday",
    "A birthday: YYYY-MM-DD, or --MM-DD when the year is unknown.",
    format!("^({DATE}|--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))$")
);

impl JsonSchema for Money {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        object(json!({
            "description": "A sum of money: a decimal with at most 2 places, as a number or a \
                            quoted string (125000, 125000.50, \"125000.50\"); no spaces, \
                            commas or currency signs.",
            "type": ["number", "string"],
            "pattern": "^-?[0-9]{1,15}(\\.[0-9]{1,2})?$",
        }))
    }
}

impl JsonSchema for Quantity {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        object(json!({
            "description": "A quantity: a decimal with at most 3 places, not negative (1, 2.5, 0.125).",
            "type": ["number", "string"],
            "minimum": 0,
            "pattern": "^[0-9]{1,15}(\\.[0-9]{1,3})?$",
        }))
    }
}

impl JsonSchema for Vat {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Vat".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        object(json!({
            "description": "A VAT rate: a percentage from 0 to 100 (22, 7.5), or `none` for no VAT.",
            "type": ["number", "string"],
            "minimum": 0,
            "maximum": 100,
            "pattern": "^(none|0*(100(\\.0{1,2})?|[0-9]{1,2}(\\.[0-9]{1,2})?))$",
            "examples": [22, "none"],
        }))
    }
}

impl JsonSchema for RuleSetting {
    fn schema_name() -> Cow<'static, str> {
        "RuleSetting".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        object(json!({
            "description": "`off`, or a map of `severity` and the rule's thresholds.",
            "anyOf": [
                {"const": "off", "description": "The rule does not run."},
                {
                    "type": "object",
                    "properties": {"severity": {"enum": SEVERITIES}},
                    "additionalProperties": {"type": "integer", "minimum": 0},
                },
            ],
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_closed_schema_that_takes_x_keys() {
        for kind in Kind::ALL {
            let s = schema(kind);
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{kind:?}"
            );
            assert_eq!(s["additionalProperties"], json!(false), "{kind:?}");
            assert!(s["patternProperties"]["^x-"].is_object(), "{kind:?}");
            assert!(s["properties"].as_object().is_some_and(|p| !p.is_empty()));
        }
    }

    #[test]
    fn fields_carry_their_descriptions() {
        for kind in Kind::ALL {
            let s = schema(kind);
            let mut missing = Vec::new();
            let mut check = |path: String, props: &Value| {
                for (key, prop) in props.as_object().into_iter().flatten() {
                    if prop.get("description").is_none() {
                        missing.push(format!("{path}.{key}"));
                    }
                }
            };
            check(kind.name().to_owned(), &s["properties"]);
            for (name, def) in s["$defs"].as_object().into_iter().flatten() {
                check(name.clone(), &def["properties"]);
            }
            assert_eq!(missing, Vec::<String>::new(), "{kind:?}");
        }
    }

    #[test]
    fn the_rules_map_knows_every_rule_and_its_thresholds() {
        let s = schema(Kind::Settings);
        let rules = &s["properties"]["rules"]["properties"];
        assert_eq!(
            rules.as_object().map(Map::len),
            Some(rules::all().len()),
            "{rules}"
        );
        for rule in rules::all() {
            let meta = rule.meta();
            let settings = &rules[meta.code.as_str()]["anyOf"][1]["properties"];
            for t in meta.thresholds {
                assert_eq!(
                    settings[t.name]["default"],
                    json!(t.default),
                    "{}",
                    meta.code
                );
            }
        }
    }

    #[test]
    fn patterns_match_what_the_loader_reads() {
        let pattern = |kind: Kind, pointer: &str| {
            schema(kind)
                .pointer(pointer)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .expect(pointer)
        };
        // No regex engine here: check the shapes by their text, and leave the real
        // matching to tests/schema.rs, which runs an independent validator.
        assert_eq!(
            pattern(Kind::Contract, "/properties/start/pattern"),
            format!("^{DATE}$")
        );
        assert!(pattern(Kind::Meeting, "/properties/at/pattern").contains('T'));
        assert!(pattern(Kind::Invoice, "/properties/lines/items/$ref").starts_with("#/$defs/"));
    }

    #[test]
    fn the_editor_settings_map_every_kind() {
        let settings = vscode_settings("schemas");
        let map = settings["yaml.schemas"].as_object().expect("map");
        assert_eq!(map.len(), Kind::ALL.len());
        assert_eq!(
            map["./schemas/meeting.schema.json"],
            json!(["clients/*/meetings/*.yaml", "clients/*/meetings/*.yml"])
        );
        assert_eq!(
            map["./schemas/settings.schema.json"],
            json!(["rapport.yaml"])
        );
    }
}
