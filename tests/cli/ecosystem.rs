//! Ecosystem commands: JSON Schemas (valid, fresh, and the shipped files
//! validate), init, check, completions and the man page; and how the binary
//! is linked.

use std::path::Path;

use crate::harness::{Tailor, jsonresume_dir};

fn yaml_as_json(path: &Path) -> serde_json::Value {
    let v: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::to_value(v).unwrap()
}

fn schema(which: &str) -> serde_json::Value {
    Tailor::new()
        .args(["schema", which])
        .succeeds()
        .stdout_json()
}

#[test]
fn schemas_are_valid_fresh_and_the_shipped_files_validate() {
    for (which, files) in [
        (
            "content",
            vec![
                "content/profile.yaml",
                "content/experience.yaml",
                "tests/eval/library.yaml",
                "tests/fixtures/content/bilingual.yaml",
            ],
        ),
        (
            "profile",
            vec![
                "profiles/default.yaml",
                "profiles/staff-backend.yaml",
                "profiles/engineering-lead.yaml",
                "profiles/payments.yaml",
            ],
        ),
    ] {
        let s = schema(which);
        assert!(
            jsonschema::meta::is_valid(&s),
            "{which}: a valid JSON Schema"
        );
        let committed: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("schemas/{which}.schema.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            committed, s,
            "schemas/{which}.schema.json is stale: tailor schema {which} > schemas/{which}.schema.json"
        );
        let validator = jsonschema::validator_for(&s).unwrap();
        for f in files {
            let doc = yaml_as_json(Path::new(f));
            let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{f}: {errors:?}");
            if !f.starts_with("tests/") {
                let first = std::fs::read_to_string(f)
                    .unwrap()
                    .lines()
                    .next()
                    .unwrap()
                    .to_string();
                assert_eq!(
                    first,
                    format!("# yaml-language-server: $schema=../schemas/{which}.schema.json"),
                    "{f}"
                );
            }
        }
        // And it rejects what the loader rejects.
        let bad = if which == "content" {
            serde_json::json!({"experience": [{"title": "x", "achievements": [{"id": "a", "txt": "b"}]}]})
        } else {
            serde_json::json!({"budgt": 3})
        };
        assert!(!validator.is_valid(&bad), "{which}");
    }
}

#[test]
fn init_scaffolds_a_folder_that_works_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("me");
    Tailor::new()
        .args(["init", d.to_str().unwrap()])
        .succeeds()
        .stdout_has("next:");
    for f in [
        "content/resume.yaml",
        "profiles/default.yaml",
        "postings/example.txt",
        "schemas/content.schema.json",
    ] {
        assert!(d.join(f).is_file(), "{f}");
    }
    Tailor::new()
        .args([
            "compose",
            "--job",
            d.join("postings/example.txt").to_str().unwrap(),
            "--content",
            d.join("content").to_str().unwrap(),
        ])
        .succeeds()
        .stdout_has("Cut checkout p99 latency");
    Tailor::new()
        .args([
            "check",
            "--content",
            d.join("content").to_str().unwrap(),
            "--profiles",
            d.join("profiles").to_str().unwrap(),
        ])
        .succeeds();
    Tailor::new()
        .args(["init", d.to_str().unwrap()])
        .fails_with(2)
        .stderr_has("already exists; tailor init never overwrites");
}

#[test]
fn check_validates_and_lints() {
    Tailor::new()
        .arg("check")
        .succeeds()
        .stdout_has("content: 2 roles, 22 achievements — valid")
        .stdout_has("profiles: 4 in profiles — valid")
        .stdout_has("warning: cross-functional-dri: no measurable result");
    Tailor::new()
        .args(["check", "--deny-warnings"])
        .fails_with(2)
        .stderr_has("6 warnings and --deny-warnings");
    Tailor::new()
        .args(["check", "--content", "tests/fixtures/bad/unknown-key.yaml"])
        .fails_with(2)
        .stderr_has("did you mean `text`?");
    Tailor::new()
        .args(["check", "--templates", "tests/fixtures/templates/broken"])
        .fails_with(2)
        .stderr_has("partials/md/skills.hbs");
}

#[test]
fn completions_and_man_page() {
    Tailor::new()
        .args(["completions", "bash"])
        .succeeds()
        .stdout_has("_tailor()")
        .stdout_has("compose");
    Tailor::new()
        .args(["completions", "zsh"])
        .succeeds()
        .stdout_has("#compdef tailor");
    Tailor::new()
        .arg("man")
        .succeeds()
        .stdout_has(".TH tailor")
        .stdout_has("compose");
}

