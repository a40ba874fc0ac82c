//! The harness: `Tailor` runs the binary fluently and `Outcome` checks what
//! it did; plus the helpers the tests share (bullets and words of a
//! résumé, files in a folder, the compose report, the shared data).

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One run of the tailor binary, from the repository root, being set up.
///
/// ```ignore
/// Tailor::new().args(["compose", "--job", "examples/payments-engineer.md"])
///     .succeeds()
///     .stdout_has("## Experience");
/// ```
pub struct Tailor {
    cmd: assert_cmd::Command,
    args: Vec<String>,
}

impl Default for Tailor {
    fn default() -> Self {
        Self::new()
    }
}

impl Tailor {
    /// The tailor binary, run from the repository root, colour settings
    /// left to tailor.
    pub fn new() -> Tailor {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tailor");
        cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
        cmd.env_remove("NO_COLOR");
        Tailor {
            cmd,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(self, arg: impl AsRef<OsStr>) -> Tailor {
        self.args([arg])
    }

    /// Adds arguments.
    pub fn args<I, S>(mut self, args: I) -> Tailor
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self.args.push(a.as_ref().to_string_lossy().into_owned());
            self.cmd.arg(a);
        }
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Tailor {
        self.cmd.env(key, value);
        self
    }

    /// Removes an environment variable for the run.
    pub fn env_remove(mut self, key: &str) -> Tailor {
        self.cmd.env_remove(key);
        self
    }

    /// Runs in `dir` instead of the repository root.
    #[allow(dead_code, reason = "part of the harness; no test runs elsewhere yet")]
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Tailor {
        self.cmd.current_dir(dir);
        self
    }

    /// Feeds `input` on standard input.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Tailor {
        self.cmd.write_stdin(input);
        self
    }

    /// Runs to the end and returns what happened, asserting nothing but that
    /// it ran, exited (not killed by a signal) and wrote UTF-8.
    pub fn run(mut self) -> Outcome {
        let args = self.args.join(" ");
        let out = self
            .cmd
            .output()
            .unwrap_or_else(|e| panic!("tailor {args}: cannot run: {e}"));
        let text = |bytes: Vec<u8>, stream: &str| {
            String::from_utf8(bytes).unwrap_or_else(|e| panic!("tailor {args}: {stream}: {e}"))
        };
        Outcome {
            code: out
                .status
                .code()
                .unwrap_or_else(|| panic!("tailor {args}: {}, not an exit code", out.status)),
            stdout: text(out.stdout, "stdout is not UTF-8"),
            stderr: text(out.stderr, "stderr is not UTF-8"),
            args,
        }
    }

    /// Runs, asserting exit status 0.
    pub fn succeeds(self) -> Outcome {
        self.run().succeeds()
    }

    /// Runs, asserting exit status `code`.
    pub fn fails_with(self, code: i32) -> Outcome {
        self.run().fails_with(code)
    }
}

/// What a run did: its exit status and output.
pub struct Outcome {
    args: String,
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    pub fn code(&self) -> i32 {
        self.code
    }

    pub fn stdout(&self) -> &str {
        &self.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    /// Standard output, owned.
    pub fn into_stdout(self) -> String {
        self.stdout
    }

    /// Standard output parsed as one JSON value.
    pub fn stdout_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "tailor {}: stdout is not one JSON value ({e}):\n{}",
                self.args, self.stdout
            )
        })
    }

    /// The command line and both streams, for a failure message.
    fn context(&self) -> String {
        let mut s = format!("tailor {}\nexit status: {}", self.args, self.code);
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if text.is_empty() {
                let _ = write!(s, "\n{name}: (empty)");
            } else {
                let _ = write!(s, "\n{name}:\n{text}");
            }
        }
        s
    }

    /// Asserts exit status 0.
    #[track_caller]
    pub fn succeeds(self) -> Outcome {
        assert!(self.code == 0, "expected success\n{}", self.context());
        self
    }

    /// Asserts exit status `code`.
    #[track_caller]
    pub fn fails_with(self, code: i32) -> Outcome {
        assert!(
            self.code == code,
            "expected exit status {code}\n{}",
            self.context()
        );
        self
    }

    /// Asserts standard output contains `needle`.
    #[track_caller]
    pub fn stdout_has(self, needle: &str) -> Outcome {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n{}",
            self.context()
        );
        self
    }

    /// Asserts standard output does not contain `needle`.
    #[track_caller]
    pub fn stdout_lacks(self, needle: &str) -> Outcome {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}\n{}",
            self.context()
        );
        self
    }

    /// Asserts standard error contains `needle`.
    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Outcome {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n{}",
            self.context()
        );
        self
    }
}

