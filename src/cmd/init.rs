//! `tailor init`: scaffold a new résumé folder (content, a profile, an
//! example posting and the schemas), never over an existing file.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

const INIT_CONTENT: &str = r#"# yaml-language-server: $schema=../schemas/content.schema.json
# Your achievement library. Keep every achievement of your career here, once;
# `tailor compose` picks the ones that fit each posting. `tailor schema
# content` prints the format's JSON Schema; `tailor check` validates and lints.
# Texts are in English; `lang: de` (fr, es, pt, nl, it) says they are in another
# language, and any text may be given by language: `text: {en: "…", de: "…"}`.
basics:
  name: Your Name
  headline: Backend Engineer
  email: you@example.com
  location: Your City
summary: "One or two sentences on what you do best, with a result."
experience:
  - title: Backend Engineer            # required
    company: Example Corp
    start: 2021-03                     # YYYY-MM or YYYY
    end: present                       # YYYY-MM, YYYY or present
    achievements:
      # One self-contained result each, with its figure, past tense.
      - id: checkout-latency           # unique; used by --pin and --exclude
        text: "Cut checkout p99 latency by **40%** by moving pricing to a cached read model."
        short: "Cut checkout p99 latency **40%**."
        tags: [performance, payments]
skills:
  - name: Backend
    keywords: [Go, PostgreSQL, Kafka]
"#;

const INIT_PROFILE: &str = r#"# yaml-language-server: $schema=../schemas/profile.schema.json
# The default profile: one page, every section. See README, "Profiles".
name: Default
budget: 1p
sections: [summary, experience, skills, education]
paper: a4
"#;

const INIT_POSTING: &str = "Backend Engineer, Payments\n\nRequirements:\n- Go and PostgreSQL\n- Latency and performance work\n- Payments or checkout experience\n";

/// Runs `tailor init`.
pub fn run(dir: &Path) -> Result<ExitCode> {
    let content_schema = super::json(&schemars::schema_for!(crate::content::file::ContentFile))?;
    let profile_schema = super::json(&schemars::schema_for!(crate::profile::Profile))?;
    let files = [
        ("content/resume.yaml", INIT_CONTENT),
        ("profiles/default.yaml", INIT_PROFILE),
        ("postings/example.txt", INIT_POSTING),
        ("schemas/content.schema.json", content_schema.as_str()),
        ("schemas/profile.schema.json", profile_schema.as_str()),
    ];
    for (path, _) in &files {
        let target = dir.join(path);
        if target.exists() {
            bail!(
                "`{}` already exists; tailor init never overwrites",
                target.display()
            );
        }
    }
    let targets: Vec<_> = files.iter().map(|(p, _)| dir.join(p)).collect();
    crate::write::ensure_all_writable(&targets, false)?;
    for (path, text) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", parent.display()))?;
        }
        crate::write::write_atomic(&target, text.as_bytes())?;
    }
    super::print(&format!(
        "created {0}/content/resume.yaml, {0}/profiles/default.yaml and {0}/postings/example.txt\nnext: edit content/resume.yaml, then run `tailor compose --job postings/example.txt` in {0}\n",
        dir.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
