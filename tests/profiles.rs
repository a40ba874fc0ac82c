//! Profiles and templates through the binary: every shipped profile on every
//! example, profiles differing as configured, strict profile files, template
//! directories overriding file by file, export, and tailored skills.

mod common;

use common::{bullets, run};

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
                let (code, out, err) = run(&[
                    "compose",
                    "--profile",
                    profile,
                    "--job",
                    job,
                    "--format",
                    format,
                ]);
                assert_eq!(code, 0, "{profile} {job} {format}: {err}");
                assert!(!out.is_empty());
            }
        }
    }
}

fn report(profile: &str, job: &str) -> serde_json::Value {
    common::compose_report(&["--profile", profile, "--job", job])
}

#[test]
fn two_profiles_differ_as_configured() {
    let job = "examples/engineering-manager.txt";
    let (_, default, _) = run(&["compose", "--job", job]);
    let (_, lead, _) = run(&["compose", "--profile", "engineering-lead", "--job", job]);
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
    // Budget: one page against 350 words.
    let d = report("default", job);
    let l = report("engineering-lead", job);
    assert_eq!(d["budget"]["unit"], "pages");
    assert_eq!(
        l["budget"],
        serde_json::json!({"unit": "words", "amount": 350})
    );
    assert!(l["used"].as_u64().unwrap() <= 350);
    // Sections: the payments profile leads with experience and ends with the summary.
    let (_, pay, _) = run(&["compose", "--profile", "payments", "--job", job]);
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
    let d = common::compose_report(&[
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
    let (code, _, err) = run(&[
        "compose",
        "--profile",
        "tests/fixtures/bad-profile.yaml",
        "--job",
        EXAMPLES[0],
    ]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: tests/fixtures/bad-profile.yaml:2:1: "),
        "{err}"
    );
    assert!(
        err.contains("unknown field `budgt`") && err.contains("did you mean `budget`?"),
        "{err}"
    );
    let (code, _, err) = run(&["compose", "--profile", "payment", "--job", EXAMPLES[0]]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no profile `payment`") && err.contains("did you mean `payments`?"),
        "{err}"
    );
}

#[test]
fn overriding_one_partial_changes_only_that_part() {
    let base = ["compose", "--job", EXAMPLES[1]];
    let (_, default, _) = run(&base);
    let mut args = base.to_vec();
    args.extend(["--templates", "tests/fixtures/templates/skills-only"]);
    let (code, custom, err) = run(&args);
    assert_eq!(code, 0, "{err}");
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
    let (code, _, err) = run(&[
        "compose",
        "--job",
        EXAMPLES[1],
        "--templates",
        "tests/fixtures/templates/broken",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: tests/fixtures/templates/broken/partials/md/skills.hbs:"),
        "{err}"
    );
    assert!(err.contains("template syntax error"), "{err}");
}

#[test]
fn exported_templates_render_the_same_and_export_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("t");
    let (code, out, err) = run(&["templates", "export", d.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote 14 template files"), "{out}");
    assert!(d.join("partials/html/style.css.hbs").is_file());
    for format in ["md", "html"] {
        let (_, builtin, _) = run(&["compose", "--job", EXAMPLES[0], "--format", format]);
        let (_, exported, _) = run(&[
            "compose",
            "--job",
            EXAMPLES[0],
            "--format",
            format,
            "--templates",
            d.to_str().unwrap(),
        ]);
        assert_eq!(builtin, exported, "{format}");
    }
    let (code, _, err) = run(&["templates", "export", d.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn skills_the_posting_mentions_come_first_or_alone() {
    let (_, md, _) = run(&["compose", "--job", EXAMPLES[1]]);
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
    let (_, lead, _) = run(&[
        "compose",
        "--profile",
        "engineering-lead",
        "--job",
        EXAMPLES[2],
    ]);
    let lead_skills = lead.split("## Skills").nth(1).unwrap();
    assert!(
        !lead_skills.contains("GraphQL API migration"),
        "matching only: {lead_skills}"
    );
    assert!(!bullets(&lead).is_empty());
}

#[test]
fn pdf_without_chromium_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.pdf");
    let o = common::tailor()
        .args([
            "compose",
            "--job",
            EXAMPLES[0],
            "--out",
            out.to_str().unwrap(),
        ])
        .env("TAILOR_CHROMIUM", "/nonexistent/chromium")
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--format pdf needs Chromium") && err.contains("apt-get install chromium"),
        "{err}"
    );
    assert!(!out.exists());
}
