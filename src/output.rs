//! Outputs: one [`Output`] per format, holding what that format's backend
//! needs (a template set, or nothing for JSON Resume) and turning a résumé
//! view into the bytes of a file, with the manifest embedded where the
//! format keeps it. What differs between formats is decided by
//! [`Format`]; this module only dispatches on it.

use std::path::Path;

use anyhow::Result;

use crate::content::Library;
use crate::format::{Backend, Format};
use crate::manifest::{self, Manifest};
use crate::render::{Renderer, ResumeView};
use crate::select::Selection;

/// A format, ready to render.
pub struct Output {
    format: Format,
    /// The template set (`None` for JSON Resume, which is data).
    renderer: Option<Renderer>,
}

/// A rendered résumé.
#[derive(Debug, Clone)]
pub struct Document {
    /// The format it is in.
    pub format: Format,
    /// The file's bytes, manifest included.
    pub bytes: Vec<u8>,
    /// The text without its manifest (for PDF: the Typst markup laid out;
    /// for DOCX: its `word/document.xml`).
    pub body: String,
    /// Its manifest, body hash included.
    pub manifest: Manifest,
}

impl Output {
    /// The output for `format`: its built-in templates, each replaced by the
    /// same-named file in `dir` when there is one, and the main template by
    /// `file` when given.
    pub fn new(format: Format, dir: Option<&Path>, file: Option<&Path>) -> Result<Output> {
        let renderer = match format.templates() {
            Some(set) => Some(Renderer::new(set, dir, file)?),
            None => None,
        };
        Ok(Output { format, renderer })
    }

    /// The output for `format` with the built-in templates.
    pub fn builtin(format: Format) -> Result<Output> {
        Output::new(format, None, None)
    }

    /// Its format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The file extension it is written with.
    pub fn extension(&self) -> &'static str {
        self.format.extension()
    }

    /// Renders a view of `selection` into a document carrying `manifest`,
    /// with the hash of the document's body recorded in it; a PDF is laid
    /// out with `fonts` besides the bundled ones.
    pub fn render(
        &self,
        library: &Library,
        selection: &Selection,
        view: &ResumeView,
        fonts: &[typst::text::Font],
        mut manifest: Manifest,
    ) -> Result<Document> {
        let (bytes, body) = match &self.renderer {
            None if self.format.backend() == Backend::Docx => {
                crate::docx::document(view, &mut manifest)?
            }
            None => {
                // No template: the document is data, with the manifest in `meta`.
                let mut doc = crate::jsonresume::document(library, selection, view);
                manifest::embed_json(&mut doc, &mut manifest);
                let mut text = serde_json::to_string_pretty(&doc)?;
                text.push('\n');
                (text.clone().into_bytes(), text)
            }
            Some(r) if self.format.backend() == Backend::Pdf => {
                let body = r.render(view)?;
                let typeset = crate::pdf::typeset(&body, fonts)?;
                (manifest::embed_pdf(&typeset.pdf, &mut manifest), body)
            }
            Some(r) => {
                let body = r.render(view)?;
                let text = manifest::embed(&body, self.format, &mut manifest);
                (text.into_bytes(), body)
            }
        };
        Ok(Document {
            format: self.format,
            bytes,
            body,
            manifest,
        })
    }
}
