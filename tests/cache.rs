//! The parse cache never changes an answer: the audit's JSON is byte-identical with no
//! cache, a cold cache, a warm one, after edits of every kind, and over a damaged cache.

mod common;

use std::fs;

use common::{TempBook, example_book};

/// A copy of the example book.
fn example() -> TempBook {
    TempBook::copy_of(&example_book())
}

/// One shard of the parse cache: a client's.
const CACHE: &str = ".rapport/cache/clients/vkusnoteka.bin";
/// The shard of the contractors.
const CONTRACTORS: &str = ".rapport/cache/contractors.bin";
/// Where earlier runs' findings pointed (line and column), per version of each file.
const LOCATED: &str = ".rapport/cache/located.bin";

fn audit(book: &TempBook, cache: bool) -> String {
    let mut args = vec!["audit", "--format", "json", "--today", "2026-11-27"];
    if !cache {
        args.push("--no-cache");
    }
    let run = book.run(&args);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    run.stdout
}

/// Asserts that no cache, and the cache as it stands, give the same document.
fn same_with_and_without(book: &TempBook) -> String {
    let plain = audit(book, false);
    let cached = audit(book, true);
    assert_eq!(cached, plain, "the cache changed the answer");
    plain
}

#[test]
fn cold_and_warm_caches_give_the_same_answer() {
    let book = example();
    let plain = audit(&book, false);
    assert!(
        !book.path().join(CACHE).exists(),
        "--no-cache writes no cache"
    );
    let cold = audit(&book, true);
    assert!(
        book.path().join(CACHE).exists(),
        "the first run writes the cache"
    );
    let written = fs::read(book.path().join(CACHE)).expect("cache");
    let located = fs::read(book.path().join(LOCATED)).expect("located findings");
    let warm = audit(&book, true);
    assert_eq!(cold, plain);
    assert_eq!(warm, plain);
    assert_eq!(
        fs::read(book.path().join(CACHE)).expect("cache"),
        written,
        "a warm run with nothing changed leaves the cache as it was"
    );
    assert_eq!(
        fs::read(book.path().join(LOCATED)).expect("located findings"),
        located,
        "a warm run with nothing changed leaves the located findings as they were"
    );
}

#[test]
fn edits_additions_deletions_and_renames_are_seen() {
    let book = example();
    let before = same_with_and_without(&book);

    // An edit that keeps the size and the modification time: only the content says so.
    let file = "clients/vkusnoteka/client.yaml";
    let path = book.path().join(file);
    let text = book.read(file);
    let meta = fs::metadata(&path).expect("meta");
    let edited = text.replacen("key: false", "key: fals3", 1);
    assert_ne!(edited, text, "the fixture has `key: false`");
    assert_eq!(edited.len(), text.len());
    book.write(file, &edited);
    fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(meta.modified().expect("mtime")))
        .expect("restore mtime");
    let after_edit = same_with_and_without(&book);
    assert_ne!(after_edit, before, "the edit must show");
    assert!(after_edit.contains("fals3"), "{after_edit}");

    // Lines added at the top of a file with findings: every finding in it moves down
    // two lines, and no position is served from the earlier version.
    let file = "clients/trudnyi-klient/client.yaml";
    let text = book.read(file);
    let moved_before = after_edit.matches(file).count();
    assert!(moved_before > 0, "the fixture has findings in {file}");
    book.write(file, &format!("# moved\n# down\n{text}"));
    let moved = same_with_and_without(&book);
    assert_ne!(moved, after_edit);
    assert_eq!(moved.matches(file).count(), moved_before);
    book.write(file, &text);
    assert_eq!(same_with_and_without(&book), after_edit);

    // An added file with an error, a deleted file, a renamed file.
    book.write(
        "clients/vkusnoteka/meetings/2026-11-26-new.yaml",
        "at: 2026-11-26T10:00\nformat: vidoe\n",
    );
    let added = same_with_and_without(&book);
    assert!(added.contains("2026-11-26-new.yaml"));
    fs::remove_file(
        book.path()
            .join("clients/vkusnoteka/meetings/2026-11-26-new.yaml"),
    )
    .expect("delete");
    let deleted = same_with_and_without(&book);
    assert!(!deleted.contains("2026-11-26-new.yaml"));
    fs::rename(
        book.path().join("contractors/foto-lab.yaml"),
        book.path().join("contractors/foto-lab-2.yaml"),
    )
    .expect("rename");
    let renamed = same_with_and_without(&book);
    assert_ne!(renamed, deleted, "references to the old name now dangle");
}

