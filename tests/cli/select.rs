//! Selection through the binary: budget units, rules, age handling, order,
//! and the explanation of what was left out.

use crate::harness::{Tailor, bullets, compose_report as report};

const FULL: &str = "tests/fixtures/content/full";
const PAYMENTS: &str = "tests/fixtures/postings/payments.txt";

/// Composes for the fixture posting from the fixture library, plus `extra`.
fn compose_full(extra: &[&str]) -> Tailor {
    Tailor::new()
        .args(["compose", "--job", PAYMENTS, "--content", FULL])
        .args(extra)
}

#[test]
fn every_budget_unit_is_honoured() {
    for (budget, unit) in [
        ("3000c", "chars"),
        ("1200c", "chars"),
        ("60l", "lines"),
        ("12l", "lines"),
        ("1p", "pages"),
    ] {
        let run = Tailor::new()
            .args([
                "compose",
                "--job",
                "examples/payments-engineer.md",
                "--budget",
                budget,
            ])
            .succeeds();
        let b = bullets(run.stdout());
        assert!(!b.is_empty(), "{budget}");
        let v = report(&["--job", "examples/payments-engineer.md", "--budget", budget]);
        let (used, capacity) = (v["used"].as_u64().unwrap(), v["capacity"].as_u64().unwrap());
        assert!(used <= capacity, "{budget}: {used} > {capacity}");
        assert_eq!(v["budget"]["unit"], unit);
        if unit == "chars" {
            let chars: usize = b
                .iter()
                .map(|x| tailor::text::plain(x).chars().count())
                .sum();
            assert!(chars as u64 <= capacity, "{budget}: {chars} characters");
        }
    }
    Tailor::new()
        .args(["compose", "--job", PAYMENTS, "--budget", "12x"])
        .fails_with(2)
        .stderr_has("use words (450), characters (3000c), lines (60l) or pages (1p)");
}

#[test]
fn exclude_require_and_pin_are_hard_rules() {
    let run = compose_full(&["--exclude", "tag:payments"]).run();
    let md = run.stdout();
    let b = bullets(md).join("\n");
    assert!(
        !b.contains("payments ledger") && !b.contains("fraud rules"),
        "{md}"
    );
    let run = compose_full(&["--exclude", "ledger"]).run();
    let md = run.stdout();
    assert!(!bullets(md).join("\n").contains("payments ledger"), "{md}");
    compose_full(&["--require", "tag:reporting"])
        .run()
        .stdout_has("nightly batch reports");
    compose_full(&["--require", "tag:cobol"])
        .fails_with(2)
        .stderr_has("--require tag:cobol: no achievement in the library has that tag");
    compose_full(&["--pin", "ledgr"])
        .fails_with(2)
        .stderr_has("--pin ledgr: no achievement has that id; did you mean `ledger`?");
}

#[test]
fn per_role_limits_and_library_order() {
    let run = compose_full(&["--max-per-role", "1"]).run();
    let md = run.stdout();
    let staff = md.split("### Senior Engineer").next().unwrap();
    assert_eq!(bullets(staff).len(), 1, "{md}");
    let run = compose_full(&["--order", "library", "--budget", "1000", "--pin", "xss"]).run();
    let b = bullets(run.stdout());
    let pos = |s: &str| b.iter().position(|x| x.contains(s)).unwrap();
    assert!(
        pos("payments ledger") < pos("fraud rules") && pos("fraud rules") < pos("Mentored"),
        "{b:?}"
    );
}

#[test]
fn old_roles_show_a_title_or_go() {
    let old = ["--max-age", "8", "--as-of", "2025-01"];
    // The title line stays.
    compose_full(&old)
        .succeeds()
        .stdout_has("### Platform Engineer, Oldco")
        .stdout_lacks("nightly batch");
    compose_full(&old)
        .args(["--old-roles", "drop"])
        .run()
        .stdout_lacks("Oldco");
}

#[test]
fn explain_says_why_each_left_out_achievement_is_out() {
    let run = compose_full(&["--budget", "30", "--exclude", "oncall", "--explain"])
        .succeeds()
        .stderr_has("method: exact (branch and bound")
        .stderr_has("oncall")
        .stderr_has("excluded by rule `oncall`");
    let (md, err) = (run.stdout(), run.stderr());
    assert!(
        md.starts_with("# Robin Example"),
        "the résumé stays clean on stdout"
    );
    assert!(err.starts_with("Selection: "), "{err}");
    assert!(
        err.contains("no posting term matched") || err.contains("no room in the budget"),
        "{err}"
    );
    let v = report(&[
        "--job",
        PAYMENTS,
        "--content",
        FULL,
        "--budget",
        "30",
        "--exclude",
        "oncall",
    ]);
    let out = v["left_out"].as_array().unwrap();
    let oncall = out.iter().find(|l| l["id"] == "oncall").unwrap();
    assert_eq!(oncall["reason"], "excluded");
    assert_eq!(oncall["rule"], "oncall");
    assert!(v["method"].as_str().unwrap().starts_with("exact"));
}

#[test]
fn soft_default_gives_way_and_says_so() {
    // 12 words: the pinned mentoring line (6) leaves room for only one more role.
    let v = report(&["--job", PAYMENTS, "--content", FULL, "--budget", "12"]);
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("gave way to the budget for `Platform Engineer`")),
        "{notes:?}"
    );
    assert!(v["used"].as_u64().unwrap() <= 12);
}

/// A new user's first run on the platform example: the newest role leads,
/// and one migration told three ways goes in once.
#[test]
fn the_newest_role_leads_and_one_story_is_told_once() {
    let v = report(&["--job", "examples/backend-platform.txt"]);
    let selected = v["selected"].as_array().unwrap();
    let in_role = |role: &str| selected.iter().filter(|s| s["role"] == role).count();
    let (staff, senior) = (
        in_role("Staff Backend Engineer"),
        in_role("Senior Backend Engineer"),
    );
    // It leads, or shows all it has (the page holds more than it).
    let left = v["left_out"].as_array().unwrap();
    let staff_left = left
        .iter()
        .filter(|l| l["role"] == "Staff Backend Engineer" && l["reason"] != "redundant")
        .count();
    assert!(
        staff >= senior || staff_left == 0,
        "Staff {staff}, Senior {senior}"
    );
    assert!(senior > 0);
    let migration = [
        "graphql-migration",
        "page-load-speedup",
        "googlebot-crawl-rate",
    ];
    let told: Vec<&str> = selected
        .iter()
        .filter_map(|s| s["id"].as_str())
        .filter(|id| migration.contains(id))
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    // What was left out says why: redundant with the telling chosen.
    for id in migration.iter().filter(|id| !told.contains(id)) {
        let l = left.iter().find(|l| l["id"] == *id).expect(id);
        assert_eq!(l["reason"], "redundant", "{l}");
        assert_eq!(l["with"], told[0], "{l}");
    }
}
