//! Comparing two tailored variants by their manifests: achievements added,
//! removed, moved and rephrased; per-role counts; words; match rate; key
//! terms newly covered or lost. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::manifest::Manifest;

/// One side of a comparison.
#[derive(Debug, Clone)]
pub struct Variant {
    /// How to refer to it (a file name, or a description).
    pub name: String,
    /// Its manifest.
    pub manifest: Manifest,
    /// Words of the whole document as a reader sees it.
    pub words: usize,
}

/// An achievement present on one side only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OneSide {
    /// Its id.
    pub id: String,
    /// Its role.
    pub role: String,
    /// Its 1-based position on that side.
    pub position: usize,
}

/// An achievement whose place changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    /// Its id.
    pub id: String,
    /// Position in A (1-based).
    pub from: usize,
    /// Position in B (1-based).
    pub to: usize,
}

/// An achievement shown in another phrasing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rephrased {
    /// Its id.
    pub id: String,
    /// Phrasing in A.
    pub from: String,
    /// Phrasing in B.
    pub to: String,
}

/// A number on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change<T> {
    /// In A.
    pub a: T,
    /// In B.
    pub b: T,
}

/// The comparison of two variants.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// A's name.
    pub a: String,
    /// B's name.
    pub b: String,
    /// True when both select the same achievements, in the same order and
    /// phrasings.
    pub same_selection: bool,
    /// In B only.
    pub added: Vec<OneSide>,
    /// In A only.
    pub removed: Vec<OneSide>,
    /// In both, at another place relative to the others in both.
    pub moved: Vec<Moved>,
    /// In both, in another phrasing.
    pub rephrased: Vec<Rephrased>,
    /// Achievements per role.
    pub roles: BTreeMap<String, Change<usize>>,
    /// Achievements selected.
    pub count: Change<usize>,
    /// Words of the whole document.
    pub words: Change<usize>,
    /// Match rate (0–1), each against its own posting.
    pub match_rate: Change<f64>,
    /// Key terms B covers that A did not.
    pub newly_covered: Vec<String>,
    /// Key terms A covered that B does not.
    pub lost: Vec<String>,
    /// Postings, when they differ.
    pub postings: Change<String>,
    /// Profiles, when they differ.
    pub profiles: Change<String>,
    /// Budgets, when they differ.
    pub budgets: Change<String>,
    /// The résumés' languages (ISO 639-1), when they differ.
    pub languages: Change<String>,
}

