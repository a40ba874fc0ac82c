//! The embedded lexicons: the background table is what the corpus and the
//! current analysis produce, and the alias table is well formed.

use std::path::Path;

use crate::harness::shared_dir;

fn texts(dir: &Path, ext: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The background and title tables are what the real postings and the
/// current analysis give (`cargo run --release --example build-background`).
#[test]
fn background_tables_are_fresh() {
    let Some(real) = shared_dir("postings/real", "background freshness") else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let postings = texts(&real, "md");
    assert!(postings.len() > 5000, "{} postings", postings.len());
    // The written forms of the keys the committed table implies: when those
    // keys are stale, the table differs anyway.
    let counts = tailor::posting::corpus_counts(&postings, &tailor::lexicon::is_implied_key);
    let expected = tailor::lexicon::background_table(
        &postings,
        &texts(&root.join("data/corpus/english"), "txt"),
    );
    let stale = "is stale: run `cargo run --release --example build-background`";
    let actual = std::fs::read_to_string(root.join("data/background.tsv")).unwrap();
    assert!(actual == expected, "data/background.tsv {stale}");
    let actual = std::fs::read_to_string(root.join("data/title-terms.tsv")).unwrap();
    assert!(
        actual == tailor::lexicon::title_table(&counts.title_and_body, &counts.displays),
        "data/title-terms.tsv {stale}"
    );
    let actual = std::fs::read_to_string(root.join("data/placement.tsv")).unwrap();
    assert!(
        actual == tailor::lexicon::placement_table(&counts.placed),
        "data/placement.tsv {stale}"
    );
}

#[test]
fn alias_table_has_150_groups_each_a_single_term_per_entry() {
    let groups = tailor::lexicon::builtin_alias_groups();
    assert!(groups.len() >= 150, "{} groups", groups.len());
    let mut seen = std::collections::HashMap::new();
    for g in &groups {
        assert!(g.len() >= 2, "a group needs two entries: {g:?}");
        for entry in g {
            let key = tailor::analysis::term_key(entry)
                .unwrap_or_else(|| panic!("`{entry}` is not one term or phrase"));
            if let Some(other) = seen.insert(key.clone(), g[0]) {
                panic!(
                    "`{entry}` ({key}) is in the groups of `{other}` and `{}`",
                    g[0]
                );
            }
        }
    }
    let aliases = tailor::lexicon::Aliases::new(&Default::default());
    assert_eq!(aliases.len(), groups.len(), "no group merges into another");
}
