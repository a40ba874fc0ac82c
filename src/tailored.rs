//! One posting tailored: scores, selection, key terms and coverage together,
//! as every command needs them ([`crate::engine::Engine::tailor`] makes it).

use crate::coverage::{Coverage, KeyTerm};
use crate::score::Scored;
use crate::select::Selection;

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
