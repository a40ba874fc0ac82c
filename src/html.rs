//! HTML read as a person reads it: the text of an HTML posting without the
//! page around it (navigation, site header and footer, cookie banners,
//! forms, scripts, media), with its job title first, as Markdown-like text
//! that [`sections::sectionise`](crate::sections::sectionise) can split.
//! Also the plain visible text of any HTML document, for `tailor diff`.
//! Pure: text in, text out.
//!
//! The page is parsed by html2text (html5ever underneath), pruned on the
//! parsed DOM, and rendered by html2text with a decorator that writes links
//! as their text and drops images, so no `[text][1]` or URL reaches a title
//! or a term.

use std::borrow::Cow;
use std::collections::HashSet;
use std::rc::Rc;

use html2text::render::{TaggedLine, TextDecorator};
use html2text::{Element, Handle, RcDom};

/// Render width: wide enough that html2text never wraps a paragraph, so a
/// line break in the text is one in the page.
const WIDTH: usize = 100_000;

/// The text of an HTML posting as a reader sees it: Markdown-like, with the
/// job title as its first line (`# Title`), headings as `#` headings, list
/// items as `- ` items and bold runs as `**…**` (so label lines read as they
/// do in Markdown), links as their bare text; page chrome, scripts, styles,
/// forms and images dropped. The title is the first `<h1>` of what remains,
/// else the page's `<title>` without its site suffix (" | Acme Careers").
pub fn posting_text(html: &str) -> String {
    let config = html2text::config::with_decorator(Reader).allow_width_overflow();
    let Ok(dom) = config.parse_html(flatten(html).as_bytes()) else {
        return String::new();
    };
    prune(&dom.document);
    // The first h1 with words (a logo-only h1 has none); later ones stay
    // where they are, as headings.
    let mut title = None;
    for h1 in all(&dom.document, |h| is_element(h, "h1")) {
        detach(&h1);
        let text = take_text(&h1);
        if !text.is_empty() {
            title = Some(text);
            break;
        }
    }
    let title = title.or_else(|| {
        let sites = site_names(&dom.document);
        all(&dom.document, |h| is_element(h, "title"))
            .first()
            .and_then(|t| page_title(&take_text(t), &sites))
    });
    let body = render(&dom, true);
    match title {
        Some(t) => format!("# {t}\n\n{body}"),
        None => body,
    }
}

/// The visible text of any HTML document (a résumé tailor wrote, say):
/// markup, scripts and styles removed, nothing else; links keep their
/// footnoted URLs, since a diff should show a changed address.
pub fn visible_text(html: &str) -> String {
    html2text::config::plain()
        .string_from_read(flatten(html).as_bytes(), WIDTH)
        .unwrap_or_else(|_| html.to_string())
}

/// Elements nested deeper than this lose their tags, and keep their text.
/// Real pages nest 10 to 30 deep; past a few hundred levels the tree
/// builder's scope checks and the renderer cost the square of the depth
/// (200,000 nested `<div>`s, or 500,000 unclosed `<b>`s, ran for minutes
/// and took gigabytes), so the depth is bounded before parsing.
pub const MAX_HTML_DEPTH: usize = 128;

/// Elements that never nest: no end tag, so no depth.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements the next sibling closes (optional end tags, and headings, which
/// the tree builder never nests): they stay flat however many are open, so
/// they count no depth and keep their tags, an unclosed run of them
/// (`<p>a<p>b`, `<li>` lists) its paragraphs and a deep `<h1>` its title.
const FLAT: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
    "th", "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with the tags of elements nested past [`MAX_HTML_DEPTH`] removed
