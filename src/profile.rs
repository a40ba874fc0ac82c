//! Profiles: presentation presets (`profiles/*.yaml`) that switch headline,
//! summary, budget, sections, emphasis and look with one flag. Loading is
//! as strict as for content: an unknown key is an error with a suggestion,
//! naming the file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use serde::Deserialize;

use crate::analysis::Lang;
use crate::format::{Format, Paper, Section};
use crate::locale::LocaleSettings;
use crate::select::{Budget, Rule};
use crate::yaml::read_text;

/// Which skill keywords to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SkillsMode {
    /// All, those the posting mentions first.
    #[default]
    All,
    /// Only those the posting mentions.
    Matching,
}

/// A budget as YAML writes it: `450` or `"1p"`.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
enum BudgetSpec {
    Words(u32),
    Text(String),
}

/// A profile file, as written.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// A name for people ("Staff backend IC").
    pub name: Option<String>,
    /// What it is for.
    pub description: Option<String>,
    /// Replaces the content's headline.
    pub headline: Option<String>,
    /// Replaces the content's summary.
    pub summary: Option<String>,
    #[serde(default, rename = "budget")]
    budget_spec: Option<BudgetSpec>,
    /// Sections shown, in order.
    pub sections: Option<Vec<Section>>,
    /// A template directory (relative to the profile file) overriding the
    /// built-in templates file by file.
    pub templates: Option<PathBuf>,
    /// Weight multipliers: `tag:NAME` for achievements with a tag, or a
    /// posting term.
    #[serde(default)]
    pub boosts: BTreeMap<String, f64>,
    /// Extra alias groups.
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Always include these ids.
    #[serde(default)]
    pub pins: Vec<String>,
    /// Leave these out: ids or `tag:TAG`.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// At least one achievement with each of these tags (`tag:TAG`).
    #[serde(default)]
    pub requires: Vec<String>,
    /// Fewest achievements per role.
    pub min_per_role: Option<usize>,
    /// Most achievements per role.
    pub max_per_role: Option<usize>,
    /// Default output format.
    pub format: Option<Format>,
    /// Paper size for printing.
    pub paper: Option<Paper>,
    /// A font family for the PDF, the DOCX and the HTML's first choice:
    /// bundled (Liberation Serif, Libertinus Serif) or installed on this
    /// system; instead of the bundled Liberation Serif.
    pub font: Option<String>,
    /// Which skill keywords to show.
    #[serde(default)]
    pub skills: SkillsMode,
    /// Characters per printed line, for line and page budgets.
    pub line_width: Option<u32>,
    /// Lines per printed page, for page budgets.
    pub lines_per_page: Option<u32>,
    /// Read postings in this language instead of detecting it (as `--lang`,
    /// which wins): en, de, fr, es, pt, nl or it.
    pub lang: Option<Lang>,
    /// Headings and "present" instead of the language's own: for every
    /// language (`experience: …`) or one (`de: {experience: …}`).
    #[serde(default)]
    pub locale: LocaleSettings,
    /// Where the profile was read from (set by the loader).
    #[serde(skip)]
    #[schemars(skip)]
    pub source: Option<PathBuf>,
    /// The name it was loaded by (set by the loader; see [`Profile::label`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub key: String,
}

/// The built-in default profile, used when neither `--profile` nor
/// `profiles/default.yaml` exists.
pub const BUILTIN_DEFAULT: &str = include_str!("../profiles/default.yaml");

impl Profile {
    /// The profile's name as manifests and messages give it: the name it
    /// was loaded by (`--profile payments`, or a file's stem), "default"
    /// without one. Never a path, so a résumé sent out does not carry the
    /// sender's folders.
    pub fn label(&self) -> &str {
        if self.key.is_empty() {
            "default"
        } else {
            &self.key
        }
    }

    /// The budget, parsed.
    pub fn budget(&self) -> Result<Option<Budget>> {
        match &self.budget_spec {
            None => Ok(None),
            Some(BudgetSpec::Words(0)) => bail!("budget must be more than zero"),
            Some(BudgetSpec::Words(n)) => Ok(Some(Budget::Words(*n))),
            Some(BudgetSpec::Text(s)) => s.parse().map(Some).map_err(|e: String| anyhow!(e)),
        }
    }

    /// The excludes, parsed.
    pub fn exclude_rules(&self) -> Result<Vec<Rule>> {
        self.excludes
            .iter()
            .map(|e| e.parse().map_err(|m: String| anyhow!("excludes: {m}")))
            .collect()
    }

    /// The required tags, without their `tag:` prefix.
    pub fn required_tags(&self) -> Result<Vec<String>> {
        self.requires
            .iter()
            .map(|r| {
                r.strip_prefix("tag:")
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .ok_or_else(|| anyhow!("requires: write `{r}` as tag:TAG"))
            })
            .collect()
    }

    /// The template directory, resolved against the profile's own folder.
    pub fn templates_dir(&self) -> Option<PathBuf> {
        let dir = self.templates.as_ref()?;
        Some(match self.source.as_deref().and_then(Path::parent) {
            Some(base) if dir.is_relative() => base.join(dir),
            _ => dir.clone(),
        })
    }
}

