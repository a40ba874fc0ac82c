//! Ranking quality on two evaluation sets: ours in tests/eval/ (postings
//! written for the project, a labelled library, graded relevance 0–3), and
//! the real one in `../shared/eval-real` (25 real postings graded by two
//! independent annotators, read in place, never copied). For each: NDCG@5
//! and NDCG@10 of tailor's scorer against a plain BM25 baseline (whitespace
//! tokens, no sections, no aliases, no stemming), implemented here.
//!
//! See the figures with `cargo test --test cli eval:: -- --nocapture`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::harness::shared_dir;

use tailor::content::Library;
use tailor::posting::Posting;
use tailor::score::{LibraryIndex, ranking};

struct Eval {
    library: Library,
    /// (posting name, raw text as the baseline sees it, analysed posting)
    postings: Vec<(String, String, Posting)>,
    /// posting → achievement id → grade (absent: 0)
    labels: BTreeMap<String, HashMap<String, f64>>,
}

fn load() -> Eval {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    load_set(&root, &root.join("labels.tsv"))
}

/// Our postings in German, French and Spanish (`tests/eval/intl/`), graded
/// against the same library.
fn load_intl() -> Eval {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    load_from(
        &root.join("library.yaml"),
        &root.join("intl/postings"),
        &root.join("intl/labels.tsv"),
    )
}

/// A set: `library.yaml`, `postings/`, and a TSV of grades with a header
/// line (posting file or name, achievement id, grade).
fn load_set(root: &Path, labels_path: &Path) -> Eval {
    load_from(
        &root.join("library.yaml"),
        &root.join("postings"),
        labels_path,
    )
}

fn load_from(library: &Path, postings: &Path, labels_path: &Path) -> Eval {
    let library = tailor::content::load(library).expect("eval library loads");
    let mut files: Vec<_> = std::fs::read_dir(postings)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let postings = files
        .iter()
        .map(|f| {
            let mut src = tailor::input::read_posting(f).unwrap();
            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
            src.name = name.clone();
            // The baseline reads what a reader sees, as the analysis does.
            let text = match src.format {
                tailor::input::PostingFormat::Html => tailor::html::posting_text(&src.text),
                _ => src.text.clone(),
            };
            (name, text, Posting::from_source(&src).unwrap())
        })
        .collect();
    let mut labels: BTreeMap<String, HashMap<String, f64>> = BTreeMap::new();
    let tsv = std::fs::read_to_string(labels_path).unwrap();
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let name = f[0].strip_suffix(".md").unwrap_or(f[0]);
        labels
            .entry(name.to_string())
            .or_default()
            .insert(f[1].to_string(), f[2].trim().parse().unwrap());
    }
    Eval {
        library,
        postings,
        labels,
    }
}

fn ndcg(ranked: &[&str], grades: &HashMap<String, f64>, k: usize) -> f64 {
    let gain = |g: f64| 2f64.powf(g) - 1.0;
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain(grades.get(*id).copied().unwrap_or(0.0)) / ((i + 2) as f64).log2())
        .sum();
    let mut ideal: Vec<f64> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(*g) / ((i + 2) as f64).log2())
        .sum();
    if idcg == 0.0 { 0.0 } else { dcg / idcg }
}

fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Plain BM25 (k1 = 1.2, b = 0.75) over achievement text and tags.
fn bm25_ranking<'a>(library: &'a Library, query: &str) -> Vec<&'a str> {
    let docs: Vec<(&str, Vec<String>)> = library
        .achievements()
        .map(|(_, a)| {
            (
                a.id.as_str(),
                tokens(&format!("{} {}", a.text, a.tags.join(" "))),
            )
        })
        .collect();
    let n = docs.len() as f64;
    let avg = docs.iter().map(|d| d.1.len()).sum::<usize>() as f64 / n;
    let mut q = tokens(query);
    q.sort();
    q.dedup();
    let mut scored: Vec<(usize, f64)> = docs
        .iter()
        .enumerate()
        .map(|(i, (_, toks))| {
            let score = q
                .iter()
                .map(|term| {
                    let df = docs.iter().filter(|d| d.1.contains(term)).count() as f64;
                    let tf = toks.iter().filter(|t| *t == term).count() as f64;
                    if tf == 0.0 {
                        return 0.0;
                    }
                    let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                    idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * toks.len() as f64 / avg))
                })
                .sum();
            (i, score)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.into_iter().map(|(i, _)| docs[i].0).collect()
}

