//! Rendering: the selected achievements as a résumé, through handlebars
//! templates. The built-in templates live in `templates/` and are embedded at
//! build time; a user's template file replaces the built-in one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, anyhow};
use handlebars::{
    BlockContext, Context as HbContext, Handlebars, Helper, HelperDef, HelperResult, Output,
    RenderContext, RenderError, RenderErrorReason, handlebars_helper,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::analysis::Lang;
use crate::content::Library;
use crate::format::{Markup, Paper, Section, TemplateSet};
use crate::locale::{Labels, Locale};
use crate::select::{Phrasing, Selection};

/// Every built-in template file: its path under `templates/`, and its text.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("resume.md.hbs", include_str!("../templates/resume.md.hbs")),
    (
        "partials/md/header.hbs",
        include_str!("../templates/partials/md/header.hbs"),
    ),
    (
        "partials/md/summary.hbs",
        include_str!("../templates/partials/md/summary.hbs"),
    ),
    (
        "partials/md/experience.hbs",
        include_str!("../templates/partials/md/experience.hbs"),
    ),
    (
        "partials/md/skills.hbs",
        include_str!("../templates/partials/md/skills.hbs"),
    ),
    (
        "partials/md/education.hbs",
        include_str!("../templates/partials/md/education.hbs"),
    ),
    (
        "resume.html.hbs",
        include_str!("../templates/resume.html.hbs"),
    ),
    (
        "partials/html/style.css.hbs",
        include_str!("../templates/partials/html/style.css.hbs"),
    ),
    (
        "partials/html/header.hbs",
        include_str!("../templates/partials/html/header.hbs"),
    ),
    (
        "partials/html/summary.hbs",
        include_str!("../templates/partials/html/summary.hbs"),
    ),
    (
        "partials/html/experience.hbs",
        include_str!("../templates/partials/html/experience.hbs"),
    ),
    (
        "partials/html/skills.hbs",
        include_str!("../templates/partials/html/skills.hbs"),
    ),
    (
        "partials/html/education.hbs",
        include_str!("../templates/partials/html/education.hbs"),
    ),
    (
        "resume.typ.hbs",
        include_str!("../templates/resume.typ.hbs"),
    ),
    (
        "partials/typ/style.typ.hbs",
        include_str!("../templates/partials/typ/style.typ.hbs"),
    ),
    (
        "partials/typ/header.hbs",
        include_str!("../templates/partials/typ/header.hbs"),
    ),
    (
        "partials/typ/summary.hbs",
        include_str!("../templates/partials/typ/summary.hbs"),
    ),
    (
        "partials/typ/experience.hbs",
        include_str!("../templates/partials/typ/experience.hbs"),
    ),
    (
        "partials/typ/skills.hbs",
        include_str!("../templates/partials/typ/skills.hbs"),
    ),
    (
        "partials/typ/education.hbs",
        include_str!("../templates/partials/typ/education.hbs"),
    ),
    (
        "resume.txt.hbs",
        include_str!("../templates/resume.txt.hbs"),
    ),
    (
        "partials/txt/header.hbs",
        include_str!("../templates/partials/txt/header.hbs"),
    ),
    (
        "partials/txt/summary.hbs",
        include_str!("../templates/partials/txt/summary.hbs"),
    ),
    (
        "partials/txt/experience.hbs",
        include_str!("../templates/partials/txt/experience.hbs"),
    ),
    (
        "partials/txt/skills.hbs",
        include_str!("../templates/partials/txt/skills.hbs"),
    ),
    (
        "partials/txt/education.hbs",
        include_str!("../templates/partials/txt/education.hbs"),
    ),
    (
        "report.html.hbs",
        include_str!("../templates/report.html.hbs"),
    ),
];

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
    /// Skill groups: keywords the posting mentions first (or only those).
    pub skills: Vec<crate::content::model::SkillGroup>,
    /// Education, as listed.
    pub education: Vec<EducationView>,
    /// Sections to show, in order.
    pub sections: Vec<Section>,
    /// The CSS paper size ("A4" or "letter").
    pub paper: &'static str,
    /// Typst's paper size ("a4" or "us-letter").
    pub typst_paper: &'static str,
    /// The paper, for backends that are not templates (DOCX).
    #[serde(skip)]
    pub page: Paper,
    /// The profile's font family, if it names one (else the bundled one).
    pub font: Option<String>,
    /// The résumé's language, as its ISO 639-1 code (`<html lang>`).
    pub lang: Lang,
    /// Section headings and "present" in that language
    /// (`{{labels.experience}}`).
    pub labels: Labels,
}

