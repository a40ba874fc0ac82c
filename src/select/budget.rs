//! Budgets: how long the résumé may be, in words (the default), characters,
//! rendered lines, or pages; and what each phrasing costs in that unit.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::content::Library;
use crate::text;

/// A length limit for the achievement text of a résumé.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "unit", content = "amount", rename_all = "lowercase")]
pub enum Budget {
    /// Words, as a reader counts them.
    Words(u32),
    /// Characters of visible text.
    Chars(u32),
    /// Lines as rendered: bullets wrapped at the layout's line width.
    Lines(u32),
    /// Pages: lines per page (from the layout) minus the lines the rest of
    /// the résumé takes.
    Pages(f64),
    /// No limit: every eligible achievement, in full (`--budget all`).
    All,
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Words(super::DEFAULT_BUDGET_WORDS)
    }
}

impl FromStr for Budget {
    type Err = String;

    /// `450` or `450w` (words), `3000c` (characters), `60l` (lines), `1p`
    /// or `1.5p` (pages).
    fn from_str(s: &str) -> Result<Budget, String> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") || s.eq_ignore_ascii_case("unlimited") {
            return Ok(Budget::All);
        }
        let bad = || {
            format!(
                "invalid budget `{s}`: use words (450), characters (3000c), lines (60l) or pages (1p)"
            )
        };
        let (num, unit) = match s.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
            Some((i, _)) => (&s[..i], &s[i..]),
            None => (s, "w"),
        };
        let whole = || -> Result<u32, String> {
            let n: u32 = num.parse().map_err(|_| bad())?;
            if n == 0 {
                return Err(format!("invalid budget `{s}`: it must be more than zero"));
            }
            Ok(n)
        };
        match unit.to_ascii_lowercase().as_str() {
            "w" | "words" => Ok(Budget::Words(whole()?)),
            "c" | "chars" => Ok(Budget::Chars(whole()?)),
            "l" | "lines" => Ok(Budget::Lines(whole()?)),
            "p" | "pages" => {
                let p: f64 = num.parse().map_err(|_| bad())?;
                if !(p > 0.0 && p <= 20.0) {
                    return Err(format!(
                        "invalid budget `{s}`: pages must be between 0 and 20"
                    ));
                }
                Ok(Budget::Pages(p))
            }
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Budget::Words(n) => write!(f, "{n} words"),
            Budget::Chars(n) => write!(f, "{n} characters"),
            Budget::Lines(n) => write!(f, "{n} lines"),
            Budget::Pages(p) if *p == 1.0 => write!(f, "1 page"),
            Budget::Pages(p) => write!(f, "{p} pages"),
            Budget::All => write!(f, "unlimited"),
        }
    }
}

impl Budget {
    /// The unit's name, plural, for messages ("words", "lines").
    pub fn unit(&self) -> &'static str {
        match self {
            Budget::Words(_) | Budget::All => "words",
            Budget::Chars(_) => "characters",
            Budget::Lines(_) | Budget::Pages(_) => "lines",
        }
    }

    /// What one phrasing (inline Markdown) costs in this budget's unit.
    pub fn cost(&self, markdown: &str, layout: &Layout) -> u32 {
        let plain = text::plain(markdown);
        match self {
            Budget::Words(_) | Budget::All => plain.split_whitespace().count() as u32,
            Budget::Chars(_) => plain.chars().count() as u32,
            Budget::Lines(_) | Budget::Pages(_) => wrapped_lines(
                &plain,
                layout.line_width.saturating_sub(layout.bullet_indent),
            ),
        }
    }

    /// The capacity for achievement text, in the unit of [`Budget::cost`].
    /// For pages, the lines the rest of the résumé takes come off first.
    pub fn capacity(&self, layout: &Layout, overhead_lines: u32) -> u32 {
        match *self {
            Budget::Words(n) | Budget::Chars(n) | Budget::Lines(n) => n,
            Budget::Pages(p) => ((p * f64::from(layout.lines_per_page)).floor() as u32)
                .saturating_sub(overhead_lines),
            // Far more than any library, far from overflowing a sum of costs.
            Budget::All => u32::MAX / 4,
        }
    }
}

/// The page geometry that line and page budgets assume.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// Characters per printed line.
    pub line_width: u32,
    /// Characters a bullet's indent takes.
    pub bullet_indent: u32,
    /// Lines per printed page.
    pub lines_per_page: u32,
}