/// The bullet lines of a Markdown résumé, as plain text.
pub fn bullets(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .skip_while(|l| !l.starts_with("## Experience"))
        .take_while(|l| !l.starts_with("## Skills") && !l.starts_with("## Education"))
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect()
}

/// Words of achievement text in a Markdown résumé, counted as the budget counts.
pub fn achievement_words(markdown: &str) -> usize {
    bullets(markdown)
        .iter()
        .map(|b| tailor::text::word_count(b))
        .sum()
}

/// Files in a directory, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Runs `tailor compose` with `args` plus `--report` to a temp file, checks
/// it succeeded, and returns the JSON report.
pub fn compose_report(args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    Tailor::new()
        .args(["compose", "--report", path.to_str().unwrap()])
        .args(args)
        .succeeds();
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Composes `posting` from the library at `library` to `out`, asserting
/// success.
pub fn compose_library(library: &Path, posting: &Path, out: &Path) -> Outcome {
    Tailor::new()
        .args(["compose", "--content"])
        .arg(library)
        .arg("--job")
        .arg(posting)
        .arg("--out")
        .arg(out)
        .succeeds()
}

/// The part `name` of the DOCX at `docx`, as text.
pub fn docx_part(docx: &Path, name: &str) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

/// A folder of the shared data beside the checkout (`../shared/SUB`, or
/// `$TAILOR_SHARED/SUB`), read in place, never copied. `None`, with a note
/// naming what was skipped, when it is not there, so that a lone clone's
/// tests pass; under CI (`CI` set, as .ci/run sets it) its absence fails.
pub fn shared_dir(sub: &str, what: &str) -> Option<PathBuf> {
    let shared = std::env::var("TAILOR_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(shared).join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    let note = format!(
        "{what}: {} not found (put shared/ beside the checkout or set TAILOR_SHARED)",
        dir.display()
    );
    assert!(std::env::var_os("CI").is_none(), "{note}");
    eprintln!("skipped: {note}");
    None
}

/// The JSON Resume interop data (schemas and samples), read in place from
/// the shared folder beside the checkout (`../shared`, or `$TAILOR_SHARED`).
/// `None`, with a note, when it is not there, so that a lone clone's tests
/// pass; under CI (`CI` set, as .ci/run sets it) its absence fails instead.
pub fn jsonresume_dir() -> Option<String> {
    let shared = std::env::var("TAILOR_SHARED").unwrap_or_else(|_| "../shared".to_string());
    let dir = format!("{shared}/interop/jsonresume");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if root.join(&dir).join("schema.json").is_file() {
        return Some(dir);
    }
    let note = format!(
        "JSON Resume interop data not found at {dir} (put shared/ beside the checkout or set TAILOR_SHARED)"
    );
    assert!(std::env::var_os("CI").is_none(), "{note}");
    eprintln!("skipped: {note}");
    None
}

/// Flags for a headless Chromium that prints and exits, on a machine with no
/// network beyond what it needs and no display.
pub const HEADLESS_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The Chromium the browser tests use (`TAILOR_CHROMIUM`, else the first on
/// the PATH). tailor itself never needs one: its PDFs are laid out in-process.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TAILOR_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(move |c| dir.join(c)))
        .find(|p| p.is_file())
}

/// Prints an HTML page to PDF in headless Chromium.
pub fn chromium_print(chromium: &Path, html: &Path, pdf: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(chromium)
        .args(HEADLESS_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(
        status.success() && pdf.is_file(),
        "chromium did not print {}",
        html.display()
    );
}