#[test]
fn a_damaged_cache_is_rebuilt_and_the_answer_is_unchanged() {
    for file in [CACHE, CONTRACTORS, LOCATED] {
        damaged_cache_file_is_rebuilt(file);
    }
}

fn damaged_cache_file_is_rebuilt(file: &str) {
    let book = example();
    let plain = audit(&book, false);
    audit(&book, true);
    let cache = book.path().join(file);
    let good = fs::read(&cache).expect("cache");

    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", good[..good.len() / 2].to_vec()),
        ("empty", Vec::new()),
        (
            "random bytes",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
        ("one flipped byte", {
            let mut b = good.clone();
            let mid = b.len() / 2;
            b[mid] ^= 0xff;
            b
        }),
    ];
    for (what, bytes) in damages {
        fs::write(&cache, &bytes).expect("damage the cache");
        assert_eq!(
            audit(&book, true),
            plain,
            "{file}, {what}: the answer changed"
        );
        assert_eq!(
            fs::read(&cache).expect("cache"),
            good,
            "{file}, {what}: the cache was not rebuilt"
        );
    }
}

#[test]
fn a_read_only_book_works_without_writing_a_cache() {
    let book = example();
    let plain = audit(&book, false);
    // A cache folder that cannot be created: a file stands where it would go.
    book.write(".rapport", "not a folder");
    assert_eq!(audit(&book, true), plain);
    assert!(book.path().join(".rapport").is_file());
}

#[test]
fn two_processes_at_once_never_corrupt_the_cache() {
    let book = example();
    let plain = audit(&book, false);
    for _ in 0..5 {
        let _ = fs::remove_dir_all(book.path().join(".rapport/cache"));
        // Started together, so that they read and write the cache at the same time.
        let children: Vec<_> = (0..4)
            .map(|_| {
                common::command(book.path())
                    .args([
                        "audit",
                        "--format",
                        "json",
                        "--today",
                        "2026-11-27",
                        "--book",
                    ])
                    .arg(book.path())
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .expect("start")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("run");
            assert_eq!(String::from_utf8_lossy(&out.stdout), plain);
        }
        assert_eq!(audit(&book, true), plain);
    }
    let mut leftovers = Vec::new();
    let mut shards = 0;
    for folder in [".rapport/cache", ".rapport/cache/clients"] {
        for entry in fs::read_dir(book.path().join(folder)).expect("cache folder") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            if name.ends_with(".bin") {
                shards += 1;
            } else if name != "clients" {
                leftovers.push(name);
            }
        }
    }
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
    assert!(shards > 2, "the shards are written");
}

#[test]
fn the_cache_keeps_no_shard_of_a_client_no_longer_in_the_book() {
    let book = example();
    audit(&book, true);
    let shard = book.path().join(CACHE);
    assert!(shard.is_file());
    // The unsharded cache of earlier versions is removed too.
    let legacy = book.path().join(".rapport/cache/parsed.bin");
    fs::write(&legacy, b"an old cache").expect("legacy cache");
    fs::remove_dir_all(book.path().join("clients/vkusnoteka")).expect("remove client");
    let gone = same_with_and_without(&book);
    assert!(!gone.contains("clients/vkusnoteka/"), "{gone}");
    assert!(!shard.exists(), "the removed client's shard is left behind");
    assert!(!legacy.exists(), "the unsharded cache is left behind");
    assert!(
        book.path().join(CONTRACTORS).is_file(),
        "the other shards stay"
    );
}

