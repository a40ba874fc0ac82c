//! Scoring speed: one ~800-word posting against 1,000 achievements (target:
//! under 5 ms on one core), and the parts: analysing the posting, indexing
//! the library, scoring. And how time grows with posting size: analysing
//! and scoring 1, 2 and 4 MB postings against the shipped content should
//! grow linearly (the throughput per byte stays about the same; quadratic
//! work would take 16× as long at 4 MB as at 1 MB).
//!
//! Run: `cargo bench --bench score` (`-- "posting size"` for the sizes only)

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
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

/// A posting of about `bytes` bytes: the platform example again and again,
/// varied a little so the vocabulary grows as real text does.
fn sized_posting(bytes: usize) -> String {
    let base = include_str!("../examples/backend-platform.txt");
    let mut s = String::with_capacity(bytes + base.len());
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&base.replace("Platform", &format!("Platform{}", i % 997)));
        i += 1;
    }
    s
}

fn posting_size(c: &mut Criterion) {
    let library = tailor::content::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content"
    )))
    .expect("the shipped content loads");
    let index = LibraryIndex::build(&library);
    let mut group = c.benchmark_group("posting size");
    group.sample_size(10);
    for mb in [1, 2, 4] {
        let text = sized_posting(mb * 1024 * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("analyse + score (shipped content)", format!("{mb} MB")),
            &text,
            |b, text| b.iter(|| index.score(&Posting::analyse("p", black_box(text)))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench, posting_size);
criterion_main!(benches);
