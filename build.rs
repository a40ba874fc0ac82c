//! Compiles the corpus tables in `data/` (`background.tsv`, `placement.tsv`,
//! `title-terms.tsv`, `stem-splits.tsv`) into perfect-hash maps (`phf`), so that a run starts
//! with them ready: parsing them at start-up, 50,000 lines of numbers into
//! hash maps, was most of the cost of a `tailor compose`. The TSV files stay
//! the source of truth (`cargo run --release --example build-background`
//! writes them, and a test checks they are fresh); this only changes how
//! they are embedded. The rows are read exactly as the library used to read
//! them at run time: a malformed row is skipped, a later duplicate wins.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    for table in [
        "background.tsv",
        "placement.tsv",
        "title-terms.tsv",
        "stem-splits.tsv",
    ] {
        println!("cargo::rerun-if-changed=data/{table}");
    }
    println!("cargo::rerun-if-changed=build.rs");
    link_position_dependent();
    let mut out = String::new();
    background(&read("background.tsv"), &mut out);
    placement(&read("placement.tsv"), &mut out);
    title_terms(&read("title-terms.tsv"), &mut out);
    stem_splits(&read("stem-splits.tsv"), &mut out);
    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("tables.rs"), out).expect("OUT_DIR is writable");
}

/// Links the `tailor` binary at a fixed address on Linux. As a
/// position-independent executable it carried about 200,000 relative
/// relocations (Typst's standard library, ICU data, the tables above: every
/// `&str` in a static is one), and the loader applied them on every start,
/// copying 6 MB of pages: 10 of the 13 ms a bare `tailor --version` took.
/// At a fixed address the linker resolves them once. The code stays
/// position-independent; only the executable's own base loses address
/// randomisation (libraries, heap and stack keep theirs), and a command
/// that reads résumé files is no network service.
fn link_position_dependent() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

