//! PDFs read by independent tools: tailor's own PDF, and the HTML résumé
//! printed by a real headless Chromium. `pdfinfo` counts the pages and
//! `pdftotext` reads them back as an applicant-tracking system would. For
//! every example posting, on A4 and on Letter, the default profile must give
//! exactly one page both ways, and every selected achievement's text must
//! come back, in order.
//!
//! Needs Chromium and poppler-utils (`.ci/run` installs them). Skipped, and
//! says so, only when they are not installed; under `CI=true` that fails.

use std::process::Command;

use crate::harness::Tailor;

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

fn folded(s: &str) -> String {
    s.replace(['\u{FB01}'], "fi")
        .replace('\u{FB02}', "fl")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn default_profile_prints_one_page_and_reads_back_in_order() {
    let Some(chromium) = crate::harness::find_chromium().filter(|_| have("pdftotext")) else {
        let note = "needs chromium and poppler-utils (apt-get install chromium poppler-utils)";
        assert!(std::env::var_os("CI").is_none(), "{note}");
        eprintln!("skipped: {note}");
        return;
    };
    let library = tailor::content::load(std::path::Path::new("content")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for job in [
        "examples/backend-platform.txt",
        "examples/payments-engineer.md",
        "examples/engineering-manager.txt",
        "examples/frontend-designer.md",
    ] {
        for paper in ["a4", "letter"] {
            let stem = format!("{}-{paper}", job.replace('/', "_"));
            let pdf = dir.path().join(format!("{stem}.pdf"));
            let html = dir.path().join(format!("{stem}.html"));
            let printed = dir.path().join(format!("{stem}-chromium.pdf"));
            let report = dir.path().join(format!("{stem}.json"));
            for (out, with_report) in [(&pdf, true), (&html, false)] {
                let mut run = Tailor::new().args([
                    "compose",
                    "--job",
                    job,
                    "--paper",
                    paper,
                    "--out",
                    out.to_str().unwrap(),
                ]);
                if with_report {
                    run = run.args(["--report", report.to_str().unwrap()]);
                }
                run.succeeds();
            }
            crate::harness::chromium_print(&chromium, &html, &printed);
            let r: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
            for file in [&pdf, &printed] {
                reads_back_on_one_page(&library, &r, file, &format!("{job} on {paper}"), paper);
            }
        }
    }
}

/// One page of the paper asked for, and the selected achievements' text in
/// order, as `pdfinfo` and `pdftotext` read `pdf`.
fn reads_back_on_one_page(
    library: &tailor::content::Library,
    r: &serde_json::Value,
    pdf: &std::path::Path,
    what: &str,
    paper: &str,
) {
    let job = what;
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    assert_eq!(
        pages.split_whitespace().nth(1),
        Some("1"),
        "{job} ({}): {pages}",
        pdf.display()
    );
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap()
        .to_lowercase();
    assert!(
        size.contains(if paper == "a4" { "(a4)" } else { "(letter)" }),
        "{size}"
    );

    let text = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = folded(&String::from_utf8_lossy(&text.stdout));
    let mut at = 0;
    for s in r["selected"].as_array().unwrap() {
        let a = library
            .achievements()
            .find(|(_, a)| a.id == s["id"])
            .map(|(_, a)| a)
            .unwrap();
        let phrasing = if s["phrasing"] == "short" {
            a.short.as_ref().unwrap()
        } else {
            &a.text
        };
        let want = folded(&tailor::text::plain(phrasing));
        let found = text[at..].find(&want).unwrap_or_else(|| {
            panic!(
                "{job} ({}): `{want}` is not in the PDF text after position {at}:\n{text}",
                pdf.display()
            )
        });
        at += found + want.len();
    }
}

#[test]
fn rerunning_the_readme_pdf_line_replaces_tailors_own_pdf_without_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("resume.pdf");
    for _ in 0..2 {
        crate::harness::Tailor::new()
            .args(["compose", "--job", "examples/payments-engineer.md", "--out"])
            .arg(&pdf)
            .succeeds();
    }
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let found = tailor::manifest::read(&bytes).unwrap().expect("a manifest");
    assert_eq!(found.manifest.posting, "payments-engineer.md");
    assert!(found.intact, "the body hash covers the printed PDF");
    // A PDF tailor did not write is still refused.
    std::fs::write(&pdf, b"%PDF-1.7\n%%EOF\n").unwrap();
    crate::harness::Tailor::new()
        .args(["compose", "--job", "examples/payments-engineer.md", "--out"])
        .arg(&pdf)
        .fails_with(2)
        .stderr_has("was not written by tailor");
}
