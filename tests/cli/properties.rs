//! Properties over random input (proptest): analysis never panics on any
//! string; scores are finite and non-negative; selection never exceeds the
//! budget, whatever the posting and budget.

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
}
