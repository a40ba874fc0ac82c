//! Properties over random input (proptest): analysis never panics on any
//! string; scores are finite and non-negative; selection never exceeds the
//! budget, whatever the posting and budget; nesting of any depth in YAML,
//! HTML and templates is an answer or an error, never a crash.

use std::sync::LazyLock;

use proptest::prelude::*;
use tailor::content::Library;
use tailor::posting::Posting;
use tailor::score::LibraryIndex;
use tailor::select::{Budget, Costs, Options, select};

static LIBRARY: LazyLock<(Library, LibraryIndex)> = LazyLock::new(|| {
    let lib = tailor::content::load(std::path::Path::new("tests/eval/library.yaml")).unwrap();
    let index = LibraryIndex::build(&lib);
    (lib, index)
});

/// Words from the library and job ads, glued with punctuation and markup.
fn posting_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "payments",
        "Kafka",
        "k8s",
        "Kubernetes",
        "Python 3.11",
        "C++",
        "CI/CD",
        "A/B",
        "react",
        "Requirements:",
        "## Benefits",
        "- ",
        "\n",
        "team",
        "experience",
        "leadership",
        "hiring",
        "<h2>",
        "</li>",
        "fraud",
        "rate-limiting",
        "SLOs",
        "on-call",
        "équipe",
        "数据",
        "🚀",
    ]);
    prop::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn analysis_never_panics_on_any_string(s in any::<String>()) {
        let p = Posting::analyse("p", &s);
        let _ = Posting::analyse_html("p", &s);
        prop_assert!(p.terms.iter().all(|t| !t.key.is_empty()));
    }

    #[test]
    fn scores_are_finite_and_non_negative(text in posting_text()) {
        let (_, index) = &*LIBRARY;
        for s in index.score(&Posting::analyse("p", &text)) {
            prop_assert!(s.score.is_finite() && s.score >= 0.0, "{}", s.score);
            for m in &s.matches {
                prop_assert!(m.contribution.is_finite() && m.contribution >= 0.0);
            }
        }
    }

    #[test]
    fn selection_never_exceeds_the_budget(text in posting_text(), words in 1u32..600, unit in 0u8..3) {
        let (lib, index) = &*LIBRARY;
        let posting = Posting::analyse("p", &text);
        let scored = index.score(&posting);
        let keys: Vec<usize> = tailor::coverage::key_terms(&posting, index).iter().map(|k| k.index).collect();
        let budget = match unit {
            0 => Budget::Words(words),
            1 => Budget::Chars(words * 6),
            _ => Budget::Lines(words / 8 + 1),
        };
        let options = Options { budget, ..Options::default() };
        if let Ok(s) = select(lib, &scored, &keys, &options, &Costs::new(lib, &options)) {
            prop_assert!(s.used <= s.capacity);
            let cost: u32 = s.chosen.iter().map(|c| c.cost).sum();
            prop_assert_eq!(cost, s.used);
        }
    }

    #[test]
    fn yaml_nesting_of_any_depth_parses_or_is_refused(depth in 0usize..3000, brace in any::<bool>()) {
        let (open, close) = if brace { ("{a: ", "}") } else { ("[", "]") };
        let text = format!("text: {}1{}\n", open.repeat(depth), close.repeat(depth));
        let parsed = tailor::yaml::parse::<serde_yaml::Value>(std::path::Path::new("d.yaml"), &text);
        if depth > tailor::yaml::MAX_FLOW_NESTING {
            let err = parsed.unwrap_err().to_string();
            prop_assert!(err.starts_with("d.yaml:1:"), "{}", err);
        } else {
            prop_assert!(parsed.is_ok(), "{:?}", parsed.err());
        }
    }

    #[test]
    fn html_nesting_of_any_depth_keeps_its_title_and_text(depth in 0usize..5000, kind in 0u8..3) {
        let (open, close) = match kind {
            0 => ("<div>", "</div>"),
            1 => ("<ul><li>", "</li></ul>"),
            _ => ("<b>", ""),
        };
        let html = format!(
            "<h1>Backend Engineer</h1>{}Rust services{}",
            open.repeat(depth),
            close.repeat(depth)
        );
        let text = tailor::html::posting_text(&html);
        prop_assert!(text.starts_with("# Backend Engineer"), "{}", &text[..text.len().min(80)]);
        prop_assert!(text.contains("Rust services"));
    }

    #[test]
    fn template_nesting_of_any_depth_renders_or_is_refused(depth in 0usize..3000) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.md.hbs");
        let body = format!("{}x{}", "{{#if basics}}".repeat(depth), "{{/if}}".repeat(depth));
        std::fs::write(&file, body).unwrap();
        let r = tailor::render::Renderer::new(tailor::format::TemplateSet::MARKDOWN, None, Some(&file));
        prop_assert_eq!(r.is_ok(), depth <= tailor::render::MAX_BLOCK_NESTING, "depth {}: {:?}", depth, r.err().map(|e| e.to_string()));
    }
}