fn read(name: &str) -> String {
    let path = Path::new("data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The table's rows: trimmed, without blank lines and `#` comments.
fn rows(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Corpus figures, not constants: a share of 0.318 is not 1/π.
const ALLOW: &str = "#[allow(clippy::approx_constant)]";

/// A language code as its `Lang` variant ("de" → `Lang::De`).
fn variant(code: &str) -> Option<String> {
    let mut chars = code.chars();
    let first = chars.next()?.to_ascii_uppercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| format!("Lang::{first}{}", chars.as_str()))
}

fn background(text: &str, out: &mut String) {
    let mut table: BTreeMap<&str, String> = BTreeMap::new();
    for line in rows(text) {
        let row = || -> Option<(&str, String)> {
            let mut f = line.split('\t');
            let key = f.next()?;
            let postings: f64 = f.next()?.parse().ok()?;
            let english: f64 = f.next()?.parse().ok()?;
            let mut own = String::new();
            for part in f.next().unwrap_or("").split(' ').filter(|p| !p.is_empty()) {
                let (code, share) = part.split_once(':')?;
                let share: f64 = share.parse().ok()?;
                write!(own, "({}, {share:?}), ", variant(code)?).ok()?;
            }
            Some((
                key,
                format!(
                    "Background {{ postings: {postings:?}, english: {english:?}, by_lang: shares({postings:?}, &[{own}]) }}"
                ),
            ))
        };
        if let Some((key, value)) = row() {
            table.insert(key, value);
        }
    }
    writeln!(
        out,
        "/// `data/background.tsv` by key.\n{ALLOW}\nstatic BACKGROUND: phf::Map<&'static str, Background> = {};",
        phf_map(table)
    )
    .expect("writing to a string");
}

fn placement(text: &str, out: &mut String) {
    let mut total: Option<String> = None;
    let mut table: BTreeMap<&str, String> = BTreeMap::new();
    for line in rows(text) {
        let mut f = line.split('\t');
        let Some(key) = f.next() else { continue };
        let counts: Option<Vec<u32>> = (0..8).map(|_| f.next()?.parse().ok()).collect();
        let Some(counts) = counts else { continue };
        let counts = format!("{counts:?}");
        if key == "*" {
            total.get_or_insert(counts);
        } else {
            table.insert(key, counts);
        }
    }
    writeln!(
        out,
        "/// `data/placement.tsv`'s `*` row: uses per column of all terms.\nconst PLACEMENT_TOTAL: [u32; PLACEMENT_COLUMNS] = {};\n/// `data/placement.tsv` by key: uses per column.\nstatic PLACEMENT_USES: phf::Map<&'static str, [u32; PLACEMENT_COLUMNS]> = {};",
        total.unwrap_or_else(|| "[1; PLACEMENT_COLUMNS]".into()),
        phf_map(table)
    )
    .expect("writing to a string");
}

fn title_terms(text: &str, out: &mut String) {
    let mut table: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut keys: BTreeMap<&str, ()> = BTreeMap::new();
    let mut typical: BTreeMap<&str, String> = BTreeMap::new();
    for line in rows(text) {
        let mut f = line.split('\t');
        let (Some(t), Some(key), Some(a)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let Ok(strength) = a.parse::<f64>() else {
            continue;
        };
        // A title term's `*` row: what a posting typically confirms of it.
        if key == "*" {
            typical.insert(t, format!("{strength:?}"));
            continue;
        }
        let Some(display) = f.next() else {
            continue;
        };
        table.entry(t).or_default().push(format!(
            "Implied {{ key: {key:?}, strength: {strength:?}, display: {display:?} }}"
        ));
        keys.insert(key, ());
    }
    writeln!(
        out,
        "/// `data/title-terms.tsv` by title term, in file order.\n{ALLOW}\nstatic IMPLIED: phf::Map<&'static str, &'static [Implied]> = {};\n/// Every body term some title term implies.\nstatic IMPLIED_KEYS: phf::Set<&'static str> = {};\n/// `data/title-terms.tsv`'s `*` rows: how much of what a title term implies a posting typically confirms.\n{ALLOW}\nstatic TITLE_TYPICAL: phf::Map<&'static str, f64> = {};",
        phf_map(slices(table)),
        phf_set(keys),
        phf_map(typical)
    )
    .expect("writing to a string");
}

fn stem_splits(text: &str, out: &mut String) {
    let mut pairs: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for line in rows(text) {
        let mut f = line.split('\t');
        let (Some(a), Some(b), Some(odds)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if let Ok(odds) = odds.parse::<f64>() {
            pairs.insert((a, b), odds);
        }
    }
    let mut by_first: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut words: BTreeMap<&str, ()> = BTreeMap::new();
    for (&(a, b), odds) in &pairs {
        by_first
            .entry(a)
            .or_default()
            .push(format!("({b:?}, {odds:?})"));
        words.insert(a, ());
        words.insert(b, ());
    }
    writeln!(
        out,
        "/// `data/stem-splits.tsv`: per pair's first surface, the second and their odds ratio.\n{ALLOW}\nstatic STEM_ODDS: phf::Map<&'static str, &'static [(&'static str, f64)]> = {};\n/// Every surface of some pair.\nstatic STEM_SPLIT_WORDS: phf::Set<&'static str> = {};",
        phf_map(slices(by_first)),
        phf_set(words)
    )
    .expect("writing to a string");
}

/// A `phf::Map` expression of keys and their value expressions.
fn phf_map(entries: BTreeMap<&str, String>) -> String {
    let mut map = phf_codegen::Map::new();
    for (key, value) in entries {
        map.entry(key, value);
    }
    map.build().to_string()
}

/// A `phf::Set` expression of the keys.
fn phf_set(keys: BTreeMap<&str, ()>) -> String {
    let mut set = phf_codegen::Set::new();
    for key in keys.into_keys() {
        set.entry(key);
    }
    set.build().to_string()
}

/// Lists of value expressions as slice expressions (`&[a, b]`).
fn slices(lists: BTreeMap<&str, Vec<String>>) -> BTreeMap<&str, String> {
    lists
        .into_iter()
        .map(|(key, list)| (key, format!("&[{}]", list.join(", "))))
        .collect()
}
