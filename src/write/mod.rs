//! Writing files: atomically (a temp file in the same directory, then a
//! rename), so a résumé is never half-written, and never over an input.
//! New files get the mode the umask allows (`0666 & !umask`, as `cp`
//! gives); a replaced file keeps its own. Temp files are removed when a
//! run is interrupted, and stale ones a killed run left are swept by the
//! next ([`temps`]). A file is tailor's to replace only while its
//! manifest's body hash matches it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

pub mod temps;

/// Writes `contents` to `path` atomically: readers see the old file or the
/// new one, never a mix, even if tailor is killed mid-write. The data is
/// synced to disk before the rename.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    write(path, true, |w| Ok(w.write_all(contents)?))
}

/// [`write_atomic`] without syncing each file to disk: still never a
/// half-written file for a reader, but after a power loss the newest files
/// may be missing. For batch runs, where thousands of syncs would dominate.
pub fn write_atomic_unsynced(path: &Path, contents: &[u8]) -> Result<()> {
    write(path, false, |w| Ok(w.write_all(contents)?))
}

/// [`write_atomic`] of what `fill` writes, streamed to the temp file: for
/// large outputs (a batch report over thousands of postings), which would
/// otherwise be built whole in memory first.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    write(path, true, fill)
}

/// What `fill` writes, into a temp file beside `path` that then replaces
/// it; synced to disk first when `sync`.
fn write(
    path: &Path,
    sync: bool,
    fill: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    let mut tmp = create(path)?;
    tmp.write_with(fill, sync)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(())
}

/// A temp file beside `path`, with the mode `path` will have.
fn create(path: &Path) -> Result<temps::Temp> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    temps::sweep_stale(dir);
    let mut builder = tempfile::Builder::new();
    builder.prefix(temps::PREFIX).suffix(temps::SUFFIX);
    #[cfg(unix)]
    builder.permissions(mode_for(path));
    temps::Temp::create(|| builder.tempfile_in(dir)).with_context(|| {
        format!(
            "cannot write `{}`: cannot create a file in `{}`",
            path.display(),
            dir.display()
        )
    })
}

/// The permissions a written file gets: the replaced file's, else what
/// the process umask leaves of `0666` (the kernel applies the umask to the
/// mode a file is created with).
#[cfg(unix)]
fn mode_for(path: &Path) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.permissions(),
        _ => std::fs::Permissions::from_mode(0o666),
    }
}

/// What an existing file must look like for tailor to replace it without
/// `--force`: something tailor wrote, as tailor wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A résumé, in any format: it carries a tailor manifest whose body
    /// hash matches it (see [`crate::manifest`]).
    Resume,
    /// A match report (`--report`), JSON or Markdown.
    Report,
    /// A batch summary or report page.
    BatchSummary,
}

/// Whose an existing file is.
enum Verdict {
    /// tailor's, unchanged since written: replace it.
    Ours,
    /// Someone else's.
    Foreign,
    /// tailor's, but edited since.
    Edited,
    /// From a tailor that recorded no body hash, so an edit cannot be
    /// ruled out.
    Unhashed,
    /// It carries a tailor manifest that cannot be read.
    Damaged(String),
}

fn verdict(kind: Kind, bytes: &[u8]) -> Verdict {
    let judged = |ours: bool| {
        if ours {
            Verdict::Ours
        } else {
            Verdict::Foreign
        }
    };
    if kind == Kind::Resume {
        return match crate::manifest::read(bytes) {
            Ok(Some(found)) if found.intact => Verdict::Ours,
            Ok(Some(found)) if found.manifest.body_hash.is_none() => Verdict::Unhashed,
            Ok(Some(_)) => Verdict::Edited,
            Ok(None) => Verdict::Foreign,
            Err(e) => Verdict::Damaged(e.0),
        };
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Verdict::Foreign;
    };
    judged(match kind {
        Kind::Resume => false,
        // A JSON report has exactly the report's keys (and maybe its
        // optional ones): a file that merely has `coverage` and `selected`
        // among others is not one.
        Kind::Report => {
            text.starts_with("# Match report: ")
                || serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| {
                    v.as_object().is_some_and(|o| {
                        crate::report::KEYS.iter().all(|k| o.contains_key(*k))
                            && o.keys().all(|k| {
                                crate::report::KEYS.contains(&k.as_str())
                                    || crate::report::OPTIONAL_KEYS.contains(&k.as_str())
                            })
                    })
                })
        }
        Kind::BatchSummary => {
            text.starts_with("posting,status,match_rate")
                || text.contains("<title>tailor batch report</title>")
                || serde_json::from_str::<serde_json::Value>(text)
                    .is_ok_and(|v| v.get("postings").is_some() && v.get("rows").is_some())
        }
    })
}

