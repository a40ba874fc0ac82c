//! YAML at the edges: reading a YAML file as text, and turning a parser
//! error into `file:line:col: message` with a hint. Shared by content and
//! profile loading and by `import`.

use std::path::Path;

use anyhow::{Result, anyhow};

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
