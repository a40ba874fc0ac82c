//! Any bytes as a posting, in any posting format: decoding, HTML reading,
//! sectioning, analysis, scoring and selection must never panic; a posting
//! that analyses has finite, non-negative scores and fits the budget.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tailor::engine::Engine;
use tailor::input::PostingFormat;
use tailor::posting::Posting;
use tailor::profile::Profile;
use tailor::select::Options;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let lib = tailor::content::load::from_sources(&[tailor::content::load::Source {
        path: "fuzz.yaml".into(),
        text: include_str!("../../tests/eval/library.yaml").into(),
    }])
    .expect("the evaluation library loads");
    Engine::new(lib, &Profile::default(), Options::default(), None)
        .expect("the built-in templates compile")
});

fuzz_target!(|data: &[u8]| {
    // The first byte picks how the rest is read, as an extension would.
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(mut source) = tailor::input::decode(None, "fuzz".into(), rest.to_vec()) else {
        return;
    };
    source.format = match pick % 3 {
        0 => source.format,
        1 => PostingFormat::Html,
        _ => PostingFormat::JobJson,
    };
    let Ok(posting) = Posting::from_source(&source) else {
        return;
    };
    let Ok(t) = ENGINE.tailor(&posting) else {
        return;
    };
    for s in &t.scored {
        assert!(s.score.is_finite() && s.score >= 0.0, "score {}", s.score);
    }
    assert!(t.selection.used <= t.selection.capacity);
});
