//! A job posting, analysed: the distinct terms it asks for, in the order they
//! first appear, with how often. Pure: reading the file is `input`'s job.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::{self, TermKind};

/// One distinct term of a posting.
#[derive(Debug, Clone, Serialize)]
pub struct PostingTerm {
    /// Matching key (see [`analysis::Term::key`]).
    pub key: String,
    /// How the posting first wrote it, for display.
    pub display: String,
    /// Word, technology token or phrase.
    pub kind: TermKind,
    /// Occurrences in the posting.
    pub count: u32,
}

/// An analysed posting.
#[derive(Debug, Clone, Serialize)]
pub struct Posting {
    /// A name for the posting (its file name, or "stdin").
    pub name: String,
    /// Distinct terms in first-appearance order.
    pub terms: Vec<PostingTerm>,
}

impl Posting {
    /// Analyses posting text. First-appearance order keeps every later step
    /// independent of hash order.
    pub fn analyse(name: &str, text: &str) -> Posting {
        let mut terms: Vec<PostingTerm> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for t in analysis::analyse(text) {
            match at.get(&t.key) {
                Some(&i) => terms[i].count += 1,
                None => {
                    at.insert(t.key.clone(), terms.len());
                    terms.push(PostingTerm {
                        key: t.key,
                        display: t.surface,
                        kind: t.kind,
                        count: 1,
                    });
                }
            }
        }
        Posting {
            name: name.to_string(),
            terms,
        }
    }

    /// True when the posting has no terms at all (nothing to match).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_counted_once_each_in_order() {
        let p = Posting::analyse("p", "Payments engineer. Payment systems, payments!");
        let keys: Vec<&str> = p.terms.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys[0], "payment");
        assert_eq!(p.terms[0].count, 3);
        assert_eq!(p.terms[0].display, "payments");
    }
}