/// Refuses to replace an existing file that tailor did not write (a
/// hand-made résumé, say), or wrote but someone edited since, unless
/// `force`; and anything that is not a regular file even then.
pub fn ensure_replaceable(path: &Path, kind: Kind, force: bool) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    if meta.is_dir() {
        bail!("`{}` is a directory; choose a file name", path.display());
    }
    // A device, pipe or socket: replacing it by rename would destroy it
    // (as root, /dev/null), and reading it to judge it can block forever.
    if !meta.is_file() {
        bail!(
            "`{}` is not a regular file; tailor writes only files (`--out -` writes to stdout)",
            path.display()
        );
    }
    if force {
        return Ok(());
    }
    let bytes = std::fs::read(path).unwrap_or_default();
    match verdict(kind, &bytes) {
        Verdict::Ours => Ok(()),
        Verdict::Foreign => bail!(
            "`{}` exists and was not written by tailor; pass --force to replace it",
            path.display()
        ),
        Verdict::Edited => bail!(
            "`{}` was edited since tailor wrote it (its text no longer matches its manifest); pass --force to replace it",
            path.display()
        ),
        Verdict::Unhashed => bail!(
            "`{}` was written by an older tailor, which recorded no hash to tell whether it was edited since; pass --force to replace it",
            path.display()
        ),
        Verdict::Damaged(why) => bail!(
            "`{}` has a damaged tailor manifest ({why}); pass --force to replace it",
            path.display()
        ),
    }
}

/// Refuses an output path that is one of the inputs (or inside an input
/// directory, such as the content directory).
pub fn ensure_not_input(out: &Path, inputs: &[&Path]) -> Result<()> {
    let Some(out_abs) = resolve(out) else {
        return Ok(());
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        if let Ok(input_abs) = input.canonicalize() {
            if out_abs == input_abs || out_abs.starts_with(&input_abs) && input_abs.is_dir() {
                bail!(
                    "output `{}` would overwrite the input `{}`; write it elsewhere (--out, --out-dir)",
                    out.display(),
                    input.display()
                );
            }
        }
    }
    Ok(())
}

/// Refuses targets that could not all be written, before any is: a target
/// that exists (unless `replace`), or one under a path whose existing part
/// is a file where a directory must be. Commands that write several files
/// (`init`, `templates export`) call it first, so a failure leaves the
/// directory as it was.
pub fn ensure_all_writable(targets: &[PathBuf], replace: bool) -> Result<()> {
    for t in targets {
        if !replace && std::fs::symlink_metadata(t).is_ok() {
            bail!("`{}` already exists; nothing was written", t.display());
        }
        for dir in t.ancestors().skip(1) {
            if dir.as_os_str().is_empty() {
                break;
            }
            if let Ok(m) = std::fs::metadata(dir) {
                if !m.is_dir() {
                    bail!(
                        "cannot write `{}`: `{}` is a file, not a directory; nothing was written",
                        t.display(),
                        dir.display()
                    );
                }
                break;
            }
        }
    }
    Ok(())
}

/// Refuses a target whose directory does not exist, before any other file
/// of the run is written.
pub fn ensure_parent_exists(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => return Ok(()),
    };
    if !dir.is_dir() {
        bail!(
            "cannot write `{}`: the directory `{}` does not exist",
            path.display(),
            dir.display()
        );
    }
    Ok(())
}

/// The absolute path `path` names, following links in the existing part.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(path.file_name()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        // No temp files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn every_file_is_not_mode_0600_but_what_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write_atomic(&p, b"one").unwrap();
        // Whatever the umask, the group and others get what it leaves them:
        // compare with a file created the ordinary way.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&p), mode(&plain));
        // A replaced file keeps its mode.
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(mode(&p), 0o640);
    }

    #[test]
    fn only_tailors_own_files_are_replaced_unasked() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("mine.md");
        std::fs::write(&mine, "# My hand-made résumé\n").unwrap();
        let err = ensure_replaceable(&mine, Kind::Resume, false)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("was not written by tailor; pass --force"),
            "{err}"
        );
        assert!(ensure_replaceable(&mine, Kind::Resume, true).is_ok());
        assert!(ensure_replaceable(&dir.path().join("new.md"), Kind::Resume, false).is_ok());
        let report = dir.path().join("r.md");
        std::fs::write(&report, "# Match report: p.md\n").unwrap();
        assert!(ensure_replaceable(&report, Kind::Report, false).is_ok());
        let pdf = dir.path().join("r.pdf");
        std::fs::write(&pdf, "%PDF-1.7").unwrap();
        assert!(ensure_replaceable(&pdf, Kind::Resume, false).is_err());
    }

    #[test]
    fn output_over_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let job = dir.path().join("job.txt");
        std::fs::write(&job, "x").unwrap();
        let err = ensure_not_input(&job, &[&job]).unwrap_err().to_string();
        assert!(err.contains("would overwrite the input"), "{err}");
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        assert!(ensure_not_input(&content.join("x.md"), &[&content]).is_err());
        assert!(ensure_not_input(&dir.path().join("new.md"), &[&job, &content]).is_ok());
    }
}
