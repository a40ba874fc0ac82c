//! tailor's temp files (`.tailor-XXXXXX.tmp`, beside their targets): a
//! process-wide registry of the live ones, removed when the run is
//! interrupted (SIGINT, SIGTERM, SIGHUP), and a sweep of the stale ones a
//! run killed outright (SIGKILL, a power cut) left behind, done by a later
//! run in each directory it writes.
//!
//! The registry is a mutex held while a temp file is created and
//! registered, and held for good by the signal thread once it has removed
//! them: no file can be created unregistered, nor after the clean-up.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// What every temp file's name starts with.
pub const PREFIX: &str = ".tailor-";
/// What it ends with.
pub const SUFFIX: &str = ".tmp";

/// How much older than this run a temp file must be for the sweep to take
/// it as stale. A live temp file lasts milliseconds (write, sync, rename),
/// but another tailor that started just before this one (`make -j`) may be
/// writing one right now; a minute's margin keeps the sweep from removing
/// it under that run's feet.
const STALE_MARGIN: Duration = Duration::from_secs(60);

/// The live temp files, by registration number.
struct Live {
    next: u64,
    paths: BTreeMap<u64, PathBuf>,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    next: 0,
    paths: BTreeMap::new(),
});

/// The registry, even if a thread panicked holding it: a path list cannot
/// be left half-updated by a panic, so it is still right.
fn live() -> MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temp file of tailor's, registered for removal on interruption until it
/// is persisted or dropped.
pub struct Temp {
    /// `None` only once persisted.
    file: Option<NamedTempFile>,
    id: u64,
}

impl Temp {
    /// Creates a temp file through `create` (a `tempfile` builder call) and
    /// registers it, with the registry held throughout, so that an
    /// interruption cannot fall between the two. Installs the signal
    /// handler on first use.
    pub fn create(create: impl FnOnce() -> io::Result<NamedTempFile>) -> io::Result<Temp> {
        install_signal_handler();
        let mut live = live();
        let file = create()?;
        let id = live.next;
        live.next += 1;
        live.paths.insert(id, file.path().to_path_buf());
        Ok(Temp {
            file: Some(file),
            id,
        })
    }

    /// Writes through `fill`, buffered, synced to disk when `sync`.
    pub fn write_with(
        &mut self,
        fill: impl FnOnce(&mut dyn io::Write) -> anyhow::Result<()>,
        sync: bool,
    ) -> anyhow::Result<()> {
        use std::io::Write as _;
        // Only `persist`, which consumes the `Temp`, takes the file.
        let Some(file) = self.file.as_mut() else {
            anyhow::bail!("the temp file is already in place");
        };
        let mut out = io::BufWriter::new(file.as_file_mut());
        fill(&mut out)?;
        out.flush()?;
        drop(out);
        if sync {
            file.as_file().sync_all()?;
        }
        Ok(())
    }

    /// Renames it to `path`, replacing what is there. On failure the temp
    /// file is removed.
    pub fn persist(mut self, path: &Path) -> io::Result<()> {
        match self.file.take() {
            // The error carries the temp file; dropping it removes it.
            Some(file) => file.persist(path).map(drop).map_err(|e| e.error),
            None => Ok(()),
        }
        // `self` drops here, taking the path off the registry.
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        // The file first (dropping a NamedTempFile removes it), then its
        // registration, so that it is never on disk unregistered.
        drop(self.file.take());
        live().paths.remove(&self.id);
    }
}

/// True when `path` is one of this run's live temp files.
fn is_live(path: &Path) -> bool {
    live().paths.values().any(|p| p == path)
}

/// Installs, once per process, a thread that waits for SIGINT, SIGTERM or
/// SIGHUP, removes every live temp file and exits with 128 + the signal
/// (130, 143, 129), as a shell reports a process the signal killed.
/// Installed lazily, by the first temp file: a run that writes nothing
/// keeps the default handling.
fn install_signal_handler() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            // If the handler cannot be set up, writes stay atomic; only
            // an interrupted run may leave a temp file, as before.
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            let _ = std::thread::Builder::new()
                .name("tailor-signals".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        remove_all_and_exit(signal);
                    }
                });
        }
    });
}

