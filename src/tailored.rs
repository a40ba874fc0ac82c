//! One posting tailored: scores, selection, key terms and coverage together,
//! as every command needs them ([`crate::engine::Engine::tailor`] makes it).

use crate::coverage::{Coverage, KeyTerm};
use crate::score::Scored;
use serde::Serialize;

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
    /// Under a page budget: how the résumé lays out.
    pub page_fit: Option<PageFit>,
}

/// How a résumé under a page budget lays out, as the PDF will.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageFit {
    /// Pages it takes.
    pub pages: usize,
    /// How far down the last page's text area it reaches (0–1).
    pub fill: f64,
    /// Layouts the search made.
    pub layouts: usize,
    /// True when every eligible achievement is in, in full: no more room
    /// would change it.
    pub complete: bool,
    /// True when more room would add nothing though some are left out:
    /// the selection holds them out, not the page.
    pub saturated: bool,
}
