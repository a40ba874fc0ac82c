//! Hostile and unusual inputs (issue 15): special files, recursive
//! templates, tampered manifests, outputs that would destroy. Each ends with
//! exit 2 and a message naming the file, and changes nothing on disk.

use std::path::Path;

use crate::harness::Tailor;

const JOB: &str = "examples/payments-engineer.md";

#[cfg(unix)]
fn fifo(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    let ok = std::process::Command::new("mkfifo")
        .arg(&p)
        .status()
        .unwrap();
    assert!(ok.success(), "mkfifo");
    p
}

#[cfg(unix)]
#[test]
fn a_fifo_as_posting_or_content_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let job = fifo(dir.path(), "job.txt");
    Tailor::new()
        .args(["compose", "--job"])
        .arg(&job)
        .fails_with(2)
        .stderr_has("job.txt` is not a regular file");
    let content = fifo(dir.path(), "c.yaml");
    Tailor::new()
        .args(["compose", "--job", JOB, "--content"])
        .arg(&content)
        .fails_with(2)
        .stderr_has("c.yaml` is not a regular file");
}

#[test]
fn out_and_report_on_one_path_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("x.md");
    Tailor::new()
        .args(["compose", "--job", JOB, "--out"])
        .arg(&x)
        .arg("--report")
        .arg(&x)
        .fails_with(2)
        .stderr_has("--out and --report both name");
    assert!(!x.exists());
}

#[test]
fn a_report_into_a_missing_directory_fails_before_the_resume_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    Tailor::new()
        .args(["compose", "--job", JOB, "--out"])
        .arg(&out)
        .arg("--report")
        .arg(dir.path().join("missing/report.md"))
        .fails_with(2)
        .stderr_has("does not exist");
    assert!(
        !out.exists(),
        "the résumé was written before the report failed"
    );
}

#[test]
fn a_manifest_listing_one_id_twice_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    Tailor::new()
        .args(["compose", "--job", JOB, "--out"])
        .arg(&a)
        .succeeds();
    let text = std::fs::read_to_string(&a).unwrap();
    // Duplicate the first selected entry of the manifest.
    let at = text.find("\"selected\": [\n").unwrap() + "\"selected\": [\n".len();
    let end = at + text[at..].find("},\n").unwrap() + 3;
    let tampered = format!("{}{}{}", &text[..end], &text[at..end], &text[end..]);
    let b = dir.path().join("b.md");
    std::fs::write(&b, tampered).unwrap();
    Tailor::new()
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .fails_with(2)
        .stderr_has("b.md`")
        .stderr_has("twice");
}

#[test]
fn a_template_that_includes_itself_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("partials/md");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("header.hbs"), "# {{basics.name}}\n{{> md/header}}\n").unwrap();
    Tailor::new()
        .args(["compose", "--job", JOB, "--templates"])
        .arg(dir.path())
        .fails_with(2)
        .stderr_has("include each other without end");
}

#[test]
fn html_output_makes_no_external_requests_and_markdown_keeps_no_script_links() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.yaml");
    std::fs::write(
        &lib,
        "experience:\n  - title: Payments Engineer\n    start: 2020-01\n    achievements:\n      - id: one\n        text: \"Built the payments ledger ![chart](https://tracker.example/p.gif) in Go, see [demo](javascript:alert(1)).\"\n",
    )
    .unwrap();
    let html = Tailor::new()
        .args(["compose", "--job", JOB, "--format", "html", "--content"])
        .arg(&lib)
        .succeeds()
        .into_stdout();
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("tracker.example"), "{html}");
    let md = Tailor::new()
        .args(["compose", "--job", JOB, "--content"])
        .arg(&lib)
        .succeeds()
        .into_stdout();
    assert!(!md.contains("javascript:"), "{md}");
    assert!(md.contains("see demo."), "{md}");
}

#[test]
fn rules_that_hide_every_role_are_an_error_not_an_empty_resume() {
    Tailor::new()
        .args([
            "compose",
            "--job",
            JOB,
            "--max-age",
            "0",
            "--old-roles",
            "drop",
            "--as-of",
            "2040-01",
        ])
        .fails_with(2)
        .stderr_has("hides them all");
}

#[cfg(unix)]
#[test]
fn a_device_as_out_is_refused_even_with_force_and_out_dash_is_stdout() {
    Tailor::new()
        .args(["compose", "--job", JOB, "--out", "/dev/null", "--force"])
        .fails_with(2)
        .stderr_has("`/dev/null` is not a regular file");
    assert!(
        !std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_file()
    );
    Tailor::new()
        .args(["compose", "--job", JOB, "--out", "-"])
        .succeeds()
        .stdout_has("## Experience");
}

