//! Stage 4, stem: ordinary words become their Snowball (English) stem so that
//! "scaling", "scaled" and "scales" meet; technology tokens and known
//! technology names stay as written.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::lang::Lang;
use super::tokenise::{Token, TokenKind};
use super::{Term, TermKind};

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words whose Snowball stem would collide with an unrelated word's
/// ("experiments" and "experience" both give "experi"; "engine" and
/// "engineer" both "engin"), with the stem to use instead. Sorted.
const OVERRIDES: &[(&str, &str)] = &[
    ("accessibility", "accessibility"),
    ("applicant", "applicant"),
    ("applicants", "applicant"),
    ("authorization", "authoriz"),
    ("authorizations", "authoriz"),
    ("customer", "customer"),
    ("customers", "customer"),
    ("direction", "direction"),
    ("directions", "direction"),
    ("engine", "engine"),
    ("engines", "engine"),
    ("experiment", "experiment"),
    ("experimental", "experiment"),
    ("experimentation", "experiment"),
    ("experimented", "experiment"),
    ("experimenting", "experiment"),
    ("experiments", "experiment"),
    ("localization", "localiz"),
    ("organization", "organiz"),
    ("organizational", "organiz"),
    ("organizations", "organiz"),
    ("personalization", "personaliz"),
    ("personalized", "personaliz"),
    ("production", "production"),
    ("university", "university"),
];

/// Most words a thread keeps the stems of: a batch's postings share most
/// of their vocabulary, and the cap bounds the memory of the rest.
const MEMO_MAX: usize = 1 << 15;

thread_local! {
    /// Stems already computed on this thread: words repeat across the texts
    /// of a run (postings, the alias table, the library), and a Snowball
    /// stem costs several times a lookup.
    static MEMO: RefCell<HashMap<Box<str>, Box<str>>> = RefCell::new(HashMap::new());
}

/// The Snowball stem of an ordinary (normalised) word, or its override.
pub fn stem_word(word: &str) -> String {
    MEMO.with_borrow_mut(|memo| {
        if let Some(stem) = memo.get(word) {
            return stem.to_string();
        }
        let stem = stem_fresh(word);
        if memo.len() < MEMO_MAX {
            memo.insert(word.into(), stem.as_str().into());
        }
        stem
    })
}

/// [`stem_word`] worked out, not remembered.
fn stem_fresh(word: &str) -> String {
    match OVERRIDES.binary_search_by(|(w, _)| (*w).cmp(word)) {
        Ok(i) => OVERRIDES[i].1.to_string(),
        Err(_) => ENGLISH.stem(word).into_owned(),
    }
}

/// The term a kept token of text in `lang` stands for: a word is stemmed
/// by its language's Snowball stemmer, or as English when `english` says
/// it is an English word.
pub fn term_in(token: &Token, lang: Lang, english: &dyn Fn(&str) -> bool) -> Term {
    if lang != Lang::En
        && token.kind == TokenKind::Word
        && !super::is_tech(&token.text)
        && !english(&token.text)
    {
        return Term {
            key: lang.stemmer().stem(&token.text).into_owned(),
            surface: token.text.clone(),
            kind: TermKind::Word,
        };
    }
    term(token)
}

/// The term a kept token stands for.
pub fn term(token: &Token) -> Term {
    match token.kind {
        TokenKind::Word if super::is_tech(&token.text) => Term {
            key: token.text.clone(),
            surface: token.text.clone(),
            kind: TermKind::Tech,
        },
        TokenKind::Word => Term {
            key: stem_word(&token.text),
            surface: token.text.clone(),
            kind: TermKind::Word,
        },
        TokenKind::Tech | TokenKind::Number => Term {
            key: token.text.clone(),
            surface: token.text.clone(),
            kind: TermKind::Tech,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_are_sorted_and_keep_words_apart() {
        assert!(OVERRIDES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_ne!(stem_word("experience"), stem_word("experiments"));
        assert_eq!(stem_word("experiments"), stem_word("experimentation"));
        assert_ne!(stem_word("engineer"), stem_word("engine"));
        assert_ne!(stem_word("customer"), stem_word("custom"));
        assert_ne!(stem_word("product"), stem_word("production"));
    }

    #[test]
    fn a_remembered_stem_is_the_stem() {
        for w in ["scaling", "payments", "experiments", "scaling"] {
            let fresh = stem_fresh(w);
            assert_eq!(stem_word(w), fresh, "{w}");
            assert_eq!(stem_word(w), fresh, "{w}, remembered");
        }
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem_word("scaling"), stem_word("scaled"));
        assert_eq!(stem_word("payments"), stem_word("payment"));
    }
}
