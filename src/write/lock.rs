//! The book's invoice lock: one `rapport invoice new`, `invoice pay`, `act new`, `act
//! signed`, `task new|ack|done|move` or `project move` at a time per book, so that two
//! invoices (or acts) issued at once never get the same number and two edits at once
//! (of two tasks of one project, say) never lose one.
//!
//! The lock is the operating system's exclusive advisory lock (`flock` on Unix,
//! `LockFileEx` on Windows, through `std::fs::File::lock`) on `.rapport/invoice.lock`
//! (the `.rapport/` folder is rapport's own and kept out of git). The file itself
//! means nothing and stays where it is: what counts is the lock on it, which the
//! operating system releases when the holder closes it or ends — normally, by an
//! error, by a crash or by `kill -9` — so no stale lock can outlive its process and
//! there is nothing to clean up by hand. (Removing the file would be the mistake: a
//! waiting process could then lock the old file while a new one locks a new file.)
//! The holder writes its process id into the file for people; a process that waits
//! longer than [`WAIT`] gives up with an error naming it. A file system without
//! locks (some network shares) is an error rather than numbering without one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

/// The lock file, relative to the book root.
pub const FILE: &str = ".rapport/invoice.lock";

/// How long to wait for another process to finish.
pub const WAIT: Duration = Duration::from_secs(30);

/// The lock, held until dropped.
#[derive(Debug)]
pub struct BookLock {
    file: File,
}

impl BookLock {
    /// Takes the lock of the book at `root`, waiting up to [`WAIT`] for another holder.
    pub fn acquire(root: &Path) -> Result<BookLock> {
        BookLock::acquire_within(root, WAIT)
    }

    fn acquire_within(root: &Path, wait: Duration) -> Result<BookLock> {
        let path = root.join(FILE);
        // Never through a link: `.rapport` or the lock planted as one by a book from
        // elsewhere would have this write outside the book.
        let linked =
            |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
        if linked(&root.join(".rapport")) || linked(&path) {
            return Err(crate::i18n::hinted(
                crate::msg!("lock-linked", path = path.display().to_string()),
                crate::msg!("lock-linked-hint"),
            ));
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(5);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(100));
                }
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(crate::i18n::hinted(
                        crate::msg!(
                            "lock-held",
                            holder = holder.trim(),
                            path = path.display().to_string(),
                            seconds = wait.as_secs().to_string()
                        ),
                        crate::msg!("lock-held-hint"),
                    ));
                }
                Err(TryLockError::Error(e)) => {
                    return Err(e).with_context(|| {
                        format!(
                            "cannot lock {} (does this file system support file locks?)",
                            path.display()
                        )
                    });
                }
            }
        }
        // For people who look: who holds it. Best effort; the lock is what counts.
        let _ = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(file, "pid {}", std::process::id()));
        Ok(BookLock { file })
    }
}

impl Drop for BookLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first says so plainly.
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use anyhow::bail;

    use super::*;

    #[test]
    fn a_second_holder_waits_then_gets_it_after_the_first_drops() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let first = BookLock::acquire(tmp.path()).expect("first");
        assert!(tmp.path().join(FILE).is_file());
        let err = BookLock::acquire_within(tmp.path(), Duration::from_millis(50))
            .expect_err("held")
            .to_string();
        assert!(err.contains("another rapport"), "{err}");
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(first);
        let again = BookLock::acquire_within(tmp.path(), Duration::from_millis(50));
        assert!(again.is_ok(), "released on drop");
    }

    #[test]
    fn the_lock_is_released_on_an_error_path() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let fail = || -> Result<()> {
            let _lock = BookLock::acquire(tmp.path())?;
            bail!("something went wrong while holding it")
        };
        assert!(fail().is_err());
        assert!(BookLock::acquire_within(tmp.path(), Duration::ZERO).is_ok());
    }
}