/// How the résumé is presented: what a profile decides.
#[derive(Debug, Clone)]
pub struct Presentation {
    /// Replaces the content's headline.
    pub headline: Option<String>,
    /// Replaces the content's summary.
    pub summary: Option<String>,
    /// Sections shown, in order.
    pub sections: Vec<Section>,
    /// Paper size.
    pub paper: Paper,
    /// Only skill keywords the posting mentions.
    pub matching_skills_only: bool,
    /// A font family from the system, for the PDF and the HTML.
    pub font: Option<String>,
    /// The résumé's language's words, with the profile's labels.
    pub locale: Locale,
}

impl Default for Presentation {
    fn default() -> Self {
        Presentation {
            headline: None,
            summary: None,
            sections: Section::ALL.to_vec(),
            paper: Paper::A4,
            matching_skills_only: false,
            font: None,
            locale: Locale::builtin(Lang::En).clone(),
        }
    }
}

/// A role as shown.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    pub title: String,
    pub company: Option<String>,
    pub location: Option<String>,
    /// "Jun 2022 – Jul 2024", in the résumé's language.
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
/// `mentioned` says whether the posting mentions a skill keyword.
pub fn view(
    library: &Library,
    selection: &Selection,
    presentation: &Presentation,
    mentioned: &dyn Fn(&str) -> bool,
) -> ResumeView {
    let mut basics = library.basics.clone();
    if let Some(h) = &presentation.headline {
        basics.headline = Some(h.clone());
    }
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
                dates: presentation.locale.date_range(role.start, role.end),
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
            dates: presentation.locale.date_range(e.start, e.end),
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
    let skills = library
        .skills
        .iter()
        .filter_map(|g| {
            let (hit, miss): (Vec<&String>, Vec<&String>) =
                g.keywords.iter().partition(|k| mentioned(k));
            let mut keywords: Vec<String> = hit.into_iter().cloned().collect();
            if !presentation.matching_skills_only {
                keywords.extend(miss.into_iter().cloned());
            }
            (!keywords.is_empty()).then(|| crate::content::model::SkillGroup {
                name: g.name.clone(),
                keywords,
            })
        })
        .collect();
    ResumeView {
        title,
        contact,
        basics,
        summary: presentation
            .summary
            .clone()
            .or_else(|| library.summary.clone()),
        experience,
        skills,
        education,
        sections: presentation.sections.clone(),
        paper: presentation.paper.css(),
        typst_paper: presentation.paper.typst(),
        page: presentation.paper,
        font: presentation.font.clone(),
        lang: presentation.locale.lang,
        labels: presentation.locale.labels.clone(),
    }
}

/// Inline Markdown to HTML. Raw HTML in the source is shown as text, never
/// passed through: résumé text is content, not markup.
pub fn markdown_to_html(markdown: &str) -> String {
    // The page makes no requests: an image is its alt text.
    let events = Parser::new(markdown).filter_map(|e| match e {
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        e => Some(e),
    });
    let events = events.map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !crate::text::is_safe_url(&dest_url) => Event::Start(Tag::Link {
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
/// a tag opener gets a backslash, so viewers show it as text; and a link to
/// script becomes its text.
fn escape_markdown_html(s: &str) -> String {
    let s = crate::text::without_unsafe_links(s);
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

/// `{{md text}}`: inline Markdown written as the template set's markup
/// (HTML, or Typst calls), by the function it holds.
struct MarkdownHelper(fn(&str) -> String);

impl handlebars::HelperDef for MarkdownHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc HbContext,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let text = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
            RenderErrorReason::ParamTypeMismatchForName("md", "0".into(), "string".into())
        })?;
        out.write(&(self.0)(text))?;
        Ok(())
    }
}

