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
    crate::harness::compose_library(&library, &posting, &pdf);
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

/// Where the content of a PDF's last page ends, as a share of its text
/// area, by poppler (`pdftotext -bbox`): the lowest word against a text
/// area whose margins are where the first page's text starts.
fn poppler_fill(pdf: &std::path::Path, pages: usize) -> Option<f64> {
    let bbox = |page: usize| -> Option<(f64, f64, f64)> {
        let out = Command::new("pdftotext")
            .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(pdf)
            .arg("-")
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let attr = |s: &str, name: &str| -> Option<f64> {
            let at = s.find(&format!("{name}=\""))? + name.len() + 2;
            s[at..].split('"').next()?.parse().ok()
        };
        let height = text.lines().find_map(|l| {
            l.trim_start()
                .starts_with("<page")
                .then(|| attr(l, "height"))
                .flatten()
        })?;
        let words = text.lines().filter(|l| l.trim_start().starts_with("<word"));
        let (top, bottom) = words.fold((f64::MAX, 0.0f64), |(t, b), l| {
            (
                t.min(attr(l, "yMin").unwrap_or(t)),
                b.max(attr(l, "yMax").unwrap_or(b)),
            )
        });
        Some((height, top, bottom))
    };
    let (height, top, _) = bbox(1)?;
    let (_, _, bottom) = bbox(pages)?;
    Some((bottom - top) / (height - 2.0 * top))
}

/// Issue 16's promise: every shipped profile prints within its page count
/// on every example and every real evaluation posting, with the last page
/// filled to 92% at least unless every eligible achievement is in (or more
/// room would add nothing: the selection holds the rest out). Measured
/// twice: by tailor's own layout (the batch summary) and by poppler; and
/// every one passes `check --ats`.
#[test]
fn every_shipped_profile_fills_its_page_on_examples_and_real_postings() {
    let Some(real) = crate::harness::shared_dir("eval-real/postings", "the page-fill check") else {
        return;
    };
    for profile in ["default", "staff-backend", "payments", "engineering-lead"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        Tailor::new()
            .args(["batch", "examples"])
            .arg(&real)
            .args([
                "--format",
                "pdf",
                "--quiet",
                "--profile",
                profile,
                "--out-dir",
            ])
            .arg(&out)
            .succeeds();
        let summary: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap())
                .unwrap();
        let rows = summary["rows"].as_array().unwrap();
        assert!(rows.len() >= 29, "{profile}: {} rows", rows.len());
        for row in rows {
            let name = row["posting"].as_str().unwrap();
            let layout = &row["layout"];
            assert_eq!(row["status"], "ok", "{profile} {name}: {row}");
            assert_eq!(layout["pages"], 1, "{profile} {name}: {layout}");
            let fill = layout["fill"].as_f64().unwrap();
            let complete = layout["complete"].as_bool().unwrap();
            let saturated = layout["saturated"].as_bool().unwrap();
            assert!(
                fill <= 1.0 && (fill >= 0.92 || complete || saturated),
                "{profile} {name}: {layout}"
            );
            let pdf = out.join(row["outputs"][0].as_str().unwrap());
            // What an ATS reads of it: everything, in order.
            let ats = Tailor::new().args(["check", "--ats"]).arg(&pdf).run();
            assert_eq!(ats.code(), 0, "{profile} {name}:\n{}", ats.stdout());
            assert!(ats.stdout().contains("in order"), "{}", ats.stdout());
            let Some(n) = pages(&pdf) else {
                assert!(std::env::var_os("CI").is_none(), "needs poppler-utils");
                eprintln!("skipped: the poppler check needs poppler-utils");
                continue;
            };
            assert_eq!(n, 1, "{profile} {name}: pdfinfo");
            let seen = poppler_fill(&pdf, n).unwrap();
            // Poppler sees glyph boxes, Typst line boxes: they agree closely.
            assert!(
                seen <= 1.0 && (fill - seen).abs() < 0.03,
                "{profile} {name}: layout {fill:.3}, pdftotext {seen:.3}"
            );
        }
    }
}

/// The title line of every shipped profile's PDF (the headline: the
/// shipped content has no name) is one line, not wrapped onto a second.
#[test]
fn shipped_headlines_fit_on_one_line() {
    for profile in ["default", "staff-backend", "payments", "engineering-lead"] {
        let dir = tempfile::tempdir().unwrap();
        let (md, pdf) = (dir.path().join("r.md"), dir.path().join("r.pdf"));
        for out in [&md, &pdf] {
            Tailor::new()
                .args(["compose", "--profile", profile])
                .args(["--job", "examples/payments-engineer.md", "--out"])
                .arg(out)
                .succeeds();
        }
        let md = std::fs::read_to_string(&md).unwrap();
        let title = md.lines().next().unwrap().trim_start_matches("# ");
        let Ok(out) = Command::new("pdftotext")
            .args(["-layout", "-l", "1"])
            .arg(&pdf)
            .arg("-")
            .output()
        else {
            assert!(std::env::var_os("CI").is_none(), "needs poppler-utils");
            eprintln!("skipped: needs poppler-utils");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        assert_eq!(first.trim(), title, "{profile}: the title wraps");
    }
}

/// A page budget that the résumé's fixed parts alone overflow is an error
/// saying by how much, never a silent second page.
#[test]
fn fixed_parts_over_the_page_are_an_error_saying_by_how_much() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    Tailor::new()
        .args(["compose", "--job", "examples/payments-engineer.md"])
        .args(["--budget", "0.3p", "--out"])
        .arg(&out)
        .fails_with(2)
        .stderr_has("without a single achievement already takes 0.")
        .stderr_has("% of a page more than the budget of 0.3 pages");
    assert!(!out.exists());
}

