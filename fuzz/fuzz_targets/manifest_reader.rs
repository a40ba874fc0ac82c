//! Any bytes as a file `diff` or `--out` reads for a tailor manifest
//! (Markdown, HTML, JSON Resume or PDF): reading never panics, and a
//! manifest it accepts is internally consistent and survives a round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tailor::format::Format;

fuzz_target!(|data: &[u8]| {
    let Ok(Some(found)) = tailor::manifest::read(data) else {
        return;
    };
    let m = found.manifest;
    let mut ids: Vec<&str> = m.selected.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(n, ids.len(), "an accepted manifest lists an id twice");
    // What tailor writes back, it reads back, unedited.
    let mut again = m.clone();
    let doc = tailor::manifest::embed(&found.rest, Format::Md, &mut again);
    let back = tailor::manifest::read(doc.as_bytes())
        .expect("a manifest tailor embeds reads back")
        .expect("and is found");
    assert!(back.intact);
    // Compared by ids: floats need not print back to the same bits.
    let ids_of = |m: &tailor::manifest::Manifest| -> Vec<String> {
        m.selected.iter().map(|e| e.id.clone()).collect()
    };
    assert_eq!(ids_of(&back.manifest), ids_of(&again));
});
