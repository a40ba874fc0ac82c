//! `tailor check` (validate and lint without a posting) and `tailor init`
//! (scaffold a new résumé folder).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::CheckArgs;
use crate::render::{Format, Renderer};

/// Runs `tailor check`.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let library = super::load_library(&args.content.content)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "content: {} roles, {} achievements — valid",
        library.experience.len(),
        library.achievements().count()
    );
    let profiles = args.profiles.clone().or_else(|| {
        let p = Path::new("profiles");
        p.is_dir().then(|| p.to_path_buf())
    });
    if let Some(dir) = profiles {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| anyhow::anyhow!("cannot list profiles in `{}`: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        files.sort();
        for f in &files {
            let profile = crate::profile::parse(f, &crate::content::load::read_text(f)?)?;
            // Rules must name achievements and tags the library has.
            let options = super::select_options(&Default::default(), &profile)?;
            for id in &options.pins {
                if !library.achievements().any(|(_, a)| a.id == *id) {
                    bail!(
                        "{}: pins `{id}`, which the library does not have",
                        f.display()
                    );
                }
            }
            if let Some(dir) = profile.templates_dir() {
                for format in [Format::Md, Format::Html] {
                    Renderer::new(format, Some(&dir), None)?;
                }
            }
        }
        let _ = writeln!(
            out,
            "profiles: {} in {} — valid",
            files.len(),
            dir.display()
        );
    }
    if let Some(dir) = &args.templates {
        for format in [Format::Md, Format::Html] {
            Renderer::new(format, Some(dir), None)?;
        }
        let _ = writeln!(out, "templates: {} — valid", dir.display());
    }
    let lints = crate::lint::lint(&library);
    for l in &lints {
        let _ = writeln!(out, "warning: {}: {}", l.subject, l.message);
    }
    let _ = writeln!(out, "{} warning(s)", lints.len());
    super::print(&out)?;
    if args.deny_warnings && !lints.is_empty() {
        bail!("{} lint warning(s) and --deny-warnings", lints.len());
    }
    Ok(ExitCode::SUCCESS)
}

const INIT_CONTENT: &str = r#"# yaml-language-server: $schema=../schemas/content.schema.json
# Your achievement library. Keep every achievement of your career here, once;
# `tailor compose` picks the ones that fit each posting. `tailor schema
# content` prints the format's JSON Schema; `tailor check` validates and lints.
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
pub fn init(dir: &Path) -> Result<ExitCode> {
    let content_schema = super::json(&schemars::schema_for!(crate::content::model::ContentFile))?;
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
    for (path, text) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", parent.display()))?;
        }
        crate::output::write_atomic(&target, text.as_bytes())?;
    }
    super::print(&format!(
        "created {0}/content/resume.yaml, {0}/profiles/default.yaml and {0}/postings/example.txt\nnext: edit content/resume.yaml, then run `tailor compose --job postings/example.txt` in {0}\n",
        dir.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `tailor import`.
pub fn import(file: &Path, out_dir: &Path) -> Result<ExitCode> {
    let text = crate::content::load::read_text(file)?;
    let yaml = file.extension().is_some_and(|e| e == "yaml" || e == "yml");
    let doc: serde_json::Value = if yaml {
        serde_yaml::from_str(&text)
            .map_err(|e| crate::content::load::yaml_error(file, &text, &e))?
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
    std::fs::create_dir_all(out_dir)
        .map_err(|e| anyhow::anyhow!("cannot create `{}`: {e}", out_dir.display()))?;
    // What was written must load: the importer and the loader agree.
    crate::content::load::from_sources(&[crate::content::load::Source {
        path: target.clone(),
        text: imported.yaml.clone(),
    }])?;
    crate::output::write_atomic(&target, imported.yaml.as_bytes())?;
    let mut report = format!(
        "wrote {}: {} roles, {} achievements\n",
        target.display(),
        imported.roles,
        imported.achievements
    );
    for n in &imported.notes {
        report.push_str(&format!("note: {n}\n"));
    }
    super::print(&report)?;
    Ok(ExitCode::SUCCESS)
}
