//! The bad-input corpus: every case exits 2 with a one-line message of the
//! right kind, naming the file (and line where there is one), and creates or
//! changes no file. (Cases also covered elsewhere are repeated here so that
//! the corpus is complete in one place.)

use std::path::{Path, PathBuf};

use crate::harness::{Tailor, files_in};

const JOB: &str = "tests/fixtures/postings/payments.txt";
const FULL: &str = "tests/fixtures/content/full";

/// Runs compose into an empty output directory (plus `extra` arguments) and
/// checks the failure contract; returns stderr.
fn fails(content: &str, job: &str, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.md");
    let o = Tailor::new()
        .args([
            "compose",
            "--job",
            job,
            "--content",
            content,
            "--out",
            out.to_str().unwrap(),
        ])
        .args(extra)
        .fails_with(2);
    let err = o.stderr().to_string();
    assert!(o.stdout().is_empty(), "{}", o.stdout());
    assert_eq!(
        files_in(dir.path()),
        Vec::<String>::new(),
        "no file may be created"
    );
    assert!(
        err.starts_with("error: ") && err.trim_end().lines().count() == 1,
        "one line: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn malformed_yaml() {
    let e = fails("tests/fixtures/bad/broken.yaml", JOB, &[]);
    assert!(
        e.starts_with("error: tests/fixtures/bad/broken.yaml:"),
        "{e}"
    );
}

#[test]
fn tab_indented_yaml() {
    let e = fails("tests/fixtures/bad/tabs.yaml", JOB, &[]);
    assert!(
        e.starts_with("error: tests/fixtures/bad/tabs.yaml:2:"),
        "{e}"
    );
    assert!(e.contains("spaces, not tabs"), "{e}");
}

#[test]
fn wrong_types() {
    let e = fails("tests/fixtures/bad/wrong-types.yaml", JOB, &[]);
    assert!(
        e.starts_with("error: tests/fixtures/bad/wrong-types.yaml:6:"),
        "{e}"
    );
    assert!(
        e.contains("invalid type: string \"payments\", expected a sequence"),
        "{e}"
    );
}

#[test]
fn unknown_key_with_suggestion() {
    let e = fails("tests/fixtures/bad/unknown-key.yaml", JOB, &[]);
    assert!(
        e.contains("unknown field `txt`") && e.contains("did you mean `text`?"),
        "{e}"
    );
}

#[test]
fn duplicate_ids_across_two_files() {
    let e = fails("tests/fixtures/bad/dup-ids", JOB, &[]);
    assert!(
        e.contains("b.yaml:6: duplicate achievement id `same` (first used at"),
        "{e}"
    );
}

#[test]
fn empty_library() {
    let e = fails("tests/fixtures/bad/empty-library.yaml", JOB, &[]);
    assert!(e.contains("the library has no achievements"), "{e}");
}

#[test]
fn role_with_no_achievements() {
    let e = fails(
        "tests/fixtures/bad/role-without-achievements.yaml",
        JOB,
        &[],
    );
    assert!(
        e.contains("role-without-achievements.yaml:2: role `Engineer` has no achievements"),
        "{e}"
    );
}

#[test]
fn impossible_date() {
    let e = fails("tests/fixtures/bad/bad-date.yaml", JOB, &[]);
    assert!(
        e.starts_with("error: tests/fixtures/bad/bad-date.yaml:3:"),
        "{e}"
    );
    assert!(e.contains("month 13 is not between 01 and 12"), "{e}");
}

fn temp_posting(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    (dir, p)
}

#[test]
fn fifty_megabyte_posting() {
    let (_d, p) = temp_posting(
        "huge.txt",
        &b"kafka payments ".repeat(50 * 1024 * 1024 / 15),
    );
    let e = fails(FULL, p.to_str().unwrap(), &[]);
    assert!(e.contains("over the 10 MB limit"), "{e}");
}

#[test]
fn latin1_posting_is_decoded_with_a_warning() {
    // Decided and documented: a non-UTF-8 posting is read as Latin-1, with a
    // warning naming it, because a posting from an old page is still a posting.
    let (_d, p) = temp_posting(
        "latin1.txt",
        b"Ing\xe9nieur paiements: Kafka, PostgreSQL, fraude",
    );
    Tailor::new()
        .args(["compose", "--job", p.to_str().unwrap(), "--content", FULL])
        .succeeds()
        .stderr_has(&format!(
            "warning: posting `{}` is not UTF-8; read it as Latin-1",
            p.display()
        ));
}

#[test]
fn binary_posting() {
    let (_d, p) = temp_posting("scan.pdf", b"%PDF-1.7\n\x00\x01\x02\x03binary");
    let e = fails(FULL, p.to_str().unwrap(), &[]);
    assert!(e.contains("looks like a binary file"), "{e}");
}

#[test]
fn empty_posting() {
    let e = fails(FULL, "tests/fixtures/postings/empty.txt", &[]);
    assert!(
        e.contains("posting `tests/fixtures/postings/empty.txt` is empty"),
        "{e}"
    );
}

#[test]
fn posting_that_is_a_directory() {
    let e = fails(FULL, "tests/fixtures/postings", &[]);
    assert!(
        e.contains("posting `tests/fixtures/postings` is a directory"),
        "{e}"
    );
}

#[test]
fn posting_without_words_of_any_language() {
    let (_d, p) = temp_posting(
        "symbols.txt",
        "12 345 — 67% ··· ★★★ → 2024-01-01 :) ##".as_bytes(),
    );
    let e = fails(FULL, p.to_str().unwrap(), &[]);
    assert!(e.contains("has no words to match"), "{e}");
}

#[test]
fn template_with_a_syntax_error() {
    let e = fails(
        FULL,
        JOB,
        &["--template", "tests/fixtures/bad-template.md.hbs"],
    );
    assert!(
        e.starts_with("error: tests/fixtures/bad-template.md.hbs:"),
        "{e}"
    );
    assert!(e.contains("template syntax error"), "{e}");
}

#[test]
fn template_naming_a_missing_field() {
    let e = fails(
        FULL,
        JOB,
        &["--template", "tests/fixtures/bad/missing-field.hbs"],
    );
    assert!(
        e.starts_with("error: tests/fixtures/bad/missing-field.hbs:3:"),
        "{e}"
    );
    assert!(e.contains("`employer`"), "{e}");
}

#[test]
fn output_path_equal_to_an_input_path() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job.md");
    std::fs::write(&job, "payments ledger kafka").unwrap();
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
    assert_eq!(
        std::fs::read_to_string(&job).unwrap(),
        "payments ledger kafka",
        "the input is unchanged"
    );
}