/// Each shard file of the cache, by name, with its inode: a shard rewritten (renamed
/// into place) has a new one even when its bytes are the same.
#[cfg(unix)]
fn shards(book: &TempBook) -> std::collections::BTreeMap<String, (u64, Vec<u8>)> {
    use std::os::unix::fs::MetadataExt;
    let mut out = std::collections::BTreeMap::new();
    for folder in [".rapport/cache", ".rapport/cache/clients"] {
        for entry in fs::read_dir(book.path().join(folder)).expect("cache folder") {
            let entry = entry.expect("entry");
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".bin") && name != "located.bin" {
                let inode = entry.metadata().expect("meta").ino();
                let bytes = fs::read(entry.path()).expect("shard");
                out.insert(format!("{folder}/{name}"), (inode, bytes));
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn an_edit_rewrites_its_clients_shard_and_no_other() {
    let book = example();
    audit(&book, true);
    let before = shards(&book);
    assert!(before.len() > 3, "{:?}", before.keys());

    let file = "clients/vkusnoteka/client.yaml";
    let text = book.read(file);
    book.write(file, &format!("{text}\n# edited\n"));
    let edited = same_with_and_without(&book);
    let after = shards(&book);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(name, (inode, _))| before[*name].0 != *inode)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(rewritten, [".rapport/cache/clients/vkusnoteka.bin"]);
    assert_ne!(after[rewritten[0]].1, before[rewritten[0]].1);

    // Nothing changed: nothing is rewritten.
    assert_eq!(audit(&book, true), edited);
    assert_eq!(shards(&book), after);
}

#[cfg(unix)]
#[test]
fn a_file_touched_but_unchanged_is_hashed_once_and_its_metadata_kept_anew() {
    // The cache trusts a file's metadata as git's index does; a file whose metadata
    // changed (here: its modification time) is read and hashed, found the same, and
    // its entry written again with the new metadata, so that the next run trusts it
    // without reading it.
    let book = example();
    let answer = audit(&book, true);
    let before = shards(&book);
    let path = book.path().join("clients/gorod-fitness/client.yaml");
    let later = fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime")
        .checked_add(std::time::Duration::from_secs(3600))
        .expect("an hour later");
    fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(later))
        .expect("touch");
    assert_eq!(
        audit(&book, true),
        answer,
        "the same bytes, the same answer"
    );
    let after = shards(&book);
    let rewritten: Vec<&String> = after
        .iter()
        .filter(|(name, (inode, _))| before[*name].0 != *inode)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(rewritten, [".rapport/cache/clients/gorod-fitness.bin"]);
    // Trusted from now on: nothing is rewritten.
    assert_eq!(audit(&book, true), answer);
    assert_eq!(shards(&book), after);
}

#[cfg(unix)]
#[test]
fn a_file_replaced_by_a_copy_of_itself_is_still_seen_if_its_bytes_change() {
    // A new inode (a copy renamed into place, as editors and git do) with the size
    // and modification time of the old file: the inode and the change time differ.
    let book = example();
    audit(&book, true);
    let file = "clients/vkusnoteka/client.yaml";
    let path = book.path().join(file);
    let text = book.read(file);
    let meta = fs::metadata(&path).expect("meta");
    let edited = text.replacen("key: false", "key: fals3", 1);
    assert_eq!(edited.len(), text.len());
    let temp = book.path().join("clients/vkusnoteka/.client.yaml.tmp");
    fs::write(&temp, &edited).expect("write");
    fs::File::options()
        .write(true)
        .open(&temp)
        .and_then(|f| f.set_modified(meta.modified().expect("mtime")))
        .expect("keep the mtime");
    fs::rename(&temp, &path).expect("rename into place");
    let after = same_with_and_without(&book);
    assert!(after.contains("fals3"), "{after}");
}
