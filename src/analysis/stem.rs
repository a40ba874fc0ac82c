//! Stage 4, stem: ordinary words become their Snowball (English) stem so that
//! "scaling", "scaled" and "scales" meet; technology tokens stay as written.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::tokenise::{Token, TokenKind};
use super::{Term, TermKind};

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The Snowball stem of an ordinary (normalised) word.
pub fn stem_word(word: &str) -> String {
    ENGLISH.stem(word).into_owned()
}

/// The term a kept token stands for.
pub fn term(token: &Token) -> Term {
    match token.kind {
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
    fn inflections_share_a_stem() {
        assert_eq!(stem_word("scaling"), stem_word("scaled"));
        assert_eq!(stem_word("payments"), stem_word("payment"));
    }
}
