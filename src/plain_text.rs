//! Plain text, for pasting into an application form: inline Markdown as
//! its visible text (a link keeps its address in parentheses, since text
//! has no links), and paragraphs wrapped at [`WIDTH`] columns. The
//! template set `resume.txt.hbs` writes through these.

use crate::text::{Span, by_link, spans};

/// Lines are wrapped at this many columns: what pastes into a form and
/// reads in a terminal or an email without reflowing.
pub const WIDTH: usize = 80;

/// Inline Markdown as plain text: marks dropped, a link as "label (url)"
/// (the address alone when it is the label), whitespace folded.
pub fn from_markdown(markdown: &str) -> String {
    let spans = spans(markdown);
    let mut out = String::with_capacity(markdown.len());
    for (link, run) in by_link(&spans) {
        let label: String = run.iter().map(|s: &Span| s.text.as_str()).collect();
        out.push_str(&label);
        let Some(url) = link else { continue };
        let address = url.strip_prefix("mailto:").unwrap_or(url);
        if label.trim() != address && !address.starts_with('#') {
            out.push_str(" (");
            out.push_str(address);
            out.push(')');
        }
    }
    crate::text::fold_whitespace(&out)
}

/// `text` (inline Markdown) as plain text wrapped at [`WIDTH`] columns,
/// its first line after `prefix` and the others indented as far, so that
/// "- " makes a list item whose lines hang under its first word. Words are
/// never broken: a long address overruns the line instead.
pub fn wrap(text: &str, prefix: &str) -> String {
    let plain = from_markdown(text);
    let indent = " ".repeat(textwrap::core::display_width(prefix));
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(prefix)
        .subsequent_indent(&indent)
        .break_words(false)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::fill(&plain, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_go_and_links_keep_their_address() {
        assert_eq!(
            from_markdown(
                "Cut **p99** by _40%_; see [the post](https://e.com/p) or [https://e.com](https://e.com)"
            ),
            "Cut p99 by 40%; see the post (https://e.com/p) or https://e.com"
        );
        assert_eq!(
            from_markdown("[me@x.org](mailto:me@x.org), [x](javascript:alert(1))"),
            "me@x.org, x"
        );
    }

    #[test]
    fn list_items_wrap_at_80_columns_with_a_hanging_indent() {
        let text = "Designed a rate-limiting service that shut down a financial exploit within hours, then ran the post-incident review with two other teams.";
        let wrapped = wrap(text, "- ");
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(lines[0].starts_with("- Designed"));
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("  ") && !l.starts_with("   "))
        );
        assert!(
            lines.iter().all(|l| l.chars().count() <= WIDTH),
            "{wrapped}"
        );
    }

    #[test]
    fn a_long_address_overruns_rather_than_breaks() {
        let url = format!("https://example.com/{}", "a".repeat(90));
        let wrapped = wrap(&format!("See {url}"), "");
        assert!(wrapped.lines().any(|l| l == url), "{wrapped}");
    }
}