/// Removes every live temp file and exits with `128 + signal`, never
/// letting go of the registry: a thread about to create a temp file waits
/// on it until the process is gone.
#[cfg(unix)]
fn remove_all_and_exit(signal: i32) -> ! {
    let live = live();
    for path in live.paths.values() {
        // Already renamed into place, or never fully made: nothing to do.
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(128 + signal);
}

/// When this run began, as the stale sweep counts: the first call (the
/// command dispatcher calls [`mark_start`] before anything else).
fn started() -> SystemTime {
    static STARTED: OnceLock<SystemTime> = OnceLock::new();
    *STARTED.get_or_init(SystemTime::now)
}

/// Records now as the moment this run began, for the stale sweep.
pub fn mark_start() {
    started();
}

/// True for a name tailor gives its temp files: `.tailor-`, 1 to 16 ASCII
/// letters or digits (tempfile's random part), `.tmp`.
pub fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|mid| {
            (1..=16).contains(&mid.len()) && mid.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes from `dir`, once per directory per run, the temp files a killed
/// run left there: regular files (never a link, never followed) named as
/// tailor names them, last written well before this run began (see
/// [`STALE_MARGIN`]) and not live in this one. Errors are ignored: the
/// sweep is a courtesy, the write does not depend on it.
pub fn sweep_stale(dir: &Path) {
    static SWEPT: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    {
        let mut swept = SWEPT.lock().unwrap_or_else(PoisonError::into_inner);
        if !swept
            .get_or_insert_with(HashSet::new)
            .insert(dir.to_path_buf())
        {
            return;
        }
    }
    let Some(before) = started().checked_sub(STALE_MARGIN) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_temp_name) {
            continue;
        }
        // The entry's own metadata: a symbolic link is seen as a link.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta.modified().is_ok_and(|m| m < before);
        let path = entry.path();
        if meta.file_type().is_file() && old && !is_live(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tailors_own_temp_names_match() {
        assert!(is_temp_name(".tailor-abcd.tmp"));
        assert!(is_temp_name(".tailor-Xy12Z9.tmp"));
        for name in [
            "notes.tmp",
            ".tailor-.tmp",
            ".tailor-abc.tmp.bak",
            "tailor-abcd.tmp",
            ".tailor-ab/cd.tmp",
            ".tailor-ab cd.tmp",
            ".tailor-abcdefghijklmnopq.tmp",
        ] {
            assert!(!is_temp_name(name), "{name}");
        }
    }

    #[test]
    fn a_registered_file_leaves_the_registry_when_persisted_or_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let make = || {
            tempfile::Builder::new()
                .prefix(PREFIX)
                .suffix(SUFFIX)
                .tempfile_in(dir.path())
        };
        let t = Temp::create(make).unwrap();
        let path = t.file.as_ref().unwrap().path().to_path_buf();
        assert!(is_live(&path));
        t.persist(&dir.path().join("out")).unwrap();
        assert!(!is_live(&path));
        let t = Temp::create(make).unwrap();
        let path = t.file.as_ref().unwrap().path().to_path_buf();
        drop(t);
        assert!(!is_live(&path) && !path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_sweep_takes_old_temp_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let old = |name: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, "x").unwrap();
            let f = std::fs::File::options().write(true).open(&p).unwrap();
            f.set_modified(SystemTime::now() - Duration::from_secs(3600))
                .unwrap();
            p
        };
        let stale = old(".tailor-abcd.tmp");
        let notes = old("notes.tmp");
        let fresh = dir.path().join(".tailor-new1.tmp");
        std::fs::write(&fresh, "x").unwrap();
        // A link named like a temp file, pointing at an old file: neither goes.
        let target = old("target");
        let link = dir.path().join(".tailor-link.tmp");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let sub = dir.path().join(".tailor-dir.tmp");
        std::fs::create_dir(&sub).unwrap();
        sweep_stale(dir.path());
        assert!(!stale.exists());
        for kept in [&notes, &fresh, &target, &link, &sub] {
            assert!(std::fs::symlink_metadata(kept).is_ok(), "{kept:?}");
        }
        // Once per directory per run.
        let again = old(".tailor-efgh.tmp");
        sweep_stale(dir.path());
        assert!(again.exists());
    }
}