/// `{{str value}}`: a value as a Typst string literal, quotes included
/// (inside a string, markup escapes would be wrong).
fn typst_string_helper(
    h: &Helper,
    _: &Handlebars,
    _: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let value = h
        .param(0)
        .map(|p| p.value())
        .ok_or_else(|| RenderErrorReason::ParamNotFoundForIndex("str", 0))?;
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    out.write(&crate::typst_text::string(&text))?;
    Ok(())
}

/// `{{date_range "2022-06" "present"}}`: a date range in the résumé's
/// language (the view's `lang`, and its `labels.present`), English where
/// the data has no language (the batch report).
fn date_range_helper(
    h: &Helper,
    _: &Handlebars,
    ctx: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let param = |i: usize| {
        h.param(i).and_then(|p| p.value().as_str()).ok_or_else(|| {
            RenderErrorReason::ParamTypeMismatchForName(
                "date_range",
                i.to_string(),
                "string".into(),
            )
        })
    };
    let (start, end) = (param(0)?, param(1)?);
    let root = ctx.data();
    let lang = root
        .get("lang")
        .and_then(|l| l.as_str())
        .and_then(Lang::from_iso)
        .unwrap_or_default();
    let mut locale = Locale::builtin(lang).clone();
    if let Some(present) = root.pointer("/labels/present").and_then(|p| p.as_str()) {
        locale.labels.present = present.to_string();
    }
    let s = crate::content::YearMonth::parse(start).ok();
    let e = if end.trim().eq_ignore_ascii_case("present") {
        Some(crate::content::End::Present)
    } else {
        crate::content::YearMonth::parse(end)
            .ok()
            .map(crate::content::End::Date)
    };
    out.write(&locale.date_range(s, e))?;
    Ok(())
}

handlebars_helper!(upper: |text: str| text.to_uppercase());

handlebars_helper!(join: |items: array, sep: str| {
    items.iter().map(|v| match v.as_str() { Some(s) => s.to_string(), None => v.to_string() })
        .collect::<Vec<_>>().join(sep)
});

handlebars_helper!(wrap: |text: str, *args| {
    // `{{wrap text}}` or `{{wrap text "- "}}`: the prefix opens the first line.
    // (`*args` holds every parameter, `text` included.)
    let prefix = args.get(1).and_then(|v| v.as_str()).unwrap_or("");
    crate::plain_text::wrap(text, prefix)
});

handlebars_helper!(concat: |*args| {
    args.iter().map(|v| match v.as_str() { Some(s) => s.to_string(), None => v.to_string() })
        .collect::<String>()
});

/// A configured set of templates, ready to render.
pub struct Renderer {
    registry: Handlebars<'static>,
    set: TemplateSet,
    /// Registered name → where it came from, for error messages.
    origins: Vec<(String, String)>,
    /// The block helpers [`Renderer::stream`] registered.
    streams: Vec<String>,
}