impl Default for Layout {
    /// The built-in PDF template (Liberation Serif 10.5 pt, 14 × 12 mm
    /// margins) on A4: about 121 characters a line and 63 lines a page.
    /// Line budgets count in these lines; a page budget starts its search
    /// from them and is then closed by the real layout ([`super::fit`]).
    fn default() -> Self {
        Layout {
            line_width: 121,
            bullet_indent: 3,
            lines_per_page: 63,
        }
    }
}

/// Lines `plain` takes when words are wrapped at `width` characters.
pub fn wrapped_lines(plain: &str, width: u32) -> u32 {
    let width = width.max(10) as usize;
    let mut lines = 0u32;
    let mut current = 0usize;
    for word in plain.split_whitespace() {
        let len = word.chars().count();
        if current == 0 {
            lines += 1;
            current = len;
        } else if current + 1 + len <= width {
            current += 1 + len;
        } else {
            lines += 1;
            current = len;
        }
        // A word longer than the line wraps onto further lines.
        while current > width {
            lines += 1;
            current -= width;
        }
    }
    lines
}

/// Lines the résumé takes besides achievement bullets: header, summary,
/// section headings, role lines, skills and education, for the roles shown.
/// Headings take less than two lines and a role's title and dates less than
/// three: the built-in PDF template's spacing, in lines of body text.
pub fn overhead_lines(library: &Library, shown_roles: &[usize], layout: &Layout) -> u32 {
    const HEADER: f64 = 3.0; // name (large), headline, contact
    const HEADING: f64 = 1.6; // a section's heading and the space around it
    const ROLE: f64 = 2.3; // a role's title and dates, and the space above
    let w = layout.line_width;
    let wrapped = |s: &str, w: u32| f64::from(wrapped_lines(s, w));
    let mut lines = HEADER;
    if let Some(s) = &library.summary {
        lines += HEADING + wrapped(&text::plain(s), w);
    }
    lines += HEADING; // "Experience"
    for &r in shown_roles {
        let role = &library.experience[r];
        lines += ROLE;
        if let Some(s) = &role.summary {
            lines += wrapped(&text::plain(s), w);
        }
    }
    if !library.skills.is_empty() {
        lines += HEADING;
        for g in &library.skills {
            lines += wrapped(&format!("{}: {}", g.name, g.keywords.join(", ")), w - 3);
        }
    }
    if !library.education.is_empty() {
        lines += HEADING + library.education.len() as f64;
    }
    lines.round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_parse_with_units() {
        assert_eq!("450".parse(), Ok(Budget::Words(450)));
        assert_eq!("450w".parse(), Ok(Budget::Words(450)));
        assert_eq!("3000c".parse(), Ok(Budget::Chars(3000)));
        assert_eq!("60l".parse(), Ok(Budget::Lines(60)));
        assert_eq!("1p".parse(), Ok(Budget::Pages(1.0)));
        assert_eq!("1.5p".parse(), Ok(Budget::Pages(1.5)));
        assert!("0".parse::<Budget>().is_err());
        assert!("12x".parse::<Budget>().unwrap_err().contains("use words"));
        assert!("-3".parse::<Budget>().is_err());
        assert_eq!(Budget::Pages(1.0).to_string(), "1 page");
        assert_eq!("all".parse(), Ok(Budget::All));
    }

    #[test]
    fn costs_follow_the_unit() {
        let layout = Layout {
            line_width: 23,
            bullet_indent: 3,
            lines_per_page: 10,
        };
        let md = "Cut **latency** by 40% across the whole fleet";
        assert_eq!(Budget::Words(1).cost(md, &layout), 8);
        assert_eq!(Budget::Chars(1).cost(md, &layout), 41);
        // 20 characters a line: "Cut latency by 40%" / "across the whole" / "fleet".
        assert_eq!(Budget::Lines(1).cost(md, &layout), 3);
        assert_eq!(Budget::Pages(2.0).capacity(&layout, 5), 15);
        assert_eq!(Budget::Pages(0.2).capacity(&layout, 5), 0);
    }

    #[test]
    fn long_words_wrap() {
        assert_eq!(wrapped_lines(&"x".repeat(25), 10), 3);
        assert_eq!(wrapped_lines("", 10), 0);
    }
}