/// (their text stays). A lexical pass, linear in the input: comments,
/// doctypes and raw-text elements are skipped whole, quoted attribute
/// values may hold `>`. Borrowed when nothing is that deep.
fn flatten(html: &str) -> Cow<'_, str> {
    let lower = html.to_ascii_lowercase();
    let (mut out, mut copied, mut depth, mut at) = (String::new(), 0, 0usize, 0);
    // Inside `<svg>` or `<math>`, `/>` closes a tag; elsewhere HTML ignores
    // it, so `<div/>` opens a div like any other.
    let mut foreign = 0usize;
    while let Some(off) = lower[at..].find('<') {
        let start = at + off;
        let rest = &lower[start..];
        let skip_to = |from: usize, pat: &str| {
            lower[from..]
                .find(pat)
                .map_or(lower.len(), |e| from + e + pat.len())
        };
        if rest.starts_with("<!--") {
            at = skip_to(start + 4, "-->");
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at = skip_to(start + 2, ">");
            continue;
        }
        let closing = rest.starts_with("</");
        let name_at = start + 1 + usize::from(closing);
        let name_len = lower[name_at..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 || !lower.as_bytes()[name_at].is_ascii_alphabetic() {
            at = start + 1; // a stray `<` is text
            continue;
        }
        let name = &lower[name_at..name_at + name_len];
        let end = tag_end(&lower, name_at + name_len);
        at = end;
        if VOID.contains(&name) || FLAT.contains(&name) {
            continue;
        }
        if !closing && RAW.contains(&name) {
            at = skip_to(end, &format!("</{name}"));
            at = tag_end(&lower, at);
            continue;
        }
        if name == "svg" || name == "math" {
            if closing {
                foreign = foreign.saturating_sub(1);
            } else if !lower[..end].ends_with("/>") {
                foreign += 1;
            }
        }
        if !closing && foreign > 0 && lower[..end].ends_with("/>") {
            continue;
        }
        let too_deep = if closing {
            let deep = depth > MAX_HTML_DEPTH;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > MAX_HTML_DEPTH
        };
        if too_deep {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The index just past the `>` that ends a tag whose attributes start at
/// `from`, skipping quoted values (a quote opens one only after `=`, so
/// `<a title=don't>` ends at its `>`); the end of `html` if it never ends.
fn tag_end(html: &str, from: usize) -> usize {
    let (mut quote, mut after_eq) = (None, false);
    for (i, &b) in html.as_bytes()[from..].iter().enumerate() {
        match quote {
            Some(q) if q == b => quote = None,
            Some(_) => {}
            None if b == b'>' => return from + i + 1,
            None if after_eq && (b == b'"' || b == b'\'') => quote = Some(b),
            None => {}
        }
        if !b.is_ascii_whitespace() {
            after_eq = quote.is_none() && b == b'=';
        }
    }
    html.len()
}

/// Renders `dom` as posting text; `decorate` marks bold and emphasis as
/// Markdown does.
fn render(dom: &RcDom, decorate: bool) -> String {
    let mut config = html2text::config::with_decorator(Reader).allow_width_overflow();
    if decorate {
        config = config.do_decorate();
    }
    // An empty document has no render tree: it has no text either.
    config
        .dom_to_render_tree(dom)
        .and_then(|tree| config.render_to_string(tree, WIDTH))
        .unwrap_or_default()
}

/// The text of a node, whitespace collapsed. Its children move into a
/// document of their own to be rendered, so call it only on a node already
/// out of the page.
fn take_text(node: &Handle) -> String {
    let dom = RcDom::default();
    let children = std::mem::take(&mut *node.children.borrow_mut());
    for child in &children {
        child.parent.set(Some(Rc::downgrade(&dom.document)));
    }
    *dom.document.children.borrow_mut() = children;
    render(&dom, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes links as their text and images as nothing; headings as `#`
/// headings and list items as `- ` items, as the sectioner reads Markdown.
#[derive(Clone, Copy, Debug)]
struct Reader;

impl TextDecorator for Reader {
    type Annotation = ();

    fn decorate_link_start(&mut self, _url: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_link_end(&mut self) -> String {
        String::new()
    }
    // Bold and emphasis marks, when wanted, come from html2text's
    // `do_decorate` rules, as they did with its plain decorator.
    fn decorate_em_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) {}
    fn decorate_preformat_cont(&self) {}
    fn decorate_image(&mut self, _src: &str, _title: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn header_prefix(&self, level: usize) -> String {
        "#".repeat(level) + " "
    }
    fn quote_prefix(&self) -> String {
        "> ".to_string()
    }
    fn unordered_item_prefix(&self) -> String {
        "- ".to_string()
    }
    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }
    fn make_subblock_decorator(&self) -> Self {
        Reader
    }
    // "1<sup>st</sup>" reads "1st", not "1^{st}".
    fn decorate_superscript_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_superscript_end(&self) -> String {
        String::new()
    }
    fn finalise(&mut self, _urls: Vec<String>) -> Vec<TaggedLine<()>> {
        Vec::new()
    }
}

/// Elements that are never the posting: always dropped.
const NEVER: &[&str] = &[
    "nav", "aside", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    "embed", "canvas", "img", "picture", "video", "audio", "map", "input", "button", "select",
    "option", "datalist", "textarea",
];

/// Roles that are never the posting.
const NEVER_ROLES: &[&str] = &["navigation", "contentinfo", "search"];

/// Roles that are usually page chrome but sometimes hold the posting (a
/// job opened in a modal, a hero "banner" with the title).
const CHROME_ROLES: &[&str] = &["banner", "dialog", "alertdialog"];

/// Words in an id, class or aria-label that mark a cookie or consent banner.
const BANNER_WORDS: &[&str] = &["cookie", "consent", "gdpr"];

/// Sectioning elements: a `<header>` or `<footer>` inside one belongs to
/// its content (an article's own header may hold the job title); outside
/// all of them it is the site's.
const SECTIONING: &[&str] = &["article", "aside", "main", "nav", "section"];

fn element_name(node: &Handle) -> Option<&str> {
    match &node.data {
        Element { name, .. } => Some(&name.local),
        _ => None,
    }
}

fn is_element(node: &Handle, name: &str) -> bool {
    element_name(node) == Some(name)
}

fn attr(node: &Handle, name: &str) -> Option<String> {
    match &node.data {
        Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

fn has_role(node: &Handle, roles: &[&str]) -> bool {
    attr(node, "role").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|t| roles.iter().any(|role| t.eq_ignore_ascii_case(role)))
    })
}

fn key(node: &Handle) -> *const () {
    Rc::as_ptr(node).cast()
}

/// The nodes `pred` accepts, in document order. Iterative, as every walk
/// here, so deep nesting cannot exhaust the stack.
fn all(root: &Handle, pred: impl Fn(&Handle) -> bool) -> Vec<Handle> {
    let mut found = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if pred(&node) {
            found.push(node.clone());
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    found
}

/// The node and its ancestors, root first.
fn lineage(node: &Handle) -> Vec<Handle> {
    let mut line = vec![node.clone()];
    while let Some(parent) = line.last().and_then(|n| n.get_parent()) {
        line.push(parent);
    }
    line.reverse();
    line
}

/// Nodes that hold the posting: every `<main>` (or `role="main"`) and its
/// ancestors, and the smallest element holding every `<h1>` and its
/// ancestors. The heuristic rules never drop these, so a page wrapped in a
/// `<form>` (ASP.NET) or a `cookies-pending` div keeps its text, while a
/// cookie dialog with an `<h1>` of its own beside the job's still goes.
fn holders(root: &Handle) -> HashSet<*const ()> {
    let mut held = HashSet::new();
    let mut h1s: Option<Vec<Handle>> = None;
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if is_element(&node, "main") || has_role(&node, &["main"]) {
            let mut at = Some(node.clone());
            while let Some(n) = at {
                if !held.insert(key(&n)) {
                    break;
                }
                at = n.get_parent();
            }
        }
        if is_element(&node, "h1") {
            let line = lineage(&node);
            h1s = Some(match h1s {
                None => line,
                Some(mut common) => {
                    let shared = common
                        .iter()
                        .zip(&line)
                        .take_while(|(a, b)| Rc::ptr_eq(a, b))
                        .count();
                    common.truncate(shared);
                    common
                }
            });
        }
        stack.extend(node.children.borrow().iter().cloned());
    }
    held.extend(h1s.iter().flatten().map(key));
    held
}

/// Whether an element is never part of the posting, wherever it stands.
/// `in_section` says it stands inside a sectioning element.
fn never_posting(node: &Handle, name: &str, in_section: bool) -> bool {
    NEVER.contains(&name)
        || has_role(node, NEVER_ROLES)
        || (matches!(name, "header" | "footer") && !in_section)
}

/// Whether an element's id, class or aria-label names a cookie or consent
/// notice.
fn is_cookie_notice(node: &Handle) -> bool {
    ["id", "class", "aria-label"].iter().any(|a| {
        attr(node, a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            BANNER_WORDS.iter().any(|w| v.contains(w))
        })
    })
}

/// Whether an element is usually page chrome (a form, a dialog, a banner)
/// but sometimes holds the posting.
fn looks_like_chrome(node: &Handle, name: &str) -> bool {
    matches!(name, "form" | "dialog") || has_role(node, CHROME_ROLES)
}

/// Drops, under `root`, every element for which `drop(node, name,
/// in_section)` holds; the document's frame (html, head, body, main) stays.
fn drop_elements(root: &Handle, drop: impl Fn(&Handle, &str, bool) -> bool) {
    let mut stack = vec![(root.clone(), false)];
    while let Some((node, in_section)) = stack.pop() {
        let in_section = in_section || element_name(&node).is_some_and(|n| SECTIONING.contains(&n));
        let kept: Vec<Handle> = node
            .children
            .borrow()
            .iter()
            .filter(|c| {
                element_name(c).is_none_or(|name| {
                    matches!(name, "html" | "head" | "body" | "main") || !drop(c, name, in_section)
                })
            })
            .cloned()
            .collect();
        stack.extend(kept.iter().map(|c| (c.clone(), in_section)));
        *node.children.borrow_mut() = kept;
    }
}

/// Drops what a reader skips from the tree under `root`: first what is
/// never the posting; then cookie notices, then forms, dialogs and banners,
/// unless they hold the posting (see [`holders`]). Each step is judged on
/// what the one before left, so a logo `<h1>` in the site header or a
/// cookie dialog's own `<h1>` does not decide whether a `<form>` wrapping
/// the whole page (ASP.NET) stays.
fn prune(root: &Handle) {
    drop_elements(root, never_posting);
    let held = holders(root);
    drop_elements(root, |node, _, _| {
        is_cookie_notice(node) && !held.contains(&key(node))
    });
    let held = holders(root);
    drop_elements(root, |node, name, _| {
        looks_like_chrome(node, name) && !held.contains(&key(node))
    });
}

/// Takes `node` out of its parent's children.
fn detach(node: &Handle) {
    if let Some(parent) = node.get_parent() {
        parent
            .children
            .borrow_mut()
            .retain(|c| !Rc::ptr_eq(c, node));
    }
    node.parent.set(None);
}

/// The site's own names, from its metadata, to tell the site part of a
/// `<title>` from the job.
fn site_names(root: &Handle) -> Vec<String> {
    let mut names = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if is_element(&node, "meta") {
            let which = attr(&node, "property")
                .or_else(|| attr(&node, "name"))
                .unwrap_or_default();
            if matches!(which.as_str(), "og:site_name" | "application-name") {
                if let Some(content) = attr(&node, "content") {
                    let content = content.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !content.is_empty() {
                        names.push(content.to_lowercase());
                    }
                }
            }
        }
        stack.extend(node.children.borrow().iter().cloned());
    }
    names
}

/// Separators between the parts of a page title, strongest first.
const TITLE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " - ", " · ", " • ", " :: "];

/// Words that mark the site's part of a page title ("Acme Careers", "Jobs
/// at Acme"), not the job's.
const SITE_WORDS: &[&str] = &[
    "career",
    "careers",
    "jobs",
    "hiring",
    "vacancies",
    "openings",
    "recruiting",
];

fn is_site_part(part: &str, sites: &[String]) -> bool {
    let lower = part.to_lowercase();
    sites.contains(&lower)
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SITE_WORDS.contains(&w))
        || ["join us", "work at ", "work with us", "job board"]
            .iter()
            .any(|p| lower.contains(p))
}