impl Renderer {
    /// The built-in templates of `set`, each replaced by the file of the
    /// same name in `dir` when there is one, and the main template by `file`
    /// when given.
    pub fn new(set: TemplateSet, dir: Option<&Path>, file: Option<&Path>) -> Result<Renderer> {
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(anyhow!(
                    "template directory `{}` does not exist; `tailor templates export DIR` writes the defaults to start from",
                    d.display()
                ));
            }
        }
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        match set.markup {
            Markup::Html => {
                registry.register_escape_fn(handlebars::html_escape);
                registry.register_helper("md", Box::new(MarkdownHelper(markdown_to_html)));
            }
            Markup::Markdown => {
                registry.register_escape_fn(escape_markdown_html);
                registry.register_helper("md", Box::new(MarkdownHelper(markdown_to_html)));
            }
            Markup::Typst => {
                registry.register_escape_fn(crate::typst_text::escape);
                registry.register_helper(
                    "md",
                    Box::new(MarkdownHelper(crate::typst_text::from_markdown)),
                );
                registry.register_helper("str", Box::new(typst_string_helper));
            }
            Markup::Text => {
                registry.register_escape_fn(handlebars::no_escape);
                registry.register_helper(
                    "md",
                    Box::new(MarkdownHelper(crate::plain_text::from_markdown)),
                );
                registry.register_helper("wrap", Box::new(wrap));
                registry.register_helper("concat", Box::new(concat));
            }
        }
        registry.register_helper("join", Box::new(join));
        registry.register_helper("date_range", Box::new(date_range_helper));
        registry.register_helper("upper", Box::new(upper));
        let mut renderer = Renderer {
            registry,
            set,
            origins: Vec::new(),
            streams: Vec::new(),
        };
        let prefix = set.partials.map(|p| format!("partials/{p}/"));
        // Per template: what it includes, for the cycle check.
        let mut includes: Vec<(String, Vec<String>, String)> = Vec::new();
        for (path, builtin) in TEMPLATES {
            let name = if *path == set.main {
                path.to_string()
            } else if let (Some(p), Some(rest)) = (
                set.partials,
                prefix.as_deref().and_then(|x| path.strip_prefix(x)),
            ) {
                format!("{p}/{}", rest.trim_end_matches(".hbs"))
            } else {
                continue;
            };
            let user_file = if *path == set.main && file.is_some() {
                file.map(Path::to_path_buf)
            } else {
                dir.map(|d| d.join(path)).filter(|p| p.is_file())
            };
            let (source, origin) = match user_file {
                Some(p) => (
                    String::from_utf8(crate::input::read_file(&p, "template", MAX_TEMPLATE_BYTES)?)
                        .map_err(|_| anyhow!("template `{}` is not UTF-8 text", p.display()))?,
                    p.display().to_string(),
                ),
                None => (builtin.to_string(), format!("templates/{path} (built-in)")),
            };
            let scan = scan_template(&source).map_err(|e| anyhow!("{origin}{e}"))?;
            includes.push((name.clone(), scan, origin.clone()));
            renderer.register(&name, &source, origin)?;
        }
        refuse_include_cycles(&includes)?;
        Ok(renderer)
    }

    /// The built-in templates of `set`.
    pub fn builtin(set: TemplateSet) -> Result<Renderer> {
        Renderer::new(set, None, None)
    }

    fn register(&mut self, name: &str, source: &str, origin: String) -> Result<()> {
        let result = if name.ends_with(".hbs") {
            self.registry.register_template_string(name, source)
        } else {
            self.registry.register_partial(name, source)
        };
        result.map_err(|e| {
            let at = e
                .pos()
                .map(|(l, c)| format!(":{l}:{c}"))
                .unwrap_or_default();
            anyhow!("{origin}{at}: template syntax error: {}", e.reason())
        })?;
        self.origins.push((name.to_string(), origin));
        Ok(())
    }

    fn origin(&self, name: Option<&str>) -> String {
        let name = name.unwrap_or(self.set.main);
        self.origins
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| name.to_string(), |(_, o)| o.clone())
    }

    /// Renders `data` (a [`ResumeView`] for the résumé sets) through the
    /// main template.
    pub fn render(&self, data: &impl Serialize) -> Result<String> {
        self.registry
            .render(self.set.main, data)
            .map_err(|e| self.render_error(&e))
    }

    /// Makes `name` a block helper that renders its block once per item of
    /// `items` (`{{#rows}}…{{/rows}}`), each converted to template data
    /// only when its turn comes: a list of thousands need never be one
    /// tree of template data.
    pub fn stream<T: Serialize + Send + Sync + 'static>(&mut self, name: &str, items: Arc<[T]>) {
        self.registry.register_helper(name, Box::new(Stream(items)));
        self.streams.push(name.to_string());
    }

    /// [`Self::render`], written to `out` as it renders.
    pub fn render_to(&self, data: &impl Serialize, out: &mut dyn std::io::Write) -> Result<()> {
        self.registry
            .render_to_write(self.set.main, data, out)
            .map_err(|e| self.render_error(&e))
    }

    fn render_error(&self, e: &RenderError) -> anyhow::Error {
        let at = match (e.line_no, e.column_no) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            (Some(l), None) => format!(":{l}"),
            _ => String::new(),
        };
        let reason = match e.reason() {
            RenderErrorReason::MissingVariable(Some(name)) if self.streams.contains(name) => {
                format!(
                    "`{name}` is a block here, rendered one item at a time: write `{{{{#{name}}}}}…{{{{/{name}}}}}`, not `{{{{#each {name}}}}}` (`tailor templates export` shows the built-in one)"
                )
            }
            RenderErrorReason::MissingVariable(Some(name)) => format!(
                "template uses `{name}`, which the résumé data does not have (check the spelling)"
            ),
            other => other.to_string(),
        };
        anyhow!("{}{at}: {reason}", self.origin(e.template_name.as_deref()))
    }
}