/// NDCG@5 and NDCG@10 of tailor and of BM25, means over the postings with
/// an achievement graded at least `relevant` (as the real set's `ndcg.py`
/// counts them), printed per posting.
fn evaluate(set: &str, eval: &Eval, relevant: f64) -> [f64; 4] {
    evaluate_where(set, eval, relevant, &|_| true)
}

/// [`evaluate`] over the postings `keep` accepts.
fn evaluate_where(
    set: &str,
    eval: &Eval,
    relevant: f64,
    keep: &dyn Fn(&Posting) -> bool,
) -> [f64; 4] {
    let index = LibraryIndex::build(&eval.library);
    let ids: Vec<&str> = eval
        .library
        .achievements()
        .map(|(_, a)| a.id.as_str())
        .collect();
    let mut sums = [0.0f64; 4];
    let mut counted = 0;
    println!(
        "\n{set}\n{:<60} {:>8} {:>8} {:>8} {:>8}",
        "posting", "ours@5", "bm25@5", "ours@10", "bm25@10"
    );
    let none = HashMap::new();
    for (name, text, posting) in eval.postings.iter().filter(|p| keep(&p.2)) {
        let grades = eval.labels.get(name).unwrap_or(&none);
        if !grades.values().any(|&g| g >= relevant) {
            println!("{name:<60} (no relevant achievement: skipped)");
            continue;
        }
        let scored = index.score(posting);
        let ours: Vec<&str> = ranking(&scored).into_iter().map(|i| ids[i]).collect();
        let base = bm25_ranking(&eval.library, text);
        let row = [
            ndcg(&ours, grades, 5),
            ndcg(&base, grades, 5),
            ndcg(&ours, grades, 10),
            ndcg(&base, grades, 10),
        ];
        println!(
            "{:<60} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
            format!("{name} ({})", posting.lang),
            row[0],
            row[1],
            row[2],
            row[3]
        );
        for (s, r) in sums.iter_mut().zip(row) {
            *s += r;
        }
        counted += 1;
    }
    let mean = sums.map(|s| s / f64::from(counted));
    println!(
        "{:<60} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
        format!("{set}: mean over {counted} postings"),
        mean[0],
        mean[1],
        mean[2],
        mean[3]
    );
    mean
}

#[test]
fn scorer_beats_bm25_on_our_evaluation_set() {
    let eval = load();
    assert!(eval.postings.len() >= 10, "at least 10 postings");
    assert!(
        eval.library.achievements().count() >= 40,
        "at least 40 achievements"
    );
    let ids = eval.library.achievements().count();
    for (name, _, _) in &eval.postings {
        let n = eval.labels.get(name).map_or(0, HashMap::len);
        assert_eq!(n, ids, "{name}: every achievement is labelled");
    }
    let mean = evaluate("our set (tests/eval)", &eval, 1.0);
    assert!(mean[2] >= 0.90, "NDCG@10 {:.3} < 0.90 on our set", mean[2]);
    assert!(
        mean[2] >= mean[3] + 0.05,
        "NDCG@10: scorer {:.3} must beat BM25 {:.3} by at least 0.05",
        mean[2],
        mean[3]
    );
    assert!(
        mean[0] > mean[1],
        "NDCG@5: scorer {:.3} vs BM25 {:.3}",
        mean[0],
        mean[1]
    );
}

