//! `tailor import`: a JSON Resume document (JSON or YAML) into a content
//! file, checked to load before it is written.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

/// Runs `tailor import`.
pub fn run(file: &Path, out_dir: &Path) -> Result<ExitCode> {
    let text = crate::yaml::read_text(file)?;
    let yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
    let doc: serde_json::Value = if yaml {
        crate::yaml::parse(file, &text)?
    } else {
        serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}:{}: not valid JSON: {e}",
                file.display(),
                e.line(),
                e.column()
            )
        })?
    };
    let imported =
        crate::import::import(&doc).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let target = out_dir.join("resume.yaml");
    if target.exists() {
        bail!(
            "`{}` already exists; import into another directory (--out DIR)",
            target.display()
        );
    }
    // What was written must load: the importer and the loader agree.
    crate::content::load::from_sources(&[crate::content::load::Source {
        path: target.clone(),
        text: imported.yaml.clone(),
    }])?;
    crate::write::ensure_all_writable(std::slice::from_ref(&target), false)?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", out_dir.display()))?;
    crate::write::write_atomic(&target, imported.yaml.as_bytes())?;
    let mut report = format!(
        "wrote {}: {}\n",
        target.display(),
        crate::text::counted(&[
            (imported.roles, "role", "roles"),
            (imported.achievements, "achievement", "achievements"),
        ])
    );
    for n in &imported.notes {
        report.push_str(&format!("note: {n}\n"));
    }
    super::print(&report)?;
    Ok(ExitCode::SUCCESS)
}
