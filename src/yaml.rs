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
/// column), or `None`. A lexical scan: brackets inside quoted scalars and
/// comments do not count, and a quote only opens a scalar where a token can
/// start, so "don't" in a plain scalar is text. Brackets in plain scalars
/// count, but they are balanced in any file a person writes, and a
/// stray one costs one level of a hundred.
fn too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    #[derive(PartialEq)]
    enum In {
        Plain,
        Single,
        Double,
        Comment,
    }
    let (mut state, mut depth, mut line, mut col) = (In::Plain, 0usize, 1usize, 0usize);
    let mut prev = '\n';
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        col += 1;
        let token_start = prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':');
        match state {
            In::Plain => match c {
                '#' if prev.is_whitespace() => state = In::Comment,
                '\'' if token_start => state = In::Single,
                '"' if token_start => state = In::Double,
                '[' | '{' => {
                    depth += 1;
                    if depth > limit {
                        return Some((line, col));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
            In::Single if c == '\'' => state = In::Plain,
            In::Double if c == '\\' => {
                // An escape takes the next character with it.
                if chars.next() == Some('\n') {
                    (line, col) = (line + 1, 0);
                }
                prev = 'x';
                continue;
            }
            In::Double if c == '"' => state = In::Plain,
            In::Comment if c == '\n' => state = In::Plain,
            _ => {}
        }
        if c == '\n' {
            (line, col) = (line + 1, 0);
        }
        prev = c;
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
            "expected a mapping with keys basics, summary, experience, skills, education, aliases",
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