/// Compares two variants.
pub fn diff(a: &Variant, b: &Variant) -> Diff {
    let (ma, mb) = (&a.manifest, &b.manifest);
    let in_b = |id: &str| mb.selected.iter().position(|e| e.id == id);
    let in_a = |id: &str| ma.selected.iter().position(|e| e.id == id);
    let added = mb
        .selected
        .iter()
        .enumerate()
        .filter(|(_, e)| in_a(&e.id).is_none())
        .map(|(i, e)| OneSide {
            id: e.id.clone(),
            role: e.role.clone(),
            position: i + 1,
        })
        .collect();
    let removed = ma
        .selected
        .iter()
        .enumerate()
        .filter(|(_, e)| in_b(&e.id).is_none())
        .map(|(i, e)| OneSide {
            id: e.id.clone(),
            role: e.role.clone(),
            position: i + 1,
        })
        .collect();
    // Moves are judged among the achievements both sides share, so one
    // insertion does not make everything after it "moved".
    let common_a: Vec<&str> = ma
        .selected
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| in_b(id).is_some())
        .collect();
    let common_b: Vec<&str> = mb
        .selected
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| in_a(id).is_some())
        .collect();
    let moved = common_a
        .iter()
        .enumerate()
        .filter(|(i, id)| common_b[*i] != **id)
        .map(|(_, id)| Moved {
            id: id.to_string(),
            from: in_a(id).expect("common") + 1,
            to: in_b(id).expect("common") + 1,
        })
        .collect();
    let rephrased = ma
        .selected
        .iter()
        .filter_map(|e| {
            let other = &mb.selected[in_b(&e.id)?];
            (other.phrasing != e.phrasing).then(|| Rephrased {
                id: e.id.clone(),
                from: e.phrasing.clone(),
                to: other.phrasing.clone(),
            })
        })
        .collect();
    let mut roles: BTreeMap<String, Change<usize>> = BTreeMap::new();
    for e in &ma.selected {
        roles
            .entry(e.role.clone())
            .or_insert(Change { a: 0, b: 0 })
            .a += 1;
    }
    for e in &mb.selected {
        roles
            .entry(e.role.clone())
            .or_insert(Change { a: 0, b: 0 })
            .b += 1;
    }
    let same_selection = ma.selected.len() == mb.selected.len()
        && ma
            .selected
            .iter()
            .zip(&mb.selected)
            .all(|(x, y)| x.id == y.id && x.phrasing == y.phrasing);
    Diff {
        a: a.name.clone(),
        b: b.name.clone(),
        same_selection,
        added,
        removed,
        moved,
        rephrased,
        roles,
        count: Change {
            a: ma.selected.len(),
            b: mb.selected.len(),
        },
        words: Change {
            a: a.words,
            b: b.words,
        },
        match_rate: Change {
            a: ma.match_rate,
            b: mb.match_rate,
        },
        newly_covered: mb
            .covered
            .iter()
            .filter(|t| !ma.covered.contains(t))
            .cloned()
            .collect(),
        lost: ma
            .covered
            .iter()
            .filter(|t| !mb.covered.contains(t))
            .cloned()
            .collect(),
        postings: Change {
            a: ma.posting.clone(),
            b: mb.posting.clone(),
        },
        profiles: Change {
            a: ma.profile.clone(),
            b: mb.profile.clone(),
        },
        budgets: Change {
            a: ma.budget.clone(),
            b: mb.budget.clone(),
        },
        languages: Change {
            a: ma.resume_language.code().to_string(),
            b: mb.resume_language.code().to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Entry;

    fn variant(name: &str, items: &[(&str, &str)], covered: &[&str], rate: f64) -> Variant {
        Variant {
            name: name.into(),
            manifest: Manifest {
                tailor: "0".into(),
                content_hash: "c".into(),
                posting: "p".into(),
                posting_hash: "h".into(),
                posting_language: crate::analysis::Lang::En,
                resume_language: crate::analysis::Lang::En,
                body_hash: None,
                profile: "default".into(),
                budget: "400 words".into(),
                used: 0,
                capacity: 400,
                selected: items
                    .iter()
                    .map(|(id, phrasing)| Entry {
                        id: id.to_string(),
                        role: if id.starts_with('o') { "Old" } else { "New" }.into(),
                        phrasing: phrasing.to_string(),
                        score: 1.0,
                    })
                    .collect(),
                match_rate: rate,
                covered: covered.iter().map(|s| s.to_string()).collect(),
                missing: vec![],
            },
            words: 100,
        }
    }

    #[test]
    fn a_variant_against_itself_has_no_differences() {
        let a = variant("a", &[("x", "text"), ("y", "short")], &["go"], 0.5);
        let d = diff(&a, &a);
        assert!(d.same_selection);
        assert!(
            d.added.is_empty()
                && d.removed.is_empty()
                && d.moved.is_empty()
                && d.rephrased.is_empty()
        );
    }

    #[test]
    fn added_removed_moved_and_rephrased() {
        let a = variant(
            "a",
            &[("x", "text"), ("y", "text"), ("z", "text"), ("old", "text")],
            &["go", "sql"],
            0.5,
        );
        let b = variant(
            "b",
            &[
                ("new", "text"),
                ("z", "text"),
                ("x", "short"),
                ("y", "text"),
            ],
            &["go", "kafka"],
            0.7,
        );
        let d = diff(&a, &b);
        assert!(!d.same_selection);
        assert_eq!(
            d.added,
            vec![OneSide {
                id: "new".into(),
                role: "New".into(),
                position: 1
            }]
        );
        assert_eq!(
            d.removed,
            vec![OneSide {
                id: "old".into(),
                role: "Old".into(),
                position: 4
            }]
        );
        // Among x, y, z: z moved to the front; x and y each shift.
        assert_eq!(d.moved.len(), 3);
        assert!(d.moved.contains(&Moved {
            id: "z".into(),
            from: 3,
            to: 2
        }));
        assert_eq!(
            d.rephrased,
            vec![Rephrased {
                id: "x".into(),
                from: "text".into(),
                to: "short".into()
            }]
        );
        assert_eq!(d.roles["Old"], Change { a: 1, b: 0 });
        assert_eq!(d.newly_covered, vec!["kafka"]);
        assert_eq!(d.lost, vec!["sql"]);
    }

    #[test]
    fn one_insertion_moves_nothing() {
        let a = variant("a", &[("x", "text"), ("y", "text")], &[], 0.0);
        let b = variant(
            "b",
            &[("w", "text"), ("x", "text"), ("y", "text")],
            &[],
            0.0,
        );
        assert!(diff(&a, &b).moved.is_empty());
    }
}
