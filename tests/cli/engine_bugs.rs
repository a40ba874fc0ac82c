//! Regression tests for the bugs a new user hit before the engine and the
//! one `Output` type (issue 14), each named after its bug; and the module
//! graph's rules (no command imports another, no import cycle).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::harness::{Tailor, files_in};

#[test]
fn batch_never_writes_two_formats_to_one_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    Tailor::new()
        .args(["batch", "examples", "--out-dir"])
        .arg(&out)
        .args(["--format", "md,html,jsonresume", "--quiet"])
        .succeeds();
    let files = files_in(&out);
    for stem in [
        "backend-platform",
        "engineering-manager",
        "frontend-designer",
        "payments-engineer",
    ] {
        for ext in ["md", "html", "json"] {
            assert!(files.contains(&format!("{stem}.{ext}")), "{files:?}");
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("payments-engineer.json")).unwrap())
            .unwrap();
    assert!(json["meta"]["tailor"].is_object(), "a JSON Resume document");
    let html = std::fs::read_to_string(out.join("payments-engineer.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(
        csv.contains("payments-engineer.md; payments-engineer.html; payments-engineer.json"),
        "{csv}"
    );
}

#[test]
fn manifest_content_hash_does_not_depend_on_the_profile() {
    let hash = |profile: &str| {
        Tailor::new()
            .args([
                "compose",
                "--job",
                "examples/payments-engineer.md",
                "--format",
                "jsonresume",
                "--profile",
                profile,
            ])
            .succeeds()
            .stdout_json()["meta"]["tailor"]["content_hash"]
            .clone()
    };
    assert_eq!(hash("payments"), hash("default"));
}

#[test]
fn unknown_output_extension_is_an_error_not_markdown() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["resume.odt", "resume.rtf"] {
        let out = dir.path().join(name);
        Tailor::new()
            .args(["compose", "--job", "examples/payments-engineer.md", "--out"])
            .arg(&out)
            .fails_with(2)
            .stderr_has("tailor cannot write")
            .stderr_has(".md, .markdown, .html, .htm, .pdf, .docx, .txt, .text, .json");
        assert!(!out.exists());
    }
}

#[cfg(unix)]
#[test]
fn written_files_get_the_umask_mode_not_0600() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    let report = dir.path().join("r.json");
    Tailor::new()
        .args(["compose", "--job", "examples/payments-engineer.md", "--out"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .succeeds();
    // What a file made the ordinary way gets under this process's umask.
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "x").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), mode(&plain));
    assert_eq!(mode(&report), mode(&plain));
}

#[test]
fn check_templates_renders_and_rejects_a_misspelt_field() {
    Tailor::new()
        .args(["check", "--templates", "tests/fixtures/templates/misspelt"])
        .fails_with(2)
        .stderr_has("misspelt/resume.md.hbs:1:")
        .stderr_has("`titel`");
}

#[test]
fn check_of_other_content_still_lints_when_profiles_pin_what_it_lacks() {
    // The shipped profiles pin ids of the shipped content, which the eval
    // library does not have: a warning each, and the lints still run.
    Tailor::new()
        .args(["check", "--content", "tests/eval/library.yaml"])
        .succeeds()
        .stdout_has("pins `")
        .stdout_has("which this library does not have")
        .stdout_has("warnings");
}

#[test]
fn explain_takes_a_profile_and_agrees_with_score() {
    let score = |args: &[&str]| {
        let json = Tailor::new()
            .args([
                "score",
                "--job",
                "examples/payments-engineer.md",
                "--format",
                "json",
            ])
            .args(args)
            .succeeds()
            .stdout_json();
        let row = json["ranking"][0].clone();
        (
            row["id"].as_str().unwrap().to_string(),
            row["score"].as_f64().unwrap(),
        )
    };
    let (id, with_profile) = score(&["--profile", "payments"]);
    let explained = Tailor::new()
        .args([
            "explain",
            "--job",
            "examples/payments-engineer.md",
            "--id",
            &id,
            "--profile",
            "payments",
            "--format",
            "json",
        ])
        .succeeds()
        .stdout_json();
    assert_eq!(explained["score"].as_f64().unwrap(), with_profile);
}

#[test]
fn compose_out_prints_one_line_with_the_path_and_match_rate() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    let run = Tailor::new()
        .args(["compose", "--job", "examples/payments-engineer.md", "--out"])
        .arg(&out)
        .succeeds();
    let err = run.stderr();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("wrote ") && err.contains("match rate "),
        "{err}"
    );
    assert!(err.contains(" key terms)"), "{err}");
}