/// The block helper of [`Renderer::stream`].
struct Stream<T>(Arc<[T]>);

impl<T: Serialize + Send + Sync> HelperDef for Stream<T> {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc HbContext,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let Some(template) = h.template() else {
            return Ok(());
        };
        for (i, item) in self.0.iter().enumerate() {
            let mut block = BlockContext::new();
            block.set_base_value(serde_json::to_value(item).map_err(RenderErrorReason::from)?);
            block.set_local_var("index", serde_json::json!(i));
            block.set_local_var("first", serde_json::json!(i == 0));
            block.set_local_var("last", serde_json::json!(i + 1 == self.0.len()));
            rc.push_block(block);
            let rendered = handlebars::Renderable::render(template, r, ctx, rc, out);
            rc.pop_block();
            rendered?;
        }
        Ok(())
    }
}

/// A template file larger than this is refused before it is read; the
/// built-in ones are a few kilobytes.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Blocks may nest this deep in a template. handlebars renders blocks by
/// recursion, and 5,000 nested `{{#if}}` overflowed the stack; real
/// templates nest a handful deep.
pub const MAX_BLOCK_NESTING: usize = 64;

/// What handlebars would recurse on without limit, read from a template's
/// source before it is registered: its block nesting (an error past
/// [`MAX_BLOCK_NESTING`]) and an unclosed `{{!--` comment (which would
/// silently swallow the rest). Returns the partials it includes.
fn scan_template(source: &str) -> Result<Vec<String>> {
    let line_of = |at: usize| source[..at].matches('\n').count() + 1;
    let mut includes = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(open) = source[at..].find("{{") {
        let start = at + open;
        let inner = source[start + 2..].trim_start_matches(['~', '{']);
        if inner.starts_with("!--") {
            match source[start..].find("--}}") {
                Some(end) => at = start + end + 4,
                None => anyhow::bail!(
                    ":{}: the comment `{{{{!--` is never closed with `--}}}}`",
                    line_of(start)
                ),
            }
            continue;
        }
        if let Some(rest) = inner.strip_prefix("#>").or_else(|| inner.strip_prefix('>')) {
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '}' && *c != '~')
                .collect();
            includes.push(name);
        }
        if inner.starts_with('#') {
            depth += 1;
            if depth > MAX_BLOCK_NESTING {
                anyhow::bail!(
                    ":{}: blocks nest more than {MAX_BLOCK_NESTING} deep",
                    line_of(start)
                );
            }
        } else if inner.starts_with('/') {
            depth = depth.saturating_sub(1);
        }
        at = start + 2;
    }
    Ok(includes)
}