/// Our postings in German, French and Spanish: each read in its language,
/// ranked against the English library through the translation table.
#[test]
fn scorer_ranks_our_postings_in_other_languages() {
    use tailor::analysis::Lang;
    let eval = load_intl();
    assert_eq!(eval.postings.len(), 9, "three postings each in de, fr, es");
    let ids = eval.library.achievements().count();
    for (name, _, posting) in &eval.postings {
        let n = eval.labels.get(name).map_or(0, HashMap::len);
        assert_eq!(n, ids, "{name}: every achievement is labelled");
        let code = &name[..2];
        assert_eq!(posting.lang.code(), code, "{name} is read as {code}");
    }
    let mean = evaluate("our set in other languages (tests/eval/intl)", &eval, 1.0);
    for lang in [Lang::De, Lang::Fr, Lang::Es] {
        evaluate_where(
            &format!("tests/eval/intl, {}", lang.name()),
            &eval,
            1.0,
            &|p| p.lang == lang,
        );
    }
    assert!(
        mean[2] >= INTL_NDCG10_FLOOR,
        "NDCG@10 {:.3} < {INTL_NDCG10_FLOOR} on our non-English postings",
        mean[2]
    );
    assert!(
        mean[2] >= mean[3] + 0.05,
        "NDCG@10: scorer {:.3} must beat BM25 {:.3} by at least 0.05",
        mean[2],
        mean[3]
    );
}

/// Issue #18 asks for NDCG@10 ≥ 0.80 on our postings in other languages.
const INTL_NDCG10_FLOOR: f64 = 0.80;

/// The real set. Issue #13 asks for NDCG@10 ≥ 0.80 here; this guards what
/// is reached (0.794 at this commit) against regressions.
const REAL_NDCG10_FLOOR: f64 = 0.785;

#[test]
fn scorer_beats_bm25_on_real_postings() {
    let Some(root) = shared_dir("eval-real", "real-postings evaluation") else {
        return;
    };
    let eval = load_set(&root, &root.join("qrels.tsv"));
    assert_eq!(eval.postings.len(), 25, "the real set has 25 postings");
    let mean = evaluate("real set (../shared/eval-real)", &eval, 2.0);
    // Issue #18: the postings in other languages, beside the English ones.
    use tailor::analysis::Lang;
    let english = evaluate_where("real set, English", &eval, 2.0, &|p| p.lang == Lang::En);
    let other = evaluate_where("real set, other languages", &eval, 2.0, &|p| {
        p.lang != Lang::En
    });
    println!(
        "real set NDCG@10: English {:.3}, other languages {:.3}",
        english[2], other[2]
    );
    assert!(
        mean[2] >= REAL_NDCG10_FLOOR,
        "NDCG@10 {:.3} < {REAL_NDCG10_FLOOR} on real postings",
        mean[2]
    );
    assert!(
        mean[2] >= mean[3] + 0.15,
        "NDCG@10: scorer {:.3} must beat BM25 {:.3} by at least 0.15",
        mean[2],
        mean[3]
    );
}

/// Share of all scores that comes from the given sections, attributing each
/// match's contribution to sections by their share of the term's weight.
fn share_from(eval: &Eval, posting: &str, kinds: &[tailor::sections::SectionKind]) -> f64 {
    let (_, _, p) = eval.postings.iter().find(|(n, _, _)| n == posting).unwrap();
    let scored = LibraryIndex::build(&eval.library).score(p);
    let (mut from, mut total) = (0.0, 0.0);
    for s in &scored {
        for m in &s.matches {
            total += m.contribution;
            for (k, share) in tailor::score::section_shares(&p.terms[m.term_index]) {
                if kinds.contains(&k) {
                    from += m.contribution * share;
                }
            }
        }
    }
    from / total
}

#[test]
fn benefits_and_legal_text_carry_at_most_five_percent() {
    use tailor::sections::SectionKind::{Benefits, Legal, Salary};
    let eval = load();
    // Postings 01 and 05 are more than half about-us, benefits and EEO text.
    for posting in ["01-backend-engineer", "05-data-engineer"] {
        let (_, _, p) = eval.postings.iter().find(|(n, _, _)| n == posting).unwrap();
        assert!(
            p.sections.iter().any(|s| s.kind == Benefits)
                && p.sections.iter().any(|s| s.kind == Legal),
            "{posting}: benefits and legal sections are found: {:?}",
            p.sections
        );
        let share = share_from(&eval, posting, &[Benefits, Legal, Salary]);
        println!(
            "{posting}: {:.2}% of the score from benefits, salary and legal text",
            share * 100.0
        );
        assert!(share <= 0.05, "{posting}: {:.1}% > 5%", share * 100.0);
    }
}
