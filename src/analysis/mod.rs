//! Text analysis: turns free text (a posting, an achievement, a tag) into the
//! terms that matching works on. A straight line of named stages:
//!
//! normalise → tokenise → stopwords → stem → phrases → compounds
//!
//! Technology names (`data/tech.txt`) are matched as written, never stemmed.
//! Text in another language asks a [`Vocabulary`] which of its words are
//! English loanwords and which stems are words of their own (a compound's
//! parts); the lexicon answers, so no table lives here.
//!
//! Nothing here knows about scoring; it only says which terms a text holds.

pub mod compound;
pub mod lang;
pub mod normalise;
pub mod stem;
pub mod stopwords;
pub mod tech;
pub mod tokenise;

use std::collections::HashMap;

pub use lang::Lang;
pub use tech::is_tech;

pub use tokenise::{Token, TokenKind};

/// What kind of thing a term is; matching treats them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// An ordinary word, matched by its stem.
    Word,
    /// A technology name (C++, Node.js, k8s), matched as written.
    Tech,
    /// Two adjacent terms, matched as a unit ("rate limit").
    Phrase,
}

/// One occurrence of a term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// What matching compares: the stem of a word, a technology token as
    /// written (lower-cased), or two keys joined by a space.
    pub key: String,
    /// The normalised text as it stood, for display and exact matches.
    pub surface: String,
    /// Word, technology token or phrase.
    pub kind: TermKind,
}

/// What analysis of text in another language asks of that language's
/// words. The lexicon answers from the corpus; analysis holds no tables.
pub trait Vocabulary {
    /// True for a word (normalised) that reads as English in this text (a
    /// loanword: "Cloud", "Pipeline" in a German posting): it is stemmed as
    /// English, so it meets the English content.
    fn reads_as_english(&self, word: &str) -> bool;
    /// True for a stem (the language's own) that the language uses as a
    /// word by itself, so it can be a part of a compound.
    fn is_word(&self, stem: &str) -> bool;
    /// False when [`Vocabulary::is_word`] is false for every stem: no word
    /// can then split into parts, and the compound stage has nothing to
    /// search (it stems every piece of every long word it tries).
    fn knows_words(&self) -> bool {
        true
    }
}

/// A vocabulary that knows nothing: no loanwords, no compound parts.
pub struct NoVocabulary;

impl Vocabulary for NoVocabulary {
    fn reads_as_english(&self, _: &str) -> bool {
        false
    }
    fn is_word(&self, _: &str) -> bool {
        false
    }
    fn knows_words(&self) -> bool {
        false
    }
}

/// Runs the whole pipeline over English `text`: every term occurrence in
/// order, phrases after the single terms.
pub fn analyse(text: &str) -> Vec<Term> {
    analyse_in(text, Lang::En, &NoVocabulary)
}

/// Runs the whole pipeline over `text` written in `lang`, asking `words`
/// which words are English loanwords and which are compound parts.
pub fn analyse_in(text: &str, lang: Lang, words: &dyn Vocabulary) -> Vec<Term> {
    let english = |w: &str| lang == Lang::En || words.reads_as_english(w);
    // normalise: one case, one kind of quote and dash, so later stages see one spelling.
    let normal = normalise::normalise(text);
    // tokenise: split into words, technology tokens and numbers, noting clause breaks.
    let tokens = tokenise::tokenise(&normal);
    // stopwords: drop function words (English's and the language's); a
    // dropped word still separates its neighbours, unless it joins them
    // as "de" does in "base de données".
    let kept = stopwords::remove_in(tokens, lang);
    // stem: ordinary words to their Snowball stem; technology names as written.
    let terms: Vec<(Term, bool)> = kept
        .into_iter()
        .filter(|t| t.kind != TokenKind::Number)
        .map(|t| (stem::term_in(&t, lang, &english), t.joined))
        .collect();
    // phrases: each run of two or three adjacent terms in one clause is a term of its own.
    let mut out: Vec<Term> = Vec::with_capacity(terms.len() * 3);
    out.extend(terms.iter().map(|(t, _)| t.clone()));
    out.extend(phrases(&terms));
    // compounds: a German or Dutch compound's parts, and the phrase they
    // make, are terms too ("Datenbankentwicklung": "Datenbank", "Entwicklung").
    if lang.closes_compounds() && words.knows_words() {
        let parts = compounds(&terms, lang, words, &english);
        out.extend(parts);
    }
    out
}

