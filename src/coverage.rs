//! Coverage and gaps: the key terms of a posting (what it asks for most,
//! requirements first), which of them a tailored résumé covers and through
//! which achievement, and the match rate. Pure.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::{Lang, TermKind};
use crate::content::{AchievementRef, Library};
use crate::lexicon;
use crate::posting::{Posting, PostingTerm};
use crate::score::{self, LibraryIndex, MatchKind, Scored, factors};
use crate::sections::SectionKind;

/// A term the posting asks for.
#[derive(Debug, Clone, Serialize)]
pub struct KeyTerm {
    /// As the posting wrote it.
    pub term: String,
    /// Index in [`Posting::terms`].
    #[serde(skip)]
    pub index: usize,
    /// Its matching key.
    #[serde(skip)]
    pub key: String,
    /// Its share of the match rate (posting emphasis × specificity).
    pub weight: f64,
    /// The section where it weighs most.
    pub section: SectionKind,
}

/// A key term the résumé covers.
#[derive(Debug, Clone, Serialize)]
pub struct Covered {
    /// The term.
    #[serde(flatten)]
    pub term: KeyTerm,
    /// Ids of the selected achievements that match it, in résumé order.
    pub by: Vec<String>,
    /// The other parts of the résumé that name it: "headline", "summary",
    /// "skills", "role title".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub elsewhere: Vec<&'static str>,
}

impl Covered {
    /// Who covers it, for people: "a, b", "skills", "a; also skills".
    pub fn by_text(&self) -> String {
        match (self.by.is_empty(), self.elsewhere.is_empty()) {
            (false, true) => self.by.join(", "),
            (true, _) => self.elsewhere.join(", "),
            (false, false) => format!("{}; also {}", self.by.join(", "), self.elsewhere.join(", ")),
        }
    }
}

/// What a résumé covers of a posting's key terms.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Weighted share of key terms covered, 0–1.
    pub match_rate: f64,
    /// Covered key terms, most important first.
    pub covered: Vec<Covered>,
    /// Key terms no selected achievement covers: the gap to fill or address.
    pub missing: Vec<KeyTerm>,
}

/// The posting's key terms, most important first: what a recruiter would
/// list (skills, domains, technologies, methods) from the sections that
/// describe the job, phrases replacing their words, one term per alias
/// group. Never a level word ("senior"), a colleague's role ("data
/// scientists", "product managers"), a term most real postings use, or an
/// ordinary word the posting mentions only in passing.
pub fn key_terms(posting: &Posting, index: &LibraryIndex) -> Vec<KeyTerm> {
    let aliases = index.aliases();
    let mut candidates: Vec<KeyTerm> = posting
        .terms
        .iter()
        .enumerate()
        .filter(|(_, t)| is_key_candidate(t, posting.lang, index))
        .map(|(i, t)| KeyTerm {
            term: t.display.clone(),
            index: i,
            key: t.key.clone(),
            weight: score::posting_weight(t, posting.lang),
            section: score::main_section(t),
        })
        .collect();
    // Stable: equal weights keep posting order.
    candidates.sort_by(|a, b| b.weight.total_cmp(&a.weight));

    let key = |k: &KeyTerm| posting.terms[k.index].key.as_str();
    let mut chosen: Vec<KeyTerm> = Vec::new();
    let mut groups: Vec<u32> = Vec::new();
    for c in candidates {
        if chosen.len() == factors::KEY_TERMS {
            break;
        }
        // A phrase replaces the shorter terms inside it ("blameless post
        // mortems" replaces "post mortems" and "blameless"), and a term
        // inside a chosen phrase is not chosen again.
        let inside = |small: &str, big: &str| {
            small != big && format!(" {big} ").contains(&format!(" {small} "))
        };
        if chosen.iter().any(|k| inside(key(&c), key(k))) {
            continue;
        }
        if let Some(g) = aliases.group(key(&c)) {
            if groups.contains(&g) {
                continue;
            }
            groups.push(g);
        }
        chosen.retain(|k| !inside(key(k), key(&c)));
        chosen.push(c);
    }
    chosen.sort_by(|a, b| {
        a.section
            .index()
            .cmp(&b.section.index())
            .then(b.weight.total_cmp(&a.weight))
    });
    chosen
}

