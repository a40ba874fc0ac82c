//! Stage 2, tokenise: split normalised text into tokens. Technology tokens
//! keep the punctuation that makes them what they are (c++, c#, .net,
//! node.js, ci/cd, a/b, r&d); hyphens split words but keep them adjacent, so
//! "rate-limiting" still forms the phrase "rate limiting".

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters only (apostrophes allowed): an ordinary word.
    Word,
    /// Letters with digits or inner punctuation: a technology name.
    Tech,
    /// A figure: digits, optionally with a unit (21k, 3x, 85%).
    Number,
}

/// One token of normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token's text, as normalised.
    pub text: String,
    /// Word, technology token or number.
    pub kind: TokenKind,
    /// True when it directly follows the previous token in the same clause,
    /// so that the two may form a phrase.
    pub joined: bool,
}

/// Characters that end a clause: phrases never span them.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '|'
            | '\n'
            | '\u{2022}'
            | '\u{00B7}'
            | '*'
            | '<'
            | '>'
            | '='
            | '\t'
    )
}

/// Splits `text` (already normalised) into tokens.
pub fn tokenise(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut joined = false;
    while i < chars.len() {
        let c = chars[i];
        let starts_dot_name = c == '.'
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
            && !prev_is_alnum(&chars, i);
        if c.is_alphanumeric() || starts_dot_name {
            let (end, kind) = scan_token(&chars, i);
            let mut text: String = chars[i..end].iter().collect();
            // A possessive is the word itself: "platform's" is "platform".
            if text.len() > 3 && text.ends_with("'s") && kind == TokenKind::Word {
                text.truncate(text.len() - 2);
            }
            tokens.push(Token { text, kind, joined });
            joined = true;
            i = end;
            continue;
        }
        if is_clause_break(c) || (c == '-' && spaced(&chars, i)) {
            joined = false;
        }
        i += 1;
    }
    tokens
}

fn prev_is_alnum(chars: &[char], i: usize) -> bool {
    i > 0 && chars[i - 1].is_alphanumeric()
}

fn spaced(chars: &[char], i: usize) -> bool {
    let before = i == 0 || chars[i - 1].is_whitespace();
    let after = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
    before && after
}

/// Length of the run of alphanumeric characters starting at `i`.
fn alnum_run(chars: &[char], i: usize) -> usize {
    chars[i..]
        .iter()
        .take_while(|c| c.is_alphanumeric())
        .count()
}

/// Scans one token from `start`; returns its end and kind.
fn scan_token(chars: &[char], start: usize) -> (usize, TokenKind) {
    let mut i = start;
    let mut has_inner_punct = false;
    if chars[i] == '.' {
        has_inner_punct = true;
        i += 1;
    }
    // The current segment's length, for the short-sides rule of '/' and '&'.
    let mut segment = alnum_run(chars, i);
    i += segment;
    while let Some(&c) = chars.get(i) {
        let next_run = if i + 1 < chars.len() {
            alnum_run(chars, i + 1)
        } else {
            0
        };
        match c {
            // node.js, asp.net, 3.11: a dot followed by more token.
            '.' | '\'' if next_run > 0 => {
                has_inner_punct |= c == '.';
                i += 1 + next_run;
                segment = next_run;
            }
            // ci/cd, a/b, tcp/ip, r&d: short on both sides; python/django splits.
            '/' | '&' if next_run > 0 && segment <= 3 && next_run <= 3 => {
                has_inner_punct = true;
                i += 1 + next_run;
                segment = next_run;
            }
            // c++, c#, f#: trailing marks, only when nothing alphanumeric follows.
            '+' | '#' => {
                let marks = chars[i..]
                    .iter()
                    .take_while(|&&m| m == '+' || m == '#')
                    .count();
                if chars.get(i + marks).is_some_and(|n| n.is_alphanumeric()) {
                    break;
                }
                has_inner_punct = true;
                i += marks;
                break;
            }
            _ => break,
        }
    }
    // "85%" is one figure.
    if chars.get(i) == Some(&'%') {
        i += 1;
    }
    let token = &chars[start..i];
    (i, classify(token, has_inner_punct))
}

fn classify(token: &[char], has_inner_punct: bool) -> TokenKind {
    let first_digit = token.first().is_some_and(|c| c.is_ascii_digit());
    let digits = token.iter().filter(|c| c.is_ascii_digit()).count();
    let letters = token.iter().filter(|c| c.is_alphabetic()).count();
    // 2022, 3.11, 85%, 21k, 1m, 3x, 10k+: a figure with at most a short unit.
    if first_digit && letters <= 2 {
        return TokenKind::Number;
    }
    if digits > 0 || has_inner_punct {
        TokenKind::Tech
    } else {
        TokenKind::Word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenise(s).into_iter().map(|t| t.text).collect()
    }

    fn kinds(s: &str) -> Vec<TokenKind> {
        tokenise(s).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn technology_tokens_keep_their_punctuation() {
        assert_eq!(
            texts("c++, c#, .net, node.js, ci/cd, a/b and k8s"),
            vec!["c++", "c#", ".net", "node.js", "ci/cd", "a/b", "and", "k8s"]
        );
        assert!(
            kinds("c++ node.js k8s")
                .iter()
                .all(|k| *k == TokenKind::Tech)
        );
    }

    #[test]
    fn possessives_are_the_word() {
        assert_eq!(texts("the platform's api"), vec!["the", "platform", "api"]);
        assert_eq!(texts("customer's"), vec!["customer"]);
    }

    #[test]
    fn long_slash_pairs_split() {
        assert_eq!(texts("python/django"), vec!["python", "django"]);
    }

    #[test]
    fn sentence_dots_are_not_kept() {
        assert_eq!(texts("we ship. then"), vec!["we", "ship", "then"]);
        assert_eq!(texts("platform."), vec!["platform"]);
    }

    #[test]
    fn figures_are_numbers() {
        assert_eq!(kinds("2022 3.11 85% 21k 3x"), vec![TokenKind::Number; 5]);
    }

    #[test]
    fn clause_breaks_unjoin() {
        let t = tokenise("rate limiting, billing - tax");
        let joined: Vec<bool> = t.iter().map(|t| t.joined).collect();
        assert_eq!(joined, vec![false, true, false, false]);
    }

    #[test]
    fn hyphens_split_but_stay_joined() {
        let t = tokenise("cross-functional");
        assert_eq!(t.len(), 2);
        assert!(t[1].joined);
    }
}
