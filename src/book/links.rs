//! Symbolic links in a book, and which of them the loader follows.
//!
//! A book arrives in pull requests and is audited in CI, so a link is an attack: a
//! `clients/evil/client.yaml` that links to `/proc/self/environ`, or to
//! `../../.git/config` (where `actions/checkout` leaves the job's token), would have
//! the audit print the target's bytes as the source line of a finding, in the CI log
//! for anyone to read. So a link is followed only when its real path is a file the
//! loader reads anyway: a YAML file of this same book — `rapport.yaml`, a client's
//! `client.yaml` or a file of one of its kind folders, a contractor — outside any
//! hidden folder (`.git`, `.rapport`). Any other link, and every link to a folder, is
//! E01, naming the link; its target is never opened, so not a byte of it is shown.
//!
//! The real path is taken with `canonicalize`, which resolves every link on the way,
//! so a link through a linked folder is judged by where it finally leads.

use std::path::{Component, Path};

use super::Kind;
use crate::finding::{Code, Finding, Location};

/// Is `rel` (a path relative to the book's root, as components) one of the files the
/// loader reads: `rapport.yaml`, `clients/<id>/client.yaml`,
/// `clients/<id>/<kind folder>/<file>.yaml`, `contractors/<file>.yaml` (or `.yml`)?
/// No part of it may be hidden.
fn is_book_file(rel: &[&str]) -> bool {
    if rel.iter().any(|c| c.starts_with('.')) {
        return false;
    }
    let yaml = |name: &str| name.ends_with(".yaml") || name.ends_with(".yml");
    match rel {
        ["rapport.yaml"] => true,
        ["clients", _, name] => matches!(*name, "client.yaml" | "client.yml"),
        ["clients", _, folder, name] => Kind::from_folder(folder).is_some() && yaml(name),
        ["contractors", name] => yaml(name),
        _ => false,
    }
}

/// Where a link leads, as the loader judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leads {
    /// To a file the loader reads anyway: followed.
    ToBookFile,
    /// Anywhere else: not followed (E01).
    Elsewhere,
    /// To nothing (a dangling link): reading it fails as for a file that is gone.
    Nowhere,
}

/// Where the link at `link` leads, in the book whose root's real path is
/// `real_root`: it is followed only to a file the loader reads anyway (see the module).
pub fn leads(real_root: &Path, link: &Path) -> Leads {
    let target = match link.canonicalize() {
        Ok(target) => target,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Leads::Nowhere,
        // A loop, or a folder on the way that cannot be entered.
        Err(_) => return Leads::Elsewhere,
    };
    let Ok(rel) = target.strip_prefix(real_root) else {
        return Leads::Elsewhere;
    };
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    if parts.is_some_and(|parts| is_book_file(&parts))
        && target.metadata().is_ok_and(|m| m.is_file())
    {
        Leads::ToBookFile
    } else {
        Leads::Elsewhere
    }
}

/// May the loader follow the link at `link` (see [`leads`])? A dangling link is
/// "followed": reading it fails like reading a file that is gone, and shows nothing.
pub fn may_follow(real_root: &Path, link: &Path) -> bool {
    leads(real_root, link) != Leads::Elsewhere
}

/// May `path`, a file of the book's own folder `folder` (`templates`), be read? Only
/// when its real path, every link resolved, is a file in that folder of the book at
/// `root` (the folder itself not a link elsewhere), outside hidden folders: the same
/// rule as the loader's, for the files a book adds to its documents and letters.
pub fn within(root: &Path, folder: &str, path: &Path) -> bool {
    let (Ok(real_root), Ok(target)) = (root.canonicalize(), path.canonicalize()) else {
        return false;
    };
    let Ok(rel) = target.strip_prefix(real_root.join(folder)) else {
        return false;
    };
    rel.components().all(|c| match c {
        Component::Normal(part) => !part.to_string_lossy().starts_with('.'),
        _ => false,
    }) && target.metadata().is_ok_and(|m| m.is_file())
}

