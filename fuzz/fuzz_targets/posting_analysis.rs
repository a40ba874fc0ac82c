//! Any bytes as a posting: decoding, sectioning (text and HTML), analysis
//! and scoring must never panic, and scores stay finite and non-negative.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tailor::content::Library;
use tailor::posting::Posting;
use tailor::score::LibraryIndex;

static LIBRARY: LazyLock<(Library, LibraryIndex)> = LazyLock::new(|| {
    let lib = tailor::content::load::from_sources(&[tailor::content::load::Source {
        path: "fuzz.yaml".into(),
        text: include_str!("../../tests/eval/library.yaml").into(),
    }])
    .expect("the evaluation library loads");
    let index = LibraryIndex::build(&lib);
    (lib, index)
});

fuzz_target!(|data: &[u8]| {
    let Ok(source) = tailor::input::decode(None, "fuzz".into(), data.to_vec()) else {
        return;
    };
    let posting = if source.html {
        Posting::analyse_html("fuzz", &source.text)
    } else {
        Posting::analyse("fuzz", &source.text)
    };
    let (lib, index) = &*LIBRARY;
    for s in index.score(&posting) {
        assert!(s.score.is_finite() && s.score >= 0.0, "score {}", s.score);
    }
    let keys: Vec<usize> = tailor::coverage::key_terms(&posting, index).iter().map(|k| k.index).collect();
    let _ = keys.len() + lib.experience.len();
});
