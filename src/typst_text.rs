//! Résumé text as Typst markup: values escaped so that no content string
//! can become markup, and the content's inline Markdown (bold, emphasis,
//! links, code) written as the Typst calls that mean the same.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// `s` as Typst markup that shows exactly `s`: every ASCII punctuation
/// character gets a backslash (Typst shows `\x` as `x` for any of them), so
/// `#`, `$`, `*`, `_`, `<`, `@`, `//`, `[`, a leading `-` or `=`, and a URL
/// (which Typst would link) are all plain text. Line breaks become spaces:
/// a blank line would start a paragraph.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `s` as a Typst string literal, quotes included.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Inline Markdown as Typst markup. Raw HTML and anything else without an
/// inline meaning is shown as text; an image is its alt text; a link to
/// script is its text.
pub fn from_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut paragraphs = 0;
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&escape(&t)),
            Event::Code(t) => {
                out.push_str("#raw(");
                out.push_str(&string(&t));
                out.push(')');
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Emphasis) => out.push_str("#emph["),
            Event::Start(Tag::Strong) => out.push_str("#strong["),
            Event::Start(Tag::Strikethrough) => out.push_str("#strike["),
            Event::Start(Tag::Link { dest_url, .. }) => {
                // A link to script is its text: a content block, so the
                // link's end closes it all the same.
                if crate::text::is_safe_url(&dest_url) {
                    out.push_str("#link(");
                    out.push_str(&string(&dest_url));
                    out.push_str(")[");
                } else {
                    out.push_str("#[");
                }
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)
            | Event::End(TagEnd::Link) => out.push(']'),
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    out.push(' ');
                }
                paragraphs += 1;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("#set $x$ *a* _b_"), "\\#set \\$x\\$ \\*a\\* \\_b\\_");
        assert_eq!(escape("a\\b <c> @d"), "a\\\\b \\<c\\> \\@d");
        assert_eq!(escape("- item\n= heading"), "\\- item \\= heading");
        assert_eq!(escape("Zoë: 3"), "Zoë\\: 3");
    }

    #[test]
    fn inline_markdown_becomes_typst_calls() {
        assert_eq!(
            from_markdown("Cut p99 by **40%** in _two_ weeks"),
            "Cut p99 by #strong[40\\%] in #emph[two] weeks"
        );
        assert_eq!(
            from_markdown("See [the post](https://e.com/a\"b)"),
            "See #link(\"https://e.com/a\\\"b\")[the post]"
        );
        assert_eq!(
            from_markdown("Ran `cargo test`"),
            "Ran #raw(\"cargo test\")"
        );
        assert_eq!(from_markdown("[x](javascript:alert(1))"), "#[x]");
    }

    #[test]
    fn raw_html_and_typst_code_stay_text() {
        assert_eq!(
            from_markdown("<b>#pagebreak()</b>"),
            "\\<b\\>\\#pagebreak\\(\\)\\<\\/b\\>"
        );
    }
}
