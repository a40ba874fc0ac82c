//! Stage 1, normalise: lower-case, and fold typographic variants (curly
//! quotes, dashes, non-breaking spaces) to their plain forms.

/// The text in one case and one spelling of punctuation.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            // A spaced dash separates clauses; hyphen-like dashes join words.
            '\u{2013}' | '\u{2014}' | '\u{2015}' => out.push_str(" ; "),
            '\u{2010}' | '\u{2011}' | '\u{2212}' => out.push('-'),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => out.push(' '),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_and_spaces() {
        assert_eq!(normalise("Don\u{2019}t\u{00A0}Stop"), "don't stop");
        assert_eq!(normalise("A\u{2014}B"), "a ; b");
        assert_eq!(normalise("soft\u{00AD}ware"), "software");
    }
}