/// The finding on a link the loader does not follow, at `file` (the link's own path
/// in the book): it names the link and nothing of what it leads to.
pub fn refused(file: &str, to_folder: bool) -> Finding {
    let (message, help) = if to_folder {
        (
            crate::msg!("load-link-to-folder"),
            crate::msg!("load-link-to-folder-help"),
        )
    } else {
        (
            crate::msg!("load-link-to-file"),
            crate::msg!("load-link-to-file-help"),
        )
    };
    Finding::error(Code::E01, file, Location::File, "")
        .say(message)
        .help_say(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn book_files_are_the_files_the_loader_reads() {
        for yes in [
            &["rapport.yaml"][..],
            &["clients", "acme", "client.yaml"],
            &["clients", "acme", "client.yml"],
            &["clients", "acme", "meetings", "2026-11-20-kickoff.yaml"],
            &["clients", "acme", "invoices", "2026-0001.yml"],
            &["contractors", "pechat.yaml"],
        ] {
            assert!(is_book_file(yes), "{yes:?}");
        }
        for no in [
            &[".git", "config"][..],
            &["clients", "acme", ".git", "config"],
            &[".rapport", "cache", "clients", "acme.bin"],
            &["clients", ".hidden", "client.yaml"],
            &["clients", "acme", "meetings", ".x.yaml"],
            &["clients", "acme", "notes", "x.yaml"],
            &["clients", "acme", "meetings", "x.txt"],
            &["clients", "acme", "meetings"],
            &["clients", "acme"],
            &["README.md"],
            &["rapport.yml"],
            &["templates", "digest.ru.md.j2"],
        ] {
            assert!(!is_book_file(no), "{no:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_only_to_a_file_of_the_book() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().expect("temp dir");
        let secret = outside.path().join("secret.yaml");
        std::fs::write(&secret, "TOKEN=abc\n").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().canonicalize().expect("real root");
        let meetings = root.join("clients/acme/meetings");
        std::fs::create_dir_all(&meetings).expect("folders");
        std::fs::create_dir_all(root.join(".git")).expect("git");
        std::fs::write(root.join(".git/config"), "token\n").expect("write");
        std::fs::write(meetings.join("real.yaml"), "at: 2026-11-20T10:00\n").expect("write");
        let link = |name: &str, to: &Path| {
            let at = meetings.join(name);
            symlink(to, &at).expect("link");
            at
        };
        assert!(may_follow(
            &root,
            &link("alias.yaml", Path::new("real.yaml"))
        ));
        assert!(!may_follow(&root, &link("out.yaml", &secret)));
        assert!(!may_follow(
            &root,
            &link("git.yaml", Path::new("../../../.git/config"))
        ));
        assert!(!may_follow(&root, &link("dir.yaml", Path::new(".."))));
        // A dangling link is read, and fails as a file that is gone.
        assert_eq!(
            leads(&root, &link("gone.yaml", Path::new("nowhere.yaml"))),
            Leads::Nowhere
        );
        assert!(!may_follow(
            &root,
            &link("proc.yaml", Path::new("/proc/self/environ"))
        ));
        // Through a linked folder, judged by where it finally leads.
        symlink(outside.path(), root.join("clients/acme/invoices")).expect("link");
        assert!(!may_follow(
            &root,
            &root.join("clients/acme/invoices/secret.yaml")
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_templates_file_is_read_only_inside_the_books_templates() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("x.j2"), "TOKEN").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let templates = root.join("templates");
        std::fs::create_dir_all(templates.join("fonts")).expect("folders");
        std::fs::write(templates.join("own.j2"), "{{ x }}").expect("write");
        std::fs::write(root.join("rapport.yaml"), "agency: {name: A}\n").expect("write");
        symlink("own.j2", templates.join("alias.j2")).expect("link");
        symlink(outside.path().join("x.j2"), templates.join("out.j2")).expect("link");
        symlink("../rapport.yaml", templates.join("up.j2")).expect("link");
        assert!(within(root, "templates", &templates.join("own.j2")));
        assert!(within(root, "templates", &templates.join("alias.j2")));
        assert!(!within(root, "templates", &templates.join("out.j2")));
        assert!(!within(root, "templates", &templates.join("up.j2")));
        assert!(!within(root, "templates", &templates.join("fonts")));
        assert!(!within(root, "templates", &templates.join("missing.j2")));
        // The folder itself a link elsewhere: nothing in it is the book's.
        let other = tempfile::tempdir().expect("temp dir");
        let linked = other.path().join("book");
        std::fs::create_dir_all(&linked).expect("folder");
        symlink(outside.path(), linked.join("templates")).expect("link");
        assert!(!within(
            &linked,
            "templates",
            &linked.join("templates/x.j2")
        ));
    }
}