#[test]
fn counts_are_singular_and_plural_and_the_profile_has_one_name() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("one.yaml");
    std::fs::write(
        &lib,
        "experience:\n  - title: Engineer\n    start: 2020-01\n    achievements:\n      - id: one\n        text: Cut p99 latency by 40% in Go.\n",
    )
    .unwrap();
    Tailor::new()
        .args(["check", "--content"])
        .arg(&lib)
        .succeeds()
        .stdout_has("content: 1 role, 1 achievement — valid");
    let json = Tailor::new()
        .args([
            "compose",
            "--job",
            "examples/payments-engineer.md",
            "--format",
            "jsonresume",
        ])
        .succeeds()
        .stdout_json();
    assert_eq!(json["meta"]["tailor"]["profile"], "default");
}

#[test]
fn budget_help_states_the_real_default() {
    Tailor::new()
        .args(["compose", "--help"])
        .succeeds()
        .stdout_has("the built-in default")
        .stdout_lacks("else 400 words]");
}

/// `use crate::…` and `crate::…::` paths of each module under `src/`,
/// outside comments and test modules: (module, modules it uses).
fn use_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let rel = p.strip_prefix(&root).unwrap().with_extension("");
            let parts: Vec<String> = rel
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| s != "mod")
                .collect();
            let module = match parts.as_slice() {
                [one] if one == "lib" || one == "main" => continue,
                [cmd, sub, ..] if cmd == "cmd" => format!("cmd::{sub}"),
                [first, ..] => first.clone(),
                [] => continue,
            };
            let text = std::fs::read_to_string(&p).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let deps = graph.entry(module.clone()).or_default();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (i, _) in line.match_indices("crate::") {
                    let rest = &line[i + 7..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    let dep = if name == "cmd" {
                        let sub: String = rest[5..]
                            .chars()
                            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                            .collect();
                        if sub.is_empty() {
                            "cmd".to_string()
                        } else {
                            format!("cmd::{sub}")
                        }
                    } else {
                        name
                    };
                    if !dep.is_empty() && dep != module && !module.starts_with(&format!("{dep}::"))
                    {
                        deps.insert(dep);
                    }
                }
                if module.starts_with("cmd::") {
                    for (i, _) in line.match_indices("super::") {
                        let rest = &line[i + 7..];
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                            .collect();
                        if rest[name.len()..].starts_with("::") {
                            deps.insert(format!("cmd::{name}"));
                        }
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn no_command_module_imports_another() {
    for (module, deps) in use_graph() {
        if module.starts_with("cmd::") {
            let others: Vec<_> = deps.iter().filter(|d| d.starts_with("cmd::")).collect();
            assert!(others.is_empty(), "src/{module} imports {others:?}");
        }
    }
}

#[test]
fn the_module_use_graph_has_no_cycle() {
    let graph = use_graph();
    // Depth-first search with colours: grey on the path, black done.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        colour: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) {
        colour.insert(m, 1);
        path.push(m);
        for d in graph.get(m).into_iter().flatten() {
            if !graph.contains_key(d) {
                continue;
            }
            match colour.get(d.as_str()) {
                Some(1) => panic!("import cycle: {} -> {d}", path.join(" -> ")),
                Some(_) => {}
                None => visit(d, graph, colour, path),
            }
        }
        path.pop();
        colour.insert(m, 2);
    }
    let mut colour = BTreeMap::new();
    for m in graph.keys() {
        if !colour.contains_key(m.as_str()) {
            visit(m, &graph, &mut colour, &mut Vec::new());
        }
    }
    assert!(graph.len() > 20, "the graph was read: {graph:?}");
}

#[test]
fn batch_reads_json_resume_job_postings_as_compose_does() {
    let dir = tempfile::tempdir().unwrap();
    let postings = dir.path().join("postings");
    std::fs::create_dir(&postings).unwrap();
    std::fs::write(
        postings.join("ledger-role.json"),
        r#"{"title": "Payments Engineer", "company": "Example Ledger Co",
            "qualifications": ["Go and PostgreSQL", "Idempotent payment APIs"],
            "responsibilities": ["Own the ledger and reconciliation services"]}"#,
    )
    .unwrap();
    let out = dir.path().join("out");
    Tailor::new()
        .args(["batch"])
        .arg(&postings)
        .arg("--out-dir")
        .arg(&out)
        .arg("--quiet")
        .succeeds()
        .stdout_has("1 posting, 1 tailored, 0 failed");
    assert!(out.join("ledger-role.md").is_file(), "{:?}", files_in(&out));
}

#[test]
fn diff_of_equal_match_rates_says_no_change_not_plus_zero_points() {
    Tailor::new()
        .args([
            "diff",
            "--job",
            "examples/payments-engineer.md",
            "--budget",
            "1p",
            "--budget",
            "1p",
        ])
        .run()
        .stdout_has("(no change, each against its own posting)")
        .stdout_lacks("+0 points");
}

#[test]
fn the_batch_report_is_a_template_a_profile_can_override_and_it_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("report.html.hbs"),
        "<title>tailor batch report</title>{{#rows}}<p>{{posting}}</p>{{/rows}}\n",
    )
    .unwrap();
    let profile = dir.path().join("mine.yaml");
    std::fs::write(&profile, "templates: templates\n").unwrap();
    let postings = dir.path().join("postings");
    std::fs::create_dir(&postings).unwrap();
    std::fs::write(
        postings.join("a<b>.txt"),
        "Payments engineer: Go, PostgreSQL, ledgers.",
    )
    .unwrap();
    let out = dir.path().join("out");
    let batch = || {
        Tailor::new()
            .args(["batch"])
            .arg(&postings)
            .arg("--out-dir")
            .arg(&out)
            .arg("--profile")
            .arg(&profile)
            .arg("--quiet")
    };
    batch().succeeds();
    let page = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(page.contains("a&lt;b&gt;.txt</p>"), "{page}");
    assert!(
        !page.contains("Coverage matrix"),
        "the built-in page was used: {page}"
    );

    // Rows are a block rendered one at a time (a report over thousands of
    // postings once took 160 MB to build whole); an override written for
    // `{{#each rows}}` is told how to write it, and nothing is written.
    std::fs::write(
        templates.join("report.html.hbs"),
        "<title>tailor batch report</title>{{#each rows}}<p>{{posting}}</p>{{/each}}\n",
    )
    .unwrap();
    let before = std::fs::read_to_string(out.join("report.html")).unwrap();
    batch()
        .fails_with(2)
        .stderr_has("report.html.hbs:1:")
        .stderr_has("write `{{#rows}}…{{/rows}}`, not `{{#each rows}}`");
    assert_eq!(
        std::fs::read_to_string(out.join("report.html")).unwrap(),
        before,
        "the report was clobbered"
    );
}

