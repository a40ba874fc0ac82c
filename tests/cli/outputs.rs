//! Outputs that cannot destroy (issue 15): an interrupted run leaves no temp
//! file, a later run sweeps the ones a killed run left, and a file is
//! tailor's to replace only while its manifest's body hash matches it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::generate;
use crate::harness::Tailor;

const JOB: &str = "examples/payments-engineer.md";

/// tailor's temp files in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    crate::harness::files_in(dir)
        .into_iter()
        .filter(|f| f.starts_with(".tailor-") && f.ends_with(".tmp"))
        .collect()
}

/// A batch of generated postings long enough to be interrupted: it is
/// signalled as soon as its first résumé is written (so the handler is in
/// place and the run is under way), and must then exit with 128 + the
/// signal, leaving no temp file; a run that finished first must leave none
/// either. Each signal must be seen interrupting at least once.
#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_temp_file() {
    let work = tempfile::tempdir().unwrap();
    let postings = work.path().join("postings");
    std::fs::create_dir_all(&postings).unwrap();
    for i in 0..400u64 {
        std::fs::write(
            postings.join(format!("{i:03}.txt")),
            generate::posting(300, i + 1),
        )
        .unwrap();
    }
    let library = work.path().join("library.yaml");
    std::fs::write(&library, generate::library_yaml(40, 7)).unwrap();

    let mut interrupted = Vec::new();
    for (attempt, (signal, code)) in [("TERM", 143), ("INT", 130)]
        .repeat(3)
        .into_iter()
        .enumerate()
    {
        if interrupted.contains(&signal) {
            continue;
        }
        let out = work.path().join(format!("out{attempt}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_tailor"))
            .arg("batch")
            .arg(&postings)
            .arg("--content")
            .arg(&library)
            .arg("--out-dir")
            .arg(&out)
            .args(["--format", "md,html,jsonresume", "--quiet"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while out.read_dir().map_or(true, |mut d| {
            !d.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".md")))
        }) && Instant::now() < deadline
            && child.try_wait().unwrap().is_none()
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        // A little later each time, to land at other points of the run.
        std::thread::sleep(Duration::from_millis(5 * attempt as u64));
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        match status.code() {
            Some(c) if c == code => interrupted.push(signal),
            Some(0) => {}
            _ => panic!("SIG{signal} (kill: {sent}): {status}, expected exit {code} or 0"),
        }
        assert_eq!(temp_files(&out), Vec::<String>::new(), "after SIG{signal}");
    }
    assert!(
        interrupted.contains(&"TERM") && interrupted.contains(&"INT"),
        "every run finished before its signal: {interrupted:?}"
    );
}

/// A file in `dir` last written an hour ago.
fn old_file(dir: &Path, name: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, "left behind").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&p)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    p
}

#[test]
fn a_later_run_sweeps_the_temp_files_a_killed_one_left() {
    let dir = tempfile::tempdir().unwrap();
    let stale = old_file(dir.path(), ".tailor-abcd.tmp");
    let notes = old_file(dir.path(), "notes.tmp");
    let lookalike = old_file(dir.path(), ".tailor-abcd.tmp.bak");
    Tailor::new()
        .args(["compose", "--job", JOB, "--out"])
        .arg(dir.path().join("r.md"))
        .succeeds();
    assert!(!stale.exists(), "the stale temp file is still there");
    for kept in [&notes, &lookalike] {
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "left behind");
    }
    assert_eq!(
        crate::harness::files_in(dir.path()),
        vec![".tailor-abcd.tmp.bak", "notes.tmp", "r.md"]
    );
}
