//! What an applicant tracking system reads of a PDF. The text is read back
//! in-process (`pdf-extract`), glyph by glyph with where each one sits, and
//! checked for what such a parser loses: text that is an image, characters
//! it cannot map (U+FFFD, `(cid:…)`, private-use glyphs), ligature glyphs,
//! columns that a left-to-right reading interleaves, missing section
//! headings and contact details, and, when what the résumé should say is
//! known (a PDF tailor wrote, with its library), text that does not read
//! back or reads out of order. Pure: PDF bytes in, findings out.

use std::fmt::Write as _;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::format::Section;

/// What the PDF should say, when it is known.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// Text that must read back, in this order (each achievement's plain
    /// text as shown, in résumé order), with a label for messages.
    pub texts: Vec<(String, String)>,
    /// The person's name, email and phone.
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// One thing checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// True when an ATS would lose something by it.
    pub lost: bool,
    /// What was found, in a line.
    pub message: String,
}

/// The check of one PDF.
#[derive(Debug, Clone)]
pub struct Check {
    /// Pages read.
    pub pages: usize,
    /// Characters read (whitespace aside).
    pub characters: usize,
    /// What was found, in the order checked.
    pub findings: Vec<Finding>,
    /// The text as read, in the order the PDF gives it.
    pub text: String,
}

impl Check {
    /// True when an ATS would lose something.
    pub fn loses(&self) -> bool {
        self.findings.iter().any(|f| f.lost)
    }

    /// The findings as lines: `ok` or `LOST`, then what.
    pub fn to_lines(&self) -> String {
        let mut s = String::new();
        for f in &self.findings {
            let _ = writeln!(
                s,
                "{:<4}  {}",
                if f.lost { "LOST" } else { "ok" },
                f.message
            );
        }
        s
    }
}

/// A glyph as placed on its page (PDF units, y up).
#[derive(Debug, Clone)]
struct Glyph {
    page: usize,
    x: f64,
    y: f64,
    width: f64,
    size: f64,
    text: String,
}

/// Collects glyphs in the order the content streams draw them.
#[derive(Default)]
struct Collect {
    page: usize,
    glyphs: Vec<Glyph>,
    heights: Vec<f64>,
}

