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
        actual == tailor::lexicon::title_table(&counts.titled, &counts.displays),
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

/// `data/translations.txt`: every line an English term, every entry one
/// term in its language, and no entry on two lines (a word of a posting
/// would otherwise translate two unrelated things).
#[test]
fn translation_table_entries_are_single_terms_each_on_one_line() {
    use tailor::analysis::Lang;
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/translations.txt"),
    )
    .unwrap();
    let mut seen = std::collections::HashMap::new();
    let mut per_lang = std::collections::BTreeMap::new();
    let mut twice = Vec::new();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut blocks = line.split(" | ");
        let english = blocks.next().unwrap();
        tailor::analysis::term_key(english)
            .unwrap_or_else(|| panic!("`{english}` is not one English term"));
        for block in blocks {
            let (code, entries) = block
                .split_once(": ")
                .unwrap_or_else(|| panic!("`{block}` is not `xx: entry, entry`"));
            let lang = Lang::from_code(code)
                .filter(|l| *l != Lang::En)
                .unwrap_or_else(|| panic!("`{code}` is not a language tailor reads"));
            for entry in entries.split(", ") {
                let key = tailor::lexicon::entry_key(entry, lang)
                    .unwrap_or_else(|| panic!("`{entry}` ({code}) is not one term"));
                if let Some(other) = seen.insert((lang, key.clone()), english) {
                    if other != english {
                        twice.push(format!("`{entry}` ({code}, {key}): `{other}`, `{english}`"));
                    }
                }
                *per_lang.entry(code).or_insert(0) += 1;
            }
        }
    }
    assert!(
        twice.is_empty(),
        "entries on two lines:\n{}",
        twice.join("\n")
    );
    println!("translation entries per language: {per_lang:?}");
    for code in ["de", "fr", "es"] {
        assert!(
            per_lang.get(code).copied().unwrap_or(0) >= 200,
            "{code}: {per_lang:?}"
        );
    }
}
