//! Posting intake: reading a posting from a file or stdin, refusing what is
//! not a posting (a directory, binary data, nothing at all, something huge).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

/// Postings larger than this are refused: a real posting is a few kilobytes,
/// so a bigger one is a wrong file or a whole saved web page.
pub const MAX_POSTING_BYTES: u64 = 10 * 1024 * 1024;

/// A posting's text and where it came from.
#[derive(Debug, Clone)]
pub struct PostingSource {
    /// Its path, or `None` for stdin.
    pub path: Option<PathBuf>,
    /// A short name: the file name, or "stdin".
    pub name: String,
    /// The text, decoded.
    pub text: String,
    /// Things the user should know (e.g. the encoding was guessed).
    pub warnings: Vec<String>,
    /// What it is written in.
    pub format: PostingFormat,
}

impl PostingSource {
    /// How messages refer to it.
    pub fn label(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "stdin".to_string(),
        }
    }
}

/// Reads the posting at `path`, or stdin when `path` is `-`.
pub fn read_posting(path: &Path) -> Result<PostingSource> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_POSTING_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read the posting from stdin")?;
        return decode(None, "stdin".into(), bytes);
    }
    let label = path.display();
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            anyhow!("posting `{label}` does not exist; check the --job path")
        }
        _ => anyhow!("cannot read posting `{label}`: {e}"),
    })?;
    if meta.is_dir() {
        bail!(
            "posting `{label}` is a directory; pass a posting file (or use `tailor batch` for many)"
        );
    }
    let bytes = read_file(path, "posting", MAX_POSTING_BYTES)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| label.to_string());
    decode(Some(path.to_path_buf()), name, bytes)
}

/// Reads an input file whole, refusing what would hang or exhaust memory
/// first: a FIFO, device or socket (reading one blocks or never ends) and
/// anything over `limit` bytes, judged by its size on disk and again while
/// reading (a file may grow, and some report no size). Symlinks are
/// followed. `what` names the kind of file in messages ("posting").
pub fn read_file(path: &Path, what: &str, limit: u64) -> Result<Vec<u8>> {
    let label = path.display();
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow!("{what} `{label}` does not exist"),
        _ => anyhow!("cannot read {what} `{label}`: {e}"),
    })?;
    if meta.is_dir() {
        bail!("{what} `{label}` is a directory; pass a file");
    }
    if !meta.is_file() {
        bail!("{what} `{label}` is not a regular file (a pipe, device or socket); pass a file");
    }
    let too_big = || {
        anyhow!(
            "{what} `{label}` is over the {} limit; is it the right file?",
            size(limit)
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .with_context(|| format!("cannot read {what} `{label}`"))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// A byte count for messages: "10 MB", "512 KB".
fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes / 1024)
    }
}

/// Checks and decodes posting bytes. UTF-8 is expected; text in another
/// single-byte encoding is read as Latin-1 with a warning, because a posting
/// pasted from an old page is still a posting.
pub fn decode(path: Option<PathBuf>, name: String, mut bytes: Vec<u8>) -> Result<PostingSource> {
    let label = path
        .as_ref()
        .map_or_else(|| "stdin".to_string(), |p| p.display().to_string());
    if bytes.len() as u64 > MAX_POSTING_BYTES {
        bail!(
            "posting `{label}` is over the {} MB limit; save just the posting's text",
            MAX_POSTING_BYTES / (1024 * 1024)
        );
    }
    if looks_binary(&bytes) {
        bail!(
            "posting `{label}` looks like a binary file, not text; pass a .txt, .md or .html posting"
        );
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            warnings.push(format!(
                "posting `{label}` is not UTF-8; read it as Latin-1 (save it as UTF-8 to silence this)"
            ));
            e.into_bytes().iter().map(|&b| char::from(b)).collect()
        }
    };
    if text.trim().is_empty() {
        bail!("posting `{label}` is empty; paste the posting's text into it");
    }
    let format = PostingFormat::of(path.as_deref(), &text);
    Ok(PostingSource {
        path,
        name,
        text,
        warnings,
        format,
    })
}

/// What a posting file is written in. Told apart here and nowhere else:
/// by the file's extension, except that text opening with a doctype or an
/// `<html>` tag is HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostingFormat {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page (read as a reader sees it).
    Html,
    /// A JSON Resume job document (`.json`).
    JobJson,
}

/// File extensions of postings, and the format each means: what `batch`
/// collects from a directory.
pub const POSTING_EXTENSIONS: &[(&str, PostingFormat)] = &[
    ("txt", PostingFormat::Text),
    ("md", PostingFormat::Markdown),
    ("markdown", PostingFormat::Markdown),
    ("html", PostingFormat::Html),
    ("htm", PostingFormat::Html),
    ("json", PostingFormat::JobJson),
];

impl PostingFormat {
    /// The format of a posting at `path` (stdin: `None`) holding `text`.
    pub fn of(path: Option<&Path>, text: &str) -> PostingFormat {
        let by_extension = path
            .and_then(Path::extension)
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .and_then(|e| {
                POSTING_EXTENSIONS
                    .iter()
                    .find(|(x, _)| *x == e)
                    .map(|&(_, f)| f)
            });
        match by_extension {
            Some(f @ (PostingFormat::Html | PostingFormat::JobJson)) => f,
            // A saved page is a page, whatever it is called.
            _ if looks_like_html(text) => PostingFormat::Html,
            Some(f) => f,
            None => PostingFormat::Text,
        }
    }

    /// True for a file name a batch should read as a posting.
    pub fn is_posting_file(path: &Path) -> bool {
        path.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .is_some_and(|e| POSTING_EXTENSIONS.iter().any(|(x, _)| *x == e))
    }
}

/// A document that opens with a doctype or an `<html>` tag.
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// NUL bytes, or many control characters, mean this is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<PostingSource> {
        decode(Some("p.txt".into()), "p.txt".into(), bytes.to_vec())
    }

    #[test]
    fn empty_and_binary_are_refused_by_name() {
        let e = dec(b"  \n\t ").unwrap_err().to_string();
        assert!(e.contains("`p.txt` is empty"), "{e}");
        let e = dec(b"\x7fELF\0\0\x01").unwrap_err().to_string();
        assert!(e.contains("binary"), "{e}");
    }

    #[test]
    fn latin1_is_read_with_a_warning() {
        let p = dec(b"Caf\xe9 engineer").unwrap();
        assert_eq!(p.text, "Café engineer");
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn html_is_known_by_extension_or_first_tag() {
        let p = decode(Some("p.htm".into()), "p.htm".into(), b"<p>x</p>".to_vec()).unwrap();
        assert_eq!(p.format, PostingFormat::Html);
        let html = dec(b"<!DOCTYPE html><p>x</p>").unwrap();
        assert_eq!(html.format, PostingFormat::Html);
        assert_eq!(
            dec(b"Use <b> sparingly").unwrap().format,
            PostingFormat::Text
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let err = read_file(&fifo, "posting", 100).unwrap_err().to_string();
        assert!(err.contains("is not a regular file"), "{err}");
        let err = read_posting(&fifo).unwrap_err().to_string();
        assert!(err.contains("is not a regular file"), "{err}");
    }

    #[test]
    fn over_the_limit_is_refused_naming_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("big.txt");
        std::fs::write(&f, vec![b'a'; 3000]).unwrap();
        let err = read_file(&f, "template", 2048).unwrap_err().to_string();
        assert!(
            err.contains("template `") && err.contains("over the 2 KB limit"),
            "{err}"
        );
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(dec(b"\xEF\xBB\xBFhello").unwrap().text, "hello");
    }
}
