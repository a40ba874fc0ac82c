//! `tailor templates export`: the built-in templates, written out to edit.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

/// Runs `tailor templates export DIR`.
pub fn export(dir: &Path) -> Result<ExitCode> {
    let written = crate::render::export(dir)?;
    super::print(&format!(
        "wrote {} to {}; use them with --templates {}\n",
        crate::text::counted(&[(written.len(), "template file", "template files")]),
        dir.display(),
        dir.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
