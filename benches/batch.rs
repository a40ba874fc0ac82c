//! The whole `tailor batch` run: 1,000 generated postings of ~600 words
//! against a generated library of 500 achievements, Markdown written
//! (target: under 1 s on 2 cores). The data comes from
//! scripts/support/generate.rs, the same generator as
//! `cargo run --release --example batch-data -- DIR`.
//!
//! Run: `cargo bench --bench batch`; `TAILOR_TIMINGS=1 tailor batch …`
//! prints how the time splits between stages.

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../scripts/support/generate.rs"]
mod generate;

fn bench(c: &mut Criterion) {
    let data = tempfile::tempdir().expect("a temp dir");
    let postings = data.path().join("postings");
    std::fs::create_dir_all(&postings).expect("creates the postings dir");
    for i in 0..1000u64 {
        std::fs::write(
            postings.join(format!("{i:04}.txt")),
            generate::posting(600, i + 1),
        )
        .expect("writes a posting");
    }
    let library = data.path().join("library.yaml");
    std::fs::write(&library, generate::library_yaml(500, 42)).expect("writes the library");
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("1000 postings x 500 achievements, md", |b| {
        b.iter(|| {
            let out = tempfile::tempdir().expect("a temp dir");
            let status = Command::new(env!("CARGO_BIN_EXE_tailor"))
                .arg("batch")
                .arg(&postings)
                .arg("--content")
                .arg(&library)
                .arg("--out-dir")
                .arg(out.path())
                .arg("--quiet")
                .stdout(std::process::Stdio::null())
                .status()
                .expect("tailor runs");
            assert!(status.success());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
