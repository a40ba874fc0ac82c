//! YAML at the edges: reading a YAML file as text, and turning a parser
//! error into `file:line:col: message` with a hint. Shared by content and
//! profile loading and by `import`.

use std::path::Path;

use anyhow::{Result, anyhow};
use serde::de::DeserializeOwned;

/// A YAML file (content, profile, JSON Resume to import) larger than this
/// is refused before it is read: the largest real ones are kilobytes.
pub const MAX_YAML_BYTES: u64 = 20 * 1024 * 1024;

/// Reads a YAML file (content or profile) as UTF-8; a file that is not
/// names the line and column where it stops being UTF-8.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = crate::input::read_file(path, "YAML file", MAX_YAML_BYTES)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&e.as_bytes()[..e.utf8_error().valid_up_to()]);
        anyhow!(
            "{}:{line}:{col}: content file is not valid UTF-8; save it as UTF-8",
            path.display()
        )
    })
}

/// Flow collections (`[…]`, `{…}`) nested deeper than this are refused
/// before parsing. The YAML parser's cost grows with the square of the flow
/// depth (100,000 nested `[` took minutes), while real files nest two or
/// three deep; serde_yaml itself stops deserialising at 128 levels.
pub const MAX_FLOW_NESTING: usize = 100;

/// Parses YAML text into `T`, after checking its flow nesting; every error
/// is `file:line:col: message`.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    if let Some((line, col)) = too_deep(text, MAX_FLOW_NESTING) {
        return Err(anyhow!(
            "{}:{line}:{col}: `[` and `{{` nest more than {MAX_FLOW_NESTING} deep; \
             write the value as a plain list or mapping",
            path.display()
        ));
    }
    serde_yaml::from_str(text).map_err(|e| yaml_error(path, text, &e))
}

/// Where the flow nesting of `text` first passes `limit` (1-based line and
/// column), or `None`. A lexical scan, linear in the text: quotes and
/// brackets open something only where a value can start (so "don't" and
/// "a [b] c" in a plain scalar are text), quoted scalars (with `''` and
/// `\"` escapes), comments and block scalars do not count.
fn too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    #[derive(PartialEq, Clone, Copy)]
    enum In {
        /// Where a value may start: a line's start, after `: `, `- `, or
        /// inside a flow collection after `[`, `{` or `,`.
        Start,
        /// Inside a plain scalar, where quotes and brackets are text (in
        /// block context).
        Plain,
        Single,
        Double,
    }
    let mut state = In::Start;
    let mut depth = 0usize;
    // A block scalar (`|`, `>`) runs over the lines indented past the line
    // that opened it: its text is never markup.
    let mut block: Option<usize> = None;
    for (n, line) in text.split('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(b) = block {
            if line.trim().is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        if state == In::Plain {
            state = In::Start;
        }
        let mut chars = line.char_indices().peekable();
        let mut prev = ' ';
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            match state {
                In::Single => {
                    if c == '\'' {
                        if next == Some('\'') {
                            chars.next(); // `''` is an escaped quote
                        } else {
                            state = In::Plain;
                        }
                    }
                }
                In::Double => {
                    if c == '\\' {
                        chars.next();
                    } else if c == '"' {
                        state = In::Plain;
                    }
                }
                In::Start | In::Plain => {
                    let value_start = state == In::Start;
                    match c {
                        '#' if prev.is_whitespace() => break,
                        '[' | '{' if value_start || depth > 0 => {
                            depth += 1;
                            if depth > limit {
                                return Some((n + 1, line[..at].chars().count() + 1));
                            }
                            state = In::Start;
                        }
                        ']' | '}' if depth > 0 => {
                            depth -= 1;
                            state = In::Plain;
                        }
                        ',' if depth > 0 => state = In::Start,
                        '\'' if value_start => state = In::Single,
                        '"' if value_start => state = In::Double,
                        '|' | '>' if value_start && depth == 0 => {
                            block = Some(indent);
                            break;
                        }
                        ':' | '-' | '?'
                            if next.is_none_or(char::is_whitespace)
                                && (c == ':' || value_start) =>
                        {
                            state = In::Start;
                        }
                        c if c.is_whitespace() => {}
                        _ => state = In::Plain,
                    }
                }
            }
            prev = c;
        }
    }
    None
}

fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}

/// Turns a serde_yaml error into `file:line:col: message`, with a suggestion
/// for misspelt keys and a hint for tab indentation.
pub fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> anyhow::Error {
    let mut msg = e.to_string();
    if let Some(at) = msg.rfind(" at line ") {
        msg.truncate(at);
    }
    if let Some(at) = msg.find(", while scanning") {
        msg.truncate(at);
    }
    msg = msg
        .replace(
            "expected struct ContentFile",
            "expected a mapping with keys basics, summary, experience, skills, education, aliases, lang",
        )
        .replace(
            "expected struct Profile",
            "expected a mapping of profile settings",
        );
    if let Some(s) = suggest_field(&msg) {
        msg.push_str(&format!("; did you mean `{s}`?"));
    }
    match e.location() {
        Some(loc) => {
            let line_text = text.lines().nth(loc.line().saturating_sub(1)).unwrap_or("");
            if line_text.starts_with('\t') || line_text.trim_start_matches(' ').starts_with('\t') {
                msg.push_str(" (YAML indentation must use spaces, not tabs)");
            }
            anyhow!("{}:{}:{}: {msg}", path.display(), loc.line(), loc.column())
        }
        None => anyhow!("{}: {msg}", path.display()),
    }
}

/// For "unknown field `x`, expected one of `a`, `b`", the closest expected name.
fn suggest_field(msg: &str) -> Option<String> {
    let rest = msg
        .split_once("unknown field `")
        .or_else(|| msg.split_once("unknown variant `"))?
        .1;
    let (unknown, expected) = rest.split_once('`')?;
    let candidates = expected.split('`').skip(1).step_by(2);
    crate::text::closest(unknown, candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_nesting_past_the_limit_is_found_at_its_line_and_column() {
        let deep = format!("a: 1\nb: {}{}\n", "[".repeat(5), "]".repeat(5));
        assert_eq!(too_deep(&deep, 4), Some((2, 8)));
        assert_eq!(too_deep(&deep, 5), None);
    }

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let text = "a: '[[[['\nb: \"{{{{ \\\" [[[\"\nc: x # [[[[[\nd: don't [[ ]]\n";
        assert_eq!(too_deep(text, 2), None);
    }

    #[test]
    fn apostrophes_in_plain_text_and_block_scalars_do_not_hide_later_nesting() {
        let deep = format!("{}{}", "[".repeat(5), "]".repeat(5));
        for before in [
            "summary: Grew up in the '90s\n",
            "summary: |\n  'Til now, [[[[[[ in a block\n  and more\n",
            "summary: >\n  \"unclosed\n\n",
            "a: it's\n",
        ] {
            let text = format!("{before}keywords: {deep}\nb: Team's lead\n");
            assert!(too_deep(&text, 4).is_some(), "{text}");
        }
    }

    #[test]
    fn one_long_line_is_scanned_once() {
        // Columns were counted from the line's start at every character:
        // a 2.5 MB one-line list ran for minutes.
        let items: Vec<String> = (0..200_000).map(|i| format!("w{i}")).collect();
        let text = format!("keywords: [{}]\n", items.join(", "));
        assert_eq!(too_deep(&text, 4), None);
    }

    #[test]
    fn a_doubled_quote_inside_single_quotes_stays_quoted() {
        let text = format!("text: 'the team''s parser reads {}'\n", "[".repeat(10));
        assert_eq!(too_deep(&text, 4), None);
        let flow = "a: [b, 'c''d', [e]]\n";
        assert_eq!(too_deep(flow, 2), None);
        assert_eq!(too_deep(flow, 1), Some((1, 16)));
    }

    #[test]
    fn parse_refuses_deep_flow_nesting_quickly_and_names_the_file() {
        let text = format!("text: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse::<serde_yaml::Value>(Path::new("deep.yaml"), &text).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("deep.yaml:1:107: `[` and `{` nest more than 100 deep"),
            "{err}"
        );
    }
}