/// Markdown, HTML and PDF under one page budget carry the same selection:
/// the one laid out.
#[test]
fn every_format_under_a_page_budget_has_the_selection_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut selections = Vec::new();
    for ext in ["md", "html", "pdf"] {
        let report = dir.path().join(format!("{ext}.json"));
        Tailor::new()
            .args(["compose", "--job", "examples/backend-platform.txt", "--out"])
            .arg(dir.path().join(format!("r.{ext}")))
            .arg("--report")
            .arg(&report)
            .succeeds();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
        assert_eq!(v["layout"]["pages"], 1, "{v}");
        selections.push(v["selected"].clone());
    }
    assert_eq!(selections[0], selections[1]);
    assert_eq!(selections[0], selections[2]);
}

/// A profile may name a font installed on the system, or a bundled one:
/// the PDF embeds it (and the HTML asks for it first, the DOCX names it). One that is not installed is an error
/// naming it, before anything is written.
#[test]
fn a_profile_font_from_the_system_is_embedded_and_a_missing_one_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("sans.yaml");
    // Composes the payments example under the profile, to `out`.
    let compose = |out: Option<&std::path::Path>| {
        let run = Tailor::new()
            .args([
                "compose",
                "--job",
                "examples/payments-engineer.md",
                "--profile",
            ])
            .arg(&profile);
        match out {
            Some(out) => run.arg("--out").arg(out),
            None => run,
        }
    };
    // .ci/run installs fonts-liberation.
    std::fs::write(&profile, "budget: 1p\nfont: Liberation Sans\n").unwrap();
    let pdf = dir.path().join("r.pdf");
    let run = compose(Some(&pdf)).run();
    if run.code() == 2 && run.stderr().contains("is not installed") {
        assert!(std::env::var_os("CI").is_none(), "{}", run.stderr());
        eprintln!("skipped: Liberation Sans is not installed (apt-get install fonts-liberation)");
        return;
    }
    assert_eq!(run.code(), 0, "{}", run.stderr());
    if let Ok(out) = Command::new("pdffonts").arg(&pdf).output() {
        let fonts = String::from_utf8_lossy(&out.stdout);
        assert!(fonts.contains("LiberationSans"), "{fonts}");
    }
    let html = dir.path().join("r.html");
    compose(Some(&html)).succeeds();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("font-family: \"Liberation Sans\", \"Liberation Serif\""));

    // A bundled family needs no installing; the DOCX names it too.
    std::fs::write(&profile, "budget: 1p\nfont: Libertinus Serif\n").unwrap();
    let bundled = dir.path().join("b.pdf");
    compose(Some(&bundled)).succeeds();
    if let Ok(out) = Command::new("pdffonts").arg(&bundled).output() {
        let fonts = String::from_utf8_lossy(&out.stdout);
        assert!(fonts.contains("LibertinusSerif"), "{fonts}");
    }
    let docx = dir.path().join("b.docx");
    compose(Some(&docx)).succeeds();
    let styles = crate::harness::docx_part(&docx, "word/styles.xml");
    assert!(styles.contains("w:ascii=\"Libertinus Serif\""), "{styles}");

    std::fs::write(&profile, "font: No Such Family Anywhere\n").unwrap();
    let missing = dir.path().join("m.pdf");
    compose(Some(&missing))
        .fails_with(2)
        .stderr_has("font `No Such Family Anywhere` is not installed on this system");
    assert!(!missing.exists());
    std::fs::write(&profile, "font: 'Evil\"; } body { x'\n").unwrap();
    compose(None)
        .fails_with(2)
        .stderr_has("is not a font family name");
}

/// Regression: with a location or a link but no email or phone, the PDF's
/// contact line started with a separator (" · Lisbon · GitHub").
#[test]
fn the_contact_line_never_starts_with_a_separator() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.yaml");
    std::fs::write(
        &library,
        "basics:\n  name: Robin Example\n  location: Lisbon\n  links:\n    - label: GitHub\n      url: https://example.com/robin\nexperience:\n  - title: Engineer\n    start: 2020-01\n    end: present\n    achievements:\n      - id: one\n        text: Built the billing service.\n",
    )
    .unwrap();
    let posting = dir.path().join("job.txt");
    std::fs::write(&posting, "Billing engineer\n\nBilling.\n").unwrap();
    let pdf = dir.path().join("r.pdf");
    crate::harness::compose_library(&library, &posting, &pdf);
    let Some(text) = pdftotext(&pdf) else { return };
    assert!(text.contains("Robin Example Lisbon · GitHub"), "{text}");
}
