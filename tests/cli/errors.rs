//! Bad input: each case exits 2 with a one-line message naming the file (and
//! line where there is one), and leaves no output file behind.

use crate::harness::{Tailor, files_in};

const PAYMENTS: &str = "tests/fixtures/postings/payments.txt";
const FULL: &str = "tests/fixtures/content/full";

/// Runs compose with `--out` into an empty temp dir; returns the stderr after
/// checking the exit status and that nothing was written.
fn compose_fails(content: &str, job: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.md");
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            job,
            "--content",
            content,
            "--out",
            out.to_str().unwrap(),
        ])
        .fails_with(2);
    assert!(run.stdout().is_empty(), "{}", run.stdout());
    assert_eq!(
        files_in(dir.path()),
        Vec::<String>::new(),
        "no file may be created"
    );
    let stderr = run.stderr();
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr.to_string()
}

#[test]
fn broken_yaml_names_file_and_line() {
    let err = compose_fails("tests/fixtures/bad/broken.yaml", PAYMENTS);
    assert!(
        err.starts_with("error: tests/fixtures/bad/broken.yaml:"),
        "{err}"
    );
    let loc = err.split(':').nth(2).unwrap();
    assert!(loc.parse::<u32>().is_ok(), "line number expected: {err}");
}

#[test]
fn unknown_key_names_file_line_and_suggestion() {
    let err = compose_fails("tests/fixtures/bad/unknown-key.yaml", PAYMENTS);
    assert!(
        err.starts_with("error: tests/fixtures/bad/unknown-key.yaml:5:9: "),
        "{err}"
    );
    assert!(err.contains("unknown field `txt`"), "{err}");
    assert!(err.contains("did you mean `text`?"), "{err}");
}

#[test]
fn duplicate_id_names_both_places() {
    let err = compose_fails("tests/fixtures/bad/dup-ids", PAYMENTS);
    assert!(
        err.contains("tests/fixtures/bad/dup-ids/b.yaml:6: duplicate achievement id `same`"),
        "{err}"
    );
    assert!(
        err.contains("first used at tests/fixtures/bad/dup-ids/a.yaml:4"),
        "{err}"
    );
}

#[test]
fn missing_content_path_is_named() {
    let err = compose_fails("tests/fixtures/no-such-dir", PAYMENTS);
    assert!(
        err.contains("content path `tests/fixtures/no-such-dir` does not exist"),
        "{err}"
    );
}

#[test]
fn empty_posting_is_named() {
    for job in [
        "tests/fixtures/postings/empty.txt",
        "tests/fixtures/postings/blank.txt",
    ] {
        let err = compose_fails(FULL, job);
        assert!(err.contains(&format!("posting `{job}` is empty")), "{err}");
    }
}

#[test]
fn posting_without_words_is_named() {
    let err = compose_fails(FULL, "tests/fixtures/postings/no-words.txt");
    assert!(err.contains("has no words to match"), "{err}");
}

#[test]
fn missing_posting_and_directory_posting_are_named() {
    let err = compose_fails(FULL, "tests/fixtures/postings/nope.txt");
    assert!(
        err.contains("posting `tests/fixtures/postings/nope.txt` does not exist"),
        "{err}"
    );
    let err = compose_fails(FULL, "tests/fixtures/postings");
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn binary_posting_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("posting.pdf");
    std::fs::write(&bin, b"%PDF-1.7\n\0\0\x01\x02binary").unwrap();
    let err = compose_fails(FULL, bin.to_str().unwrap());
    assert!(err.contains("looks like a binary file"), "{err}");
}

#[test]
fn output_over_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job.md");
    std::fs::write(&job, "payments ledger").unwrap();
    Tailor::new()
        .args([
            "compose",
            "--job",
            job.to_str().unwrap(),
            "--content",
            FULL,
            "--out",
            job.to_str().unwrap(),
        ])
        .fails_with(2)
        .stderr_has("would overwrite the input");
    assert_eq!(std::fs::read_to_string(&job).unwrap(), "payments ledger");
}

#[test]
fn usage_errors_exit_2() {
    Tailor::new()
        .arg("compose")
        .fails_with(2)
        .stderr_has("--job");
    Tailor::new()
        .args(["compose", "--job", PAYMENTS, "--budget", "0"])
        .fails_with(2);
}
