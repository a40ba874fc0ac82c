//! Snapshots of rendered résumés (insta): the shipped content on every
//! example posting, and a complete fixture in Markdown, HTML, text and
//! DOCX. Review changes with `cargo insta review`.

use crate::harness::Tailor;

fn compose(args: &[&str]) -> String {
    Tailor::new()
        .arg("compose")
        .args(args)
        .succeeds()
        .into_stdout()
}

#[test]
fn shipped_content_on_each_example() {
    for (name, job) in [
        ("backend_platform", "examples/backend-platform.txt"),
        ("payments_engineer", "examples/payments-engineer.md"),
        ("engineering_manager", "examples/engineering-manager.txt"),
        ("frontend_designer", "examples/frontend-designer.md"),
    ] {
        insta::assert_snapshot!(format!("example_{name}_md"), compose(&["--job", job]));
    }
}

#[test]
fn shipped_content_as_html() {
    insta::assert_snapshot!(
        "example_payments_engineer_html",
        compose(&["--job", "examples/payments-engineer.md", "--format", "html"])
    );
}

#[test]
fn full_fixture_in_both_formats() {
    let base = [
        "--job",
        "tests/fixtures/postings/payments.txt",
        "--content",
        "tests/fixtures/content/full",
        "--budget",
        "60",
    ];
    let mut md = base.to_vec();
    md.extend(["--format", "md"]);
    insta::assert_snapshot!("full_md", compose(&md));
    let mut html = base.to_vec();
    html.extend(["--format", "html"]);
    insta::assert_snapshot!("full_html", compose(&html));
    let mut txt = base.to_vec();
    txt.extend(["--format", "txt"]);
    insta::assert_snapshot!("full_txt", compose(&txt));
}

/// The DOCX's document part, a paragraph a line: its structure (styles,
/// numbering, runs, hyperlinks) as Word reads it.
#[test]
fn full_fixture_as_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("full.docx");
    Tailor::new()
        .args([
            "compose",
            "--job",
            "tests/fixtures/postings/payments.txt",
            "--content",
            "tests/fixtures/content/full",
            "--budget",
            "60",
            "--out",
        ])
        .arg(&out)
        .succeeds();
    let part = |name: &str| {
        crate::harness::docx_part(&out, name)
            .replace("<w:p ", "\n<w:p ")
            .replace("<Relationship ", "\n<Relationship ")
    };
    insta::assert_snapshot!("full_docx_document", part("word/document.xml"));
    insta::assert_snapshot!(
        "full_docx_relationships",
        part("word/_rels/document.xml.rels")
    );
    insta::assert_snapshot!("full_docx_core", part("docProps/core.xml"));
}
