//! `tailor compose` end to end: the README's command, budgets, formats,
//! escaping, templates and determinism.

use crate::harness::{Tailor, achievement_words, bullets};

const FULL: &str = "tests/fixtures/content/full";
const PAYMENTS: &str = "tests/fixtures/postings/payments.txt";

#[test]
fn readme_command_writes_a_tailored_resume() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tailored.md");
    let out_s = out.to_str().unwrap();
    // The quick start's command, with the output moved to a temp dir.
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            "examples/payments-engineer.md",
            "--out",
            out_s,
        ])
        .succeeds();
    assert!(run.stdout().is_empty(), "{}", run.stdout());
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# Staff Backend Engineer\n"), "{md}");
    assert!(md.contains("## Experience"));
    // The default budget is the page, filled: far more than a handful.
    assert!(bullets(&md).len() >= 12, "{md}");
}

#[test]
fn budget_is_never_exceeded_on_any_example() {
    for posting in [
        "examples/backend-platform.txt",
        "examples/payments-engineer.md",
        "examples/engineering-manager.txt",
        "examples/frontend-designer.md",
    ] {
        for budget in [20, 60, 150, 250, 400, 1000] {
            let run = Tailor::new()
                .args([
                    "compose",
                    "--job",
                    posting,
                    "--budget",
                    budget.to_string().as_str(),
                ])
                .succeeds();
            let used = achievement_words(run.stdout());
            assert!(used <= budget, "{posting}: {used} words > budget {budget}");
            assert!(used > 0, "{posting} {budget}: nothing selected");
        }
    }
}

#[test]
fn best_matches_lead_their_role_and_roles_run_newest_first() {
    let md = Tailor::new()
        .args(["compose", "--job", PAYMENTS, "--content", FULL])
        .succeeds()
        .into_stdout();
    let staff = md.find("### Staff Engineer, Paycorp").unwrap();
    let senior = md.find("### Senior Engineer, Shopco").unwrap();
    let platform = md.find("### Platform Engineer, Oldco").unwrap();
    assert!(staff < senior && senior < platform, "{md}");
    let b = bullets(&md);
    assert!(
        b[0].contains("payments ledger") || b[0].contains("fraud rules"),
        "{b:?}"
    );
}

#[test]
fn tight_budget_keeps_pins_and_drops_oldest_roles_first() {
    // mentoring (pinned, 6 words) fills the newest role; Shopco's shortest fits, Oldco's not.
    let md = Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--budget",
            "17",
        ])
        .succeeds()
        .stdout_has("Mentored six engineers")
        .into_stdout();
    assert!(achievement_words(&md) <= 17);
    assert!(
        md.contains("### Platform Engineer, Oldco"),
        "old roles still show their title"
    );
    assert!(!md.contains("nightly batch"), "{md}");
}

#[test]
fn pinned_over_budget_exits_2_saying_by_how_much() {
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            "tests/fixtures/bad/pinned-over.yaml",
            "--budget",
            "10",
        ])
        .fails_with(2)
        .stderr_has("pinned achievements alone need 13 words, 3 over the budget of 10");
    assert!(run.stdout().is_empty(), "{}", run.stdout());
}

#[test]
fn format_comes_from_flag_then_extension() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("r.html");
    Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--out",
            html.to_str().unwrap(),
        ])
        .succeeds();
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let forced = dir.path().join("r.html");
    Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--format",
            "md",
            "--out",
            forced.to_str().unwrap(),
        ])
        .succeeds();
    assert!(
        std::fs::read_to_string(&forced)
            .unwrap()
            .starts_with("# Robin Example")
    );
}

#[test]
fn script_in_content_is_text_in_html() {
    let html = Tailor::new()
        .args([
            "compose",
            "--job",
            "tests/fixtures/postings/payments.txt",
            "--content",
            FULL,
            "--format",
            "html",
            "--pin",
            "xss",
        ])
        .succeeds()
        .stdout_has("&lt;script&gt;alert(1)&lt;/script&gt;")
        .into_stdout();
    // The only script element is the inert JSON manifest.
    let lower = html.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 1, "{html}");
    assert!(lower.contains(r#"<script type="application/json" id="tailor-manifest">"#));
}

#[test]
fn posting_can_come_from_stdin() {
    Tailor::new()
        .args(["compose", "--job", "-", "--content", FULL])
        .stdin("payments ledger postgresql")
        .succeeds()
        .stdout_has("payments ledger");
}

#[test]
fn same_inputs_give_identical_bytes() {
    let args = [
        "compose",
        "--job",
        "examples/backend-platform.txt",
        "--format",
        "html",
    ];
    let a = Tailor::new().args(args).succeeds();
    let b = Tailor::new().args(args).run();
    assert_eq!(a.stdout(), b.stdout());
}

#[test]
fn template_file_replaces_the_builtin() {
    let out = Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--template",
            "tests/fixtures/custom.md.hbs",
        ])
        .succeeds()
        .into_stdout();
    assert!(
        out.starts_with("CUSTOM Robin Example\n* Staff Engineer: "),
        "{out}"
    );
}

#[test]
fn template_errors_name_file_and_line() {
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--template",
            "tests/fixtures/bad-template.md.hbs",
        ])
        .fails_with(2)
        .stderr_has("template syntax error");
    let err = run.stderr();
    assert!(
        err.starts_with("error: tests/fixtures/bad-template.md.hbs:"),
        "{err}"
    );
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--template",
            "tests/fixtures/misspelt-field.md.hbs",
        ])
        .fails_with(2)
        .stderr_has("`titel`");
    let err = run.stderr();
    assert!(
        err.starts_with("error: tests/fixtures/misspelt-field.md.hbs:4:"),
        "{err}"
    );
}

#[test]
fn help_lists_the_commands() {
    Tailor::new()
        .arg("--help")
        .succeeds()
        .stdout_has("compose")
        .stdout_has("score");
}

#[test]
fn report_is_written_as_json_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let md = dir.path().join("report.md");
    for report in [&json, &md] {
        Tailor::new()
            .args([
                "compose",
                "--job",
                PAYMENTS,
                "--content",
                FULL,
                "--report",
                report.to_str().unwrap(),
            ])
            .succeeds();
    }
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(v["coverage"]["match_rate"].as_f64().unwrap() > 0.0);
    assert!(
        v["selected"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "ledger")
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Match report: payments.txt"), "{text}");
    assert!(
        text.contains("## Missing") && text.contains("| ledger |"),
        "{text}"
    );
}

#[test]
fn min_match_gates_the_exit_status() {
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            PAYMENTS,
            "--content",
            FULL,
            "--min-match",
            "1",
        ])
        .succeeds();
    assert!(
        run.stdout().starts_with("# Robin Example"),
        "{}",
        run.stdout()
    );
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            "examples/frontend-designer.md",
            "--min-match",
            "90",
        ])
        .fails_with(1)
        .stderr_has("is below --min-match 90%");
    assert!(!run.stdout().is_empty(), "the résumé is still written");
    // An out-of-range percentage is a usage error.
    Tailor::new()
        .args(["compose", "--job", PAYMENTS, "--min-match", "120"])
        .fails_with(2);
}
