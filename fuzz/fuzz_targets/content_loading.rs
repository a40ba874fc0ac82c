//! Any text as a content file: loading must return a library or an error,
//! never panic; a library that loads can be tailored to a posting without
//! exceeding the budget, and rendered.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tailor::content::load::{Source, from_sources};
use tailor::engine::Engine;
use tailor::format::Format;
use tailor::output::Output;
use tailor::posting::Posting;
use tailor::profile::Profile;
use tailor::select::{Budget, Options};

static POSTING: LazyLock<Posting> =
    LazyLock::new(|| Posting::analyse("p", "Requirements: payments, kafka, leadership, hiring"));
static OUTPUT: LazyLock<Output> =
    LazyLock::new(|| Output::new(Format::Md, None, None).expect("the default templates load"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(lib) = from_sources(&[Source {
        path: "fuzz.yaml".into(),
        text: text.into(),
    }]) else {
        return;
    };
    let options = Options {
        budget: Budget::Words(60),
        ..Options::default()
    };
    let engine = Engine::new(lib, &Profile::default(), options, None)
        .expect("the built-in templates compile");
    if let Ok(t) = engine.tailor(&POSTING) {
        assert!(t.selection.used <= t.selection.capacity);
        let _ = engine.render(&POSTING, &t, &OUTPUT);
    }
});
