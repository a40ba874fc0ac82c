//! `tailor diff`: files written by tailor (either format), variants composed
//! in memory, JSON, foreign files and corrupted manifests; exit status like
//! diff(1).

use std::path::{Path, PathBuf};

use crate::harness::{Outcome, Tailor};

const JOB: &str = "examples/payments-engineer.md";

fn compose(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    Tailor::new()
        .args(["compose", "--job", JOB, "--out", out.to_str().unwrap()])
        .args(extra)
        .succeeds();
    out
}

fn diff(args: &[&str]) -> Outcome {
    Tailor::new().arg("diff").args(args).run()
}

#[test]
fn an_output_against_itself_has_no_differences() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.md", "a.html"] {
        let a = compose(dir.path(), name, &[]);
        diff(&[a.to_str().unwrap(), a.to_str().unwrap()])
            .succeeds()
            .stdout_has("No differences");
    }
}

#[test]
fn same_selection_across_formats_is_no_difference() {
    let dir = tempfile::tempdir().unwrap();
    let md = compose(dir.path(), "a.md", &[]);
    let html = compose(dir.path(), "a.html", &[]);
    diff(&[md.to_str().unwrap(), html.to_str().unwrap()]).succeeds();
}

#[test]
fn added_removed_moved_and_phrasing_switched() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &["--budget", "250"]);
    let b = compose(
        dir.path(),
        "b.html",
        &["--budget", "1p", "--exclude", "gross-margin-lift"],
    );
    diff(&[a.to_str().unwrap(), b.to_str().unwrap()])
        .fails_with(1)
        .stdout_has("- removed   gross-margin-lift (Staff Backend Engineer)")
        .stdout_has("* phrasing")
        .stdout_has("budget: 250 words → 1 page")
        .stdout_has("roles ")
        .stdout_has("selected ")
        .stdout_has("words ")
        .stdout_has("match rate");

    let c = compose(dir.path(), "c.md", &["--budget", "1p"]);
    let d = compose(
        dir.path(),
        "d.md",
        &["--budget", "1p", "--pin", "retrospective-redesign"],
    );
    diff(&[c.to_str().unwrap(), d.to_str().unwrap()])
        .fails_with(1)
        .stdout_has("+ added     retrospective-redesign");

    let e = compose(dir.path(), "e.md", &["--order", "library"]);
    // No colour when not a terminal.
    diff(&[c.to_str().unwrap(), e.to_str().unwrap()])
        .fails_with(1)
        .stdout_has("~ moved")
        .stdout_lacks("\u{1b}");
}

#[test]
fn json_output_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &["--budget", "250"]);
    let b = compose(dir.path(), "b.md", &["--budget", "120"]);
    let v = diff(&[
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
        "--text",
    ])
    .fails_with(1)
    .stdout_json();
    assert_eq!(v["same_selection"], false);
    assert!(!v["removed"].as_array().unwrap().is_empty());
    assert!(v["match_rate"]["a"].is_number() && v["words"]["b"].is_number());
    assert!(v["text_diff"].as_str().unwrap().contains("@@"));
}

#[test]
fn variants_composed_in_memory() {
    diff(&["--job", JOB, "--job", "examples/backend-platform.txt"])
        .fails_with(1)
        .stdout_has("posting: payments-engineer.md → backend-platform.txt")
        .stdout_has("key terms");
    diff(&[
        "--job",
        JOB,
        "--profile",
        "default",
        "--profile",
        "engineering-lead",
    ])
    .fails_with(1)
    .stdout_has("profile: default → engineering-lead");
    diff(&["--job", JOB, "--budget", "1p", "--budget", "120"])
        .fails_with(1)
        .stdout_has("budget: 1 page → 120 words")
        .stdout_has("- removed");
    diff(&["--job", JOB])
        .fails_with(2)
        .stderr_has("nothing to compare");
}

#[test]
fn foreign_files_get_a_note_and_a_text_diff() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &[]);
    let foreign = dir.path().join("mine.md");
    std::fs::write(&foreign, "# My résumé\n\n- Did things\n").unwrap();
    let run = diff(&[a.to_str().unwrap(), foreign.to_str().unwrap()])
        .fails_with(1)
        .stdout_has("+- Did things");
    let out = run.stdout();
    assert!(
        out.starts_with(&format!(
            "note: {} has no tailor manifest",
            foreign.display()
        )),
        "{out}"
    );
    diff(&[foreign.to_str().unwrap(), foreign.to_str().unwrap()])
        .succeeds()
        .stdout_has("The texts are the same.");
}

#[test]
fn a_corrupted_manifest_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &[]);
    let text = std::fs::read_to_string(&a).unwrap();
    let broken = dir.path().join("broken.md");
    std::fs::write(&broken, text.replace("\"selected\"", "\"selected\" oops")).unwrap();
    let run = diff(&[a.to_str().unwrap(), broken.to_str().unwrap()])
        .fails_with(2)
        .stderr_has(&format!(
            "`{}`: its tailor manifest is corrupted",
            broken.display()
        ));
    assert!(run.stdout().is_empty(), "{}", run.stdout());
    let err = run.stderr();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