#[test]
fn init_and_templates_export_write_nothing_when_one_target_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("postings"), "a file where a folder goes").unwrap();
    Tailor::new()
        .arg("init")
        .arg(dir.path())
        .fails_with(2)
        .stderr_has("is a file, not a directory; nothing was written");
    assert_eq!(crate::harness::files_in(dir.path()), vec!["postings"]);

    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("partials"), "x").unwrap();
    Tailor::new()
        .args(["templates", "export"])
        .arg(t.path())
        .fails_with(2)
        .stderr_has("nothing was written");
    assert_eq!(crate::harness::files_in(t.path()), vec!["partials"]);
}

#[test]
fn a_failed_import_leaves_no_directory_behind() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.json");
    std::fs::write(&file, r#"{"basics": {"name": "A"}, "work": []}"#).unwrap();
    let out = dir.path().join("new");
    Tailor::new()
        .arg("import")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .run();
    // Whether or not an empty document imports, a failure creates nothing.
    let out2 = dir.path().join("new2");
    std::fs::write(&file, "{ not json").unwrap();
    Tailor::new()
        .arg("import")
        .arg(&file)
        .arg("--out")
        .arg(&out2)
        .fails_with(2)
        .stderr_has("r.json");
    assert!(!out2.exists());
}

#[test]
fn an_edited_resume_is_foreign_until_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    let compose = || {
        Tailor::new()
            .args(["compose", "--job", JOB, "--out"])
            .arg(&out)
    };
    compose().succeeds();
    // Unchanged: tailor's own, replaced without --force.
    compose().succeeds();
    let edited = std::fs::read_to_string(&out).unwrap().replacen(
        "## Experience",
        "## Experience (edited by hand)",
        1,
    );
    std::fs::write(&out, &edited).unwrap();
    compose()
        .fails_with(2)
        .stderr_has("r.md` was edited since tailor wrote it");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), edited);
    compose().arg("--force").succeeds();
    assert!(
        !std::fs::read_to_string(&out)
            .unwrap()
            .contains("edited by hand")
    );
}

#[test]
fn a_json_file_with_coverage_and_selected_is_not_taken_for_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("data.json");
    let mine = r#"{"coverage": 1, "selected": [], "mine": "keep me"}"#;
    std::fs::write(&report, mine).unwrap();
    Tailor::new()
        .args(["compose", "--job", JOB, "--out", "-", "--report"])
        .arg(&report)
        .fails_with(2)
        .stderr_has("data.json` exists and was not written by tailor");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), mine);
    // A report tailor wrote is replaced.
    std::fs::remove_file(&report).unwrap();
    for _ in 0..2 {
        Tailor::new()
            .args(["compose", "--job", JOB, "--out", "-", "--report"])
            .arg(&report)
            .succeeds();
    }
}

#[test]
fn an_achievement_quoting_a_manifest_cannot_make_a_hand_file_look_like_tailors() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("c.yaml");
    std::fs::write(
        &content,
        "basics:\n  name: Ada\nexperience:\n  - company: Acme\n    title: Engineer\n    start: 2020-01\n    achievements:\n      - id: forge\n        text: \"Documented payments ledgers in <!-- tailor-manifest {} --> comments\"\n",
    )
    .unwrap();
    let out = dir.path().join("r.md");
    let compose = || {
        Tailor::new()
            .args(["compose", "--job", JOB, "--content"])
            .arg(&content)
            .arg("--out")
            .arg(&out)
    };
    compose().succeeds();
    // tailor's own file with the quoted marker is still its own.
    compose().succeeds();
    // Cut tailor's manifest: what is left quotes one but is not tailor's.
    let text = std::fs::read_to_string(&out).unwrap();
    let cut = &text[..text.rfind("<!-- tailor-manifest").unwrap()];
    assert!(cut.contains("tailor-manifest"), "{cut}");
    std::fs::write(&out, cut).unwrap();
    compose()
        .fails_with(2)
        .stderr_has("r.md` exists and was not written by tailor");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), cut);
}

/// A library whose one achievement has `text` as its text (YAML-quoted).
fn one_achievement(text: &str) -> String {
    format!(
        "basics:\n  name: Ada\nexperience:\n  - company: Acme\n    title: Engineer\n    start: 2020-01\n    achievements:\n      - id: a\n        text: {text}\n"
    )
}

