//! PDF output: the HTML résumé printed by a headless Chromium, which must be
//! installed (Debian: `apt-get install chromium`). It prints in a temporary
//! directory and hands back the bytes, which are written like every output.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// Browser executables tried, in order, unless `TAILOR_CHROMIUM` names one.
const CANDIDATES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

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

/// The Chromium executable, if one can be found.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TAILOR_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| CANDIDATES.iter().map(move |c| dir.join(c)))
        .find(|p| p.is_file())
}

/// Prints `html` to PDF and returns the PDF's bytes; writing them is the
/// caller's (atomic) job.
pub fn print(html: &str) -> Result<Vec<u8>> {
    let Some(chromium) = find_chromium() else {
        bail!(
            "--format pdf needs Chromium on the PATH (Debian: apt-get install chromium; or set TAILOR_CHROMIUM); --format html writes a page to print yourself"
        );
    };
    let work = tempfile::tempdir().context("cannot create a temporary directory for Chromium")?;
    let page = work.path().join("resume.html");
    std::fs::write(&page, html).context("cannot write the page for Chromium")?;
    let target = work.path().join("resume.pdf");
    let status = Command::new(&chromium)
        .args(HEADLESS_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!(
            "--user-data-dir={}",
            work.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", target.display()))
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .with_context(|| format!("cannot run `{}`", chromium.display()))?;
    let bytes = std::fs::read(&target).unwrap_or_default();
    if !status.success() || bytes.is_empty() {
        bail!("`{}` did not print the PDF ({status})", chromium.display());
    }
    Ok(bytes)
}
