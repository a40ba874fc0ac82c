//! Regenerates `data/background.tsv`, the table of how common each term is
//! across job postings and general English, from the corpus in
//! `data/corpus/` (postings/ and english/, all written for this project).
//!
//! Run: `cargo run --release --example build-background`
//! A test (`background_table_is_fresh`) fails when the table is out of date.

use std::fs;
use std::path::Path;

fn texts(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
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
    let postings = texts(&root.join("data/corpus/postings"));
    let english = texts(&root.join("data/corpus/english"));
    let table = tailor::lexicon::background_table(&postings, &english);
    let out = root.join("data/background.tsv");
    fs::write(&out, &table).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    eprintln!(
        "wrote {} ({} terms)",
        out.display(),
        table.lines().filter(|l| !l.starts_with('#')).count()
    );
}