#[test]
fn json_resume_job_documents_are_postings_with_their_structure() {
    let Some(dir) = jsonresume_dir() else {
        return;
    };
    let sample = format!("{dir}/sample.job.json");
    let v = Tailor::new()
        .args([
            "score",
            "--job",
            &sample,
            "--format",
            "json",
            "--content",
            "tests/eval/library.yaml",
        ])
        .succeeds()
        .stdout_json();
    assert_eq!(v["title"], "Web Developer");
    // Skill keywords are requirements, and the frontend work ranks first.
    let terms: Vec<&serde_json::Value> = v["coverage"]["covered"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["coverage"]["missing"].as_array().unwrap())
        .collect();
    let react = terms
        .iter()
        .find(|t| t["term"] == "react")
        .expect("react is a key term");
    assert_eq!(react["section"], "requirements");
    // The two best are achievements graded 3 for the frontend evaluation posting.
    let frontend = [
        "react-typescript-migration",
        "component-library",
        "wcag-remediation",
        "bundle-size-reduction",
    ];
    for r in &v["ranking"].as_array().unwrap()[..2] {
        assert!(frontend.contains(&r["id"].as_str().unwrap()), "{}", r["id"]);
    }

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("job.json");
    std::fs::write(&bad, "{\"title\": [1]}").unwrap();
    Tailor::new()
        .args(["score", "--job", bad.to_str().unwrap()])
        .fails_with(2)
        .stderr_has("not a JSON Resume job document (line 1, column");
}

#[test]
fn jsonresume_output_validates_against_the_json_resume_schema() {
    let Some(dir) = jsonresume_dir() else {
        return;
    };
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (content, job) in [
        ("content", "examples/payments-engineer.md"),
        (
            "tests/fixtures/content/full",
            "tests/fixtures/postings/payments.txt",
        ),
    ] {
        let doc = Tailor::new()
            .args([
                "compose",
                "--job",
                job,
                "--content",
                content,
                "--format",
                "jsonresume",
                "--budget",
                "10000",
            ])
            .succeeds()
            .stdout_json();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{content}: {errors:?}");
        assert!(doc["meta"]["tailor"]["selected"].is_array());
        let highlights: usize = doc["work"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["highlights"].as_array().unwrap().len())
            .sum();
        assert!(highlights > 0);
    }
    // diff reads the manifest out of a JSON Resume document.
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    Tailor::new()
        .args([
            "compose",
            "--job",
            "examples/payments-engineer.md",
            "--out",
            a.to_str().unwrap(),
        ])
        .succeeds();
    Tailor::new()
        .args(["diff", a.to_str().unwrap(), a.to_str().unwrap()])
        .succeeds()
        .stdout_has("No differences");
}

/// Highlights of a JSON Resume document (work, volunteer, projects).
fn highlights(doc: &serde_json::Value) -> Vec<String> {
    ["work", "volunteer", "projects"]
        .iter()
        .flat_map(|s| doc[s].as_array().cloned().unwrap_or_default())
        .flat_map(|w| w["highlights"].as_array().cloned().unwrap_or_default())
        .map(|h| h.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_resume_round_trip_keeps_every_highlight() {
    let Some(dir) = jsonresume_dir() else {
        return;
    };
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let sample = format!("{dir}/sample.resume.json");
    for source in [
        sample.as_str(),
        "tests/fixtures/full.resume.json",
        "tests/fixtures/full.resume.yaml",
    ] {
        let original: serde_json::Value = if source.ends_with(".yaml") {
            serde_yaml::from_str(&std::fs::read_to_string(source).unwrap()).unwrap()
        } else {
            serde_json::from_str(&std::fs::read_to_string(source).unwrap()).unwrap()
        };
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let run = Tailor::new()
            .args(["import", source, "--out", content.to_str().unwrap()])
            .succeeds()
            .stdout_has("wrote ")
            .stdout_has("achievements");
        let out = run.stdout();
        if source.contains("full.resume") {
            // What cannot be kept is said, section by section.
            for section in [
                "awards",
                "certificates",
                "publications",
                "languages",
                "interests",
                "references",
            ] {
                assert!(
                    out.contains(&format!("note: {section}: 1 entry not kept")),
                    "{section}: {out}"
                );
            }
            assert!(out.contains("basics.image: not kept"), "{out}");
            assert!(out.contains("`Mastodon` has no url"), "{out}");
            assert!(
                out.contains("`Contractor` has no highlights: its summary became its achievement"),
                "{out}"
            );
        }
        let doc = Tailor::new()
            .args([
                "compose",
                "--job",
                "examples/payments-engineer.md",
                "--content",
                content.to_str().unwrap(),
                "--format",
                "jsonresume",
                "--budget",
                "all",
            ])
            .succeeds()
            .stdout_json();
        assert!(validator.is_valid(&doc), "{source}: valid JSON Resume");
        let kept = highlights(&doc);
        for h in highlights(&original) {
            assert!(
                kept.contains(&h),
                "{source}: highlight lost: {h}\nkept: {kept:?}"
            );
        }
    }
    // An import never overwrites.
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    let import = || {
        Tailor::new().args([
            "import",
            "tests/fixtures/full.resume.json",
            "--out",
            c.to_str().unwrap(),
        ])
    };
    import().succeeds();
    import().fails_with(2).stderr_has("already exists");
}

/// On Linux the binary is linked at a fixed address (build.rs): as a
/// position-independent executable the loader applied some 200,000
/// relocations on every start, 10 ms of each run.
#[test]
#[cfg(target_os = "linux")]
fn the_binary_starts_without_relocating_itself() {
    let elf = std::fs::read(env!("CARGO_BIN_EXE_tailor")).unwrap();
    assert_eq!(&elf[..4], b"\x7fELF");
    let e_type = u16::from_le_bytes([elf[16], elf[17]]);
    assert_eq!(
        e_type, 2,
        "ET_EXEC (fixed address), not ET_DYN (position-independent)"
    );
}
