//! Résumé lints: the weak bullets recruiters skip. Pure: takes the library,
//! returns warnings. `tailor check` prints them.

use rapidfuzz::distance::levenshtein;
use serde::Serialize;

use crate::analysis;
use crate::content::Library;
use crate::text;

/// Longest achievement, in words, before it is "too long".
pub const MAX_WORDS: usize = 40;
/// Texts at least this similar (normalised Levenshtein) are near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.8;

/// What a lint found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintKind {
    /// No number, percentage or amount.
    NoMeasurableResult,
    /// Opens with "Responsible for", "Helped with", "Worked on", …
    WeakOpening,
    /// A role's achievements open in both past and present tense.
    MixedTenses,
    /// Two achievements say nearly the same.
    NearDuplicate,
    /// More than [`MAX_WORDS`] words.
    TooLong,
    /// A `short` phrasing that is not shorter.
    ShortNotShorter,
    /// No `text` in a language other achievements have one in.
    MissingLanguage,
    /// A `short` in a language its `text` is not given in.
    ShortWithoutText,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lint {
    /// What kind.
    pub kind: LintKind,
    /// The achievement (or role) it is about.
    pub subject: String,
    /// What to do about it.
    pub message: String,
}

const WEAK_OPENINGS: &[&str] = &[
    "responsible for",
    "helped with",
    "helped to",
    "helped",
    "worked on",
    "assisted with",
    "assisted",
    "participated in",
    "involved in",
    "tasked with",
    "duties included",
];

/// Irregular past forms that open achievements.
const IRREGULAR_PAST: &[&str] = &[
    "began",
    "bought",
    "brought",
    "built",
    "chose",
    "cut",
    "did",
    "drew",
    "drove",
    "fed",
    "found",
    "gave",
    "got",
    "grew",
    "held",
    "kept",
    "laid",
    "led",
    "made",
    "met",
    "oversaw",
    "paid",
    "ran",
    "rebuilt",
    "rewrote",
    "saw",
    "set",
    "shut",
    "sold",
    "sent",
    "spent",
    "spoke",
    "stood",
    "taught",
    "took",
    "understood",
    "won",
    "wrote",
];

/// The tense of an achievement's first word: `Some(true)` past, `Some(false)`
/// present, `None` when it does not open with a verb we can tell.
fn opening_tense(plain: &str) -> Option<bool> {
    let first = plain.split_whitespace().next()?.to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphabetic());
    if first.len() < 3 {
        return None;
    }
    if first.ends_with("ed") || IRREGULAR_PAST.contains(&first) {
        Some(true)
    } else if first.ends_with("es") || (first.ends_with('s') && !first.ends_with("ss")) {
        Some(false)
    } else {
        None
    }
}

