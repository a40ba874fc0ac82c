//! What a résumé can be written as, and how it is laid out: the output
//! formats (each with its backend, file extension and content type), the
//! paper size and the sections. Leaf types: every other module may use
//! them, and they use nothing of tailor's.

use std::path::Path;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

/// Output formats.
// Everything that depends on the format is decided here: its backend, file
// extension and content type. (The doc line above is the schema's text.)
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML page.
    #[value(alias = "htm")]
    Html,
    /// PDF, laid out by tailor itself (Typst, fonts bundled).
    Pdf,
    /// A Word document (.docx), laid out like the PDF.
    Docx,
    /// Plain text wrapped at 80 columns, for pasting into a form.
    #[value(alias = "text")]
    Txt,
    /// A JSON Resume document (schema 1.0), for JSON Resume themes.
    #[value(name = "jsonresume")]
    #[serde(rename = "jsonresume")]
    JsonResume,
}

/// How a format is produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A handlebars template set.
    Templates(TemplateSet),
    /// Data, not a template: a JSON Resume document.
    JsonResume,
    /// The Typst template set, laid out to PDF.
    Pdf,
    /// A Word document, built by [`crate::docx`].
    Docx,
}

/// A set of handlebars templates: a main template and its partials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateSet {
    /// The main template's file name under `templates/`.
    pub main: &'static str,
    /// The partials' folder under `templates/partials/`, if it has partials.
    pub partials: Option<&'static str>,
    /// How values are escaped, and what the `md` helper writes.
    pub markup: Markup,
}

/// The markup a template set writes: what its values are escaped for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Markdown: inline Markdown kept, raw HTML shown as text.
    Markdown,
    /// HTML.
    Html,
    /// Typst: every markup character escaped.
    Typst,
    /// Plain text: nothing escaped, inline Markdown written as its text.
    Text,
}

impl TemplateSet {
    /// The Markdown résumé.
    pub const MARKDOWN: TemplateSet = TemplateSet {
        main: "resume.md.hbs",
        partials: Some("md"),
        markup: Markup::Markdown,
    };
    /// The HTML résumé.
    pub const HTML: TemplateSet = TemplateSet {
        main: "resume.html.hbs",
        partials: Some("html"),
        markup: Markup::Html,
    };
    /// The PDF résumé, as Typst markup.
    pub const TYPST: TemplateSet = TemplateSet {
        main: "resume.typ.hbs",
        partials: Some("typ"),
        markup: Markup::Typst,
    };
    /// The plain-text résumé.
    pub const TEXT: TemplateSet = TemplateSet {
        main: "resume.txt.hbs",
        partials: Some("txt"),
        markup: Markup::Text,
    };
    /// The batch coverage report page.
    pub const BATCH_REPORT: TemplateSet = TemplateSet {
        main: "report.html.hbs",
        partials: None,
        markup: Markup::Html,
    };
}

/// Output file extensions tailor knows, and the format each asks for.
const EXTENSIONS: &[(&str, Format)] = &[
    ("md", Format::Md),
    ("markdown", Format::Md),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("pdf", Format::Pdf),
    ("docx", Format::Docx),
    ("txt", Format::Txt),
    ("text", Format::Txt),
    ("json", Format::JsonResume),
];

impl Format {
    /// Every format, in the order help and errors list them.
    pub const ALL: [Format; 6] = [
        Format::Md,
        Format::Html,
        Format::Pdf,
        Format::Docx,
        Format::Txt,
        Format::JsonResume,
    ];

    /// How the format is produced.
    pub fn backend(self) -> Backend {
        match self {
            Format::Md => Backend::Templates(TemplateSet::MARKDOWN),
            Format::Html => Backend::Templates(TemplateSet::HTML),
            Format::Pdf => Backend::Pdf,
            Format::Docx => Backend::Docx,
            Format::Txt => Backend::Templates(TemplateSet::TEXT),
            Format::JsonResume => Backend::JsonResume,
        }
    }

    /// The template set a format renders through: its own, or for PDF the
    /// Typst set it lays out; `None` for JSON Resume and DOCX, which are
    /// built as data.
    pub fn templates(self) -> Option<TemplateSet> {
        match self.backend() {
            Backend::Templates(t) => Some(t),
            Backend::Pdf => Some(TemplateSet::TYPST),
            Backend::JsonResume | Backend::Docx => None,
        }
    }

    /// The file extension it is written with (no dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Txt => "txt",
            Format::JsonResume => "json",
        }
    }

    /// Its media type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Md => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Txt => "text/plain; charset=utf-8",
            Format::JsonResume => "application/json",
        }
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Txt => "txt",
            Format::JsonResume => "jsonresume",
        }
    }

    /// True when the output is binary and never for a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx)
    }

    /// The format an output path's extension asks for: `None` when it has no
    /// extension, an error naming the known ones when tailor cannot write it.
    pub fn from_path(path: &Path) -> Result<Option<Format>> {
        let Some(ext) = path.extension() else {
            return Ok(None);
        };
        let lower = ext.to_string_lossy().to_ascii_lowercase();
        match EXTENSIONS.iter().find(|(e, _)| *e == lower) {
            Some(&(_, f)) => Ok(Some(f)),
            None => bail!(
                "`{}`: tailor cannot write .{lower} files; use one of {} (or pass --format)",
                path.display(),
                EXTENSIONS
                    .iter()
                    .map(|(e, _)| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Paper size for printing (the HTML's `@page` rule).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The CSS `size` value.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }

    /// Typst's name for it.
    pub fn typst(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        }
    }

    /// Width and height in twentieths of a point, as Word measures a page.
    pub fn twips(self) -> (u32, u32) {
        match self {
            Paper::A4 => (11906, 16838),
            Paper::Letter => (12240, 15840),
        }
    }
}

/// A résumé section a profile can show, in the order it lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The opening paragraph.
    Summary,
    /// Roles and their achievements.
    Experience,
    /// Skill groups.
    Skills,
    /// Degrees and schools.
    Education,
}

impl Section {
    /// Every section, in the default order.
    pub const ALL: [Section; 4] = [
        Section::Summary,
        Section::Experience,
        Section::Skills,
        Section::Education,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(
            Format::from_path(Path::new("x.HTM")).unwrap(),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_path(Path::new("x.markdown")).unwrap(),
            Some(Format::Md)
        );
        assert_eq!(Format::from_path(Path::new("x")).unwrap(), None);
    }

    #[test]
    fn unknown_output_extension_is_an_error_listing_the_known_ones() {
        let err = Format::from_path(Path::new("resume.odt"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot write .odt"), "{err}");
        assert!(err.contains(".md, .markdown, .html"), "{err}");
    }

    #[test]
    fn every_format_is_written_with_its_own_extension() {
        let mut seen: Vec<&str> = Format::ALL.iter().map(|f| f.extension()).collect();
        seen.dedup();
        assert_eq!(seen.len(), Format::ALL.len());
        for f in Format::ALL {
            let path = format!("x.{}", f.extension());
            assert_eq!(Format::from_path(Path::new(&path)).unwrap(), Some(f));
        }
    }
}