#[test]
fn import_finishes_when_one_job_ends_before_it_starts_and_flags_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resume.json");
    std::fs::write(
        &file,
        r#"{"basics": {"name": "Ada Example"},
            "work": [
              {"name": "Old Co", "position": "Engineer", "startDate": "2019-05-01",
               "endDate": "2018-03-01", "highlights": ["Cut build times by 40% with a shared cache."]},
              {"name": "New Co", "position": "Staff Engineer", "startDate": "2020-01-01",
               "summary": "Led the payments ledger rewrite in Go."}
            ]}"#,
    )
    .unwrap();
    let out = dir.path().join("content");
    Tailor::new()
        .arg("import")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .succeeds()
        .stdout_has("endDate 2018-03 is before startDate 2019-05");
    let yaml = std::fs::read_to_string(out.join("resume.yaml")).unwrap();
    assert!(yaml.contains("# tailor: fix"), "{yaml}");
    assert!(!yaml.contains("../schemas/"), "{yaml}");
    // The summary-only role's text is an achievement once, not twice.
    assert_eq!(
        yaml.matches("Led the payments ledger rewrite").count(),
        1,
        "{yaml}"
    );
    Tailor::new()
        .args(["check", "--content"])
        .arg(out.join("resume.yaml"))
        .succeeds();
}

#[test]
fn batch_into_its_own_posting_folder_never_overwrites_a_posting() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("role.md");
    let text = "# Payments engineer\n\nGo, PostgreSQL and ledgers.\n";
    std::fs::write(&posting, text).unwrap();
    Tailor::new()
        .arg("batch")
        .arg(dir.path())
        .arg("--out-dir")
        .arg(dir.path())
        .arg("--quiet")
        .fails_with(1)
        .stderr_has("would overwrite the input");
    assert_eq!(std::fs::read_to_string(&posting).unwrap(), text);
}