/// The phrases of a run of terms: every two or three adjacent ones in one
/// clause.
fn phrases(terms: &[(Term, bool)]) -> Vec<Term> {
    let mut out = Vec::new();
    for n in 2..=MAX_PHRASE_WORDS {
        for run in terms.windows(n) {
            if run[1..].iter().all(|(_, joined)| *joined) {
                out.push(Term {
                    key: join(run.iter().map(|(t, _)| t.key.as_str())),
                    surface: join(run.iter().map(|(t, _)| t.surface.as_str())),
                    kind: TermKind::Phrase,
                });
            }
        }
    }
    out
}

/// The parts of the compound words among `terms` (words stemmed in `lang`),
/// each part stemmed as the language's word it is or as English, and the
/// phrases the parts of one word make.
fn compounds(
    terms: &[(Term, bool)],
    lang: Lang,
    words: &dyn Vocabulary,
    english: &dyn Fn(&str) -> bool,
) -> Vec<Term> {
    let stem = |part: &str| lang.stemmer().stem(part).into_owned();
    // Only the language's own words are parts ("Software" is one in German
    // postings): an English syllable inside a word ("codere|views") is not.
    // A piece is looked up once per text: the search tries the same
    // suffixes for every number of parts, and a posting repeats its words.
    let mut seen: HashMap<String, bool> = HashMap::new();
    let mut known = |part: &str| match seen.get(part) {
        Some(&k) => k,
        None => {
            let k = words.is_word(&stem(part));
            seen.insert(part.to_string(), k);
            k
        }
    };
    let mut splits: HashMap<&str, Option<Vec<&str>>> = HashMap::new();
    let mut out = Vec::new();
    for (t, _) in terms {
        // Only the language's own words: loanwords and technology names
        // were stemmed as English, and are not compounds of this language.
        let native = t.kind == TermKind::Word && !english(&t.surface);
        if !native {
            continue;
        }
        let surface = t.surface.as_str();
        let split = splits
            .entry(surface)
            .or_insert_with(|| compound::split(surface, &mut known));
        let Some(parts) = split.as_ref() else {
            continue;
        };
        let parts: Vec<(Term, bool)> = parts
            .iter()
            .map(|&p| {
                // A loanword part meets the English content as English.
                let key = if english(p) {
                    stem::stem_word(p)
                } else {
                    stem(p)
                };
                let term = Term {
                    key,
                    surface: p.to_string(),
                    kind: TermKind::Word,
                };
                (term, true)
            })
            .collect();
        out.extend(parts.iter().map(|(t, _)| t.clone()));
        out.extend(phrases(&parts));
    }
    out
}

/// Longest phrase, in words, that is a term of its own.
pub const MAX_PHRASE_WORDS: usize = 3;

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for p in parts {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(p);
    }
    s
}

/// The single matching key of a short entry ("Kubernetes", "rate limiting"):
/// the key of its one term, or of the phrase its terms make. `None` when the
/// entry has no terms, or words that do not form one phrase.
pub fn term_key(entry: &str) -> Option<String> {
    term_key_in(entry, Lang::En, &NoVocabulary)
}

/// [`term_key`] of an entry written in `lang`, read with `words`.
pub fn term_key_in(entry: &str, lang: Lang, words: &dyn Vocabulary) -> Option<String> {
    let terms = analyse_in(entry, lang, words);
    let words = terms.iter().filter(|t| t.kind != TermKind::Phrase).count();
    match words {
        0 => None,
        1 => terms.into_iter().next().map(|t| t.key),
        n => terms
            .into_iter()
            .rev()
            .find(|t| t.kind == TermKind::Phrase && t.key.split(' ').count() == n)
            .map(|t| t.key),
    }
}