/// A page `<title>` without its site parts: "Senior Python Engineer | Acme
/// Careers" → "Senior Python Engineer". Parts that name the site (its
/// `og:site_name`, or careers words) go from either end; of what is left,
/// a " | " ends the title ("Engineer | Acme"); weaker separators stay
/// ("Engineer - Payments").
fn page_title(raw: &str, sites: &[String]) -> Option<String> {
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // (separator before, part), in order.
    let mut parts: Vec<(&str, &str)> = vec![("", raw.as_str())];
    for sep in TITLE_SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|(before, part)| {
                part.split(sep)
                    .enumerate()
                    .map(move |(i, p)| (if i == 0 { before } else { *sep }, p))
            })
            .collect();
    }
    parts.retain(|(_, p)| !p.trim().is_empty());
    while parts.len() > 1 && parts.last().is_some_and(|(_, p)| is_site_part(p, sites)) {
        parts.pop();
    }
    while parts.len() > 1 && is_site_part(parts[0].1, sites) {
        parts.remove(0);
    }
    if let Some(bar) = parts.iter().skip(1).position(|(sep, _)| *sep == " | ") {
        parts.truncate(bar + 1);
    }
    let mut title = String::new();
    for (i, (sep, part)) in parts.iter().enumerate() {
        if i > 0 {
            title.push_str(sep);
        }
        title.push_str(part.trim());
    }
    for site in sites {
        let lower = title.to_lowercase();
        if let Some(cut) = lower
            .strip_suffix(site.as_str())
            .and_then(|rest| rest.strip_suffix(" at "))
        {
            title.truncate(cut.len());
        }
    }
    let title = title.trim().to_string();
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    #[test]
    fn flatten_drops_only_the_tags_past_the_depth_limit() {
        let n = MAX_HTML_DEPTH + 5;
        let deep = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
        let flat = flatten(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_HTML_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_HTML_DEPTH);
        assert!(flat.contains("text"));
    }

    #[test]
    fn self_closed_divs_and_ruby_text_count_toward_the_depth() {
        let n = MAX_HTML_DEPTH + 5;
        for tag in ["<div/>", "<rt>x", "<span />"] {
            let deep = format!("<p>Go</p>{}", tag.repeat(n));
            let flat = flatten(&deep);
            assert!(flat.len() < deep.len(), "{tag} was not flattened");
        }
        // Inside SVG, `/>` closes: many icons are no depth at all.
        let icons = format!("<svg>{}</svg><div>x</div>", "<path d='M0'/>".repeat(n));
        assert!(matches!(flatten(&icons), Cow::Borrowed(_)));
    }

    #[test]
    fn flatten_leaves_ordinary_pages_alone() {
        let page = "<!doctype html><html><head><title>a</title><script>if (a<b) {}</script>\
                    </head><body><p>one<p>two<br><img src=x /><a title='a>b' href=y>z</a>\
                    <!-- <div><div> --></body></html>";
        assert!(matches!(flatten(page), Cow::Borrowed(_)));
        // Unclosed paragraphs and list items are flat to the tree builder.
        let many = "<ul>".to_string() + &"<li>item <p>para ".repeat(1000) + "</ul>";
        assert!(matches!(flatten(&many), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_and_unclosed_markup_keeps_its_text() {
        let n = 20_000;
        let divs = format!(
            "<h1>Backend Engineer</h1>{}Rust and Postgres{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let text = posting_text(&divs);
        assert!(text.starts_with("# Backend Engineer"), "{text}");
        assert!(text.contains("Rust and Postgres"), "{text}");
        let bold = "<h1>Backend Engineer</h1>".to_string() + &"<b>word ".repeat(20_000);
        assert!(posting_text(&bold).contains("word word"));
    }

    use super::*;
    use crate::posting::Posting;
    use crate::sections::sectionise;

    fn title(html: &str) -> Option<String> {
        sectionise(&posting_text(html)).title
    }

    /// No term from the posting carries link syntax or a URL.
    fn assert_clean_terms(html: &str) {
        let p = Posting::analyse_html("p", html);
        assert!(!p.terms.is_empty());
        for t in &p.terms {
            for s in [&t.key, &t.display] {
                assert!(
                    !s.contains('[') && !s.contains(']') && !s.contains("http"),
                    "term {s:?} from {html}"
                );
            }
        }
    }

    const HEADER_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Senior Python Engineer | Acme Careers</title></head><body>
<header><a href="https://acme.example/">Acme</a> <a href="https://acme.example/careers">Careers</a> <a href="https://acme.example/blog">Blog</a></header>
<main><h1>Senior Python Engineer</h1>
<p>We build <a href="https://acme.example/ledger">ledger software</a> for small shops.</p>
<h2>Requirements</h2><ul><li>Python and Django</li><li>PostgreSQL</li></ul></main>
</body></html>"#;

    const NAV_PAGE: &str = r#"<html><body>
<nav><a href="/">Home</a> | <a href="/jobs">Jobs</a> | <a href="/login">Payments login</a></nav>
<div class="posting"><p><a href="/jobs">Back to all openings</a></p><h1><img src="logo.png" alt="Acme"></h1>
<h1>Senior Python Engineer</h1><p>Remote, Europe.</p>
<h2>What you'll do</h2><ul><li>Build the billing service in Python</li></ul></div>
</body></html>"#;

    const CHROME_PAGE: &str = r#"<html><head>
<style>.hero { colour: teal } body { quokka: 1 }</style>
<script>window.trackVisitor("zanzibar");</script>
</head><body>
<div id="cookie-banner" class="consent"><p>We use cookies to personalise marmalade.</p><button>Accept all</button></div>
<div role="dialog" aria-label="Newsletter"><p>Subscribe for weekly gazpacho.</p></div>
<main><h1>Data Engineer</h1><p>Build pipelines with Spark.</p>
<form><label>Email</label><input name="email"><button>Apply now</button></form>
<img src="team.png" alt="Our team at the offsite"><noscript>Enable javascript, please</noscript>
<svg><title>Logo</title></svg><iframe src="https://video.example/embed"></iframe>
</main>
<aside>Similar jobs: Rhubarb Analyst</aside>
<footer><p>Copyright Acme. Privacy policy. Sitemap of tangerines.</p></footer>
<script>trackMore("kumquat")</script>
</body></html>"#;

    #[test]
    fn site_header_links_are_not_the_title() {
        assert_eq!(
            title(HEADER_PAGE).as_deref(),
            Some("Senior Python Engineer")
        );
        let text = posting_text(HEADER_PAGE);
        assert!(!text.contains("Blog"), "{text}");
        assert_clean_terms(HEADER_PAGE);
    }

    #[test]
    fn navigation_is_not_the_title() {
        assert_eq!(title(NAV_PAGE).as_deref(), Some("Senior Python Engineer"));
        let text = posting_text(NAV_PAGE);
        assert!(!text.contains("Home") && !text.contains("login"), "{text}");
        // What stood above the h1 in the page follows the title.
        assert!(text.starts_with("# Senior Python Engineer\n"), "{text}");
        assert!(text.contains("Back to all openings"), "{text}");
        assert_clean_terms(NAV_PAGE);
    }

    #[test]
    fn chrome_scripts_and_styles_are_dropped() {
        let text = posting_text(CHROME_PAGE);
        for word in [
            "cookies",
            "marmalade",
            "Accept",
            "gazpacho",
            "quokka",
            "teal",
            "zanzibar",
            "kumquat",
            "Apply now",
            "offsite",
            "javascript",
            "Logo",
            "video",
            "Rhubarb",
            "Copyright",
            "tangerines",
        ] {
            assert!(!text.contains(word), "{word:?} in {text}");
        }
        assert!(text.contains("Build pipelines with Spark."), "{text}");
        assert_eq!(title(CHROME_PAGE).as_deref(), Some("Data Engineer"));
        let p = Posting::analyse_html("p", CHROME_PAGE);
        for gone in ["zanzibar", "kumquat", "quokka", "marmalad", "tangerin"] {
            assert!(!p.terms.iter().any(|t| t.key.contains(gone)), "{gone}");
        }
        assert_clean_terms(CHROME_PAGE);
    }

    #[test]
    fn links_are_their_text() {
        let text = posting_text(HEADER_PAGE);
        assert!(
            text.contains("We build ledger software for small shops."),
            "{text}"
        );
        assert!(!text.contains('[') && !text.contains("http"), "{text}");
    }

    #[test]
    fn structure_survives() {
        let html = "<html><body><h1>Data Engineer</h1><p>Intro.</p><p><b>Requirements:</b></p><ul><li>Spark</li><li>Airflow</li></ul><ol><li>Apply</li></ol><h2>Benefits</h2><p>Dental</p></body></html>";
        let text = posting_text(html);
        assert!(text.starts_with("# Data Engineer\n"), "{text}");
        assert!(text.contains("**Requirements:**\n"), "{text}");
        assert!(text.contains("- Spark\n- Airflow\n"), "{text}");
        assert!(text.contains("1. Apply\n"), "{text}");
        assert!(text.contains("## Benefits\n"), "{text}");
        let s = sectionise(&text);
        assert!(
            s.blocks
                .iter()
                .any(|b| b.kind == crate::sections::SectionKind::Requirements
                    && b.text.contains("Spark")
                    && b.text.contains("Airflow")),
            "{s:?}"
        );
    }

    #[test]
    fn a_plain_page_keeps_headings_and_lists() {
        let text = posting_text(
            "<html><head><style>p{}</style><script>x()</script></head><body><h1>Data Engineer</h1><p>Intro.</p><h2>Requirements</h2><ul><li>Spark</li><li>Airflow</li></ul><h2>Benefits</h2><p>Dental</p></body></html>",
        );
        let s = sectionise(&text);
        assert_eq!(s.title.as_deref(), Some("Data Engineer"));
        let req: Vec<_> = s
            .blocks
            .iter()
            .filter(|b| b.kind == crate::sections::SectionKind::Requirements)
            .collect();
        assert_eq!(req.len(), 1);
        assert!(req[0].text.contains("Spark") && req[0].text.contains("Airflow"));
        assert!(!text.contains("x()"));
    }

    #[test]
    fn title_falls_back_to_the_page_title() {
        let html = r#"<html><head><title>Staff Backend Engineer - Payments | Acme Careers</title></head><body><h2>Requirements</h2><ul><li>Go</li></ul></body></html>"#;
        assert_eq!(
            title(html).as_deref(),
            Some("Staff Backend Engineer - Payments")
        );
        assert_clean_terms(html);
    }

    #[test]
    fn page_titles_lose_their_site() {
        let none: &[String] = &[];
        let acme = &["acme".to_string()];
        assert_eq!(
            page_title("Backend Engineer | Acme", none).as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            page_title("Backend Engineer - Careers", none).as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            page_title("Careers at Acme | Backend Engineer", none).as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            page_title("Backend Engineer – Acme", acme).as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            page_title("Backend Engineer at Acme", acme).as_deref(),
            Some("Backend Engineer")
        );
        assert_eq!(
            page_title("Backend Engineer - Payments", none).as_deref(),
            Some("Backend Engineer - Payments")
        );
        assert_eq!(page_title("Careers", none).as_deref(), Some("Careers"));
        assert_eq!(page_title("  ", none), None);
    }

    #[test]
    fn an_articles_own_header_is_kept() {
        let html = "<body><header><a href='/'>Acme</a></header><article><header><h1>Platform Engineer</h1><p>Berlin</p></header><p>Kubernetes all day.</p><footer>Posted 3 days ago</footer></article></body>";
        let text = posting_text(html);
        assert_eq!(title(html).as_deref(), Some("Platform Engineer"));
        assert!(text.contains("Berlin") && !text.contains("Acme"), "{text}");
    }

    #[test]
    fn a_page_wrapped_in_a_form_or_cookie_class_keeps_its_text_but_not_the_dialog() {
        let html = "<body class='cookie-consent-pending'><header><h1><a href='/'>Acme</a></h1></header><form id='aspnetForm'><h1>QA Engineer</h1><p>Selenium and Playwright.</p><input type='hidden' value='zzz'></form><div class='cookie-modal'><h1>We value your privacy</h1><p>Opt out of everything.</p></div></body>";
        let text = posting_text(html);
        assert_eq!(title(html).as_deref(), Some("QA Engineer"));
        assert!(
            text.contains("Playwright") && !text.contains("zzz"),
            "{text}"
        );
        assert!(
            !text.contains("privacy") && !text.contains("Acme"),
            "{text}"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Deep enough to overflow a test thread's stack with a recursive
        // walk; past MAX_HTML_DEPTH the divs flatten and the heading keeps
        // its tags.
        let depth = 5_000;
        let html = format!(
            "{}<h1>Deep Engineer</h1><p>Rust</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let text = posting_text(&html);
        assert!(
            text.starts_with("# Deep Engineer"),
            "{}",
            &text[..text.len().min(200)]
        );
    }

    #[test]
    fn empty_and_bare_text_are_fine() {
        assert_eq!(posting_text("").trim(), "");
        assert_eq!(posting_text("just words").trim(), "just words");
    }
}
