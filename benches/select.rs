//! Selection speed: the exact solver on an 80-achievement library (target:
//! under 50 ms) at a one-page budget (400 words) and a tight one (200).
//!
//! The library is realistic rather than random: the evaluation library
//! (tests/eval, 55 achievements), the shipped content (22) and 3 generated
//! ones. Postings: the payments example; the growth evaluation posting, the
//! slowest case under the earlier bound; the engineering-manager example,
//! among the slowest now of 16 postings × 6 budgets (tests/cli/solver_exact.rs
//! runs them all).
//!
//! Run: `cargo bench --bench select`; for every posting and budget at once,
//! `cargo run --release --example select-sweep [-- GENERATED]`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use tailor::posting::Posting;
use tailor::score::LibraryIndex;
use tailor::select::{Budget, Costs, Options, select};

#[path = "../scripts/support/generate.rs"]
mod support;

fn bench(c: &mut Criterion) {
    let library = support::library_80();
    let index = LibraryIndex::build(&library);
    let postings = [
        (
            "payments example",
            Posting::analyse("p", include_str!("../examples/payments-engineer.md")),
        ),
        (
            "growth posting",
            Posting::analyse_html(
                "g",
                include_str!("../tests/eval/postings/04-growth-engineer.html"),
            ),
        ),
        (
            "engineering-manager example",
            Posting::analyse("m", include_str!("../examples/engineering-manager.txt")),
        ),
    ];
    for (name, posting) in &postings {
        let scored = index.score(posting);
        let keys: Vec<usize> = tailor::coverage::key_terms(posting, &index)
            .iter()
            .map(|k| k.index)
            .collect();
        for words in [400, 200] {
            let options = Options {
                budget: Budget::Words(words),
                ..Options::default()
            };
            // Measured once per library, as the engine does.
            let costs = Costs::new(&library, &options);
            let s = select(&library, &scored, &keys, &options, &costs).expect("selects");
            eprintln!(
                "{name}, {words} words: {} chosen, {}",
                s.chosen.len(),
                s.method
            );
            c.bench_function(
                &format!("select 80 achievements, {name}, {words} words"),
                |b| {
                    b.iter(|| {
                        select(
                            black_box(&library),
                            black_box(&scored),
                            &keys,
                            &options,
                            &costs,
                        )
                    })
                },
            );
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
