//! Any text as a user's template: compiling and rendering it against a real
//! résumé must return output or an error naming the template, never panic
//! (include cycles, deep blocks and unclosed comments included).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use tailor::engine::Engine;
use tailor::format::Format;
use tailor::output::Output;
use tailor::posting::Posting;
use tailor::profile::Profile;
use tailor::select::Options;
use tailor::tailored::Tailored;

static TAILORED: LazyLock<(Engine, Posting, Tailored)> = LazyLock::new(|| {
    let lib = tailor::content::load::from_sources(&[tailor::content::load::Source {
        path: "fuzz.yaml".into(),
        text: include_str!("../../tests/eval/library.yaml").into(),
    }])
    .expect("loads");
    let engine = Engine::new(lib, &Profile::default(), Options::default(), None)
        .expect("the built-in templates compile");
    let posting = Posting::analyse("p", "payments kafka");
    let t = engine.tailor(&posting).expect("selects");
    (engine, posting, t)
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("tailor-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("resume.md.hbs");
    if std::fs::write(&file, text).is_err() {
        return;
    }
    let (engine, posting, t) = &*TAILORED;
    if let Ok(output) = Output::new(Format::Md, None, Some(&file)) {
        let _ = engine.render(posting, t, &output);
    }
});