/// Refuses partials that include themselves, directly or through others:
/// handlebars would recurse until the stack overflows.
fn refuse_include_cycles(includes: &[(String, Vec<String>, String)]) -> Result<()> {
    let index = |name: &str| includes.iter().position(|(n, _, _)| n == name);
    // Depth-first, colouring: 1 on the current path, 2 done.
    fn visit(
        i: usize,
        includes: &[(String, Vec<String>, String)],
        index: &dyn Fn(&str) -> Option<usize>,
        colour: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Result<()> {
        colour[i] = 1;
        path.push(i);
        for next in includes[i].1.iter().filter_map(|n| index(n)) {
            if colour[next] == 1 {
                let start = path.iter().position(|&p| p == next).unwrap_or(0);
                let cycle: Vec<&str> = path[start..]
                    .iter()
                    .chain([&next])
                    .map(|&p| includes[p].2.as_str())
                    .collect();
                anyhow::bail!(
                    "templates include each other without end: {}",
                    cycle.join(" includes ")
                );
            }
            if colour[next] == 0 {
                visit(next, includes, index, colour, path)?;
            }
        }
        path.pop();
        colour[i] = 2;
        Ok(())
    }
    let mut colour = vec![0u8; includes.len()];
    for i in 0..includes.len() {
        if colour[i] == 0 {
            visit(i, includes, &index, &mut colour, &mut Vec::new())?;
        }
    }
    Ok(())
}

/// Writes every built-in template under `dir` (for editing), refusing to
/// overwrite existing files. Returns the paths written.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>> {
    let existing: Vec<PathBuf> = TEMPLATES
        .iter()
        .map(|(p, _)| dir.join(p))
        .filter(|p| p.exists())
        .collect();
    if let Some(first) = existing.first() {
        return Err(anyhow!(
            "`{}` already exists ({} would be overwritten); export into an empty directory",
            first.display(),
            crate::text::counted(&[(existing.len(), "template file", "template files")])
        ));
    }
    let targets: Vec<PathBuf> = TEMPLATES.iter().map(|(p, _)| dir.join(p)).collect();
    crate::write::ensure_all_writable(&targets, false)?;
    let mut written = Vec::new();
    for (path, text) in TEMPLATES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        crate::write::write_atomic(&target, text.as_bytes())?;
        written.push(target);
    }
    Ok(written)
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
    fn html_output_drops_images_and_keeps_their_alt_text() {
        let html = markdown_to_html("Shipped ![the chart](https://tracker.example/p.gif) fast");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("the chart"), "{html}");
    }

    #[test]
    fn markdown_output_drops_javascript_links() {
        let md = escape_markdown_html("See [my site](javascript:alert(1)) and [x](https://e.com)");
        assert!(!md.contains("javascript"), "{md}");
        assert!(md.contains("See my site and [x](https://e.com)"), "{md}");
    }

    #[test]
    fn single_paragraph_is_unwrapped() {
        assert_eq!(markdown_to_html("*a*"), "<em>a</em>");
    }

    #[test]
    fn every_builtin_template_compiles() {
        for set in [
            TemplateSet::MARKDOWN,
            TemplateSet::HTML,
            TemplateSet::BATCH_REPORT,
        ] {
            Renderer::builtin(set).unwrap();
        }
    }

    #[test]
    fn partials_that_include_each_other_are_an_error_not_a_stack_overflow() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("partials/md");
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join("header.hbs"), "{{> md/summary}}").unwrap();
        std::fs::write(p.join("summary.hbs"), "{{> md/header}}").unwrap();
        let err = Renderer::new(TemplateSet::MARKDOWN, Some(dir.path()), None)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("include each other without end"), "{err}");
        assert!(err.contains("header.hbs includes"), "{err}");
    }

    #[test]
    fn deep_nesting_and_an_unclosed_comment_are_errors_naming_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("resume.md.hbs");
        std::fs::write(&f, "{{#if x}}".repeat(5000)).unwrap();
        let err = Renderer::new(TemplateSet::MARKDOWN, None, Some(&f))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains(":1: blocks nest more than 64 deep"), "{err}");
        std::fs::write(&f, "# {{basics.name}}\n{{!-- note").unwrap();
        let err = Renderer::new(TemplateSet::MARKDOWN, None, Some(&f))
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains(":2: the comment `{{!--` is never closed"),
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_name_the_template_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("resume.md.hbs");
        std::fs::write(&f, "line\n{{#if x}}").unwrap();
        let err = Renderer::new(TemplateSet::MARKDOWN, None, Some(&f))
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with(&format!("{}:2:", f.display())), "{err}");
    }
}
