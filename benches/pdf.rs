//! One résumé to PDF, as `tailor compose --out r.pdf` does it once the
//! library is loaded: scoring, the page-budget search (each step a Typst
//! layout), and the PDF itself; the shipped content and the default
//! profile (one page, A4) on an example posting. Target: under 50 ms.
//! Also one layout alone, the unit the page search spends.
//!
//! Run: `cargo bench --bench pdf`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use tailor::engine::Engine;
use tailor::format::Format;
use tailor::output::Output;
use tailor::posting::Posting;

fn bench(c: &mut Criterion) {
    let library = tailor::content::load(std::path::Path::new("content")).expect("content loads");
    let profile = tailor::profile::load(None).expect("the default profile loads");
    let options = tailor::select::Options {
        budget: profile.budget().expect("a budget").unwrap_or_default(),
        ..Default::default()
    };
    let engine = Engine::new(library, &profile, options, None).expect("templates compile");
    let text = std::fs::read_to_string("examples/payments-engineer.md").expect("example");
    let posting = Posting::analyse("payments-engineer", &text);
    let pdf = Output::builtin(Format::Pdf).expect("templates compile");
    let mut group = c.benchmark_group("pdf");
    group.sample_size(20);
    group.bench_function("compose to PDF (1 page, shipped content)", |b| {
        b.iter(|| {
            let t = engine.tailor(black_box(&posting)).expect("tailors");
            engine.render(&posting, &t, &pdf).expect("renders")
        })
    });
    let t = engine.tailor(&posting).expect("tailors");
    let markup = engine.render(&posting, &t, &pdf).expect("renders").body;
    group.bench_function("one Typst layout of the résumé", |b| {
        b.iter(|| tailor::pdf::layout(black_box(&markup), &[]).expect("lays out"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
