//! Selection time over every posting in examples/ and tests/eval at budgets
//! of 150 to 600 words, on the realistic library (the evaluation library,
//! the shipped content and GENERATED generated achievements; 3 makes the
//! 80 of the benchmark). Prints each case (best of 3 runs) and the median,
//! 90th percentile and worst, and how many were not proven optimal.
//!
//! Run: `cargo run --release --example select-sweep [-- GENERATED]`

use std::time::{Duration, Instant};

use tailor::score::LibraryIndex;
use tailor::select::{Budget, Costs, Options, select};

#[path = "support/generate.rs"]
mod generate;

fn main() {
    let generated: usize = std::env::args().nth(1).map_or(3, |n| {
        n.parse().expect("a number of generated achievements")
    });
    let library = generate::realistic_library(generated);
    let index = LibraryIndex::build(&library);
    let cases = generate::sweep_cases(&index);
    println!(
        "{} achievements, {} postings",
        library.achievements().count(),
        cases.len()
    );
    let mut times = Vec::new();
    let mut unproven = 0;
    for case in &cases {
        for words in generate::SWEEP_BUDGETS {
            let options = Options {
                budget: Budget::Words(words),
                ..Options::default()
            };
            let costs = Costs::new(&library, &options);
            let mut best = Duration::MAX;
            let mut method = String::new();
            for _ in 0..3 {
                let start = Instant::now();
                let selection =
                    select(&library, &case.scored, &case.keys, &options, &costs).expect("selects");
                best = best.min(start.elapsed());
                method = selection.method;
            }
            let ms = best.as_secs_f64() * 1e3;
            if !method.starts_with("exact") {
                unproven += 1;
            }
            println!("{:40} {words:4} words {ms:8.2} ms  {method}", case.name);
            times.push(ms);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} cases: median {:.1} ms, p90 {:.1} ms, worst {:.1} ms; {unproven} not proven optimal",
        times.len(),
        at(0.5),
        at(0.9),
        at(1.0)
    );
}
