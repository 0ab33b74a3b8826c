//! `rapport site`: the example book's site read by an independent HTML5 parser (every
//! page strict, every link and anchor resolving), its figures compared with the JSON
//! of `invoices`, `budget`, `renewals` and `audit`, opened page by page in a real
//! headless Chromium from file://, built twice to the same bytes; a hostile and broken
//! book still builds a site that shows its findings as text; the output folder is
//! guarded by its marker.

mod checkers;
mod common;
mod report_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TempBook, example_book, rapport, rapport_in};
use report_support::copy_dir;
use serde_json::Value;

const TODAY: &str = "2026-11-27";

fn build(book: &Path, out: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "--book",
        book.to_str().expect("utf-8 path"),
        "--today",
        TODAY,
        "site",
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    rapport(&args)
}

fn example_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let r = build(&example_book(), &out, &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    (dir, out)
}

fn checker(script: &str) -> Command {
    let mut cmd = checkers::checkers().python();
    cmd.arg(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/checkers")
            .join(script),
    );
    cmd
}

fn run_json(mut cmd: Command) -> Value {
    let out = cmd.output().expect("the checker runs");
    assert!(
        out.status.success(),
        "checker failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the checker prints JSON")
}

fn json_of(args: &[&str]) -> Value {
    let book = example_book();
    let mut all = vec!["--book", book.to_str().expect("utf-8"), "--today", TODAY];
    all.extend_from_slice(args);
    let r = rapport(&all);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    r.json()
}

/// Every value a page gives the figure `name` (one per page that shows it).
fn figure<'a>(figures: &'a Value, name: &str) -> Vec<&'a str> {
    figures[name]
        .as_array()
        .unwrap_or_else(|| panic!("the site shows no figure {name}: {figures}"))
        .iter()
        .map(|v| v.as_str().expect("a string value"))
        .collect()
}

