//! Résumés in other languages: content with texts by language, the résumé
//! in the posting's language when the content has it (else in the
//! content's own, with one notice), the locale's headings and dates in
//! every format, the language in manifests, reports and batch summaries,
//! and the profile's `lang:` and `locale:`.

use std::path::Path;

use crate::harness::{Tailor, docx_part};

const BILINGUAL: &str = "tests/fixtures/content/bilingual.yaml";
const GERMAN: &str = "tests/fixtures/postings/de-payments.txt";
const ENGLISH: &str = "tests/fixtures/postings/payments.txt";

fn compose(args: &[&str]) -> crate::harness::Outcome {
    Tailor::new()
        .args(["compose", "--budget", "120"])
        .args(args)
        .succeeds()
}

/// Lines of `stderr` that are notes.
fn notes(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("note:")).collect()
}

#[test]
fn bilingual_content_for_a_german_posting_is_a_german_resume() {
    let out = compose(&["--job", GERMAN, "--content", BILINGUAL]);
    assert_eq!(
        notes(out.stderr()),
        ["note: the résumé is in German, but 2 texts have no German version and are in English"],
        "{}",
        out.stderr()
    );
    let md = out.into_stdout();
    for want in [
        "## Profil",
        "## Berufserfahrung",
        "## Kenntnisse",
        "## Ausbildung",
        "_Juni 2021 – heute · Hamburg_",
        "_März 2017 – Mai 2021_",
        "### Senior Backend-Entwicklerin, Zahlwerk Beispiel GmbH",
        "**Backend-Entwicklerin, Zahlungsverkehr**",
        "B.Sc. Informatik",
        "\"posting_language\": \"de\"",
        "\"resume_language\": \"de\"",
    ] {
        assert!(md.contains(want), "{want}\n{md}");
    }
    // Scored in German: the German texts meet the German posting's terms.
    assert!(
        md.contains("- Doppelte Buchführung in Go und PostgreSQL"),
        "{md}"
    );
    insta::assert_snapshot!("bilingual_german_md", md);
}

#[test]
fn a_german_resume_in_text_html_and_docx_has_the_german_words() {
    let txt = compose(&["--job", GERMAN, "--content", BILINGUAL, "--format", "txt"]).into_stdout();
    insta::assert_snapshot!("bilingual_german_txt", txt);
    assert!(txt.contains("\nBERUFSERFAHRUNG\n"), "{txt}");
    let html =
        compose(&["--job", GERMAN, "--content", BILINGUAL, "--format", "html"]).into_stdout();
    assert!(html.contains("<html lang=\"de\">"), "{}", &html[..200]);
    assert!(html.contains("<h2>Berufserfahrung</h2>"));
    assert!(html.contains("Juni 2021 – heute"));

    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("r.docx");
    Tailor::new()
        .args([
            "compose",
            "--budget",
            "120",
            "--job",
            GERMAN,
            "--content",
            BILINGUAL,
            "--out",
        ])
        .arg(&docx)
        .succeeds();
    let document = docx_part(&docx, "word/document.xml");
    for heading in ["Profil", "Berufserfahrung", "Kenntnisse", "Ausbildung"] {
        assert!(
            document.contains(&format!("<w:t xml:space=\"preserve\">{heading}</w:t>")),
            "{heading}"
        );
    }
    assert!(!document.contains(">Experience<"), "no English heading");
    assert!(document.contains("Juni 2021 – heute"));
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(core.contains("<dc:language>de</dc:language>"), "{core}");
    insta::assert_snapshot!(
        "bilingual_german_docx_document",
        document.replace("<w:p ", "\n<w:p ")
    );
}

#[test]
fn english_only_content_for_a_german_posting_is_english_with_one_notice() {
    let out = compose(&["--job", GERMAN]);
    assert_eq!(
        notes(out.stderr()),
        [
            "note: the posting is in German; the content has no German texts, so the résumé is in English"
        ],
        "{}",
        out.stderr()
    );
    let md = out.into_stdout();
    assert!(
        md.contains("## Experience") && md.contains("_Jun 2022 – Jul 2024_"),
        "{md}"
    );
    assert!(md.contains("\"posting_language\": \"de\""));
    assert!(md.contains("\"resume_language\": \"en\""));
}

