//! Any text as a content file: loading must return a library or an error,
//! never panic; a library that loads can be indexed and selected from
//! without exceeding the budget.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tailor::content::load::{Source, from_sources};
use tailor::posting::Posting;
use tailor::score::LibraryIndex;
use tailor::select::{Budget, Options, select};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(lib) = from_sources(&[Source {
        path: "fuzz.yaml".into(),
        text: text.into(),
    }]) else {
        return;
    };
    let index = LibraryIndex::build(&lib);
    let posting = Posting::analyse("p", "Requirements: payments, kafka, leadership, hiring");
    let scored = index.score(&posting);
    let options = Options {
        budget: Budget::Words(60),
        ..Options::default()
    };
    if let Ok(s) = select(&lib, &scored, &[], &options) {
        assert!(s.used <= s.capacity);
    }
});
