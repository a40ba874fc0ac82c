//! `tailor schema`: the JSON Schema of the content or profile format.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::SchemaKind;

/// Runs `tailor schema`.
pub fn run(which: SchemaKind) -> Result<ExitCode> {
    let schema = match which {
        SchemaKind::Content => schemars::schema_for!(crate::content::file::ContentFile),
        SchemaKind::Profile => schemars::schema_for!(crate::profile::Profile),
    };
    super::print(&super::json(&schema)?)?;
    Ok(ExitCode::SUCCESS)
}
