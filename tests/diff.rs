//! `tailor diff`: files written by tailor (either format), variants composed
//! in memory, JSON, foreign files and corrupted manifests; exit status like
//! diff(1).

mod common;

use std::path::{Path, PathBuf};

use common::run;

const JOB: &str = "examples/payments-engineer.md";

fn compose(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut args = vec!["compose", "--job", JOB, "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    out
}

fn diff(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    run(&all)
}

#[test]
fn an_output_against_itself_has_no_differences() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.md", "a.html"] {
        let a = compose(dir.path(), name, &[]);
        let (code, out, err) = diff(&[a.to_str().unwrap(), a.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("No differences"), "{out}");
    }
}

#[test]
fn same_selection_across_formats_is_no_difference() {
    let dir = tempfile::tempdir().unwrap();
    let md = compose(dir.path(), "a.md", &[]);
    let html = compose(dir.path(), "a.html", &[]);
    let (code, out, _) = diff(&[md.to_str().unwrap(), html.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
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
    let (code, out, err) = diff(&[a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("- removed   gross-margin-lift (Staff Backend Engineer)"),
        "{out}"
    );
    assert!(out.contains("* phrasing"), "{out}");
    assert!(out.contains("budget: 250 words → 1 page"), "{out}");
    assert!(
        out.contains("roles ")
            && out.contains("selected ")
            && out.contains("words ")
            && out.contains("match rate"),
        "{out}"
    );

    let c = compose(dir.path(), "c.md", &["--budget", "1p"]);
    let d = compose(
        dir.path(),
        "d.md",
        &["--budget", "1p", "--pin", "retrospective-redesign"],
    );
    let (code, out, _) = diff(&[c.to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("+ added     retrospective-redesign"), "{out}");

    let e = compose(dir.path(), "e.md", &["--order", "library"]);
    let (code, out, _) = diff(&[c.to_str().unwrap(), e.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("~ moved"), "{out}");
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn json_output_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &["--budget", "250"]);
    let b = compose(dir.path(), "b.md", &["--budget", "120"]);
    let (code, out, _) = diff(&[
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
        "--text",
    ]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["same_selection"], false);
    assert!(!v["removed"].as_array().unwrap().is_empty());
    assert!(v["match_rate"]["a"].is_number() && v["words"]["b"].is_number());
    assert!(v["text_diff"].as_str().unwrap().contains("@@"));
}

#[test]
fn variants_composed_in_memory() {
    let (code, out, err) = diff(&["--job", JOB, "--job", "examples/backend-platform.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("posting: payments-engineer.md → backend-platform.txt"),
        "{out}"
    );
    assert!(out.contains("key terms"), "{out}");
    let (code, out, err) = diff(&[
        "--job",
        JOB,
        "--profile",
        "default",
        "--profile",
        "engineering-lead",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("profile: default → engineering-lead"), "{out}");
    let (code, out, err) = diff(&["--job", JOB, "--budget", "1p", "--budget", "120"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("budget: 1 page → 120 words") && out.contains("- removed"),
        "{out}"
    );
    let (code, _, err) = diff(&["--job", JOB]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing to compare"), "{err}");
}

#[test]
fn foreign_files_get_a_note_and_a_text_diff() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &[]);
    let foreign = dir.path().join("mine.md");
    std::fs::write(&foreign, "# My résumé\n\n- Did things\n").unwrap();
    let (code, out, _) = diff(&[a.to_str().unwrap(), foreign.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(&format!(
            "note: {} has no tailor manifest",
            foreign.display()
        )),
        "{out}"
    );
    assert!(out.contains("+- Did things"), "{out}");
    let (code, out, _) = diff(&[foreign.to_str().unwrap(), foreign.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("The texts are the same."), "{out}");
}

#[test]
fn a_corrupted_manifest_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = compose(dir.path(), "a.md", &[]);
    let text = std::fs::read_to_string(&a).unwrap();
    let broken = dir.path().join("broken.md");
    std::fs::write(&broken, text.replace("\"selected\"", "\"selected\" oops")).unwrap();
    let (code, out, err) = diff(&[a.to_str().unwrap(), broken.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains(&format!(
            "`{}`: its tailor manifest is corrupted",
            broken.display()
        )),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}
