//! Coverage and gaps: the key terms of a posting (what it asks for most,
//! requirements first), which of them a tailored résumé covers and through
//! which achievement, and the match rate. Pure.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::TermKind;
use crate::content::{AchievementRef, Library};
use crate::posting::Posting;
use crate::score::{self, LibraryIndex, Scored, factors};
use crate::sections::SectionKind;

/// A term the posting asks for.
#[derive(Debug, Clone, Serialize)]
pub struct KeyTerm {
    /// As the posting wrote it.
    pub term: String,
    /// Index in [`Posting::terms`].
    #[serde(skip)]
    pub index: usize,
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

/// Level words of job titles: they say how senior, not what skill.
const SENIORITY: &[&str] = &[
    "associate",
    "chief",
    "head",
    "i",
    "ii",
    "iii",
    "intern",
    "iv",
    "jr",
    "junior",
    "lead",
    "mid",
    "principal",
    "senior",
    "sr",
    "staff",
];

/// The posting's key terms, most important first: specific terms (not
/// generic job-ad words) from the sections that describe the job, phrases
/// replacing their words, one term per alias group.
pub fn key_terms(posting: &Posting, index: &LibraryIndex) -> Vec<KeyTerm> {
    let aliases = index.aliases();
    let mut candidates: Vec<KeyTerm> = posting
        .terms
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let is_candidate = match t.kind {
                TermKind::Word | TermKind::Tech => t.display.chars().count() >= 2,
                TermKind::Phrase => aliases.is_known_phrase(&t.key) || index.contains(&t.key),
            };
            let level_word = t.kind != TermKind::Phrase && SENIORITY.contains(&t.display.as_str());
            is_candidate
                && !level_word
                && score::specificity(&t.key) >= factors::KEY_TERM_MIN_SPECIFICITY
                && t.sections()
                    .any(|(k, _)| factors::section_weight(k) >= factors::KEY_TERM_MIN_SECTION)
        })
        .map(|(i, t)| KeyTerm {
            term: t.display.clone(),
            index: i,
            weight: score::posting_weight(t),
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
        if let Some(g) = aliases.group(key(&c)) {
            if groups.contains(&g) {
                continue;
            }
            groups.push(g);
        }
        let words: Vec<&str> = key(&c).split(' ').collect();
        if words.len() > 1 {
            // A phrase replaces the words it is made of.
            chosen.retain(|k| !words.contains(&key(k)));
        } else if chosen
            .iter()
            .any(|k| key(k).contains(' ') && key(k).split(' ').any(|w| w == words[0]))
        {
            continue;
        }
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

/// True when the posting mentions `text` (a skill keyword, say), as written
/// or through an alias.
pub fn mentioned(posting: &Posting, index: &LibraryIndex, text: &str) -> bool {
    let Some(key) = crate::analysis::term_key(text) else {
        return false;
    };
    let has = |k: &str| posting.terms.iter().any(|t| t.key == k);
    has(&key) || index.aliases().equivalents(&key).any(has)
}

/// Which key terms the `selected` achievements cover. `scored` is in library
/// order, as [`LibraryIndex::score`] returns it.
pub fn coverage(
    library: &Library,
    key_terms: &[KeyTerm],
    scored: &[Scored],
    selected: &[AchievementRef],
) -> Coverage {
    let by_ref: HashMap<AchievementRef, &Scored> = scored.iter().map(|s| (s.at, s)).collect();
    let mut covered = Vec::new();
    let mut missing = Vec::new();
    let (mut got, mut total) = (0.0, 0.0);
    for k in key_terms {
        total += k.weight;
        let by: Vec<String> = selected
            .iter()
            .filter(|at| {
                by_ref
                    .get(at)
                    .is_some_and(|s| s.matches.iter().any(|m| m.term_index == k.index))
            })
            .map(|&at| library.achievement(at).id.clone())
            .collect();
        if by.is_empty() {
            missing.push(k.clone());
        } else {
            got += k.weight;
            covered.push(Covered {
                term: k.clone(),
                by,
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
        let sel = select(&lib, &scored, &keys, &options).unwrap();
        let chosen: Vec<_> = sel.chosen.iter().map(|c| c.at).collect();
        let keys = key_terms(&p, &index);
        let c = coverage(&lib, &keys, &scored, &chosen);
        assert_eq!(terms(&c.missing), vec!["terraform"]);
        assert_eq!(c.covered[0].term.term, "k8s");
        assert_eq!(c.covered[0].by, vec!["k"]);
        let expected = c.covered[0].term.weight / (c.covered[0].term.weight + c.missing[0].weight);
        assert!((c.match_rate - expected).abs() < 1e-12);
        // Nothing selected: nothing covered.
        let none = coverage(&lib, &keys, &scored, &[]);
        assert_eq!(none.match_rate, 0.0);
        assert_eq!(none.missing.len(), 2);
    }
}
