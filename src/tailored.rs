//! One posting tailored: scores, selection, key terms and coverage together,
//! as every command needs them. Pure.

use crate::content::Library;
use crate::coverage::{self, Coverage, KeyTerm};
use crate::posting::Posting;
use crate::score::{LibraryIndex, Scored};
use crate::select::{self, Costs, Options, SelectError, Selection};

/// Everything known about a library tailored to one posting.
#[derive(Debug, Clone)]
pub struct Tailored {
    /// Every achievement's score, in library order.
    pub scored: Vec<Scored>,
    /// What goes into the résumé.
    pub selection: Selection,
    /// What the posting asks for most.
    pub key_terms: Vec<KeyTerm>,
    /// Which key terms the selection covers.
    pub coverage: Coverage,
}

/// Scores, selects and measures coverage.
pub fn tailor(
    library: &Library,
    index: &LibraryIndex,
    posting: &Posting,
    options: &Options,
) -> Result<Tailored, SelectError> {
    tailor_with_costs(
        library,
        index,
        posting,
        options,
        &Costs::new(library, options),
    )
}

/// [`tailor`] with the phrasings' costs measured beforehand (once per
/// library, for batches).
pub fn tailor_with_costs(
    library: &Library,
    index: &LibraryIndex,
    posting: &Posting,
    options: &Options,
    costs: &Costs,
) -> Result<Tailored, SelectError> {
    let scored = index.score(posting);
    let key_terms = coverage::key_terms(posting, index);
    let keys: Vec<usize> = key_terms.iter().map(|k| k.index).collect();
    let selection = select::select_with_costs(library, &scored, &keys, options, costs)?;
    let chosen: Vec<_> = selection.chosen.iter().map(|c| c.at).collect();
    let coverage = coverage::coverage(library, index, &key_terms, &scored, &chosen);
    Ok(Tailored {
        scored,
        selection,
        key_terms,
        coverage,
    })
}