/// Every lint for the library, in library order.
pub fn lint(library: &Library) -> Vec<Lint> {
    let mut out = Vec::new();
    let all: Vec<_> = library.achievements().collect();
    // The languages achievements are written in, the library's own first.
    let mut langs = vec![library.lang];
    for (_, a) in &all {
        for l in a.text_langs(library.lang) {
            if !langs.contains(&l) {
                langs.push(l);
            }
        }
    }
    let plains: Vec<String> = all.iter().map(|(_, a)| text::plain(&a.text)).collect();
    for ((_, a), plain) in all.iter().zip(&plains) {
        let id = a.id.clone();
        if !analysis::is_quantified(plain) {
            out.push(Lint {
                kind: LintKind::NoMeasurableResult,
                subject: id.clone(),
                message: "no measurable result: add a number, a percentage or an amount".into(),
            });
        }
        let lower = plain.to_lowercase();
        if let Some(w) = WEAK_OPENINGS.iter().find(|w| lower.starts_with(*w)) {
            out.push(Lint {
                kind: LintKind::WeakOpening,
                subject: id.clone(),
                message: format!("weak opening \"{w}\": open with what you did (led, built, cut…)"),
            });
        }
        let words = plain.split_whitespace().count();
        if words > MAX_WORDS {
            out.push(Lint {
                kind: LintKind::TooLong,
                subject: id.clone(),
                message: format!(
                    "{words} words, over {MAX_WORDS}: split it, or move detail to `short`"
                ),
            });
        }
        let has = a.text_langs(library.lang);
        for &l in langs.iter().filter(|l| !has.contains(l)) {
            out.push(Lint {
                kind: LintKind::MissingLanguage,
                subject: id.clone(),
                message: format!(
                    "no `text` in {l} ({}), which other achievements have: a {} résumé shows it in {}",
                    l.name(),
                    l.name(),
                    library.lang.name()
                ),
            });
        }
        for l in a.translations.langs("short").filter(|l| !has.contains(l)) {
            out.push(Lint {
                kind: LintKind::ShortWithoutText,
                subject: id.clone(),
                message: format!(
                    "`short` in {l} ({}) but no `text` in it: a phrasing is used only with a text in its language; add the {} text",
                    l.name(),
                    l.name()
                ),
            });
        }
        if let Some(short) = &a.short {
            let short_words = text::word_count(short);
            if short_words >= words {
                out.push(Lint {
                    kind: LintKind::ShortNotShorter,
                    subject: id.clone(),
                    message: format!(
                        "`short` has {short_words} words, not fewer than the text's {words}"
                    ),
                });
            }
        }
    }
    for role in &library.experience {
        let tenses: Vec<bool> = role
            .achievements
            .iter()
            .filter_map(|a| opening_tense(&text::plain(&a.text)))
            .collect();
        if tenses.contains(&true) && tenses.contains(&false) {
            out.push(Lint {
                kind: LintKind::MixedTenses,
                subject: format!("role `{}`", role.title),
                message: "achievements open in both past and present tense: use one".into(),
            });
        }
    }
    for (i, j, sim) in near_duplicates(&plains) {
        out.push(Lint {
            kind: LintKind::NearDuplicate,
            subject: all[i].1.id.clone(),
            message: format!(
                "near-duplicate of `{}` ({:.0}% alike): merge them, or tell them apart",
                all[j].1.id,
                sim * 100.0
            ),
        });
    }
    out
}

/// The Levenshtein distance of `a` and `b` when it is at most `k`, else
/// `None`: rapidfuzz's bit-parallel algorithm (Hyyrö), which stops early
/// past `k`; `pattern` is `a`, prepared once for all its comparisons.
fn levenshtein_within(
    pattern: &levenshtein::BatchComparator<char>,
    b: &[char],
    k: usize,
) -> Option<usize> {
    pattern.distance_with_args(
        b.iter().copied(),
        &levenshtein::Args::default().score_cutoff(k),
    )
}