#[test]
fn output_directory_that_is_not_writable() {
    // Root ignores permission bits, so use places no one can write: /proc,
    // and a "directory" that is a file.
    for out in ["/proc/tailor-out.md".to_string(), format!("{}/out.md", JOB)] {
        Tailor::new()
            .args(["compose", "--job", JOB, "--content", FULL, "--out", &out])
            .fails_with(2)
            .stderr_has(&format!("cannot write `{out}`"));
        assert!(!Path::new(&out).exists());
    }
}

#[test]
fn content_path_that_is_a_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let e = fails(a.to_str().unwrap(), JOB, &[]);
    assert!(
        e.contains(&format!("cannot read content path `{}`", a.display())),
        "{e}"
    );
    assert!(e.to_lowercase().contains("symbolic links"), "{e}");
}

#[test]
fn a_file_tailor_did_not_write_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("resume.md");
    std::fs::write(&mine, "# My own résumé, by hand\n").unwrap();
    let compose = |extra: &[&str]| {
        Tailor::new()
            .args([
                "compose",
                "--job",
                JOB,
                "--content",
                FULL,
                "--out",
                mine.to_str().unwrap(),
            ])
            .args(extra)
    };
    compose(&[])
        .fails_with(2)
        .stderr_has("exists and was not written by tailor; pass --force");
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "# My own résumé, by hand\n",
        "unchanged"
    );
    compose(&["--force"]).succeeds();
    // Now tailor wrote it: replacing it needs no --force.
    compose(&["--budget", "30"]).succeeds();
    assert_eq!(
        files_in(dir.path()),
        vec!["resume.md"],
        "no temp file is left behind"
    );
}

#[test]
fn batch_keeps_foreign_files_in_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("payments-engineer.md"), "mine\n").unwrap();
    // That posting fails, the other goes on.
    Tailor::new()
        .args([
            "batch",
            "examples/payments-engineer.md",
            "examples/backend-platform.txt",
            "--out-dir",
            dir.path().to_str().unwrap(),
        ])
        .fails_with(1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("payments-engineer.md")).unwrap(),
        "mine\n"
    );
    assert!(dir.path().join("backend-platform.md").is_file());
    std::fs::write(dir.path().join("report.html"), "<html>my own page</html>").unwrap();
    Tailor::new()
        .args([
            "batch",
            "examples/backend-platform.txt",
            "--out-dir",
            dir.path().to_str().unwrap(),
        ])
        .fails_with(2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.html")).unwrap(),
        "<html>my own page</html>"
    );
}

#[test]
fn a_panic_asks_for_a_report_instead_of_a_backtrace() {
    let o = Tailor::new()
        .args(["score", "--job", JOB])
        .env("TAILOR_TEST_PANIC", "1")
        .env_remove("RUST_BACKTRACE")
        .run();
    let err = o.stderr();
    assert!(
        err.starts_with("internal error at src/cmd/mod.rs:"),
        "{err}"
    );
    assert!(
        err.contains("this is a bug in tailor") && err.contains("please report it"),
        "{err}"
    );
    assert!(!err.contains("stack backtrace"), "{err}");
    assert_ne!(o.code(), 0, "{err}");
}
