//! Profiles and templates through the binary: every shipped profile on every
//! example, profiles differing as configured, strict profile files, template
//! directories overriding file by file, export, and tailored skills.

use crate::harness::{Tailor, bullets, compose_report};

/// Runs `tailor compose` with `args`, whatever the exit status.
fn compose(args: &[&str]) -> String {
    Tailor::new().arg("compose").args(args).run().into_stdout()
}

const EXAMPLES: [&str; 4] = [
    "examples/backend-platform.txt",
    "examples/payments-engineer.md",
    "examples/engineering-manager.txt",
    "examples/frontend-designer.md",
];

#[test]
fn every_shipped_profile_works_on_every_example() {
    for profile in ["default", "staff-backend", "engineering-lead", "payments"] {
        for job in EXAMPLES {
            for format in ["md", "html"] {
                let run = Tailor::new()
                    .args([
                        "compose",
                        "--profile",
                        profile,
                        "--job",
                        job,
                        "--format",
                        format,
                    ])
                    .succeeds();
                assert!(!run.stdout().is_empty(), "{profile} {job} {format}");
            }
        }
    }
}

fn report(profile: &str, job: &str) -> serde_json::Value {
    compose_report(&["--profile", profile, "--job", job])
}

#[test]
fn two_profiles_differ_as_configured() {
    let job = "examples/engineering-manager.txt";
    let default = compose(&["--job", job]);
    let lead = compose(&["--profile", "engineering-lead", "--job", job]);
    // Headline (the title here: the content has no name) and summary.
    assert!(
        default.starts_with("# Staff Backend Engineer\n"),
        "{default}"
    );
    assert!(
        lead.starts_with("# Engineering Lead: hiring, incident culture"),
        "{lead}"
    );
    assert!(lead.contains("Backend engineering leader who hires"));
    // Budget: one page each, A4 against Letter, laid out to fit.
    let d = report("default", job);
    let l = report("engineering-lead", job);
    for r in [&d, &l] {
        assert_eq!(
            r["budget"],
            serde_json::json!({"unit": "pages", "amount": 1.0})
        );
        assert_eq!(r["layout"]["pages"], 1, "{r}");
    }
    // Sections: the payments profile leads with experience and ends with the summary.
    let pay = compose(&["--profile", "payments", "--job", job]);
    let e = pay.find("## Experience").unwrap();
    let sk = pay.find("## Skills").unwrap();
    let su = pay.find("## Summary").unwrap();
    assert!(e < sk && sk < su, "{pay}");
    // Rules: the payments profile pins gross-margin-lift; staff-backend excludes a retro.
    let p = report("payments", "examples/frontend-designer.md");
    assert!(
        p["selected"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "gross-margin-lift")
    );
    let s = report("staff-backend", job);
    assert!(
        !s["selected"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "retrospective-redesign")
    );
    assert!(
        s["left_out"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == "retrospective-redesign" && x["reason"] == "excluded")
    );
}

#[test]
fn command_line_flags_override_the_profile() {
    let d = compose_report(&[
        "--profile",
        "engineering-lead",
        "--job",
        EXAMPLES[0],
        "--budget",
        "120",
    ]);
    assert_eq!(d["budget"]["amount"], 120);
}

#[test]
fn profile_errors_name_file_line_and_suggestion() {
    let run = Tailor::new()
        .args([
            "compose",
            "--profile",
            "tests/fixtures/bad-profile.yaml",
            "--job",
            EXAMPLES[0],
        ])
        .fails_with(2)
        .stderr_has("unknown field `budgt`")
        .stderr_has("did you mean `budget`?");
    let err = run.stderr();
    assert!(
        err.starts_with("error: tests/fixtures/bad-profile.yaml:2:1: "),
        "{err}"
    );
    Tailor::new()
        .args(["compose", "--profile", "payment", "--job", EXAMPLES[0]])
        .fails_with(2)
        .stderr_has("no profile `payment`")
        .stderr_has("did you mean `payments`?");
}

#[test]
fn overriding_one_partial_changes_only_that_part() {
    let default = compose(&["--job", EXAMPLES[1]]);
    let custom = Tailor::new()
        .args(["compose", "--job", EXAMPLES[1]])
        .args(["--templates", "tests/fixtures/templates/skills-only"])
        .succeeds()
        .into_stdout();
    let cut = |s: &str| {
        s.split("## ")
            .filter(|part| !part.starts_with("Skills") && !part.starts_with("Toolbox"))
            .collect::<Vec<_>>()
            .join("## ")
    };
    assert_eq!(
        cut(&default),
        cut(&custom),
        "everything but the skills section is unchanged"
    );
    assert!(!custom.contains("## Skills"));
    insta::assert_snapshot!("partial_override_md", custom);
}

#[test]
fn a_broken_partial_names_its_file_and_line() {
    let run = Tailor::new()
        .args([
            "compose",
            "--job",
            EXAMPLES[1],
            "--templates",
            "tests/fixtures/templates/broken",
        ])
        .fails_with(2)
        .stderr_has("template syntax error");
    let err = run.stderr();
    assert!(
        err.starts_with("error: tests/fixtures/templates/broken/partials/md/skills.hbs:"),
        "{err}"
    );
}

#[test]
fn exported_templates_render_the_same_and_export_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("t");
    let export = || Tailor::new().args(["templates", "export", d.to_str().unwrap()]);
    export().succeeds().stdout_has("wrote 27 template files");
    assert!(d.join("partials/html/style.css.hbs").is_file());
    for format in ["md", "html"] {
        let builtin = compose(&["--job", EXAMPLES[0], "--format", format]);
        let exported = compose(&[
            "--job",
            EXAMPLES[0],
            "--format",
            format,
            "--templates",
            d.to_str().unwrap(),
        ]);
        assert_eq!(builtin, exported, "{format}");
    }
    export().fails_with(2).stderr_has("already exists");
}

#[test]
fn skills_the_posting_mentions_come_first_or_alone() {
    let md = compose(&["--job", EXAMPLES[1]]);
    let skills = md.split("## Skills").nth(1).unwrap();
    let pay = skills
        .lines()
        .find(|l| l.contains("Payments & Subscriptions"))
        .unwrap();
    // The payments posting mentions subscription billing and payment processing.
    let first = pay.split(":** ").nth(1).unwrap();
    assert!(
        first.starts_with("Subscription billing") || first.starts_with("Payment processing"),
        "{pay}"
    );
    let lead = compose(&["--profile", "engineering-lead", "--job", EXAMPLES[2]]);
    let lead_skills = lead.split("## Skills").nth(1).unwrap();
    assert!(
        !lead_skills.contains("GraphQL API migration"),
        "matching only: {lead_skills}"
    );
    assert!(!bullets(&lead).is_empty());
}

#[test]
fn pdf_needs_no_browser_and_is_the_same_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for name in ["a.pdf", "b.pdf"] {
        let out = dir.path().join(name);
        Tailor::new()
            .args([
                "compose",
                "--job",
                EXAMPLES[0],
                "--out",
                out.to_str().unwrap(),
            ])
            .env("TAILOR_CHROMIUM", "/nonexistent/chromium")
            .env("PATH", "/nonexistent")
            .succeeds();
        files.push(std::fs::read(&out).unwrap());
    }
    assert!(files[0].starts_with(b"%PDF"));
    assert!(files[0] == files[1], "two runs give the same bytes");
}