/// Pairs `(i, j, similarity)`, `i < j`, in that order, whose normalised
/// Levenshtein similarity reaches [`NEAR_DUPLICATE`]. Exact, but the edit
/// distance runs only where two cheap lower bounds on it allow the pair:
/// the length difference, the characters one text has that the other
/// lacks, and the bigrams they share (counted in buckets, which can only
/// err on the side of running it). Pairwise, 2,500 achievements took 90 s.
fn near_duplicates(plains: &[String]) -> Vec<(usize, usize, f64)> {
    struct Text {
        chars: Vec<char>,
        len: usize,
        bag: [u16; 64],
        bigrams: [u8; 256],
    }
    let texts: Vec<Text> = plains
        .iter()
        .map(|p| {
            let lower = p.to_lowercase();
            let mut bag = [0u16; 64];
            let mut len = 0;
            for c in lower.chars() {
                len += 1;
                let b = &mut bag[(c as usize) % 64];
                *b = b.saturating_add(1);
            }
            // Bigrams counted in 256 buckets (a bucket can only overcount
            // what two texts share, so the bound below stays a bound).
            let chars: Vec<char> = lower.chars().collect();
            let mut bigrams = [0u8; 256];
            for w in chars.windows(2) {
                let h = (w[0] as usize).wrapping_mul(31).wrapping_add(w[1] as usize) % 256;
                bigrams[h] = bigrams[h].saturating_add(1);
            }
            Text {
                chars,
                len,
                bag,
                bigrams,
            }
        })
        .collect();
    let mut by_len: Vec<usize> = (0..texts.len()).collect();
    by_len.sort_by_key(|&i| (texts[i].len, i));
    let mut pairs = Vec::new();
    for (k, &a) in by_len.iter().enumerate() {
        let ta = &texts[a];
        let pattern = levenshtein::BatchComparator::new(ta.chars.iter().copied());
        for &b in &by_len[k + 1..] {
            let tb = &texts[b];
            // sim ≤ shorter / longer: the texts only get longer from here.
            if (ta.len as f64) < NEAR_DUPLICATE * tb.len as f64 {
                break;
            }
            let longest = tb.len.max(1) as f64;
            let (mut only_a, mut only_b) = (0usize, 0usize);
            for (x, y) in ta.bag.iter().zip(&tb.bag) {
                if x > y {
                    only_a += usize::from(x - y);
                } else {
                    only_b += usize::from(y - x);
                }
            }
            if 1.0 - only_a.max(only_b) as f64 / longest < NEAR_DUPLICATE {
                continue;
            }
            // q-gram count filter: an edit destroys at most two bigrams, so
            // within `k` edits the texts share at least `longest − 1 − 2k`.
            // The most edits that keep `1 − d / longest` at the threshold,
            // computed as that expression is, so that no pair at exactly the
            // threshold is lost to rounding.
            let mut k = ((1.0 - NEAR_DUPLICATE) * longest).floor();
            if 1.0 - (k + 1.0) / longest >= NEAR_DUPLICATE {
                k += 1.0;
            }
            // Fixed-size arrays, so that the loop vectorises.
            let mut common = 0u32;
            for (x, y) in ta.bigrams.iter().zip(tb.bigrams.iter()) {
                common += u32::from(*x.min(y));
            }
            if (common as f64) < longest - 1.0 - 2.0 * k {
                continue;
            }
            if let Some(d) = levenshtein_within(&pattern, &tb.chars, k as usize) {
                let sim = 1.0 - d as f64 / longest;
                if sim >= NEAR_DUPLICATE {
                    pairs.push((a.min(b), a.max(b), sim));
                }
            }
        }
    }
    pairs.sort_by_key(|p| (p.0, p.1));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};

    fn lib(achievements: &[(&str, &str, Option<&str>)]) -> Library {
        let mut y = String::from("experience:\n  - title: Engineer\n    achievements:\n");
        for (id, text, short) in achievements {
            y.push_str(&format!("      - id: {id}\n        text: \"{text}\"\n"));
            if let Some(s) = short {
                y.push_str(&format!("        short: \"{s}\"\n"));
            }
        }
        from_sources(&[Source {
            path: "t.yaml".into(),
            text: y,
        }])
        .unwrap()
    }

    fn kinds(l: &Library) -> Vec<LintKind> {
        lint(l).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn achievements_missing_a_language_the_library_uses_are_named() {
        let l = from_sources(&[Source {
            path: "t.yaml".into(),
            text: "experience:\n  - title: Engineer\n    achievements:\n      \
                   - id: a\n        text: {en: Cut costs by 10%., de: Kosten um 10 % gesenkt.}\n      \
                   - id: b\n        text: Cut time by 5%.\n        short: {de: Zeit um 5 % gekürzt.}\n"
                .into(),
        }])
        .unwrap();
        let lints = lint(&l);
        let missing: Vec<_> = lints
            .iter()
            .filter(|l| l.kind == LintKind::MissingLanguage)
            .collect();
        assert_eq!(missing.len(), 1, "{lints:?}");
        assert_eq!(missing[0].subject, "b");
        assert!(
            missing[0].message.starts_with("no `text` in de (German)"),
            "{lints:?}"
        );
        let short = lints
            .iter()
            .find(|l| l.kind == LintKind::ShortWithoutText)
            .unwrap();
        assert_eq!(short.subject, "b");
        assert!(
            short
                .message
                .contains("`short` in de (German) but no `text` in it")
        );
    }

    #[test]
    fn measurable_result() {
        assert!(
            kinds(&lib(&[("a", "Improved the build", None)]))
                .contains(&LintKind::NoMeasurableResult)
        );
        assert!(
            !kinds(&lib(&[("a", "Cut build time by 40%", None)]))
                .contains(&LintKind::NoMeasurableResult)
        );
    }

    #[test]
    fn weak_openings() {
        assert!(
            kinds(&lib(&[(
                "a",
                "Responsible for the 3 billing services",
                None
            )]))
            .contains(&LintKind::WeakOpening)
        );
        assert!(
            kinds(&lib(&[("a", "Helped with 2 migrations", None)]))
                .contains(&LintKind::WeakOpening)
        );
        assert!(!kinds(&lib(&[("a", "Led 2 migrations", None)])).contains(&LintKind::WeakOpening));
    }

    #[test]
    fn mixed_tenses_within_a_role() {
        let mixed = lib(&[
            ("a", "Led 2 migrations", None),
            ("b", "Manages 4 engineers", None),
        ]);
        assert!(kinds(&mixed).contains(&LintKind::MixedTenses));
        let past = lib(&[
            ("a", "Led 2 migrations", None),
            ("b", "Managed 4 engineers", None),
        ]);
        assert!(!kinds(&past).contains(&LintKind::MixedTenses));
    }

    #[test]
    fn the_bounded_distance_agrees_with_strsim_within_its_bound() {
        let texts = [
            "cut p99 latency by 40%",
            "cut p95 latency by 45%",
            "grew the team from 3 to 11",
            "",
            "cut latency",
            "kitten",
            "sitting",
        ];
        for a in texts {
            for b in texts {
                let cb: Vec<char> = b.chars().collect();
                let pattern = levenshtein::BatchComparator::new(a.chars());
                let exact = strsim::levenshtein(a, b);
                for k in 0..30 {
                    let got = levenshtein_within(&pattern, &cb, k);
                    assert_eq!(got, (exact <= k).then_some(exact), "{a:?} {b:?} k={k}");
                }
            }
        }
    }

    #[test]
    fn near_duplicates() {
        let dup = lib(&[
            ("a", "Cut p99 latency by 40% on checkout", None),
            ("b", "Cut p99 latency by 45% on checkout", None),
        ]);
        let l = lint(&dup);
        let d = l
            .iter()
            .find(|l| l.kind == LintKind::NearDuplicate)
            .expect("found");
        assert!(d.subject == "a" && d.message.contains("`b`"));
        let apart = lib(&[
            ("a", "Cut p99 latency by 40% on checkout", None),
            ("b", "Hired 6 engineers in 2 quarters", None),
        ]);
        assert!(!kinds(&apart).contains(&LintKind::NearDuplicate));
    }

    #[test]
    fn too_long() {
        let long = format!("Built {} in 2 weeks", "a very long clause".repeat(12));
        assert!(kinds(&lib(&[("a", &long, None)])).contains(&LintKind::TooLong));
        assert!(!kinds(&lib(&[("a", "Built 2 services", None)])).contains(&LintKind::TooLong));
    }

    #[test]
    fn short_not_shorter() {
        assert!(
            kinds(&lib(&[(
                "a",
                "Built 2 services",
                Some("Built two small services")
            )]))
            .contains(&LintKind::ShortNotShorter)
        );
        assert!(
            !kinds(&lib(&[(
                "a",
                "Built 2 services for payments",
                Some("Built 2 services")
            )]))
            .contains(&LintKind::ShortNotShorter)
        );
    }
}
