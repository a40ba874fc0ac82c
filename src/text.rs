//! Small text helpers shared by loading, selection and rendering: inline
//! Markdown to plain text, word counts, and "did you mean" suggestions.

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
