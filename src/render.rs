//! Rendering: the selected achievements as a résumé, through handlebars
//! templates. The built-in templates live in `templates/` and are embedded at
//! build time; a user's template file replaces the built-in one.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use handlebars::{
    Context as HbContext, Handlebars, Helper, HelperResult, Output, RenderContext,
    RenderErrorReason, handlebars_helper,
};
use pulldown_cmark::{Event, Parser, Tag};
use serde::Serialize;

use crate::content::{Library, date};
use crate::select::{Phrasing, Selection};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML page.
    #[value(alias = "htm")]
    Html,
}

impl Format {
    /// The format an output path's extension asks for, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The built-in template's file name under `templates/`.
    pub fn template_name(self) -> &'static str {
        match self {
            Format::Md => "resume.md.hbs",
            Format::Html => "resume.html.hbs",
        }
    }

    fn builtin(self) -> &'static str {
        match self {
            Format::Md => include_str!("../templates/resume.md.hbs"),
            Format::Html => include_str!("../templates/resume.html.hbs"),
        }
    }
}

/// What templates see: the résumé as data.
#[derive(Debug, Clone, Serialize)]
pub struct ResumeView {
    /// The page's title: the name, else the headline, else "Résumé".
    pub title: String,
    /// Name, headline, contact details, links.
    pub basics: crate::content::Basics,
    /// Email, phone, location and links (links as Markdown `[label](url)`),
    /// for templates that show contact details on one line.
    pub contact: Vec<String>,
    /// The summary paragraph (inline Markdown).
    pub summary: Option<String>,
    /// Roles, newest first.
    pub experience: Vec<RoleView>,
    /// Skill groups.
    pub skills: Vec<crate::content::model::SkillGroup>,
    /// Education, as listed.
    pub education: Vec<EducationView>,
}

/// A role as shown.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub title: String,
    pub company: Option<String>,
    pub location: Option<String>,
    /// "Jun 2022 – Jul 2024".
    pub dates: String,
    pub summary: Option<String>,
    /// Selected achievements, in résumé order.
    pub achievements: Vec<AchievementView>,
}

/// An achievement as shown.
#[derive(Debug, Clone, Serialize)]
pub struct AchievementView {
    pub id: String,
    /// The chosen phrasing's inline Markdown.
    pub text: String,
}

/// An education entry as shown.
#[derive(Debug, Clone, Serialize)]
pub struct EducationView {
    pub institution: String,
    pub degree: Option<String>,
    pub dates: String,
}

/// Builds the view of a selection. Roles keep the selection's order (newest
/// first); a role with nothing selected still shows its title and dates.
pub fn view(library: &Library, selection: &Selection) -> ResumeView {
    let basics = library.basics.clone();
    let title = basics
        .name
        .clone()
        .or_else(|| basics.headline.clone())
        .unwrap_or_else(|| "Résumé".to_string());
    let experience = library
        .roles_by_recency()
        .into_iter()
        .filter(|r| !selection.hidden_roles.contains(r))
        .map(|r| {
            let role = &library.experience[r];
            let achievements = selection
                .chosen
                .iter()
                .filter(|c| c.at.role == r)
                .map(|c| {
                    let a = library.achievement(c.at);
                    let text = match c.phrasing {
                        Phrasing::Text => &a.text,
                        Phrasing::Short => a.short.as_ref().unwrap_or(&a.text),
                    };
                    AchievementView {
                        id: a.id.clone(),
                        text: crate::text::fold_whitespace(text),
                    }
                })
                .collect();
            RoleView {
                title: role.title.clone(),
                company: role.company.clone(),
                location: role.location.clone(),
                dates: date::date_range(role.start, role.end),
                summary: role.summary.clone(),
                achievements,
            }
        })
        .collect();
    let education = library
        .education
        .iter()
        .map(|e| EducationView {
            institution: e.institution.clone(),
            degree: e.degree.clone(),
            dates: date::date_range(e.start, e.end),
        })
        .collect();
    let contact = basics
        .email
        .iter()
        .chain(&basics.phone)
        .chain(&basics.location)
        .cloned()
        .chain(
            basics
                .links
                .iter()
                .map(|l| format!("[{}]({})", l.label, l.url)),
        )
        .collect();
    ResumeView {
        title,
        contact,
        basics,
        summary: library.summary.clone(),
        experience,
        skills: library.skills.clone(),
        education,
    }
}

