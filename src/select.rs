//! Selection: which achievements go into the résumé, within a word budget.
//! Pure: takes the library and its scores, returns the choice and the reason
//! for everything left out.
//!
//! Rules, in order: pinned achievements always go in (if they alone exceed
//! the budget, that is an error); then every role, newest first, gets its
//! best achievement that still fits, so that when the budget cannot give one
//! to each, the oldest roles go without; then the rest by score while they
//! fit. The budget is never exceeded.

use std::fmt;

use serde::Serialize;

use crate::content::{AchievementRef, Library};
use crate::score::{Scored, ranking};
use crate::text;

/// The default budget: words of achievement text that fit a one-page résumé
/// next to its headings, summary and skills.
pub const DEFAULT_BUDGET_WORDS: usize = 400;

/// What the selector is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// Maximum words of achievement text.
    pub budget: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: DEFAULT_BUDGET_WORDS,
        }
    }
}

/// Which phrasing of an achievement is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phrasing {
    /// The full `text`.
    Text,
    /// The `short` phrasing.
    Short,
}

/// An achievement that made it in.
#[derive(Debug, Clone, Serialize)]
pub struct Chosen {
    /// Which achievement.
    pub at: AchievementRef,
    /// Which phrasing.
    pub phrasing: Phrasing,
    /// Its words, counted as the budget counts them.
    pub words: usize,
    /// Its score for the posting.
    pub score: f64,
}

/// Why an achievement was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// It did not fit in what was left of the budget.
    NoRoom {
        /// Its words.
        words: usize,
        /// Words left when it came up.
        left: usize,
    },
}

/// An achievement that did not make it in, and why.
#[derive(Debug, Clone, Serialize)]
pub struct LeftOut {
    /// Which achievement.
    pub at: AchievementRef,
    /// Why.
    #[serde(flatten)]
    pub reason: Reason,
}

/// The selector's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Selection {
    /// Chosen achievements in résumé order: roles newest first, then by score.
    pub chosen: Vec<Chosen>,
    /// Everything else, best score first.
    pub left_out: Vec<LeftOut>,
    /// Words used.
    pub words: usize,
    /// The budget.
    pub budget: usize,
}

/// Requests the selector cannot satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectError {
    /// Pinned achievements alone need more words than the budget.
    PinnedOverBudget {
        /// Words the pinned achievements need.
        pinned: usize,
        /// The budget.
        budget: usize,
    },
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::PinnedOverBudget { pinned, budget } => write!(
                f,
                "pinned achievements alone need {pinned} words, {} over the budget of {budget}; raise --budget or unpin some",
                pinned - budget
            ),
        }
    }
}

impl std::error::Error for SelectError {}

/// Chooses achievements for a posting. `scored` is in library order, as
/// [`crate::score::LibraryIndex::score`] returns it.
pub fn select(
    library: &Library,
    scored: &[Scored],
    options: &Options,
) -> Result<Selection, SelectError> {
    let all: Vec<_> = library.achievements().collect();
    let words: Vec<usize> = all.iter().map(|(_, a)| text::word_count(&a.text)).collect();
    let budget = options.budget;
    let mut taken = vec![false; all.len()];
    let mut used = 0usize;

    let pinned: usize = (0..all.len())
        .filter(|&i| all[i].1.pin)
        .map(|i| words[i])
        .sum();
    if pinned > budget {
        return Err(SelectError::PinnedOverBudget { pinned, budget });
    }
    for i in (0..all.len()).filter(|&i| all[i].1.pin) {
        taken[i] = true;
        used += words[i];
    }

    let order = ranking(scored);
    // One per role, newest role first, best achievement that fits.
    for role in library.roles_by_recency() {
        if (0..all.len()).any(|i| taken[i] && all[i].0.role == role) {
            continue;
        }
        if let Some(&i) = order
            .iter()
            .find(|&&i| all[i].0.role == role && used + words[i] <= budget)
        {
            taken[i] = true;
            used += words[i];
        }
    }
    // The rest by score while they fit.
    let mut left_out = Vec::new();
    for &i in &order {
        if taken[i] {
            continue;
        }
        if used + words[i] <= budget {
            taken[i] = true;
            used += words[i];
        } else {
            left_out.push(LeftOut {
                at: all[i].0,
                reason: Reason::NoRoom {
                    words: words[i],
                    left: budget - used,
                },
            });
        }
    }

    let mut chosen = Vec::new();
    for role in library.roles_by_recency() {
        for &i in &order {
            if taken[i] && all[i].0.role == role {
                chosen.push(Chosen {
                    at: all[i].0,
                    phrasing: Phrasing::Text,
                    words: words[i],
                    score: scored[i].score,
                });
            }
        }
    }
    Ok(Selection {
        chosen,
        left_out,
        words: used,
        budget,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};
    use crate::posting::Posting;
    use crate::score::LibraryIndex;

    const LIB: &str = "\
experience:
  - title: Old
    start: 2010
    end: 2012
    achievements:
      - id: old
        text: \"Maintained legacy reports for finance\"
  - title: New
    start: 2020
    end: present
    achievements:
      - id: pay
        text: \"Built payments billing and payments retries\"
      - id: pin
        text: \"Mentored five engineers\"
        pin: true
      - id: other
        text: \"Wrote internal docs about nothing in particular at all\"
";

    fn run(budget: usize) -> Result<Selection, SelectError> {
        let lib = from_sources(&[Source {
            path: "t.yaml".into(),
            text: LIB.into(),
        }])
        .unwrap();
        let scored = LibraryIndex::build(&lib).score(&Posting::analyse("p", "payments billing"));
        select(&lib, &scored, &Options { budget })
    }

    fn ids(s: &Selection) -> Vec<(usize, usize)> {
        s.chosen.iter().map(|c| (c.at.role, c.at.index)).collect()
    }

    #[test]
    fn pinned_then_roles_newest_first_then_score() {
        let s = run(100).unwrap();
        // New role first (pay before pin by score), then the old role.
        assert_eq!(ids(&s), vec![(1, 0), (1, 1), (1, 2), (0, 0)]);
        assert!(s.words <= 100);
    }

    #[test]
    fn tight_budget_drops_the_oldest_role_first() {
        // The new role has its pinned one (3 words); old (5) no longer fits in 7.
        let s = run(7).unwrap();
        assert_eq!(ids(&s), vec![(1, 1)]);
        assert_eq!(s.words, 3);
        assert!(s.left_out.iter().any(|l| l.at.role == 0));
    }

    #[test]
    fn pinned_over_budget_says_by_how_much() {
        let err = run(2).unwrap_err();
        assert_eq!(
            err,
            SelectError::PinnedOverBudget {
                pinned: 3,
                budget: 2
            }
        );
        assert!(err.to_string().contains("1 over the budget of 2"));
    }
}
