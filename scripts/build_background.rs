//! Regenerates the corpus tables: `data/background.tsv`, how common each
//! term is across real job postings and general English;
//! `data/title-terms.tsv`, what a job title implies; `data/stem-splits.tsv`,
//! surfaces one stem joins that are different words; `data/placement.tsv`,
//! where postings use each term. The postings are the
//! shared corpus of real postings (`../shared/postings/real`, or
//! `$TAILOR_SHARED/postings/real`), read in place and never copied; the
//! English reference is `data/corpus/english/`, written for this project.
//! Only derived counts reach the table.
//!
//! Run: `cargo run --release --example build-background`
//! A test (`background_table_is_fresh`) fails when the table is out of date.
//! The analysed translation table reads loanwords by the background table:
//! regenerate it after this (`cargo run --example translation-keys >
//! data/translation-keys.tsv`; `the_translation_keys_table_is_fresh` says
//! when it is stale).

use std::fs;
use std::path::{Path, PathBuf};

fn texts(dir: &Path, ext: &str) -> Vec<String> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
        })
        .collect()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = std::env::var_os("TAILOR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let postings = texts(&shared.join("postings/real"), "md");
    let english = texts(&root.join("data/corpus/english"), "txt");
    // Twice: the title table says which terms it needs written forms of.
    let counts = tailor::posting::corpus_counts(&postings, &|_| false);
    let keys: std::collections::HashSet<String> =
        tailor::lexicon::title_table(&counts.titled, &Default::default())
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1).map(str::to_string))
            .collect();
    let named = tailor::posting::corpus_counts(&postings, &|k| keys.contains(k));
    let table = tailor::lexicon::background_table(&postings, &english);
    let titles = tailor::lexicon::title_table(&counts.titled, &named.displays);
    let placement = tailor::lexicon::placement_table(&counts.placed);
    let out = root.join("data/placement.tsv");
    fs::write(&out, &placement).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let splits = tailor::lexicon::stem_splits_table(&postings);
    let out = root.join("data/stem-splits.tsv");
    fs::write(&out, &splits).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let out = root.join("data/title-terms.tsv");
    fs::write(&out, &titles).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    let out = root.join("data/background.tsv");
    fs::write(&out, &table).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    eprintln!(
        "wrote {} ({} terms)",
        out.display(),
        table.lines().filter(|l| !l.starts_with('#')).count()
    );
}