#[test]
fn lang_en_reads_a_german_posting_as_english_and_writes_english_without_notice() {
    let out = compose(&["--job", GERMAN, "--content", BILINGUAL, "--lang", "en"]);
    assert!(notes(out.stderr()).is_empty(), "{}", out.stderr());
    let md = out.into_stdout();
    assert!(md.contains("## Experience") && md.contains("_Jun 2021 – present · Hamburg_"));
    assert!(!md.contains("Berufserfahrung"));
    // An English posting: English, and nothing to say.
    let out = compose(&["--job", ENGLISH, "--content", BILINGUAL]);
    assert!(notes(out.stderr()).is_empty(), "{}", out.stderr());
    assert!(out.stdout().contains("**Backend Engineer, Payments**"));
}

#[test]
fn batch_writes_each_posting_in_its_language_and_says_so_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let postings = dir.path().join("postings");
    std::fs::create_dir(&postings).unwrap();
    for (from, to) in [
        (ENGLISH, "a-english.txt"),
        (GERMAN, "b-german.txt"),
        (GERMAN, "c-german.txt"),
    ] {
        std::fs::copy(from, postings.join(to)).unwrap();
    }
    let out_dir = dir.path().join("out");
    let run = Tailor::new()
        .arg("batch")
        .arg(&postings)
        .args([
            "--content",
            BILINGUAL,
            "--budget",
            "120",
            "--quiet",
            "--out-dir",
        ])
        .arg(&out_dir)
        .succeeds();
    assert_eq!(
        notes(run.stderr()),
        ["note: the résumé is in German, but 2 texts have no German version and are in English"],
        "once for the German postings: {}",
        run.stderr()
    );
    let read = |name: &str| std::fs::read_to_string(out_dir.join(name)).unwrap();
    assert!(read("a-english.md").contains("## Experience"));
    assert!(read("b-german.md").contains("## Berufserfahrung"));
    let body = |name: &str| {
        read(name)
            .split("<!-- tailor-manifest")
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(body("b-german.md"), body("c-german.md"));
    let csv = read("summary.csv");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",pages,fill,posting_language,resume_language"),
        "{csv}"
    );
    let languages: Vec<&str> = lines.map(|l| l.rsplit(',').nth(1).unwrap()).collect();
    assert_eq!(languages, ["en", "de", "de"], "{csv}");
    assert!(csv.lines().nth(2).unwrap().ends_with(",de,de"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&read("summary.json")).unwrap();
    assert_eq!(json["rows"][0]["resume_language"], "en");
    assert_eq!(json["rows"][1]["posting_language"], "de");
    assert_eq!(json["rows"][1]["resume_language"], "de");

    // --lang on batch reads every posting in it.
    let again = dir.path().join("again");
    let run = Tailor::new()
        .arg("batch")
        .arg(&postings)
        .args([
            "--content",
            BILINGUAL,
            "--lang",
            "en",
            "--quiet",
            "--out-dir",
        ])
        .arg(&again)
        .succeeds();
    assert!(notes(run.stderr()).is_empty(), "{}", run.stderr());
    assert!(
        std::fs::read_to_string(again.join("b-german.md"))
            .unwrap()
            .contains("## Experience")
    );
}

fn profile(dir: &Path, yaml: &str) -> String {
    let p = dir.join("p.yaml");
    std::fs::write(&p, yaml).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn a_profiles_lang_and_labels_apply_and_the_flag_beats_them() {
    let dir = tempfile::tempdir().unwrap();
    let p = profile(
        dir.path(),
        "lang: de\nlocale:\n  present: now\n  de: {experience: Berufliche Stationen, present: bis heute}\n",
    );
    // The English posting read as German: the résumé is German.
    let md = compose(&["--job", ENGLISH, "--content", BILINGUAL, "--profile", &p]).into_stdout();
    assert!(md.contains("## Berufliche Stationen"), "{md}");
    assert!(md.contains("_Juni 2021 – bis heute · Hamburg_"), "{md}");
    assert!(
        md.contains("## Kenntnisse"),
        "the other labels stay the language's"
    );
    // --lang wins over the profile; the labels for every language still apply.
    let md = compose(&[
        "--job",
        ENGLISH,
        "--content",
        BILINGUAL,
        "--profile",
        &p,
        "--lang",
        "en",
    ])
    .into_stdout();
    assert!(
        md.contains("## Experience") && md.contains("_Jun 2021 – now · Hamburg_"),
        "{md}"
    );
    // Score reads the posting as the profile says.
    let v = Tailor::new()
        .args([
            "score",
            "--job",
            ENGLISH,
            "--content",
            BILINGUAL,
            "--format",
            "json",
            "--profile",
            &p,
        ])
        .succeeds()
        .stdout_json();
    assert_eq!(v["language"], "de");
}

#[test]
fn an_unknown_language_in_content_or_profile_names_the_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("c.yaml");
    let text = std::fs::read_to_string(BILINGUAL).unwrap().replace(
        "    de: Backend-Entwicklerin, Zahlungsverkehr",
        "    dk: Backend-Entwicklerin, Zahlungsverkehr",
    );
    std::fs::write(&content, text).unwrap();
    let out = Tailor::new()
        .args(["compose", "--job", GERMAN, "--content"])
        .arg(&content)
        .fails_with(2);
    let want = format!(
        "error: {}:10:5: basics.headline: unknown language `dk`; the languages are en, de, fr, es, pt, nl, it",
        content.display()
    );
    assert_eq!(out.stderr().trim_end(), want);

    let p = profile(dir.path(), "name: German\nlang: deutsch\n");
    let out = Tailor::new()
        .args(["compose", "--job", GERMAN, "--profile", &p])
        .fails_with(2);
    assert!(
        out.stderr()
            .starts_with(&format!("error: {p}:2:7: lang: unknown language `deutsch`")),
        "{}",
        out.stderr()
    );
    let p = profile(dir.path(), "locale: {experiance: Stationen}\n");
    let out = Tailor::new()
        .args(["compose", "--job", GERMAN, "--profile", &p])
        .fails_with(2);
    assert!(
        out.stderr().contains(&format!("{p}:1:"))
            && out.stderr().contains("did you mean `experience`?"),
        "{}",
        out.stderr()
    );
}