/// Parses a profile's text; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Profile> {
    let mut p: Profile = if text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    }) {
        Profile::default()
    } else {
        crate::yaml::parse(path, text)?
    };
    p.source = Some(path.to_path_buf());
    p.key = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let at = |m: anyhow::Error| anyhow!("{}: {m:#}", path.display());
    p.budget().map_err(at)?;
    // A zero here silently gives a résumé without achievements.
    for (key, value) in [
        ("max_per_role", p.max_per_role.map(|v| v as u64)),
        ("lines_per_page", p.lines_per_page.map(u64::from)),
        ("line_width", p.line_width.map(u64::from)),
    ] {
        if value == Some(0) {
            bail!(
                "{}: `{key}: 0` leaves no room for achievements; give at least 1 or remove it",
                path.display()
            );
        }
    }
    if let Some(f) = &p.font {
        // A family name, nothing a template could read as markup or CSS.
        let ok = |c: char| c.is_alphanumeric() || c == ' ' || c == '-';
        if f.trim().is_empty() || !f.chars().all(ok) {
            bail!(
                "{}: `font: {f}` is not a font family name (letters, digits, spaces and hyphens, as `fc-list : family` lists them)",
                path.display()
            );
        }
    }
    p.exclude_rules().map_err(at)?;
    p.required_tags().map_err(at)?;
    p.locale.check().map_err(at)?;
    for (k, v) in &p.boosts {
        if !(v.is_finite() && *v > 0.0 && *v <= 10.0) {
            bail!(
                "{}: boost `{k}: {v}` must be a number above 0 and at most 10",
                path.display()
            );
        }
    }
    Ok(p)
}

/// Finds and loads a profile: `name` is a path to a YAML file, or a name
/// looked up as `profiles/NAME.yaml`. Without a name, `profiles/default.yaml`
/// if it exists, else the built-in default.
pub fn load(name: Option<&str>) -> Result<Profile> {
    let Some(name) = name else {
        let local = Path::new("profiles/default.yaml");
        if local.is_file() {
            return parse(local, &read_text(local)?);
        }
        let mut p = parse(
            Path::new("profiles/default.yaml (built-in)"),
            BUILTIN_DEFAULT,
        )?;
        p.key = "default".to_string();
        return Ok(p);
    };
    let as_path = Path::new(name);
    let path = if as_path.is_file() {
        as_path.to_path_buf()
    } else {
        let in_dir = Path::new("profiles").join(format!("{name}.yaml"));
        if !in_dir.is_file() {
            let known = available();
            let hint = crate::text::closest(name, known.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bail!(
                "no profile `{name}`: not a file, and no profiles/{name}.yaml (available: {}){hint}",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            );
        }
        in_dir
    };
    let mut p = parse(&path, &read_text(&path)?)?;
    if !as_path.is_file() {
        // Loaded by name: the name, as the user wrote it.
        p.key = name.to_string();
    }
    Ok(p)
}

/// Names of the profiles in ./profiles, sorted.
pub fn available() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir("profiles")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let p = e.path();
            if p.extension()? != "yaml" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_default_parses() {
        let p = parse(Path::new("d.yaml"), BUILTIN_DEFAULT).unwrap();
        assert!(p.budget().unwrap().is_some());
    }

    #[test]
    fn unknown_keys_are_errors_with_suggestions() {
        let err = parse(Path::new("p.yaml"), "name: x\nheadlin: y\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.yaml:2:1: "), "{err}");
        assert!(err.contains("did you mean `headline`?"), "{err}");
    }

    #[test]
    fn language_and_labels_are_strict() {
        let p = parse(
            Path::new("p.yaml"),
            "lang: de\nlocale: {experience: Berufserfahrung, fr: {present: ce jour}}\n",
        )
        .unwrap();
        assert_eq!(p.lang, Some(Lang::De));
        assert_eq!(p.locale.experience.as_deref(), Some("Berufserfahrung"));
        let err = parse(Path::new("p.yaml"), "name: x\nlang: german\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "p.yaml:2:7: lang: unknown language `german`; the languages are en, de"
            ),
            "{err}"
        );
        let err = parse(Path::new("p.yaml"), "locale:\n  de: {experiense: x}\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.yaml:2:"), "{err}");
        assert!(err.contains("did you mean `experience`?"), "{err}");
    }

    #[test]
    fn budgets_and_rules_are_checked() {
        let p = parse(
            Path::new("p.yaml"),
            "budget: 1p\nexcludes: [tag:frontend, old-id]\n",
        )
        .unwrap();
        assert_eq!(p.budget().unwrap(), Some(Budget::Pages(1.0)));
        assert_eq!(p.exclude_rules().unwrap().len(), 2);
        let err = parse(Path::new("p.yaml"), "budget: 12x\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("p.yaml: invalid budget"), "{err}");
        let err = parse(Path::new("p.yaml"), "requires: [payments]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("as tag:TAG"), "{err}");
        let err = parse(Path::new("p.yaml"), "boosts: {tag:x: 0}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("above 0"), "{err}");
        let err = parse(Path::new("p.yaml"), "max_per_role: 0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`max_per_role: 0` leaves no room"), "{err}");
        let err = parse(Path::new("p.yaml"), "locale: {present: \"\"}\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("p.yaml: locale: `present` must be one line"),
            "{err}"
        );
        let err = parse(Path::new("p.yaml"), "sections: [summary, hobbies]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown variant `hobbies`"), "{err}");
    }
}