impl OutputDev for Collect {
    fn begin_page(
        &mut self,
        page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = page as usize;
        self.heights.push(media.ury - media.lly);
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The matrix the reader passes leaves the font size out: the size
        // as printed is the font size scaled by the matrix, and the width
        // (in thousandths of the size) likewise.
        let size = (font_size.abs() * trm.m21.hypot(trm.m22)).max(1e-3);
        self.glyphs.push(Glyph {
            page: self.page,
            x: trm.m31,
            y: trm.m32,
            width: width * font_size.abs() * trm.m11.hypot(trm.m12),
            size,
            text: char.to_string(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Reads `pdf` back as an ATS would and checks it, against `expected` when
/// known. An error when the bytes are not a PDF the reader can open.
pub fn check(pdf: &[u8], expected: Option<&Expected>) -> Result<Check, String> {
    let (glyphs, pages) = read(pdf)?;
    let text = stream_text(&glyphs);
    let characters = text.chars().filter(|c| !c.is_whitespace()).count();
    let mut findings = Vec::new();
    let mut say = |lost: bool, message: String| findings.push(Finding { lost, message });

    // Text at all: a scan or an exported image has none to read.
    if characters < 100 * pages.max(1) {
        say(
            true,
            format!(
                "only {characters} characters of text on {pages} page(s): the text is an image or missing; an ATS reads nothing of it"
            ),
        );
    } else {
        say(
            false,
            format!("{characters} characters of text on {pages} page(s)"),
        );
    }

    // Characters the reader could not map.
    let count = |p: &dyn Fn(char) -> bool| text.chars().filter(|&c| p(c)).count();
    let replacement = count(&|c| c == '\u{FFFD}');
    let cids = text.matches("(cid:").count();
    let private = count(&|c| {
        ('\u{E000}'..='\u{F8FF}').contains(&c) || ('\u{F0000}'..='\u{10FFFF}').contains(&c)
    });
    let ligatures = count(&|c| ('\u{FB00}'..='\u{FB06}').contains(&c));
    let mut unmapped = Vec::new();
    if replacement > 0 {
        unmapped.push(format!("{replacement} U+FFFD"));
    }
    if cids > 0 {
        unmapped.push(format!("{cids} `(cid:…)`"));
    }
    if private > 0 {
        unmapped.push(format!("{private} private-use glyphs"));
    }
    if ligatures > 0 {
        unmapped.push(format!(
            "{ligatures} ligature glyphs (ﬁ, ﬀ…: a search for \"fi\" misses them)"
        ));
    }
    if unmapped.is_empty() {
        say(
            false,
            "every character maps to text: no U+FFFD, no (cid:), no private-use or ligature glyphs"
                .into(),
        );
    } else {
        say(
            true,
            format!(
                "characters that do not read as text: {}",
                unmapped.join(", ")
            ),
        );
    }

    // Columns: a band down the page that lines keep to either side of.
    let layout: Vec<(usize, Option<bool>)> =
        (1..=pages).map(|p| (p, has_columns(&glyphs, p))).collect();
    let pages_in = |want: Option<bool>| -> Vec<String> {
        layout
            .iter()
            .filter(|(_, c)| *c == want)
            .map(|(p, _)| p.to_string())
            .collect()
    };
    let (columns, unknown) = (pages_in(Some(true)), pages_in(None));
    if !columns.is_empty() {
        say(
            true,
            format!(
                "page {} is set in columns: an ATS reading left to right interleaves their lines",
                columns.join(", ")
            ),
        );
    } else if unknown.len() == pages && pages > 0 {
        say(
            false,
            "columns not checked: the reader cannot place these fonts' glyphs (the text order above is the PDF's own)".into(),
        );
    } else {
        say(
            false,
            "one column: reading order is the page's order".into(),
        );
    }

    let flat = normalise(&text);
    // Section headings an ATS looks for, on a line of their own. Without
    // a work history heading it files nothing under it; a résumé may have
    // no education or skills section.
    let line_starts: Vec<String> = text.lines().map(normalise).collect();
    let has = |h: &str| {
        let h = normalise(h);
        line_starts
            .iter()
            .any(|l| *l == h || l.starts_with(&format!("{h} ")))
    };
    // A heading counts in any language tailor writes ("Berufserfahrung").
    let present = |s: Section| crate::locale::headings(s).into_iter().any(&has);
    let (found, missing): (Vec<_>, Vec<_>) = [
        ("Experience", Section::Experience),
        ("Skills", Section::Skills),
        ("Education", Section::Education),
    ]
    .into_iter()
    .partition(|&(_, s)| present(s));
    let names = |v: Vec<(&'static str, Section)>| v.into_iter().map(|(n, _)| n).collect::<Vec<_>>();
    let (found, missing) = (names(found), names(missing));
    if missing.is_empty() {
        say(false, format!("section headings: {}", found.join(", ")));
    } else {
        say(
            missing.contains(&"Experience"),
            format!(
                "no {} heading on a line of its own{}",
                missing.join(" or "),
                if found.is_empty() {
                    String::new()
                } else {
                    format!(" (found: {})", found.join(", "))
                }
            ),
        );
    }

    // Contact details, as text in the body.
    let email = find_email(&text);
    let phone = find_phone(&text);
    match (expected.and_then(|e| e.email.as_ref()), &email) {
        (Some(want), _) if !flat.contains(&normalise(want)) => {
            say(true, format!("the email `{want}` does not read back"))
        }
        (Some(e), _) | (None, Some(e)) => say(false, format!("email: {e}")),
        // Nothing lost in the PDF: the content has none to show.
        (None, None) if expected.is_some() => say(
            false,
            "no email in the content (basics.email): add one, an ATS needs a way to reach you"
                .into(),
        ),
        (None, None) => say(
            true,
            "no email address in the text: an ATS cannot reach you (is it in an image?)".into(),
        ),
    }
    match (expected.and_then(|e| e.phone.as_ref()), &phone) {
        (Some(want), _) if !flat.contains(&normalise(want)) => say(
            true,
            format!("the phone number `{want}` does not read back"),
        ),
        (Some(p), _) | (None, Some(p)) => say(false, format!("phone: {p}")),
        (None, None) if expected.is_some() => {}
        (None, None) => say(
            false,
            "no phone number found (fine if you left it out)".into(),
        ),
    }
    if let Some(name) = expected.and_then(|e| e.name.as_ref()) {
        if flat.contains(&normalise(name)) {
            say(false, format!("name: {name}"));
        } else {
            say(true, format!("the name `{name}` does not read back"));
        }
    }

    // What the résumé says, in order.
    if let Some(e) = expected.filter(|e| !e.texts.is_empty()) {
        let mut at = 0usize;
        let mut missing = Vec::new();
        let mut disordered = Vec::new();
        for (label, want) in &e.texts {
            let want = normalise(want);
            match flat[at..].find(&want) {
                Some(i) => at += i + want.len(),
                None if flat.contains(&want) => disordered.push(label.as_str()),
                None => missing.push(label.as_str()),
            }
        }
        let n = e.texts.len();
        if missing.is_empty() && disordered.is_empty() {
            say(false, format!("all {n} achievements read back, in order"));
        }
        if !missing.is_empty() {
            say(
                true,
                format!(
                    "{} of {n} achievements do not read back: {}",
                    missing.len(),
                    missing.join(", ")
                ),
            );
        }
        if !disordered.is_empty() {
            say(
                true,
                format!("read out of order: {}", disordered.join(", ")),
            );
        }
    }
    Ok(Check {
        pages,
        characters,
        findings,
        text,
    })
}

/// The glyphs of every page, and the number of pages. The reader is a
/// third-party parser of untrusted bytes: a panic in it is caught and
/// reported as an unreadable PDF.
fn read(pdf: &[u8]) -> Result<(Vec<Glyph>, usize), String> {
    let doc = pdf_extract::Document::load_mem(pdf)
        .map_err(|e| format!("cannot read it as a PDF ({e})"))?;
    if doc.is_encrypted() {
        return Err("it is encrypted: an ATS cannot read it either".into());
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut out = Collect::default();
        pdf_extract::output_doc(&doc, &mut out).map(|()| out)
    }));
    std::panic::set_hook(hook);
    match result {
        Ok(Ok(out)) => Ok((out.glyphs, out.heights.len())),
        Ok(Err(e)) => Err(format!("cannot read its text ({e:?})")),
        Err(_) => Err("cannot read its text: the PDF reader gave up on it".into()),
    }
}

/// The text in drawing order, a space where glyphs part and a newline
/// where the baseline moves: what a parser that does not sort reads.
fn stream_text(glyphs: &[Glyph]) -> String {
    let mut s = String::new();
    let mut last: Option<&Glyph> = None;
    for g in glyphs {
        if let Some(p) = last {
            let size = p.size.max(g.size);
            if g.page != p.page || (g.y - p.y).abs() > 0.5 * size {
                s.push('\n');
            } else if (g.x - (p.x + p.width)).abs() > 0.15 * size && !s.ends_with(' ') {
                s.push(' ');
            }
        }
        s.push_str(&g.text);
        last = Some(g);
    }
    s
}

/// Lowercase words of letters and digits, one space apart: text compared
/// as a reader compares it, whatever the line breaks and punctuation.
fn normalise(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a page is set in columns: somewhere down its middle, a band
/// that few lines cross, with many lines wholly left of it and many wholly
/// right. A one-column page has most lines crossing its middle; its lines
/// that end early (a paragraph's last) are left of it, but few start right
/// of it (a date at the margin, at most).
///
/// `None` when the reader cannot place the page's glyphs (it finds no
/// widths in some fonts' metrics, and then every glyph of a run sits at
/// the run's start).
fn has_columns(glyphs: &[Glyph], page: usize) -> Option<bool> {
    let on_page: Vec<&Glyph> = glyphs.iter().filter(|g| g.page == page).collect();
    let unplaced = on_page
        .windows(2)
        .filter(|w| w[0].width <= 0.0 && w[0].x == w[1].x && w[0].y == w[1].y)
        .count();
    if unplaced * 2 > on_page.len() {
        return None;
    }
    // Lines by baseline: where each starts and ends.
    let mut lines: Vec<(f64, f64, f64, f64)> = Vec::new(); // (y, size, x0, x1)
    for g in glyphs
        .iter()
        .filter(|g| g.page == page && !g.text.trim().is_empty())
    {
        let (x0, x1) = (g.x, g.x + g.width);
        match lines.iter_mut().find(|(y, size, a, b)| {
            (g.y - *y).abs() < 0.3 * size.max(g.size)
                    // A glyph far from a line's ends starts another line.
                    && x0 < *b + 3.0 * g.size
                    && x1 > *a - 3.0 * g.size
        }) {
            Some(l) => (l.2, l.3) = (l.2.min(x0), l.3.max(x1)),
            None => lines.push((g.y, g.size, x0, x1)),
        }
    }
    if lines.len() < 8 {
        return Some(false);
    }
    let left = lines.iter().map(|l| l.2).fold(f64::MAX, f64::min);
    let right = lines.iter().map(|l| l.3).fold(f64::MIN, f64::max);
    let n = lines.len();
    Some((30..=70).any(|pct| {
        let x = left + (right - left) * f64::from(pct) / 100.0;
        let crossing = lines.iter().filter(|l| l.2 < x && x < l.3).count();
        let before = lines.iter().filter(|l| l.3 <= x).count();
        let after = lines.iter().filter(|l| l.2 >= x).count();
        crossing * 100 <= n * 15 && before * 100 >= n * 25 && after * 100 >= n * 25
    }))
}

/// The first email address in `text`.
fn find_email(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || "<>()[],;:\"'".contains(c))
        .map(|w| w.trim_matches('.'))
        .find(|w| {
            let Some((user, host)) = w.split_once('@') else {
                return false;
            };
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        })
        .map(str::to_string)
}

/// The first phone number in `text`: a run of at least 9 digits among
/// spaces, dots, dashes, parentheses and a leading plus.
fn find_phone(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || (chars[i] == '+' && i + 1 < chars.len()) {
            let start = i;
            let mut digits = 0;
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || " .-()+".contains(chars[j])) {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                }
                j += 1;
            }
            if (9..=15).contains(&digits) {
                let s: String = chars[start..j].iter().collect();
                return Some(s.trim().to_string());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(page: usize, x: f64, y: f64, text: &str) -> Glyph {
        Glyph {
            page,
            x,
            y,
            width: 5.0,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn a_gutter_down_the_page_is_two_columns_and_a_date_column_is_not() {
        // Two columns: every line has text at x 50–150 and at 320–420.
        let mut two = Vec::new();
        for l in 0..20 {
            let y = 800.0 - 12.0 * f64::from(l);
            for k in 0..20 {
                two.push(glyph(1, 50.0 + 5.0 * f64::from(k), y, "a"));
                two.push(glyph(1, 320.0 + 5.0 * f64::from(k), y, "b"));
            }
        }
        assert_eq!(has_columns(&two, 1), Some(true));
        // One column, a date at the right of two role lines out of twenty.
        let mut one = Vec::new();
        for l in 0..20 {
            let y = 800.0 - 12.0 * f64::from(l);
            for k in 0..60 {
                one.push(glyph(1, 50.0 + 5.0 * f64::from(k), y, "a"));
            }
            if l % 10 == 0 {
                one.push(glyph(1, 500.0, y, "2"));
            }
        }
        assert_eq!(has_columns(&one, 1), Some(false));
        // Glyphs the reader could not place: not known.
        let stuck: Vec<Glyph> = (0..40)
            .map(|k| Glyph {
                width: 0.0,
                ..glyph(1, 50.0, 800.0 - 12.0 * f64::from(k / 10), "a")
            })
            .collect();
        assert_eq!(has_columns(&stuck, 1), None);
    }

    #[test]
    fn stream_text_breaks_lines_and_words() {
        let g = [
            glyph(1, 0.0, 100.0, "a"),
            glyph(1, 5.0, 100.0, "b"),
            glyph(1, 20.0, 100.0, "c"),
            glyph(1, 0.0, 88.0, "d"),
        ];
        assert_eq!(stream_text(&g), "ab c\nd");
    }

    #[test]
    fn contact_details_are_found() {
        assert_eq!(
            find_email("Ada · ada@example.com · x").as_deref(),
            Some("ada@example.com")
        );
        assert_eq!(find_email("no at sign, or @ alone"), None);
        assert_eq!(
            find_phone("call +1 (555) 010-2030 now").as_deref(),
            Some("+1 (555) 010-2030")
        );
        assert_eq!(find_phone("grew 200% in 2023"), None);
    }

    #[test]
    fn text_compares_whatever_the_breaks_and_punctuation() {
        assert_eq!(
            normalise("Cut **p99** latency\nby 40%."),
            "cut p99 latency by 40"
        );
    }

    /// A small résumé laid out by tailor's own PDF backend.
    fn resume() -> Vec<u8> {
        let body = "Did the first thing, which took a while. ".repeat(3);
        let source = format!(
            "#set page(paper: \"a4\")\n= Ada Example\nada\\@example.com · +44 20 7946 0000\n== Experience\n- First: {body}\n- Second: {body}\n== Skills\nRust, Go\n"
        );
        crate::pdf::typeset(&source, &[]).unwrap().pdf
    }

    fn expected(texts: &[&str]) -> Expected {
        Expected {
            texts: texts
                .iter()
                .map(|t| (t.to_string(), t.to_string()))
                .collect(),
            name: Some("Ada Example".into()),
            email: Some("ada@example.com".into()),
            phone: Some("+44 20 7946 0000".into()),
        }
    }

    #[test]
    fn what_should_read_back_is_checked_in_order() {
        let pdf = resume();
        let ok = check(&pdf, Some(&expected(&["First: Did", "Second: Did"]))).unwrap();
        assert!(!ok.loses(), "{}", ok.to_lines());
        let swapped = check(&pdf, Some(&expected(&["Second: Did", "First: Did"]))).unwrap();
        assert!(swapped.loses());
        assert!(
            swapped.to_lines().contains("read out of order: First: Did"),
            "{}",
            swapped.to_lines()
        );
        let missing = check(&pdf, Some(&expected(&["First: Did", "Third"]))).unwrap();
        assert!(
            missing
                .to_lines()
                .contains("1 of 2 achievements do not read back: Third")
        );
        let mut other = expected(&[]);
        other.email = Some("bob@example.com".into());
        let lines = check(&pdf, Some(&other)).unwrap().to_lines();
        assert!(
            lines.contains("LOST  the email `bob@example.com` does not read back"),
            "{lines}"
        );
    }

    #[test]
    fn bytes_that_are_not_a_pdf_are_an_error() {
        assert!(
            check(b"not a pdf", None)
                .unwrap_err()
                .contains("cannot read")
        );
    }
}
