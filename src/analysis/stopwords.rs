//! Stage 3, stopwords: drop English function words. A dropped word still
//! separates its neighbours, so "rate of limiting" is no phrase.

use super::lang::Lang;
use super::tokenise::{Token, TokenKind};

/// English function words: the Snowball list, plus contractions' parts and
/// the inflections of its words that inflect ("owns", "others": a posting's
/// "the team owns" asks for nothing).
/// Sorted, for binary search.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "e.g",
    "each",
    "either",
    "etc",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "i.e",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "others",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "owned",
    "owning",
    "owns",
    "per",
    "same",
    "shall",
    "she",
    "should",
    "shouldn't",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// True for an English function word (already normalised).
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Drops stopwords; the token after a dropped one is no longer joined to the
/// one before it.
pub fn remove(tokens: Vec<Token>) -> Vec<Token> {
    remove_in(tokens, Lang::En)
}

/// [`remove`] for text in `lang`: English function words go too (postings
/// mix their headings), and an elided article goes with its word's
/// apostrophe ("l'équipe" is "équipe"). A connector between two words
/// ("de" in "base de données") goes without separating them, so they still
/// form a phrase, as English "database" does.
pub fn remove_in(tokens: Vec<Token>, lang: Lang) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut gap = false;
    for mut t in tokens {
        if lang != Lang::En && t.kind == TokenKind::Word {
            let bare = lang.unelided(&t.text);
            if bare.len() != t.text.len() {
                t.text = bare.to_string();
            }
        }
        let stop = is_stopword(&t.text) || (lang != Lang::En && lang.is_stopword(&t.text));
        if t.kind != TokenKind::Number && stop {
            // A connector right after a kept word keeps the run open; the
            // next word must follow it directly (its own `joined`).
            let bridges = !gap
                && t.joined
                && lang.is_connector(&t.text)
                && out.last().is_some_and(|p| p.kind == TokenKind::Word);
            gap = gap || !bridges;
            continue;
        }
        if gap {
            t.joined = false;
            gap = false;
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn function_words_go() {
        assert!(is_stopword("the"));
        assert!(!is_stopword("payments"));
        // Regression: "owns" was a key term of examples/backend-platform.txt.
        assert!(is_stopword("owns") && is_stopword("others"));
    }

    fn joined(text: &str, lang: Lang) -> Vec<(String, bool)> {
        let tokens = super::super::tokenise::tokenise(text);
        remove_in(tokens, lang)
            .into_iter()
            .map(|t| (t.text, t.joined))
            .collect()
    }

    #[test]
    fn a_connector_joins_two_words_and_other_function_words_part_them() {
        let j = |w: &str| (w.to_string(), true);
        let apart = |w: &str| (w.to_string(), false);
        assert_eq!(
            joined("base de données", Lang::Fr),
            vec![apart("base"), j("données")]
        );
        assert_eq!(
            joined("gestión de pagos", Lang::Es),
            vec![apart("gestión"), j("pagos")]
        );
        // "de la": the article parts them; a connector after a clause break
        // or before one joins nothing.
        assert_eq!(
            joined("gestion de la qualité", Lang::Fr),
            vec![apart("gestion"), apart("qualité")]
        );
        assert_eq!(
            joined("gestion, de projets", Lang::Fr),
            vec![apart("gestion"), apart("projets")]
        );
        // English has no connectors: "rate of limiting" stays two.
        assert_eq!(
            joined("rate of limiting", Lang::En),
            vec![apart("rate"), apart("limiting")]
        );
    }
}