/// Whether a posting term can be a key term (see [`key_terms`]).
fn is_key_candidate(t: &PostingTerm, lang: Lang, index: &LibraryIndex) -> bool {
    let aliases = index.aliases();
    // A translated word is as common as the English term it stands for
    // ("verbessern" is "improve"), however few postings say it in German.
    let share = lexicon::translations()
        .english(lang, &t.key)
        .iter()
        .filter_map(|en| lexicon::background(en))
        .map(|b| b.postings)
        .fold(
            lexicon::background(&t.key).map_or(0.0, |b| b.share_in(lang)),
            f64::max,
        );
    // Where the job is described, not the company blurb or the benefits.
    let job_mentions: u32 = t
        .sections()
        .filter(|(k, _)| factors::section_weight(*k) >= factors::KEY_TERM_MIN_SECTION)
        .map(|(_, n)| n)
        .sum();
    let last = t.display.rsplit([' ', '-']).next().unwrap_or_default();
    if job_mentions == 0
        || share >= factors::KEY_TERM_MAX_SHARE
        || lexicon::is_level_word(&t.key)
        || lexicon::is_role_noun(last)
        || t.display.chars().count() < 2
    {
        return false;
    }
    let curated = aliases.group(&t.key).is_some()
        || lexicon::is_tech(&t.key)
        || !lexicon::translations().english(lang, &t.key).is_empty();
    if !curated && !judges_words_of(lang) && has_native_word(t, lang) {
        return false;
    }
    match t.kind {
        TermKind::Tech => true,
        // A phrase the alias table or the library knows, or one the real
        // postings use as a unit ("computer science").
        TermKind::Phrase => {
            !t.key.split(' ').any(lexicon::is_level_word)
                && (curated || index.contains(&t.key) || is_corpus_unit(&t.key, share, lang))
        }
        TermKind::Word => {
            !lexicon::is_level_word(&t.key)
                && ((curated && share <= factors::KEY_TERM_CURATED_SHARE)
                    || share <= factors::KEY_TERM_RARE_SHARE
                    || job_mentions >= factors::KEY_TERM_MIN_MENTIONS
                    || t.by_section[SectionKind::Title.index()] > 0)
        }
    }
}

/// True when the corpus holds enough postings in `lang` to tell its rare
/// words from its common ones: a share of [`factors::KEY_TERM_RARE_SHARE`]
/// must stand on [`factors::KEY_TERM_MIN_EVIDENCE`] postings. English
/// (every posting) and French do; German, with 23, does not.
fn judges_words_of(lang: Lang) -> bool {
    f64::from(lexicon::corpus_postings(lang)) * factors::KEY_TERM_RARE_SHARE
        >= factors::KEY_TERM_MIN_EVIDENCE
}

/// True when a term holds a word of the posting's own language: not a
/// technology name, not an English loanword.
fn has_native_word(t: &PostingTerm, lang: Lang) -> bool {
    lang != Lang::En
        && t.kind != TermKind::Tech
        && t.display
            .split([' ', '-'])
            .any(|w| !w.is_empty() && !lexicon::is_tech(w) && !lexicon::reads_as_english(w, lang))
}

/// True when real postings use a phrase as a unit: a good share of the uses
/// of its rarest word are in it ("computer science", "trade offs"), not
/// words that happen to meet ("genuine care").
fn is_corpus_unit(key: &str, share: f64, lang: Lang) -> bool {
    let rarest = key
        .split(' ')
        .map(|w| lexicon::background(w).map_or(0.0, |b| b.share_in(lang)))
        .fold(f64::INFINITY, f64::min);
    share > 0.0 && share >= factors::KEY_PHRASE_MIN_DEPENDENCY * rarest
}

/// True when the posting mentions `text` (a skill keyword, say), as written
/// or through an alias.
pub fn mentioned(posting: &Posting, index: &LibraryIndex, text: &str) -> bool {
    let Some(key) = crate::analysis::term_key(text) else {
        return false;
    };
    let has = |k: &str| posting.terms.iter().any(|t| t.key == k);
    has(&key) || index.aliases().equivalents(&key).any(has)
}

/// The résumé's parts other than achievements, with the keys each holds:
/// the headline, the summary, every skill keyword, and the titles of the
/// roles shown.
fn other_parts(library: &Library, selected: &[AchievementRef]) -> Vec<(&'static str, Vec<String>)> {
    let keys = |texts: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        let mut k: Vec<String> = texts
            .flat_map(|t| lexicon::analyse_content(&crate::text::plain(t), library.lang))
            .map(|t| t.key)
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    let mut roles: Vec<usize> = selected.iter().map(|at| at.role).collect();
    roles.sort_unstable();
    roles.dedup();
    vec![
        (
            "headline",
            keys(&mut library.basics.headline.iter().map(String::as_str)),
        ),
        (
            "summary",
            keys(&mut library.summary.iter().map(String::as_str)),
        ),
        (
            "skills",
            keys(
                &mut library
                    .skills
                    .iter()
                    .flat_map(|g| g.keywords.iter().map(String::as_str)),
            ),
        ),
        (
            "role title",
            keys(&mut roles.iter().map(|&r| library.experience[r].title.as_str())),
        ),
    ]
}