#[test]
fn every_page_parses_every_link_resolves_and_every_figure_is_the_commands() {
    let (_dir, out) = example_site();
    let mut cmd = checker("site_pages.py");
    cmd.arg(&out);
    let report = run_json(cmd);
    assert_eq!(report["errors"], Value::Array(Vec::new()), "{report}");
    let pages: Vec<&str> = report["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for want in [
        "index.html",
        "money.html",
        "renewals.html",
        "projects.html",
        "health.html",
        "client-trudnyi-klient.html",
        "client-lesnaya-polyana.html",
        "curator-volkov.html",
    ] {
        assert!(pages.contains(&want), "{want} in {pages:?}");
    }
    assert!(report["links"].as_u64().expect("a count") > 100, "{report}");
    let figures = &report["figures"];

    // Owed per currency and its aging: `invoices --format json`.
    let invoices = json_of(&["invoices", "--format", "json"]);
    let aging = invoices["aging"].as_array().expect("aging");
    assert!(!aging.is_empty());
    for a in aging {
        let cur = a["currency"].as_str().expect("currency");
        let total = a["total"].as_str().expect("total");
        let shown = figure(figures, &format!("owed-{cur}"));
        assert_eq!(shown, vec![total, total], "overview and money: owed {cur}");
        for bucket in ["current", "1-30", "31-60", "61-90", "90+"] {
            assert_eq!(
                figure(figures, &format!("aging-{cur}-{bucket}")),
                vec![a[bucket].as_str().expect("bucket")],
                "{cur} {bucket}"
            );
        }
    }
    // Invoiced by month: the totals of the invoices `invoices` lists as issued (not
    // drafts, not cancelled) dated in the 12 months to today, summed in cents.
    let cents = |s: &str| -> i64 {
        let (whole, frac) = s.split_once('.').expect("two decimals");
        whole.parse::<i64>().expect("a number") * 100 + frac.parse::<i64>().expect("cents")
    };
    let mut invoiced_by_month: BTreeMap<String, i64> = BTreeMap::new();
    for i in invoices["invoices"].as_array().expect("invoices") {
        let date = i["date"].as_str().expect("date");
        let status = i["status"].as_str().expect("status");
        if status == "draft" || status == "cancelled" || !("2025-12-01"..=TODAY).contains(&date) {
            continue;
        }
        let key = format!(
            "invoiced-{}-{}",
            i["currency"].as_str().expect("cur"),
            &date[..7]
        );
        *invoiced_by_month.entry(key).or_default() += cents(i["total"].as_str().expect("total"));
    }
    assert!(!invoiced_by_month.is_empty());
    for (key, want) in &invoiced_by_month {
        assert_eq!(
            figure(figures, key)
                .iter()
                .map(|v| cents(v))
                .collect::<Vec<_>>(),
            vec![*want],
            "{key}"
        );
    }
    let shown_months = figures
        .as_object()
        .expect("figures")
        .iter()
        .filter(|(k, v)| k.starts_with("invoiced-") && v[0] != "0.00")
        .count();
    assert_eq!(
        shown_months,
        invoiced_by_month.len(),
        "no month invoiced that `invoices` lacks"
    );
    let overdue = invoices["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .filter(|i| i["status"] == "overdue")
        .count();
    assert!(overdue > 0);
    assert_eq!(figure(figures, "overdue-count"), vec![overdue.to_string()]);

    // Each project's costs, share of the budget used and status: `budget`.
    let budget = json_of(&["budget", "--format", "json"]);
    for p in budget["projects"].as_array().expect("projects") {
        let key = format!(
            "{}/{}",
            p["client"].as_str().expect("client"),
            p["project"].as_str().expect("project")
        );
        let costs = figure(figures, &format!("costs-{key}"));
        assert_eq!(costs.len(), 2, "projects page and client page: {key}");
        assert!(costs.iter().all(|c| *c == p["costs"]), "{key}: {costs:?}");
        if let Some(used) = p["used_percent"].as_str() {
            assert!(
                figure(figures, &format!("used-{key}"))
                    .iter()
                    .all(|u| *u == used)
            );
            let status = p["status"].as_str().expect("status");
            assert!(
                figure(figures, &format!("rag-{key}"))
                    .iter()
                    .all(|s| *s == status)
            );
        }
    }

    // Where each renewal stands: `renewals`.
    let renewals = json_of(&["renewals", "--format", "json"]);
    let mut seen = 0;
    for c in renewals["contracts"].as_array().expect("contracts") {
        let key = format!(
            "renewal-{}/{}",
            c["client"].as_str().expect("client"),
            c["contract"].as_str().expect("contract")
        );
        if let Some(values) = figures.get(&key) {
            assert_eq!(values[0], c["state"], "{key}");
            seen += 1;
        }
    }
    assert!(seen > 0, "the renewals page shows contracts of `renewals`");
    let soon = json_of(&["renewals", "--within", "60", "--format", "json"]);
    assert_eq!(
        figure(figures, "renewals-60"),
        vec![
            soon["contracts"]
                .as_array()
                .expect("contracts")
                .len()
                .to_string()
        ]
    );

    // Findings by severity: `audit --format json`.
    let audit = json_of(&["audit", "--format", "json"]);
    for (sev, key) in [
        ("error", "errors"),
        ("warning", "warnings"),
        ("info", "infos"),
    ] {
        let n = audit["summary"][key].as_u64().expect("a count").to_string();
        assert_eq!(
            figure(figures, &format!("findings-{sev}")),
            vec![n.as_str(), n.as_str()],
            "overview and health: {sev}"
        );
    }
}

#[test]
fn every_page_opens_in_a_real_browser_without_errors_or_network() {
    ensure_chromium();
    let (dir, out) = example_site();
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-screenshots");
    let _ = fs::remove_dir_all(&shots);
    let profile = dir.path().join("chromium-profile");
    let mut cmd = checker("site_browser.py");
    cmd.arg(&out).arg(&shots).arg(&profile);
    let report = run_json(cmd);
    assert_eq!(report["console"], Value::Array(Vec::new()), "{report}");
    assert_eq!(report["failed"], Value::Array(Vec::new()), "{report}");
    assert_eq!(report["foreign"], Value::Array(Vec::new()), "{report}");
    let pages = report["pages"].as_object().expect("pages");
    assert_eq!(
        pages.len(),
        fs::read_dir(&out)
            .expect("the site")
            .filter(|e| e
                .as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "html")))
            .count()
    );
    for (name, p) in pages {
        assert_eq!(p["ok"], true, "{name}");
        assert!(
            p["colours"].as_u64().expect("colours") > 8,
            "{name} looks blank: {p}"
        );
        assert!(
            p["differ"].as_u64().expect("pixels") > 2000,
            "{name} looks blank: {p}"
        );
        assert_eq!(
            p["buttons"], p["headers"],
            "{name}: the sorting script ran: {p}"
        );
    }
    for shot in ["index.png", "money.png", "client-trudnyi-klient.png"] {
        assert!(shots.join(shot).is_file(), "{shot} kept for the eye");
    }
}

/// `/usr/bin/chromium`, installed from Debian as the other checkers are installed:
/// a test never skips for want of it.
fn ensure_chromium() {
    let browser = Path::new("/usr/bin/chromium");
    if browser.exists() {
        return;
    }
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if browser.exists() {
        return;
    }
    let install = || {
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "chromium"])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .is_ok_and(|s| s.success())
    };
    if !install() {
        let _ = Command::new("apt-get").arg("update").status();
        install();
    }
    assert!(
        browser.exists(),
        "the browser test needs Debian's chromium at /usr/bin/chromium and could not install it \
         (`apt-get install -y chromium` as root, with the Debian archive reachable)"
    );
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("the site")
        .map(|e| {
            let e = e.expect("an entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("a file"),
            )
        })
        .collect()
}

