//! `tailor batch`: naming and collisions, path traversal, a failing posting
//! among good ones, determinism across thread counts, the summary files, and
//! the report page in a real browser.

use std::path::Path;
use std::process::Command;

use crate::generate;
use crate::harness::{Outcome, Tailor, files_in, shared_dir};

fn batch(args: &[&str]) -> Outcome {
    Tailor::new().arg("batch").args(args).run()
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    files_in(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn one_resume_per_posting_and_format_with_summaries() {
    let out = tempfile::tempdir().unwrap();
    batch(&[
        "examples",
        "--out-dir",
        out.path().to_str().unwrap(),
        "--format",
        "md,html",
    ])
    .succeeds()
    .stdout_has("4 postings, 4 tailored, 0 failed");
    let files = files_in(out.path());
    for stem in [
        "backend-platform",
        "payments-engineer",
        "engineering-manager",
        "frontend-designer",
    ] {
        assert!(
            files.contains(&format!("{stem}.md")) && files.contains(&format!("{stem}.html")),
            "{files:?}"
        );
    }
    for f in ["summary.csv", "summary.json", "report.html"] {
        assert!(files.contains(&f.to_string()), "{files:?}");
    }
    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "posting,status,match_rate,selected,words,missing,outputs,error,pages,fill,posting_language,resume_language"
        )
    );
    let row = lines
        .find(|l| l.starts_with("examples/payments-engineer.md,"))
        .unwrap();
    assert!(
        row.contains(",ok,") && row.contains("payments-engineer.md; payments-engineer.html"),
        "{row}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap())
            .unwrap();
    assert_eq!(json["postings"], 4);
    assert_eq!(json["failed"], 0);
    let first = &json["rows"][0];
    assert!(first["match_rate"].as_f64().unwrap() > 0.0 && first["selected"].as_u64().unwrap() > 0);
    // Each résumé is what compose writes for that posting (same default profile).
    let single = Tailor::new()
        .args(["compose", "--job", "examples/payments-engineer.md"])
        .run();
    assert_eq!(
        std::fs::read_to_string(out.path().join("payments-engineer.md")).unwrap(),
        single.stdout()
    );
}

#[test]
fn collisions_and_traversal_stay_inside_the_directory() {
    let work = tempfile::tempdir().unwrap();
    let a = work.path().join("a");
    let b = work.path().join("b");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    for d in [&a, &b] {
        std::fs::copy("examples/payments-engineer.md", d.join("job.md")).unwrap();
    }
    std::fs::copy("examples/backend-platform.txt", a.join("report.txt")).unwrap();
    let out = work.path().join("out");
    // A posting named "<deep>/../../x.txt": only its file stem names outputs.
    std::fs::create_dir_all(work.path().join("deep/inner")).unwrap();
    std::fs::copy("examples/backend-platform.txt", work.path().join("x.txt")).unwrap();
    let traversal = format!("{}/deep/inner/../../x.txt", work.path().display());
    let sneaky = work.path().join("..x.txt");
    std::fs::copy("examples/backend-platform.txt", &sneaky).unwrap();
    batch(&[
        a.join("job.md").to_str().unwrap(),
        b.join("job.md").to_str().unwrap(),
        a.join("report.txt").to_str().unwrap(),
        &traversal,
        sneaky.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ])
    .succeeds();
    let files = files_in(&out);
    assert!(
        files.contains(&"job.md".to_string()) && files.contains(&"job-2.md".to_string()),
        "{files:?}"
    );
    assert!(
        files.contains(&"report-2.md".to_string()),
        "the report's name is reserved: {files:?}"
    );
    assert!(
        files.contains(&"x.md".to_string()) && files.contains(&"x-2.md".to_string()),
        "{files:?}"
    );
    // Nothing was written next to the output directory.
    assert_eq!(
        files_in(work.path()),
        vec!["..x.txt", "a", "b", "deep", "out", "x.txt"]
    );
}

#[test]
fn a_failing_posting_is_reported_and_the_others_go_on() {
    let work = tempfile::tempdir().unwrap();
    let empty = work.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let out = work.path().join("out");
    batch(&[
        "examples/payments-engineer.md",
        empty.to_str().unwrap(),
        "no/such/posting.txt",
        "--out-dir",
        out.to_str().unwrap(),
    ])
    .fails_with(1)
    .stderr_has("is empty")
    .stdout_has("3 postings, 1 tailored, 2 failed");
    assert!(out.join("payments-engineer.md").is_file());
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(json["failed"], 2);
    assert_eq!(json["rows"][1]["status"], "failed");
    assert!(
        json["rows"][2]["error"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
    // A usage error is exit 2.
    batch(&[
        "examples",
        "--out-dir",
        out.to_str().unwrap(),
        "--format",
        "docx-not-yet",
    ])
    .fails_with(2);
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let many = tempfile::tempdir().unwrap();
    for (dir, threads) in [(&one, "1"), (&many, "4")] {
        batch(&[
            "examples",
            "tests/eval/postings",
            "--out-dir",
            dir.path().to_str().unwrap(),
            "--format",
            "md,html",
            "--threads",
            threads,
            "--quiet",
        ])
        .succeeds();
    }
    assert_eq!(tree(one.path()), tree(many.path()));
}

/// What a batch writes for the first 50 real postings (by name), in every
/// format, as a list of hashes: work on speed (issue #19) must leave every
/// byte as it is. A change meant to alter output (scoring, rendering)
/// updates the list on purpose (`INSTA_UPDATE=always`), and its commit
/// says why.
#[test]
fn a_batch_over_real_postings_writes_the_same_bytes() {
    let Some(real) = shared_dir("postings/real", "real postings") else {
        return;
    };
    let mut postings: Vec<String> = std::fs::read_dir(&real)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    postings.sort();
    postings.truncate(50);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let mut args: Vec<&str> = postings.iter().map(String::as_str).collect();
    args.extend([
        "--out-dir",
        dir,
        "--format",
        "md,html,txt,docx,pdf,jsonresume",
        "--quiet",
    ]);
    batch(&args).succeeds();
    // The summaries name each posting by the path it was given: the
    // checkout's place on disk is no part of what is compared.
    let place = real.to_string_lossy().into_owned();
    let hashes: Vec<String> = tree(out.path())
        .into_iter()
        .map(|(name, bytes)| {
            let summary = name.starts_with("summary.") || name == "report.html";
            let bytes = if summary {
                String::from_utf8(bytes)
                    .unwrap()
                    .replace(&place, "<real>")
                    .into_bytes()
            } else {
                bytes
            };
            format!("{}  {name}", tailor::manifest::hash(&bytes))
        })
        .collect();
    assert_eq!(
        hashes.len(),
        50 * 6 + 3,
        "six résumés a posting, summaries, report"
    );
    insta::assert_snapshot!("batch_50_real_hashes", hashes.join("\n"));
}

#[test]
fn glob_patterns_and_recursion() {
    let out = tempfile::tempdir().unwrap();
    batch(&[
        "tests/eval/postings/0*.txt",
        "--out-dir",
        out.path().to_str().unwrap(),
    ])
    .succeeds()
    .stdout_has("4 postings, 4 tailored");
    let work = tempfile::tempdir().unwrap();
    let top = work.path().join("top");
    std::fs::create_dir_all(top.join("sub")).unwrap();
    std::fs::copy("examples/payments-engineer.md", top.join("b.md")).unwrap();
    std::fs::copy("examples/backend-platform.txt", top.join("sub/a.txt")).unwrap();
    std::fs::write(top.join("notes.pdf"), "not a posting").unwrap();
    let out2 = work.path().join("out");
    // Not recursive by default.
    batch(&[top.to_str().unwrap(), "--out-dir", out2.to_str().unwrap()])
        .stdout_has("1 posting, 1 tailored");
    batch(&[
        top.to_str().unwrap(),
        "--recursive",
        "--out-dir",
        out2.to_str().unwrap(),
    ])
    .succeeds()
    .stdout_has("2 postings, 2 tailored");
}

#[test]
fn report_page_renders_in_a_browser_without_overflow() {
    let Some(chromium) = crate::harness::find_chromium() else {
        eprintln!("skipped: needs chromium (apt-get install chromium)");
        return;
    };
    // 50 postings × 50 achievements, generated.
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(data.join("postings")).unwrap();
    for i in 0..50u64 {
        std::fs::write(
            data.join(format!("postings/{i:02}.txt")),
            generate::posting(600, i + 1),
        )
        .unwrap();
    }
    std::fs::write(data.join("library.yaml"), generate::library_yaml(50, 42)).unwrap();
    let out = work.path().join("out");
    batch(&[
        data.join("postings").to_str().unwrap(),
        "--content",
        data.join("library.yaml").to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
        "--quiet",
    ])
    .succeeds();
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        !report.contains("http://") && !report.contains("https://") && !report.contains("<script"),
        "self-contained"
    );
    // Measure the page's width at 1280 px in headless Chromium.
    let probe = out.join("probe.html");
    std::fs::write(
        &probe,
        report.replace(
            "</body>",
            "<script>document.title='W'+document.documentElement.scrollWidth+'x'+window.innerWidth;</script></body>",
        ),
    )
    .unwrap();
    let browser = |extra: &[String]| {
        let profile = tempfile::tempdir().unwrap();
        Command::new(&chromium)
            .args(crate::harness::HEADLESS_FLAGS)
            .arg("--window-size=1280,2000")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .output()
            .unwrap()
    };
    let dom = browser(&["--dump-dom".into(), format!("file://{}", probe.display())]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap();
    let (scroll, inner) = title.trim_start_matches('W').split_once('x').unwrap();
    assert!(
        scroll.parse::<u32>().unwrap() <= inner.parse::<u32>().unwrap(),
        "page wider than the window: {title}"
    );
    let shot = work.path().join("shot.png");
    browser(&[
        format!("--screenshot={}", shot.display()),
        format!("file://{}", out.join("report.html").display()),
    ]);
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a screenshot renders ({} bytes)",
        png.len()
    );
}
