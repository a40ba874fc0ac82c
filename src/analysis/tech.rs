//! Technology names (`data/tech.txt`): matched as written, never stemmed.
//! Here, with the analysis that needs them, so that the analysis depends on
//! nothing above it.

use std::collections::HashSet;
use std::sync::LazyLock;

static TECH: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/tech.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// True for a known technology name (lower-case), which is never stemmed.
pub fn is_tech(word: &str) -> bool {
    TECH.contains(word)
}
