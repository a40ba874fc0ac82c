//! Any text as a user's template: compiling and rendering it against a real
//! résumé must return output or an error naming the template, never panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tailor::render::{Format, Presentation, Renderer, ResumeView};

static VIEW: LazyLock<ResumeView> = LazyLock::new(|| {
    let lib = tailor::content::load::from_sources(&[tailor::content::load::Source {
        path: "fuzz.yaml".into(),
        text: include_str!("../../tests/eval/library.yaml").into(),
    }])
    .expect("loads");
    let index = tailor::score::LibraryIndex::build(&lib);
    let posting = tailor::posting::Posting::analyse("p", "payments kafka");
    let scored = index.score(&posting);
    let sel = tailor::select::select(&lib, &scored, &[], &tailor::select::Options::default()).expect("selects");
    tailor::render::view(&lib, &sel, &Presentation::default(), &|_| false)
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let dir = std::env::temp_dir().join(format!("tailor-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("resume.md.hbs");
    if std::fs::write(&file, text).is_err() {
        return;
    }
    if let Ok(r) = Renderer::new(Format::Md, None, Some(&file)) {
        let _ = r.render(&VIEW);
    }
});