/// True when the text holds a figure: a number, a percentage or an amount.
pub fn is_quantified(text: &str) -> bool {
    tokenise::tokenise(&normalise::normalise(text))
        .iter()
        .any(|t| t.kind == TokenKind::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        analyse(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn words_are_stemmed_and_stopwords_dropped() {
        assert_eq!(
            keys("Designing payments"),
            vec!["design", "payment", "design payment"]
        );
    }

    #[test]
    fn stopwords_break_phrases() {
        let k = keys("rate of limiting");
        assert!(!k.iter().any(|k| k.contains(' ')), "{k:?}");
    }

    #[test]
    fn clause_breaks_end_phrases() {
        let k = keys("billing, payments");
        assert_eq!(k, vec!["bill", "payment"]);
    }

    #[test]
    fn hyphenated_words_make_a_phrase() {
        let k = keys("rate-limiting");
        assert!(k.contains(&"rate limit".to_string()), "{k:?}");
    }

    #[test]
    fn three_word_phrases_are_terms() {
        let k = keys("site reliability engineering");
        assert!(k.contains(&"site reliabl engin".to_string()), "{k:?}");
        assert_eq!(
            term_key("Site Reliability Engineering").as_deref(),
            Some("site reliabl engin")
        );
        assert_eq!(term_key("K8s").as_deref(), Some("k8s"));
        assert_eq!(term_key("rate of limiting"), None);
    }

    /// Knows a handful of German words, "software" among them as a
    /// loanword.
    struct Words;
    impl Vocabulary for Words {
        fn reads_as_english(&self, word: &str) -> bool {
            word == "software"
        }
        fn is_word(&self, stem: &str) -> bool {
            ["datenbank", "entwickl", "zahlung", "verkehr", "softwar"].contains(&stem)
        }
    }

    #[test]
    fn a_german_compound_keeps_its_key_and_adds_its_parts_and_their_phrase() {
        let k: Vec<String> = analyse_in("Datenbankentwicklung", Lang::De, &Words)
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(
            k,
            vec![
                "datenbankentwickl",
                "datenbank",
                "entwickl",
                "datenbank entwickl"
            ]
        );
        // A loanword part is stemmed as English.
        let k: Vec<String> = analyse_in("Softwareentwicklung", Lang::De, &Words)
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert!(k.contains(&"softwar".to_string()), "{k:?}");
        // Other languages' words are not split; nor are German ones without
        // known parts.
        assert_eq!(keys("Zahlungsverkehr"), vec!["zahlungsverkehr"]);
        assert_eq!(
            analyse_in("Verantwortung", Lang::De, &Words).len(),
            1,
            "no parts"
        );
    }

    /// [`Words`], counting what the compound stage asks of it.
    struct Counting(std::cell::Cell<usize>);
    impl Vocabulary for Counting {
        fn reads_as_english(&self, word: &str) -> bool {
            Words.reads_as_english(word)
        }
        fn is_word(&self, stem: &str) -> bool {
            self.0.set(self.0.get() + 1);
            Words.is_word(stem)
        }
    }

    #[test]
    fn a_compound_stage_asks_about_each_piece_once_per_text() {
        let asked = |text: &str| {
            let words = Counting(std::cell::Cell::new(0));
            let terms = analyse_in(text, Lang::De, &words);
            (terms.len(), words.0.get())
        };
        let (once, asked_once) = asked("Verantwortungsbereich");
        let (twice, asked_twice) = asked("Verantwortungsbereich, Verantwortungsbereich");
        assert_eq!(twice, 2 * once, "the same terms, twice");
        assert!(asked_once > 0);
        assert_eq!(asked_twice, asked_once, "the repeat is not searched again");
        // Without the per-text memo, each cut of a word's search stemmed
        // and looked up the same suffixes again.
        let pieces = "verantwortungsbereich".len();
        assert!(asked_once < pieces * pieces / 4, "{asked_once} lookups");
    }

    /// Knows no word: nothing can split, so nothing may be asked.
    struct Nothing;
    impl Vocabulary for Nothing {
        fn reads_as_english(&self, _: &str) -> bool {
            false
        }
        fn is_word(&self, stem: &str) -> bool {
            panic!("asked about {stem}")
        }
        fn knows_words(&self) -> bool {
            false
        }
    }

    #[test]
    fn a_vocabulary_without_words_skips_the_compound_search() {
        let keys: Vec<String> = analyse_in("Datenbankentwicklung", Lang::De, &Nothing)
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(keys, vec!["datenbankentwickl"]);
    }

    #[test]
    fn a_romance_connector_makes_a_phrase_as_english_juxtaposition_does() {
        let k: Vec<String> = analyse_in("base de données", Lang::Fr, &NoVocabulary)
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(k.len(), 3, "two words and their phrase: {k:?}");
        assert!(k[2].contains(' '), "{k:?}");
    }

    #[test]
    fn technology_names_are_not_stemmed() {
        assert_eq!(keys("Kubernetes"), vec!["kubernetes"]);
        assert_eq!(keys("pandas"), vec!["pandas"]);
    }

    #[test]
    fn numbers_are_not_terms_but_count_as_figures() {
        assert_eq!(keys("Python 3.11"), vec!["python"]);
        assert!(is_quantified("cut costs by 21%"));
        assert!(is_quantified("saved $21k a week"));
        assert!(!is_quantified("improved the culture"));
    }
}