/// Which key terms the résumé covers: the `selected` achievements (by
/// their own text and tags), and the headline, summary, skills and shown
/// role titles, named as such. `scored` is in library order, as
/// [`LibraryIndex::score`] returns it.
pub fn coverage(
    library: &Library,
    index: &LibraryIndex,
    key_terms: &[KeyTerm],
    scored: &[Scored],
    selected: &[AchievementRef],
) -> Coverage {
    let by_ref: HashMap<AchievementRef, &Scored> = scored.iter().map(|s| (s.at, s)).collect();
    let parts = other_parts(library, selected);
    let mut covered = Vec::new();
    let mut missing = Vec::new();
    let (mut got, mut total) = (0.0, 0.0);
    for k in key_terms {
        total += k.weight;
        let by: Vec<String> = selected
            .iter()
            .filter(|at| {
                by_ref.get(at).is_some_and(|s| {
                    s.matches
                        .iter()
                        .any(|m| m.term_index == k.index && m.kind != MatchKind::Role)
                })
            })
            .map(|&at| library.achievement(at).id.clone())
            .collect();
        let forms: Vec<&str> = std::iter::once(k.key.as_str())
            .chain(index.aliases().equivalents(&k.key))
            .collect();
        let elsewhere: Vec<&'static str> = parts
            .iter()
            .filter(|(_, keys)| {
                forms
                    .iter()
                    .any(|f| keys.binary_search_by(|k| k.as_str().cmp(f)).is_ok())
            })
            .map(|(name, _)| *name)
            .collect();
        if by.is_empty() && elsewhere.is_empty() {
            missing.push(k.clone());
        } else {
            got += k.weight;
            covered.push(Covered {
                term: k.clone(),
                by,
                elsewhere,
            });
        }
    }
    Coverage {
        match_rate: if total > 0.0 { got / total } else { 0.0 },
        covered,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};
    use crate::select::{Options, select};

    const LIB: &str = "experience:\n  - title: Engineer\n    achievements:\n      - {id: k, text: \"Ran Kubernetes clusters\"}\n      - {id: r, text: \"Designed rate limiting for the API\"}\n      - {id: d, text: \"Wrote onboarding docs\"}\n";

    fn setup(posting: &str) -> (Library, Posting, LibraryIndex) {
        let lib = from_sources(&[Source {
            path: "t.yaml".into(),
            text: LIB.into(),
        }])
        .unwrap();
        let index = LibraryIndex::build(&lib);
        (lib, Posting::analyse("p", posting), index)
    }

    fn terms(k: &[KeyTerm]) -> Vec<&str> {
        k.iter().map(|k| k.term.as_str()).collect()
    }

    #[test]
    fn in_a_language_the_corpus_cannot_judge_only_curated_words_are_key_terms() {
        let (_, _, index) = setup("");
        let text = "Data Engineer (m/w/d)\n\nIhre Aufgaben\n- Abrechnung und Zahlungsverkehr \
                    mit Kubernetes betreiben\n- Wöchentliche Kennzahlen gründlich prüfen\n\n\
                    Ihr Profil\n- Kubernetes, gründlich und wöchentlich\n";
        let p = Posting::analyse_in("p", text, Some(Lang::De));
        let t: Vec<String> = key_terms(&p, &index).into_iter().map(|k| k.term).collect();
        // German has 23 postings in the corpus: too few to call a word of
        // its own rare. The translation table vouches for "Abrechnung"
        // (billing); nothing vouches for "gründlich" (thorough).
        assert!(t.contains(&"abrechnung".to_string()), "{t:?}");
        assert!(t.contains(&"kubernetes".to_string()), "{t:?}");
        assert!(!t.iter().any(|t| t.starts_with("gründlich")), "{t:?}");
        // A title's gender marker is no skill.
        assert!(!t.contains(&"m/w/d".to_string()), "{t:?}");
    }

    #[test]
    fn key_terms_are_specific_requirements_first_with_phrases_replacing_words() {
        let (_, p, index) = setup(
            "Senior Platform Engineer\n\nWhat you'll do\n- Own rate limiting\n\nRequirements:\n- k8s and Terraform\n- Great team player\n\nBenefits\n- Free snacks\n",
        );
        let k = key_terms(&p, &index);
        let t = terms(&k);
        assert!(
            t.contains(&"k8s") && t.contains(&"terraform") && t.contains(&"rate limiting"),
            "{t:?}"
        );
        assert!(
            !t.contains(&"rate") && !t.contains(&"limiting"),
            "phrase replaces words: {t:?}"
        );
        assert!(!t.contains(&"senior") && !t.contains(&"team"), "{t:?}");
        assert!(!t.contains(&"snacks"), "benefits are not key terms: {t:?}");
        let first_resp = k
            .iter()
            .position(|k| k.section == SectionKind::Responsibilities)
            .unwrap();
        let last_req = k
            .iter()
            .rposition(|k| k.section == SectionKind::Requirements)
            .unwrap();
        assert!(last_req < first_resp, "requirements first: {k:?}");
    }

    #[test]
    fn coverage_names_the_achievements_and_weighs_the_rate() {
        let (lib, p, index) = setup("Requirements:\n- k8s\n- Terraform\n");
        let scored = index.score(&p);
        let options = Options {
            budget: crate::select::Budget::Words(100),
            ..Options::default()
        };
        let keys: Vec<usize> = key_terms(&p, &index).iter().map(|k| k.index).collect();
        let sel = select(
            &lib,
            &scored,
            &keys,
            &options,
            &crate::select::Costs::new(&lib, &options),
        )
        .unwrap();
        let chosen: Vec<_> = sel.chosen.iter().map(|c| c.at).collect();
        let keys = key_terms(&p, &index);
        let c = coverage(&lib, &index, &keys, &scored, &chosen);
        assert_eq!(terms(&c.missing), vec!["terraform"]);
        assert_eq!(c.covered[0].term.term, "k8s");
        assert_eq!(c.covered[0].by, vec!["k"]);
        let expected = c.covered[0].term.weight / (c.covered[0].term.weight + c.missing[0].weight);
        assert!((c.match_rate - expected).abs() < 1e-12);
        // Nothing selected: nothing covered.
        let none = coverage(&lib, &index, &keys, &scored, &[]);
        assert_eq!(none.match_rate, 0.0);
        assert_eq!(none.missing.len(), 2);
    }

    /// A posting written for this test, full of words that are no key term.
    const NOISY: &str = "Senior Backend Engineer\n\nRequirements:\n- A degree in computer science\n- You will launch our app and work with data scientists and product managers\n- Strong technical skills; the team owns programs related to a growing business\n- Kubernetes and PostgreSQL\n";

    #[test]
    fn key_terms_are_what_a_recruiter_would_list() {
        let (_, p, index) = setup(NOISY);
        let k = key_terms(&p, &index);
        let t = terms(&k);
        for generic in [
            "app",
            "launch",
            "owns",
            "technical",
            "programs",
            "growing",
            "related",
            "data scientists",
            "product managers",
            "scientists",
            "senior",
        ] {
            assert!(!t.contains(&generic), "{generic} in {t:?}");
        }
        assert!(t.contains(&"computer science"), "kept whole: {t:?}");
        assert!(!t.contains(&"computer") && !t.contains(&"science"), "{t:?}");
        assert!(
            t.contains(&"kubernetes") && t.contains(&"postgresql"),
            "{t:?}"
        );
    }

    #[test]
    fn a_term_most_postings_use_is_never_a_key_term() {
        let (_, p, index) =
            setup("Requirements:\n- experience, experience, experience\n- team team team\n");
        assert!(key_terms(&p, &index).is_empty());
    }

    #[test]
    fn headline_skills_and_role_titles_cover_key_terms() {
        let lib = from_sources(&[Source {
            path: "t.yaml".into(),
            text: "basics:\n  headline: Backend Engineer\nskills:\n  - name: Data\n    keywords: [PostgreSQL]\nexperience:\n  - title: Payments Engineer\n    achievements:\n      - {id: a, text: \"Cut p99 latency by 30%\"}\n".into(),
        }])
        .unwrap();
        let index = LibraryIndex::build(&lib);
        let p = Posting::analyse(
            "p",
            "Backend Engineer\n\nRequirements:\n- PostgreSQL\n- Payments systems, payments APIs\n- latency work\n",
        );
        let keys = key_terms(&p, &index);
        let scored = index.score(&p);
        let at = lib.achievements().next().unwrap().0;
        let c = coverage(&lib, &index, &keys, &scored, &[at]);
        let find = |t: &str| c.covered.iter().find(|c| c.term.term == t);
        assert_eq!(
            find("backend").map(|c| c.elsewhere.clone()),
            Some(vec!["headline"]),
            "{c:?}"
        );
        assert_eq!(
            find("postgresql").map(|c| c.by_text()),
            Some("skills".to_string()),
            "{c:?}"
        );
        assert!(
            find("payments").is_some_and(|c| c.elsewhere.contains(&"role title")),
            "{c:?}"
        );
        assert!(c.missing.is_empty(), "{:?}", c.missing);
        assert!((c.match_rate - 1.0).abs() < 1e-12);
    }
}