#[test]
fn two_builds_are_byte_identical_and_a_rebuild_replaces_the_site() {
    let (dir, out) = example_site();
    let again = dir.path().join("again");
    let r = build(&example_book(), &again, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = files(&out);
    assert_eq!(first, files(&again));
    assert!(first.contains_key(".rapport-site"));
    // Over itself: a previous site is replaced without --force.
    let r = build(&example_book(), &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(first, files(&out));
}

#[test]
fn a_folder_that_is_not_a_site_is_refused_without_force() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let r = build(&example_book(), dir.path(), &[]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("is not a rapport site"), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert!(!dir.path().join("index.html").exists());
    let r = build(&example_book(), dir.path(), &["--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).expect("kept"),
        "mine"
    );
    assert!(dir.path().join("index.html").is_file());
}

#[test]
fn a_page_of_the_last_build_that_is_gone_is_removed() {
    let book = TempBook::empty();
    copy_dir(&example_book(), book.path());
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    assert_eq!(build(book.path(), &out, &[]).code, 0);
    assert!(out.join("client-vkusnoteka.html").is_file());
    fs::remove_dir_all(book.path().join("clients/vkusnoteka")).expect("remove a client");
    let r = build(book.path(), &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!out.join("client-vkusnoteka.html").exists());
    assert!(out.join("client-stroymaster.html").is_file());
}

#[test]
fn a_hostile_broken_book_builds_a_site_that_shows_its_findings_as_text() {
    let book = TempBook::new();
    book.write(
        "clients/evil/client.yaml",
        "name: \"<script>alert('x')</script> & <b>Co</b>\"\nmanager: petrov\ncontacts:\n  - {id: a, name: \"<img src=x onerror=alert(1)>\", email: a@example.com}\n",
    );
    book.write("clients/broken/client.yaml", "name: [unclosed\n");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let r = build(book.path(), &out, &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let all: String = files(&out)
        .iter()
        .filter(|(n, _)| n.ends_with(".html"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(
        !all.contains("<script>alert"),
        "a book's string became markup"
    );
    assert!(!all.contains("<img src=x"), "a book's string became markup");
    assert!(!all.contains("<b>Co"), "a book's string became markup");
    assert!(
        all.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;")
    );
    // The broken file's finding is shown on its client's page with its file and line;
    // the health page counts it under its rule and links to that page.
    let page = fs::read_to_string(out.join("client-broken.html")).expect("the client's page");
    assert!(page.contains("E01"), "the broken file's finding is shown");
    assert!(page.contains("clients/broken/client.yaml:2:1"), "{page}");
    let health = fs::read_to_string(out.join("health.html")).expect("health");
    assert!(health.contains("id=\"rule-E01\""), "{health}");
    assert!(health.contains("client-broken.html#findings"), "{health}");
    let mut cmd = checker("site_pages.py");
    cmd.arg(&out);
    let report = run_json(cmd);
    assert_eq!(report["errors"], Value::Array(Vec::new()), "{report}");
}

#[test]
fn manager_and_curator_narrow_the_site_to_their_clients() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("site");
    let settings = fs::read_to_string(example_book().join("rapport.yaml")).expect("settings");
    assert!(settings.contains("id: orlova"), "the example's manager");
    let r = build(&example_book(), &out, &["--manager", "orlova"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let index = fs::read_to_string(out.join("index.html")).expect("index");
    for entry in fs::read_dir(example_book().join("clients")).expect("clients") {
        let id = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let client =
            fs::read_to_string(example_book().join("clients").join(&id).join("client.yaml"))
                .expect("client.yaml");
        let page = out.join(format!("client-{id}.html"));
        assert_eq!(
            page.exists(),
            client.contains("manager: orlova"),
            "{id}: a page only for orlova's clients"
        );
        let _ = &index;
    }
    let r = build(
        &example_book(),
        &dir.path().join("x"),
        &["--manager", "orlva"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `orlova`?"), "{}", r.stderr);
    let r = build(
        &example_book(),
        &dir.path().join("y"),
        &["--curator", "nobody"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no curator `nobody`"), "{}", r.stderr);
    let r = build(
        &example_book(),
        &dir.path().join("z"),
        &["--curator", "volkov"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.path().join("z/curator-volkov.html").is_file());
    assert!(!dir.path().join("z/curator-egorova.html").exists());
}

#[test]
fn english_books_get_english_pages() {
    let book = TempBook::empty();
    copy_dir(&example_book(), book.path());
    let settings = book
        .read("rapport.yaml")
        .replace("locale: ru", "locale: en");
    book.write("rapport.yaml", &settings);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let r = rapport_in(
        book.path(),
        &[
            "--today",
            TODAY,
            "site",
            "--out",
            dir.path().join("s").to_str().expect("utf-8"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let index = fs::read_to_string(dir.path().join("s/index.html")).expect("index");
    assert!(index.contains("<html lang=\"en\">") && index.contains("Overview"));
}
