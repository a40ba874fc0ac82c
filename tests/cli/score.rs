//! `tailor score`: the ranking contract (JSON fields, order) and the ranking
//! a recruiter would expect on the shipped example postings.

use serde_json::Value;

use crate::harness::Tailor;

fn ranking(job: &str, content: Option<&str>) -> Vec<Value> {
    let mut args = vec!["score", "--job", job, "--format", "json"];
    if let Some(c) = content {
        args.extend(["--content", c]);
    }
    let v = Tailor::new().args(args).succeeds().stdout_json();
    v["ranking"].as_array().unwrap().clone()
}

fn ids(r: &[Value]) -> Vec<String> {
    r.iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_ranking_has_the_contract_fields_sorted_by_score() {
    let r = ranking("examples/payments-engineer.md", None);
    assert_eq!(r.len(), 22);
    for row in &r {
        assert!(row["id"].is_string());
        assert!(row["role"].is_string());
        assert!(row["score"].is_number());
        assert!(row["matched"].is_array());
    }
    let scores: Vec<f64> = r.iter().map(|x| x["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(!r[0]["matched"].as_array().unwrap().is_empty());
}

#[test]
fn ties_keep_library_order() {
    // Nothing in the library matches: every score is 0, order is the library's.
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("j.txt");
    std::fs::write(&job, "zebra xylophone quokka").unwrap();
    let r = ranking(job.to_str().unwrap(), Some("tests/fixtures/content/full"));
    assert_eq!(
        ids(&r),
        [
            "oldco-batch",
            "ledger",
            "fraud-rules",
            "mentoring",
            "xss",
            "kafka-events",
            "oncall"
        ]
    );
}

/// Every achievement in `picks` ranks above every one in `unrelated`.
fn assert_above(job: &str, picks: &[&str], unrelated: &[&str]) {
    let order = ids(&ranking(job, None));
    let pos = |id: &str| {
        order
            .iter()
            .position(|x| x == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    for p in picks {
        for u in unrelated {
            assert!(
                pos(p) < pos(u),
                "{job}: {p} (#{}) should rank above {u} (#{})\n{order:?}",
                pos(p) + 1,
                pos(u) + 1
            );
        }
    }
}

#[test]
fn payments_posting_ranks_payments_work_first() {
    assert_above(
        "examples/payments-engineer.md",
        &[
            "payment-exploit-rate-limiting",
            "subscription-platform-architecture",
            "monthly-renewals-scale",
        ],
        &[
            "page-load-speedup",
            "googlebot-crawl-rate",
            "retrospective-redesign",
        ],
    );
}

#[test]
fn backend_posting_ranks_reliability_and_api_work_first() {
    assert_above(
        "examples/backend-platform.txt",
        &[
            "runaway-celery-task",
            "pre-launch-monitoring-policy",
            "graphql-migration",
        ],
        &["ltv-growth", "series-c-funding", "ltv-cac-ratio"],
    );
}

#[test]
fn manager_posting_ranks_people_and_process_work_first() {
    assert_above(
        "examples/engineering-manager.txt",
        &[
            "subscriptions-team-hiring",
            "retrospective-redesign",
            "incident-command",
        ],
        &[
            "graphql-migration",
            "page-load-speedup",
            "googlebot-crawl-rate",
            "series-c-funding",
        ],
    );
}

#[test]
fn unrelated_posting_scores_lower_than_every_fitting_one() {
    let top = |job: &str| ranking(job, None)[0]["score"].as_f64().unwrap();
    let control = top("examples/frontend-designer.md");
    for job in [
        "examples/payments-engineer.md",
        "examples/backend-platform.txt",
        "examples/engineering-manager.txt",
    ] {
        assert!(
            control < top(job),
            "frontend top {control} vs {job} {}",
            top(job)
        );
    }
}

#[test]
fn text_output_explains_matches() {
    Tailor::new()
        .args([
            "score",
            "--job",
            "tests/fixtures/postings/payments.txt",
            "--content",
            "tests/fixtures/content/full",
        ])
        .succeeds()
        .stdout_has("matched:")
        // The phrase is shown.
        .stdout_has("payments ledger")
        .stdout_has("postgresql")
        .stdout_lacks("-0.00");
}

#[test]
fn json_has_coverage_with_match_rate_covered_and_missing() {
    let v = Tailor::new()
        .args([
            "score",
            "--job",
            "examples/payments-engineer.md",
            "--format",
            "json",
        ])
        .succeeds()
        .stdout_json();
    // An English posting is read as English.
    assert_eq!(v["language"], "en");
    let c = &v["coverage"];
    let rate = c["match_rate"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&rate), "{rate}");
    let covered = c["covered"].as_array().unwrap();
    let missing = c["missing"].as_array().unwrap();
    assert!(!covered.is_empty());
    for k in covered {
        assert!(k["term"].is_string() && k["weight"].is_number() && k["section"].is_string());
        // Covered by achievements, or by the headline, summary or skills.
        assert!(
            !k["by"].as_array().unwrap().is_empty() || k["elsewhere"].is_array(),
            "{k}"
        );
    }
    for k in missing {
        assert!(k["term"].is_string());
    }
    // Requirements come before the rest.
    let first = &covered.iter().chain(missing).next().unwrap()["section"];
    assert!(first == "title" || first == "requirements", "{first}");
}

#[test]
fn html_postings_are_read_with_their_sections() {
    let run = Tailor::new()
        .args([
            "score",
            "--job",
            "tests/fixtures/postings/payments.html",
            "--content",
            "tests/fixtures/content/full",
            "--format",
            "json",
        ])
        .succeeds()
        .stdout_lacks("track");
    let v = run.stdout_json();
    assert_eq!(v["title"], "Staff Engineer, Payments Platform");
    let r = v["ranking"].as_array().unwrap();
    // Both payments achievements lead; "payments ledger" counts once as one
    // concept with its words, so the fraud rules may come first.
    let top: Vec<&Value> = r.iter().take(2).map(|x| &x["id"]).collect();
    assert!(top.contains(&&Value::from("ledger")), "{r:?}");
    // The script and the benefits' Kafka mugs do not make Kafka a requirement.
    let kafka = r.iter().find(|x| x["id"] == "kafka-events").unwrap();
    assert!(kafka["score"].as_f64().unwrap() < 0.05 * r[0]["score"].as_f64().unwrap());
}

#[test]
fn explain_shows_each_term_with_kind_section_weight_and_contribution() {
    let run = Tailor::new()
        .args([
            "explain",
            "--job",
            "tests/fixtures/postings/payments.txt",
            "--content",
            "tests/fixtures/content/full",
            "--id",
            "fraud-rules",
        ])
        .succeeds();
    let out = run.stdout();
    assert!(
        out.starts_with("fraud-rules (Staff Engineer) for payments.txt: score "),
        "{out}"
    );
    assert!(
        out.contains("term") && out.contains("contribution"),
        "{out}"
    );
    let rate_line = out
        .lines()
        .find(|l| l.starts_with("rate limiting"))
        .expect("phrase row");
    assert!(
        rate_line.contains("exact") && rate_line.contains("requirements"),
        "{rate_line}"
    );
    let v = Tailor::new()
        .args([
            "explain",
            "--job",
            "tests/fixtures/postings/payments.txt",
            "--content",
            "tests/fixtures/content/full",
            "--id",
            "fraud-rules",
            "--format",
            "json",
        ])
        .succeeds()
        .stdout_json();
    let total: f64 = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["contribution"].as_f64().unwrap())
        .sum();
    assert!(
        (total - v["score"].as_f64().unwrap()).abs() < 0.01,
        "contributions add up to the score"
    );
}

#[test]
fn explain_unknown_id_suggests_one() {
    Tailor::new()
        .args([
            "explain",
            "--job",
            "tests/fixtures/postings/payments.txt",
            "--content",
            "tests/fixtures/content/full",
            "--id",
            "fraud-rule",
        ])
        .fails_with(2)
        .stderr_has("no achievement `fraud-rule`")
        .stderr_has("did you mean `fraud-rules`?");
}