/// Inline Markdown to HTML. Raw HTML in the source is shown as text, never
/// passed through: résumé text is content, not markup.
pub fn markdown_to_html(markdown: &str) -> String {
    let events = Parser::new(markdown).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !is_safe_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        }),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    let html = html.trim_end();
    // A single paragraph's <p> wrapper would break inline use (inside <li>).
    match html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html.to_string(),
    }
}

/// Markdown output keeps the content's inline Markdown but not raw HTML:
/// a tag opener gets a backslash, so viewers show it as text.
fn escape_markdown_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Links may go to the web, to mail, or within the page; never to script.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') && !scheme.contains('#') => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn markdown_helper(
    h: &Helper,
    _: &Handlebars,
    _: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
        RenderErrorReason::ParamTypeMismatchForName("md", "0".into(), "string".into())
    })?;
    out.write(&markdown_to_html(text))?;
    Ok(())
}

handlebars_helper!(join: |items: array, sep: str| {
    items.iter().map(|v| match v.as_str() { Some(s) => s.to_string(), None => v.to_string() })
        .collect::<Vec<_>>().join(sep)
});

/// Where a template came from, for error messages.
#[derive(Debug, Clone)]
enum Origin {
    Builtin(&'static str),
    File(PathBuf),
}

impl Origin {
    fn label(&self) -> String {
        match self {
            Origin::Builtin(name) => format!("templates/{name} (built-in)"),
            Origin::File(p) => p.display().to_string(),
        }
    }
}

/// A configured template for one format, ready to render.
pub struct Renderer {
    registry: Handlebars<'static>,
    format: Format,
    origin: Origin,
}

impl Renderer {
    /// The built-in template for `format`.
    pub fn builtin(format: Format) -> Result<Renderer> {
        Self::build(
            format,
            format.builtin(),
            Origin::Builtin(format.template_name()),
        )
    }

    /// A template from a user's file, replacing the built-in one.
    pub fn from_file(format: Format, path: &Path) -> Result<Renderer> {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read template `{}`", path.display()))?;
        Self::build(format, &source, Origin::File(path.to_path_buf()))
    }

    fn build(format: Format, source: &str, origin: Origin) -> Result<Renderer> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        match format {
            Format::Md => registry.register_escape_fn(escape_markdown_html),
            Format::Html => registry.register_escape_fn(handlebars::html_escape),
        }
        registry.register_helper("md", Box::new(markdown_helper));
        registry.register_helper("join", Box::new(join));
        registry
            .register_template_string(format.template_name(), source)
            .map_err(|e| {
                let at = e
                    .pos()
                    .map(|(l, c)| format!(":{l}:{c}"))
                    .unwrap_or_default();
                anyhow!(
                    "{}{at}: template syntax error: {}",
                    origin.label(),
                    e.reason()
                )
            })?;
        Ok(Renderer {
            registry,
            format,
            origin,
        })
    }

    /// The format this renderer writes.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Renders the résumé.
    pub fn render(&self, view: &ResumeView) -> Result<String> {
        self.registry
            .render(self.format.template_name(), view)
            .map_err(|e| {
                let at = match (e.line_no, e.column_no) {
                    (Some(l), Some(c)) => format!(":{l}:{c}"),
                    (Some(l), None) => format!(":{l}"),
                    _ => String::new(),
                };
                let reason = match e.reason() {
                    RenderErrorReason::MissingVariable(Some(name)) => format!(
                        "template uses `{name}`, which the résumé data does not have (check the spelling)"
                    ),
                    other => other.to_string(),
                };
                anyhow!("{}{at}: {reason}", self.origin.label())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_markdown_is_escaped() {
        let html = markdown_to_html("Shipped <script>alert(1)</script> **fast**");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>fast</strong>"), "{html}");
    }

    #[test]
    fn markdown_output_neutralises_tags() {
        assert_eq!(escape_markdown_html("a <b> 3 < 4"), "a \\<b> 3 < 4");
    }

    #[test]
    fn script_links_are_defused() {
        let html = markdown_to_html("[x](javascript:alert(1)) [y](https://e.com)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("https://e.com"), "{html}");
    }

    #[test]
    fn single_paragraph_is_unwrapped() {
        assert_eq!(markdown_to_html("*a*"), "<em>a</em>");
    }

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("x.HTM")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.markdown")), Some(Format::Md));
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
    }

    #[test]
    fn syntax_errors_name_the_template_and_line() {
        let err = Renderer::build(Format::Md, "line\n{{#if x}}", Origin::File("t.hbs".into()))
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with("t.hbs:2:"), "{err}");
    }
}
