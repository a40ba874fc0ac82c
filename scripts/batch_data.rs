//! Writes the data for the batch benchmark: N postings of about 600 words
//! (N.txt) and a library of M achievements (library.yaml), generated
//! deterministically from fixed word pools.
//!
//! Run: `cargo run --release --example batch-data -- DIR [POSTINGS] [ACHIEVEMENTS]`
//! (defaults: 1000 postings, 500 achievements), then
//! `tailor batch DIR/postings --content DIR/library.yaml --out-dir OUT`.

use std::path::PathBuf;

#[path = "support/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: batch-data DIR [POSTINGS] [ACHIEVEMENTS]"),
    );
    let postings: usize = args
        .next()
        .map_or(1000, |n| n.parse().expect("a number of postings"));
    let achievements: usize = args
        .next()
        .map_or(500, |n| n.parse().expect("a number of achievements"));
    let pdir = dir.join("postings");
    std::fs::create_dir_all(&pdir).expect("creates the directory");
    for i in 0..postings {
        std::fs::write(
            pdir.join(format!("{i:04}.txt")),
            generate::posting(600, i as u64 + 1),
        )
        .expect("writes a posting");
    }
    std::fs::write(
        dir.join("library.yaml"),
        generate::library_yaml(achievements, 42),
    )
    .expect("writes the library");
    eprintln!(
        "wrote {postings} postings and {achievements} achievements under {}",
        dir.display()
    );
}
