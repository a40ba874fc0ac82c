//! Small text helpers shared by loading, selection and rendering: inline
//! Markdown to plain text or to marked spans, word counts, and "did you
//! mean" suggestions.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The closest candidate to `word`, if any is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let sim = strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase());
        // Strictly greater keeps the first of equals: candidates come in a fixed order.
        if sim > 0.7 && best.is_none_or(|(b, _)| sim > b) {
            best = Some((sim, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// The visible text of inline Markdown: emphasis marks, link targets and code
/// ticks removed, whitespace folded to single spaces.
pub fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            Event::Start(Tag::Item) => out.push(' '),
            _ => {}
        }
    }
    fold_whitespace(&out)
}

/// A stretch of inline Markdown with one set of marks: what a backend that
/// is not markup (DOCX runs, plain text) writes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    /// The visible text, whitespace kept as written (line breaks as spaces).
    pub text: String,
    /// Inside `**strong**`.
    pub bold: bool,
    /// Inside `_emphasis_`.
    pub italic: bool,
    /// `code`.
    pub code: bool,
    /// The link it belongs to: a safe target only (see [`is_safe_url`]).
    pub link: Option<String>,
}

/// Inline Markdown as [`Span`]s, in order. Raw HTML is text; an image is
/// its alt text; a link to script is its text; paragraphs run together with
/// a space, as inline text does.
pub fn spans(markdown: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (0usize, 0usize);
    let mut link: Option<String> = None;
    let mut paragraphs = 0;
    for event in Parser::new(markdown) {
        let marks = |code| Span {
            text: String::new(),
            bold: bold > 0,
            italic: italic > 0,
            code,
            link: link.clone(),
        };
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push_span(&mut out, &t, marks(false))
            }
            Event::Code(t) => push_span(&mut out, &t, marks(true)),
            Event::SoftBreak | Event::HardBreak => push_span(&mut out, " ", marks(false)),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = is_safe_url(&dest_url).then(|| dest_url.to_string())
            }
            Event::End(TagEnd::Link) => link = None,
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    push_span(&mut out, " ", Span::default());
                }
                paragraphs += 1;
            }
            _ => {}
        }
    }
    out
}

/// `spans` in runs of one link: each run's target (`None` outside links)
/// and its spans, in order. A link may hold several spans (bold inside a
/// link, say); a backend writes each run as one link.
pub fn by_link(spans: &[Span]) -> Vec<(Option<&str>, &[Span])> {
    let mut out: Vec<(Option<&str>, &[Span])> = Vec::new();
    let mut start = 0;
    for i in 1..=spans.len() {
        if i == spans.len() || spans[i].link != spans[start].link {
            out.push((spans[start].link.as_deref(), &spans[start..i]));
            start = i;
        }
    }
    out
}

/// Appends `text` with the marks of `marks`, to the last span when it has
/// the same marks.
fn push_span(out: &mut Vec<Span>, text: &str, marks: Span) {
    match out.last_mut() {
        Some(last)
            if (last.bold, last.italic, last.code, &last.link)
                == (marks.bold, marks.italic, marks.code, &marks.link) =>
        {
            last.text.push_str(text)
        }
        _ => out.push(Span {
            text: text.to_string(),
            ..marks
        }),
    }
}

/// Runs of whitespace become one space; ends trimmed.
pub fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words as a reader counts them: whitespace-separated runs of visible text.
/// This is the unit of the word budget.
pub fn word_count(markdown: &str) -> usize {
    plain(markdown).split_whitespace().count()
}

/// Links may go to the web, to mail, or within the page; never to script.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') && !scheme.contains('#') => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// Counts with their nouns in the right number, joined by commas:
/// `counted(&[(1, "role", "roles"), (3, "achievement", "achievements")])`
/// is "1 role, 3 achievements".
pub fn counted(items: &[(usize, &str, &str)]) -> String {
    items
        .iter()
        .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inline Markdown with every link to script (see [`is_safe_url`])
/// replaced by its visible text; other text as it is.
pub fn without_unsafe_links(markdown: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut last = 0;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. }) = &event {
            if !is_safe_url(dest_url) && range.start >= last {
                out.push_str(&markdown[last..range.start]);
                out.push_str(&plain(&markdown[range.clone()]));
                last = range.end;
            }
        }
    }
    if last == 0 {
        return std::borrow::Cow::Borrowed(markdown);
    }
    out.push_str(&markdown[last..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_carry_marks_and_safe_links_only() {
        let s = spans(
            "Cut **p99 _by_ 40%** via [the `cache`](https://e.com) and [x](javascript:alert(1))",
        );
        let view: Vec<(&str, bool, bool, bool, Option<&str>)> = s
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic, s.code, s.link.as_deref()))
            .collect();
        assert_eq!(
            view,
            [
                ("Cut ", false, false, false, None),
                ("p99 ", true, false, false, None),
                ("by", true, true, false, None),
                (" 40%", true, false, false, None),
                (" via ", false, false, false, None),
                ("the ", false, false, false, Some("https://e.com")),
                ("cache", false, false, true, Some("https://e.com")),
                (" and x", false, false, false, None),
            ]
        );
    }

    #[test]
    fn plain_drops_markup_but_keeps_words() {
        assert_eq!(
            plain("Led **+3% gross margin** via [docs](http://x) and `code`"),
            "Led +3% gross margin via docs and code"
        );
        assert_eq!(word_count("Led **+3% gross margin**"), 4);
    }

    #[test]
    fn suggestion_is_the_nearest_name() {
        let c = ["title", "text", "tags"];
        assert_eq!(closest("txt", c).as_deref(), Some("text"));
        assert_eq!(closest("zzzzzz", c), None);
    }
}