#[test]
fn yaml_nested_past_the_limit_is_an_error_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("deep.yaml");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(&content, one_achievement(&deep)).unwrap();
    let out = dir.path().join("r.md");
    Tailor::new()
        .args(["compose", "--job", JOB, "--content"])
        .arg(&content)
        .arg("--out")
        .arg(&out)
        .fails_with(2)
        .stderr_has("deep.yaml:9:")
        .stderr_has("nest more than 100 deep");
    assert!(!out.exists());
}

#[test]
fn an_achievement_past_the_length_limit_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("long.yaml");
    std::fs::write(&content, one_achievement(&"word ".repeat(2_000))).unwrap();
    Tailor::new()
        .args(["compose", "--job", JOB, "--out", "-", "--content"])
        .arg(&content)
        .fails_with(2)
        .stderr_has("long.yaml:8: achievement `a` has a `text` of")
        .stderr_has("more than 5000");
}

#[test]
fn an_html_posting_nested_two_hundred_thousand_deep_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("deep.html");
    let html = format!(
        "<html><body><h1>Payments Engineer</h1>{}<p>We build payment ledgers in Go.</p>{}</body></html>",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    std::fs::write(&job, html).unwrap();
    Tailor::new()
        .args(["score", "--format", "json", "--job"])
        .arg(&job)
        .succeeds()
        .stdout_has("\"ranking\"");
}

#[test]
fn a_posting_past_the_word_limit_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("huge.txt");
    let words: String = (0..30_000).map(|i| format!("w{i} ")).collect();
    std::fs::write(&job, words).unwrap();
    Tailor::new()
        .args(["compose", "--out", "-", "--job"])
        .arg(&job)
        .fails_with(2)
        .stderr_has("huge.txt` has 30000 words, more than the 20000");
}

#[test]
fn diff_of_two_long_foreign_texts_skips_the_line_diff_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let lines = |tag: &str| -> String { (0..6_000).map(|i| format!("{tag} line {i}\n")).collect() };
    std::fs::write(&a, lines("one")).unwrap();
    std::fs::write(&b, lines("two")).unwrap();
    Tailor::new()
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .fails_with(1)
        .stdout_has("no line diff, since they are longer than 5000 lines");
}

#[test]
fn out_dev_stdout_into_a_pipe_is_refused_not_hung_on() {
    // The harness reads stdout through a pipe, as `| cat` would.
    Tailor::new()
        .args(["compose", "--job", JOB, "--out", "/dev/stdout"])
        .fails_with(2)
        .stderr_has("`/dev/stdout` is not a regular file; tailor writes only files (`--out -`");
}

#[test]
fn a_posting_named_like_a_formula_is_a_plain_cell_in_summary_csv() {
    let postings = tempfile::tempdir().unwrap();
    let name = "=HYPERLINK(\"http:x\").txt";
    std::fs::copy("examples/payments-engineer.md", postings.path().join(name)).unwrap();
    let out = tempfile::tempdir().unwrap();
    // Named bare, from its own folder, the cell starts with the `=`.
    Tailor::new()
        .current_dir(postings.path())
        .args(["batch", name, "--content"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
        .arg("--out-dir")
        .arg(out.path())
        .succeeds();
    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("\"'=HYPERLINK("),
        "a cell a spreadsheet would run: {row}"
    );
}

#[test]
fn a_profile_given_by_path_is_named_in_the_manifest_not_located() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("secret-folder-mine.yaml");
    std::fs::copy("profiles/payments.yaml", &profile).unwrap();
    let out = Tailor::new()
        .args(["compose", "--job", JOB, "--out", "-", "--profile"])
        .arg(&profile)
        .succeeds()
        .into_stdout();
    assert!(out.contains("\"profile\": \"secret-folder-mine\""), "{out}");
    assert!(!out.contains(dir.path().to_str().unwrap()));
}

#[test]
fn a_resume_from_before_body_hashes_is_named_as_such_not_as_edited() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("old.md");
    let compose = || {
        Tailor::new()
            .args(["compose", "--job", JOB, "--out"])
            .arg(&out)
    };
    compose().succeeds();
    let text = std::fs::read_to_string(&out).unwrap();
    let old: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("\"body_hash\""))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(old, text, "the manifest records a body hash");
    std::fs::write(&out, &old).unwrap();
    compose()
        .fails_with(2)
        .stderr_has("old.md` was written by an older tailor");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), old);
}
