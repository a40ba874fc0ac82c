//! tailor's temp files (`.tailor-XXXXXX.tmp`, beside their targets): a
//! process-wide registry of the live ones, removed when the run is
//! interrupted (SIGINT, SIGTERM, SIGHUP).
//!
//! The registry is a mutex held while a temp file is created and
//! registered, and held for good by the signal thread once it has removed
//! them: no file can be created unregistered, nor after the clean-up.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use tempfile::NamedTempFile;

/// What every temp file's name starts with.
pub const PREFIX: &str = ".tailor-";
/// What it ends with.
pub const SUFFIX: &str = ".tmp";

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

    /// Writes `contents` to it, synced to disk when `sync`.
    pub fn write_all(&mut self, contents: &[u8], sync: bool) -> io::Result<()> {
        use std::io::Write as _;
        // Only `persist`, which consumes the `Temp`, takes the file.
        let Some(file) = self.file.as_mut() else {
            return Err(io::Error::other("the temp file is already in place"));
        };
        file.write_all(contents)?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let is_live = |path: &Path| live().paths.values().any(|p| p == path);
        assert!(is_live(&path));
        t.persist(&dir.path().join("out")).unwrap();
        assert!(!is_live(&path));
        let t = Temp::create(make).unwrap();
        let path = t.file.as_ref().unwrap().path().to_path_buf();
        drop(t);
        assert!(!is_live(&path) && !path.exists());
    }
}