#[test]
fn a_german_resume_is_the_same_bytes_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for n in 0..2 {
        let mut files = Vec::new();
        for ext in ["md", "docx", "pdf"] {
            let out = dir.path().join(format!("r{n}.{ext}"));
            Tailor::new()
                .args(["compose", "--job", GERMAN, "--content", BILINGUAL, "--out"])
                .arg(&out)
                .succeeds();
            files.push(std::fs::read(&out).unwrap());
        }
        outputs.push(files);
    }
    assert!(outputs[0] == outputs[1], "two runs, different bytes");
}

#[test]
fn the_report_and_diff_carry_the_languages() {
    let v = crate::harness::compose_report(&["--job", GERMAN, "--content", BILINGUAL]);
    assert_eq!(v["posting_language"], "de");
    assert_eq!(v["resume_language"], "de");
    let dir = tempfile::tempdir().unwrap();
    let (de, en) = (dir.path().join("de.md"), dir.path().join("en.md"));
    for (out, lang) in [(&de, "de"), (&en, "en")] {
        Tailor::new()
            .args([
                "compose",
                "--job",
                GERMAN,
                "--content",
                BILINGUAL,
                "--lang",
                lang,
                "--out",
            ])
            .arg(out)
            .succeeds();
    }
    let out = Tailor::new().arg("diff").arg(&en).arg(&de).run();
    assert!(
        out.stdout().contains("   language: en → de"),
        "{}",
        out.stdout()
    );
    // A manifest written before languages were recorded is read as English.
    let old = std::fs::read_to_string(&en)
        .unwrap()
        .replace("  \"posting_language\": \"de\",\n", "")
        .replace("  \"resume_language\": \"en\",\n", "");
    let old_file = dir.path().join("old.md");
    std::fs::write(&old_file, old).unwrap();
    let out = Tailor::new().arg("diff").arg(&old_file).arg(&de).run();
    assert!(out.code() < 2, "{}", out.stderr());
    assert!(
        out.stdout().contains("   language: en → de"),
        "{}",
        out.stdout()
    );
}

#[test]
fn check_lints_achievements_missing_a_language() {
    Tailor::new()
        .args(["check", "--content", BILINGUAL, "--profiles", "profiles"])
        .succeeds()
        .stdout_has("warning: on-call: no `text` in de (German), which other achievements have")
        .stdout_has("warning: mentoring: no `text` in de (German)");
}

#[test]
fn import_writes_the_documents_language() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("resume.json");
    std::fs::write(
        &doc,
        r#"{"meta": {"language": "fr"}, "basics": {"name": "Camille Exemple"},
            "work": [{"name": "Exemple SA", "position": "Ingénieure", "startDate": "2020-01",
                      "highlights": ["Réduit les coûts de 20 %."]}]}"#,
    )
    .unwrap();
    let out = dir.path().join("content");
    Tailor::new()
        .args(["import"])
        .arg(&doc)
        .arg("--out")
        .arg(&out)
        .succeeds();
    let yaml = std::fs::read_to_string(out.join("resume.yaml")).unwrap();
    assert!(yaml.contains("\nlang: fr\n"), "{yaml}");
}
