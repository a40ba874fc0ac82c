//! Which key terms tailor lists across many postings: the most frequent
//! ones, to check that every one is a skill, domain, technology or method
//! a recruiter would list, never a generic word.
//!
//! Run: `cargo run --release --example key-terms -- [DIR] [N] [CONTENT]`
//! (default: the first 500 postings of `../shared/postings/real`, the
//! shipped `content/`).

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .map_or("../shared/postings/real", String::as_str),
    );
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(500);
    let content = PathBuf::from(args.get(2).map_or("content", String::as_str));
    let library = tailor::content::load(&content).expect("content loads");
    let index = tailor::score::LibraryIndex::build(&library);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for p in paths.iter().take(n) {
        let text = std::fs::read_to_string(p).expect("posting reads");
        let posting = tailor::posting::Posting::analyse("p", &text);
        for k in tailor::coverage::key_terms(&posting, &index) {
            *counts.entry(k.term.to_lowercase()).or_default() += 1;
        }
    }
    let mut top: Vec<(String, usize)> = counts.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!(
        "{} postings; the 50 most frequent key terms:",
        n.min(paths.len())
    );
    for (term, c) in top.iter().take(50) {
        println!("{c:5}  {term}");
    }
}
