//! PDF laid out by tailor itself (issue 16): no browser, the same bytes for
//! the same inputs, content that can never become Typst markup, and
//! `batch --format pdf`.

use std::process::Command;

use crate::harness::Tailor;

/// The text of a PDF as poppler's `pdftotext` reads it, whitespace folded;
/// `None` (and a visible skip, or a failure under `CI=true`) without it.
fn pdftotext(pdf: &std::path::Path) -> Option<String> {
    let Ok(out) = Command::new("pdftotext").arg(pdf).arg("-").output() else {
        let note = "needs poppler-utils (apt-get install poppler-utils)";
        assert!(std::env::var_os("CI").is_none(), "{note}");
        eprintln!("skipped: {note}");
        return None;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Pages, as poppler's `pdfinfo` counts them.
fn pages(pdf: &std::path::Path) -> Option<usize> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

/// Every Typst markup character in every field of the résumé comes out as
/// itself: nothing runs, nothing styles, no page breaks.
#[test]
fn no_content_string_can_inject_typst_markup() {
    let hostile = [
        r#"#pagebreak() #set page(height: 2cm) $x^2$ *bold* _under_"#,
        r#"<label> @ref \ back\slash // not a comment /* nor this */"#,
        r#"[content] #{ "code" } = heading - item + item ~ 'q' "dq""#,
    ];
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.yaml");
    let q = |s: &str| serde_json::to_string(s).unwrap();
    std::fs::write(
        &library,
        format!(
            "basics:\n  name: {}\n  headline: {}\n  email: a@example.com\nskills:\n  - name: {}\n    keywords: [{}]\nexperience:\n  - title: {}\n    company: {}\n    start: 2020-01\n    end: present\n    achievements:\n      - id: one\n        text: {}\n      - id: two\n        text: {}\n",
            q("#strong[Name] $"),
            q(hostile[0]),
            q("@skills #"),
            q("#raw(\"k\")"),
            q("Engineer = #title"),
            q("Acme \\ <co>"),
            q(&format!("Billing payments {}", hostile[1])),
            q(&format!("Billing payments {}", hostile[2])),
        ),
    )
    .unwrap();
    let posting = dir.path().join("job.txt");
    std::fs::write(&posting, "Payments engineer\n\nBilling and payments.\n").unwrap();
    let pdf = dir.path().join("r.pdf");
    Tailor::new()
        .args(["compose", "--content"])
        .arg(&library)
        .arg("--job")
        .arg(&posting)
        .arg("--out")
        .arg(&pdf)
        .succeeds();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let Some(text) = pdftotext(&pdf) else { return };
    assert_eq!(pages(&pdf), Some(1), "#pagebreak() did not run");
    for want in hostile.iter().copied().chain([
        "#strong[Name] $",
        "@skills #",
        "#raw(\"k\")",
        "Engineer = #title",
        "Acme \\ <co>",
    ]) {
        let want = want.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(&want),
            "`{want}` is not in the PDF text:\n{text}"
        );
    }
}

#[test]
fn batch_writes_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    Tailor::new()
        .args([
            "batch",
            "examples",
            "--format",
            "pdf",
            "--quiet",
            "--out-dir",
        ])
        .arg(&out)
        .succeeds();
    let pdfs: Vec<String> = crate::harness::files_in(&out)
        .into_iter()
        .filter(|f| f.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs.len(), 4, "{pdfs:?}");
    for f in &pdfs {
        let bytes = std::fs::read(out.join(f)).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{f}");
        if let Some(n) = pages(&out.join(f)) {
            assert_eq!(n, 1, "{f}");
        }
    }
}
