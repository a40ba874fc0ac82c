//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// The tailor binary, run from the repository root.
pub fn tailor() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tailor");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs tailor and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = tailor().args(args).output().expect("tailor runs");
    (
        out.status.code().expect("exit code, not a signal"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// The bullet lines of a Markdown résumé, as plain text.
pub fn bullets(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .skip_while(|l| !l.starts_with("## Experience"))
        .take_while(|l| !l.starts_with("## Skills") && !l.starts_with("## Education"))
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// Words of achievement text in a Markdown résumé, counted as the budget counts.
pub fn achievement_words(markdown: &str) -> usize {
    bullets(markdown)
        .iter()
        .map(|b| tailor::text::word_count(b))
        .sum()
}

/// Files in a directory, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Runs `tailor compose` with `args` plus `--report` to a temp file, checks
/// it succeeded, and returns the JSON report.
pub fn compose_report(args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    let mut all = vec!["compose", "--report", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let (code, _, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A folder of the shared data beside the checkout (`../shared/SUB`, or
/// `$TAILOR_SHARED/SUB`), read in place, never copied. `None`, with a note
/// naming what was skipped, when it is not there, so that a lone clone's
/// tests pass; under CI (`CI` set, as .ci/run sets it) its absence fails.
pub fn shared_dir(sub: &str, what: &str) -> Option<std::path::PathBuf> {
    let shared = std::env::var("TAILOR_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(shared).join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    let note = format!(
        "{what}: {} not found (put shared/ beside the checkout or set TAILOR_SHARED)",
        dir.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{note}");
    eprintln!("skipped: {note}");
    None
}

/// The JSON Resume interop data (schemas and samples), read in place from
/// the shared folder beside the checkout (`../shared`, or `$TAILOR_SHARED`).
/// `None`, with a note, when it is not there, so that a lone clone's tests
/// pass; under CI (`CI` set, as .ci/run sets it) its absence fails instead.
pub fn jsonresume_dir() -> Option<String> {
    let shared = std::env::var("TAILOR_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let dir = format!("{shared}/interop/jsonresume");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if root.join(&dir).join("schema.json").is_file() {
        return Some(dir);
    }
    let note = format!(
        "JSON Resume interop data not found at {dir} (put shared/ beside the checkout or set TAILOR_SHARED)"
    );
    assert!(std::env::var_os("CI").is_none(), "{note}");
    eprintln!("skipped: {note}");
    None
}
