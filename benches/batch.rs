//! The whole `tailor batch` run: 1,000 generated postings of ~600 words
//! against a generated library of 500 achievements, Markdown written
//! (target: under 1 s on 2 cores). The data comes from
//! scripts/support/generate.rs, the same generator as
//! `cargo run --release --example batch-data -- DIR`.
//!
//! It drives the library's [`Batch`] as `tailor batch` does (no process is
//! spawned); the summaries and report page are not written.
//!
//! Run: `cargo bench --bench batch`; `TAILOR_TIMINGS=1 tailor batch …`
//! prints how the time splits between stages.

use criterion::{Criterion, criterion_group, criterion_main};

use tailor::batch::{Batch, Input, Timings};
use tailor::engine::Engines;
use tailor::format::Format;
use tailor::output::Output;
use tailor::profile::Profile;
use tailor::select::Options;

#[path = "../scripts/support/generate.rs"]
mod generate;

fn bench(c: &mut Criterion) {
    let data = tempfile::tempdir().expect("a temp dir");
    let postings = data.path().join("postings");
    std::fs::create_dir_all(&postings).expect("creates the postings dir");
    let mut inputs: Vec<Input> = Vec::new();
    for i in 0..1000u64 {
        let path = postings.join(format!("{i:04}.txt"));
        std::fs::write(&path, generate::posting(600, i + 1)).expect("writes a posting");
        inputs.push((Ok(path), format!("{i:04}")));
    }
    let library_file = data.path().join("library.yaml");
    std::fs::write(&library_file, generate::library_yaml(500, 42)).expect("writes the library");
    let profile = Profile::default();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("1000 postings x 500 achievements, md", |b| {
        b.iter(|| {
            // As `tailor batch` does: load and index once, then every posting.
            let library = tailor::content::load(&library_file).expect("loads");
            let out = tempfile::tempdir().expect("a temp dir");
            let batch = Batch {
                engines: Engines::new(library, &profile, Options::default(), None)
                    .expect("templates compile"),
                lang: None,
                outputs: vec![Output::builtin(Format::Md).expect("templates compile")],
                out_dir: out.path().to_path_buf(),
                force: false,
                timings: Timings::default(),
            };
            let rows = batch.run(&inputs, &|| {});
            assert!(rows.iter().all(|r| r.status == "ok"));
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
