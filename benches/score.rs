//! Scoring speed: one ~800-word posting against 1,000 achievements (target:
//! under 5 ms on one core), and the parts: analysing the posting, indexing
//! the library, scoring.
//!
//! Run: `cargo bench --bench score`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use tailor::content::load::{Source, from_sources};
use tailor::posting::Posting;
use tailor::score::LibraryIndex;

#[path = "../scripts/support/generate.rs"]
mod support;
use support as generate;

fn bench(c: &mut Criterion) {
    let library = from_sources(&[Source {
        path: "generated.yaml".into(),
        text: generate::library_yaml(1000, 7),
    }])
    .expect("generated library loads");
    let text = generate::posting(800, 11);
    let posting = Posting::analyse("generated", &text);
    let index = LibraryIndex::build(&library);

    c.bench_function("analyse posting (800 words)", |b| {
        b.iter(|| Posting::analyse("p", black_box(&text)))
    });
    c.bench_function("score 1000 achievements (posting analysed)", |b| {
        b.iter(|| index.score(black_box(&posting)))
    });
    c.bench_function("analyse + score (800 words x 1000 achievements)", |b| {
        b.iter(|| index.score(&Posting::analyse("p", black_box(&text))))
    });
    // Real, varied vocabulary: two example postings (~1,180 words).
    let varied = [
        include_str!("../examples/backend-platform.txt"),
        include_str!("../examples/payments-engineer.md"),
    ]
    .join("\n\n");
    c.bench_function(
        "analyse + score (examples, 1180 words x 1000 achievements)",
        |b| b.iter(|| index.score(&Posting::analyse("p", black_box(&varied)))),
    );
    c.bench_function("index 1000 achievements", |b| {
        b.iter(|| LibraryIndex::build(black_box(&library)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
