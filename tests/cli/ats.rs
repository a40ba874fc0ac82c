//! `tailor check --ats` (issue 16): what an applicant tracking system reads
//! of a PDF. Every PDF tailor writes passes; a two-column PDF and one whose
//! text is an image fail, naming what is lost.

use crate::harness::Tailor;

/// A PDF tailor writes for the payments example, in `dir`.
fn compose_pdf(dir: &std::path::Path) -> std::path::PathBuf {
    let pdf = dir.join("r.pdf");
    Tailor::new()
        .args(["compose", "--job", "examples/payments-engineer.md", "--out"])
        .arg(&pdf)
        .succeeds();
    pdf
}

#[test]
fn a_pdf_tailor_wrote_reads_back_whole_and_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = compose_pdf(dir.path());
    let run = Tailor::new().args(["check", "--ats"]).arg(&pdf).succeeds();
    let out = run.stdout();
    assert!(out.contains("achievements read back, in order"), "{out}");
    assert!(out.contains("every character maps to text"), "{out}");
    assert!(
        out.contains("section headings") || out.contains("no Education heading"),
        "{out}"
    );
    assert!(out.contains(": nothing lost"), "{out}");
    assert!(!out.contains("LOST"), "{out}");
}

#[test]
fn two_columns_are_lost_order() {
    Tailor::new()
        .args(["check", "--ats", "tests/fixtures/ats/two-columns.pdf"])
        .fails_with(1)
        .stdout_has("LOST  page 1 is set in columns")
        .stdout_has("email: alex@example.com")
        .stdout_has("an ATS would lose 1 thing");
}

#[test]
fn text_that_is_an_image_is_lost() {
    Tailor::new()
        .args(["check", "--ats", "tests/fixtures/ats/image-text.pdf"])
        .fails_with(1)
        .stdout_has("LOST  only 0 characters of text")
        .stdout_has("LOST  no email address in the text")
        .stdout_has("LOST  no Experience");
}

#[test]
fn a_file_that_is_not_a_pdf_is_an_error_naming_it() {
    Tailor::new()
        .args(["check", "--ats", "examples/payments-engineer.md"])
        .fails_with(2)
        .stderr_has("examples/payments-engineer.md")
        .stderr_has("cannot read it as a PDF");
}

/// A PDF tailor wrote from another library is still checked, without the
/// achievement-by-achievement part, and says so. (The shipped content has
/// no email: checked as any PDF, that is lost.)
#[test]
fn another_library_is_noted_not_failed() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = compose_pdf(dir.path());
    Tailor::new()
        .args(["check", "--content", "tests/fixtures/content/full", "--ats"])
        .arg(&pdf)
        .fails_with(1)
        .stdout_has("note: tailor wrote it from another library")
        .stdout_has("LOST  no email address");
}
