//! The embedded lexicons: the background table is what the corpus and the
//! current analysis produce, and the alias table is well formed.

use std::path::Path;

fn texts(dir: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn background_table_is_fresh() {
    let expected = tailor::lexicon::background_table(
        &texts("data/corpus/postings"),
        &texts("data/corpus/english"),
    );
    let actual =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/background.tsv"))
            .unwrap();
    assert!(
        actual == expected,
        "data/background.tsv is stale: run `cargo run --release --example build-background`"
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
