//! Postings in other languages: detected (or as `--lang` says), read with
//! their own stop words and headings, on the project's own fixtures and
//! on the real non-English postings.

use std::path::Path;

use tailor::analysis::Lang;

use crate::harness::{Tailor, shared_dir};

const GERMAN: &str = "Backend-Entwickler (m/w/d)\n\nIhre Aufgaben\n\
    - Sie entwickeln und betreiben unsere Zahlungsdienste mit Go und Kafka.\n\
    - Sie arbeiten eng mit dem Produktteam zusammen.\n\n\
    Ihr Profil\n\
    - Mehrjährige Erfahrung in der Entwicklung verteilter Systeme.\n\
    - Sehr gute Kenntnisse in PostgreSQL und Kubernetes.\n\n\
    Was wir bieten\n- Ein flexibles Arbeitsumfeld und viele Weiterbildungen.\n";

fn key_terms(v: &serde_json::Value) -> Vec<String> {
    let c = &v["coverage"];
    c["covered"]
        .as_array()
        .into_iter()
        .chain(c["missing"].as_array())
        .flatten()
        .map(|k| k["term"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn score_reports_the_language_and_lang_overrides_it() {
    let v = Tailor::new()
        .args(["score", "--job", "-", "--format", "json"])
        .stdin(GERMAN)
        .succeeds()
        .stdout_json();
    assert_eq!(v["language"], "de");
    for term in key_terms(&v) {
        for word in term.split(' ') {
            assert!(
                !Lang::De.is_stopword(word),
                "stop word `{word}` in key term `{term}`"
            );
        }
    }
    let text = Tailor::new()
        .args(["score", "--job", "-"])
        .stdin(GERMAN)
        .succeeds()
        .into_stdout();
    assert!(
        text.lines().next().unwrap().contains("read as German"),
        "{text}"
    );
    let v = Tailor::new()
        .args(["score", "--job", "-", "--format", "json", "--lang", "en"])
        .stdin(GERMAN)
        .succeeds()
        .stdout_json();
    assert_eq!(v["language"], "en");
}

#[test]
fn an_unknown_lang_is_a_usage_error_naming_the_known_ones() {
    let out = Tailor::new()
        .args([
            "score",
            "--job",
            "examples/payments-engineer.md",
            "--lang",
            "xx",
        ])
        .fails_with(2);
    assert!(
        out.stderr().contains("unknown language `xx`"),
        "{}",
        out.stderr()
    );
    assert!(out.stderr().contains("de, fr"), "{}", out.stderr());
}

/// 50 of the real postings in other languages (the first by name among
/// those whatlang reads as one of tailor's languages): each analyses, is
/// reported in its language, and has no stop word of it among its key terms.
#[test]
fn real_postings_in_other_languages_are_read_in_them() {
    let Some(real) = shared_dir("postings/real", "non-English postings") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&real)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let foreign: Vec<(std::path::PathBuf, Lang)> = paths
        .into_iter()
        .filter_map(|p| {
            let lang = Lang::detect(&std::fs::read_to_string(&p).ok()?);
            (lang != Lang::En).then_some((p, lang))
        })
        .collect();
    assert!(
        foreign.len() >= 150,
        "{} non-English postings",
        foreign.len()
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, lang) in foreign.iter().take(50) {
        let v = Tailor::new()
            .args(["score", "--format", "json", "--job"])
            .arg(path)
            .arg("--content")
            .arg(root.join("content"))
            .succeeds()
            .stdout_json();
        assert_eq!(v["language"], lang.code(), "{}", path.display());
        for term in key_terms(&v) {
            for word in term.split(' ') {
                assert!(
                    !lang.is_stopword(word),
                    "{}: stop word `{word}` in key term `{term}`",
                    path.display()
                );
            }
        }
    }
}
