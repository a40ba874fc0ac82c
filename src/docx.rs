//! DOCX: the résumé as a Word document, built with docx-rs from the same
//! view the templates render. One column, Word's own structure: the name
//! as Title, sections as Heading 1, roles as Heading 2, achievements as a
//! real bulleted list (a numbering definition, not "•" characters), links
//! as hyperlinks, the document's title and author set. Nothing goes in
//! tables, text boxes, headers or footers, where applicant tracking systems
//! lose it.
//!
//! The page is the PDF's: the same paper, margins, font and sizes (see
//! [`geometry`]), so the selection the PDF layout closed for a page budget
//! fits the page Word lays out. The output is the same bytes for the same
//! view: no dates, relationship ids numbered per document and written in
//! order, zip entries without timestamps.

use std::io::Cursor;

use anyhow::{Context, Result};
use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Hyperlink, HyperlinkData, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelText, LineSpacing, LineSpacingType, NumberFormat, Numbering,
    NumberingId, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition, Run, RunFonts,
    SpecialIndentType, Start, Style, StyleType,
};
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::manifest::{self, Manifest};
use crate::render::ResumeView;
use crate::text::{Span, by_link, spans};

/// Sizes and spacing, in Word's units: half-points for type, twentieths of
/// a point ("twips") for lengths. They follow `partials/typ/style.typ.hbs`:
/// the same sizes, and line pitches no taller than the PDF's (measured on
/// its output: 12.37 pt between the lines of a paragraph, 11.63 pt between
/// list items). Lines are set "exactly", so Word's own leading, which
/// differs by font, cannot make the page longer than the PDF's.
pub mod geometry {
    /// Body text, 10.5 pt.
    pub const BODY_SIZE: usize = 21;
    /// The name, 19 pt.
    pub const TITLE_SIZE: usize = 38;
    /// The headline under the name, 12 pt.
    pub const HEADLINE_SIZE: usize = 24;
    /// Section headings, 10 pt capitals.
    pub const SECTION_SIZE: usize = 20;
    /// Role headings, 11 pt.
    pub const ROLE_SIZE: usize = 22;
    /// Left and right margins, 14 mm.
    pub const MARGIN_X: i32 = 794;
    /// Top and bottom margins, 12 mm.
    pub const MARGIN_Y: i32 = 680;
    /// A line of a paragraph: 12.35 pt (the PDF: 12.37).
    pub const BODY_LINE: i32 = 247;
    /// After a paragraph: the PDF's paragraph spacing less its leading.
    pub const BODY_AFTER: u32 = 17;
    /// A line of a list item: 11.6 pt (the PDF's items: 11.63 apart).
    pub const ITEM_LINE: i32 = 232;
    /// The name's line.
    pub const TITLE_LINE: i32 = 340;
    /// The headline's line.
    pub const HEADLINE_LINE: i32 = 300;
    /// A section heading's line, and the room above and below it.
    pub const SECTION_LINE: i32 = 240;
    /// Above a section heading.
    pub const SECTION_BEFORE: u32 = 126;
    /// Below it (to the rule and past it).
    pub const SECTION_AFTER: u32 = 40;
    /// A role heading's line.
    pub const ROLE_LINE: i32 = 260;
    /// Above a role heading.
    pub const ROLE_BEFORE: u32 = 30;
    /// The role's dates line, set close under its heading.
    pub const DATES_LINE: i32 = 199;
    /// Where a bullet stands, and where its text starts.
    pub const BULLET_AT: i32 = 63;
    /// Where an item's text starts (the bullet hangs before it).
    pub const ITEM_TEXT_AT: i32 = 242;
    /// Accent colour (headings, links) and muted colour (dates, contact).
    pub const ACCENT: &str = "1F4E79";
    /// Muted text.
    pub const MUTED: &str = "555B66";
    /// The rule under a section heading.
    pub const RULE: &str = "D5D8DE";
}

use geometry as g;

/// The font when the profile names none: Times New Roman, which Word has
/// everywhere and LibreOffice aliases to Liberation Serif; its metrics are
/// those of the PDF's bundled face ([`crate::pdf::DEFAULT_FAMILY`]).
pub const DEFAULT_FONT: &str = "Times New Roman";

/// Style ids, and the names Word knows them by (built-in names are lower
/// case in the file; Word and readers show them capitalised).
const TITLE: (&str, &str) = ("Title", "Title");
const HEADING1: (&str, &str) = ("Heading1", "heading 1");
const HEADING2: (&str, &str) = ("Heading2", "heading 2");
const LIST_BULLET: (&str, &str) = ("ListBullet", "List Bullet");
const SUBTITLE: (&str, &str) = ("Subtitle", "Subtitle");
const DATES: (&str, &str) = ("RoleDates", "Role Dates");
const BODY: (&str, &str) = ("BodyText", "Body Text");

/// The bullet list's numbering id (docx-rs defines a numbered list as 1).
const BULLETS: usize = 2;

/// The résumé `view` as a DOCX file carrying `manifest` (its body hash set
/// here), and the file's `word/document.xml`.
pub fn document(view: &ResumeView, manifest: &mut Manifest) -> Result<(Vec<u8>, String)> {
    let mut links = Links::default();
    let docx = build(view, &mut links);
    let core = core_properties(view)?;
    // The body hash covers every part but the manifest's own, so it is
    // taken from a first build with an empty manifest part.
    manifest.body_hash = None;
    let (draft, _) = pack(docx.clone(), &core, "{}")?;
    manifest.body_hash = Some(manifest::docx_body_hash(&draft)?);
    pack(docx, &core, &manifest::to_json(manifest))
}

/// Builds and zips `docx` with its core properties and the manifest part;
/// returns the archive and its document part.
fn pack(docx: Docx, core: &[u8], manifest_json: &str) -> Result<(Vec<u8>, String)> {
    let mut xml = docx
        .add_custom_item(manifest::DOCX_ITEM_ID, &manifest::docx_part(manifest_json))
        .build();
    xml.doc_props.core = core.to_vec();
    xml.document_rels = sorted_relationships(&xml.document_rels)?;
    let document = String::from_utf8_lossy(&xml.document).into_owned();
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .context("could not write the DOCX archive")?;
    Ok((out.into_inner(), document))
}

/// The hyperlink relationships of one document, numbered in the order
/// the links appear (docx-rs's own ids count across the whole process).
#[derive(Default)]
struct Links {
    count: usize,
}

impl Links {
    fn hyperlink(&mut self, url: &str) -> Hyperlink {
        self.count += 1;
        let mut link = Hyperlink::new(xml_safe(url), HyperlinkType::External);
        if let HyperlinkData::External { rid, .. } = &mut link.link {
            *rid = format!("rIdLink{}", self.count);
        }
        link
    }
}

fn fonts(view: &ResumeView) -> RunFonts {
    let family = view.font.as_deref().unwrap_or(DEFAULT_FONT);
    RunFonts::new()
        .ascii(family)
        .hi_ansi(family)
        .cs(family)
        .east_asia(family)
}

fn exactly(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
        .before(0)
        .after(0)
}

fn styles(docx: Docx, view: &ResumeView) -> Docx {
    let paragraph = |(id, name): (&str, &str)| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .q_format(true)
    };
    let mut section = paragraph(HEADING1)
        .next("Normal")
        .size(g::SECTION_SIZE)
        .bold()
        .color(g::ACCENT)
        .line_spacing(
            exactly(g::SECTION_LINE)
                .before(g::SECTION_BEFORE)
                .after(g::SECTION_AFTER),
        )
        .outline_lvl(0);
    section.run_property = section.run_property.caps().character_spacing(12);
    section.paragraph_property = section.paragraph_property.keep_next(true).set_border(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(4)
            .space(1)
            .color(g::RULE),
    );
    let mut role = paragraph(HEADING2)
        .next("Normal")
        .size(g::ROLE_SIZE)
        .bold()
        .line_spacing(exactly(g::ROLE_LINE).before(g::ROLE_BEFORE))
        .outline_lvl(1);
    role.paragraph_property = role.paragraph_property.keep_next(true);
    let mut dates = paragraph(DATES)
        .color(g::MUTED)
        .line_spacing(exactly(g::DATES_LINE).after(g::BODY_AFTER));
    dates.paragraph_property = dates.paragraph_property.keep_next(true);
    docx.default_fonts(fonts(view))
        .default_size(g::BODY_SIZE)
        .default_line_spacing(exactly(g::BODY_LINE).after(g::BODY_AFTER))
        .add_style(
            paragraph(TITLE)
                .next("Normal")
                .size(g::TITLE_SIZE)
                .bold()
                .line_spacing(exactly(g::TITLE_LINE)),
        )
        .add_style(
            paragraph(SUBTITLE)
                .size(g::HEADLINE_SIZE)
                .color(g::ACCENT)
                .line_spacing(exactly(g::HEADLINE_LINE)),
        )
        .add_style(paragraph(BODY))
        .add_style(section)
        .add_style(role)
        .add_style(dates)
        .add_style(
            paragraph(LIST_BULLET)
                .line_spacing(exactly(g::ITEM_LINE))
                .indent(
                    Some(g::ITEM_TEXT_AT),
                    Some(SpecialIndentType::Hanging(g::ITEM_TEXT_AT - g::BULLET_AT)),
                    None,
                    None,
                ),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(g::ITEM_TEXT_AT),
                    Some(SpecialIndentType::Hanging(g::ITEM_TEXT_AT - g::BULLET_AT)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// Inline Markdown as runs (and hyperlinks) of `paragraph`.
fn inline(paragraph: Paragraph, markdown: &str, links: &mut Links) -> Paragraph {
    add_spans(paragraph, &spans(markdown), links)
}

/// `spans` as runs of `paragraph`, those of a link inside a hyperlink.
fn add_spans(mut paragraph: Paragraph, spans: &[Span], links: &mut Links) -> Paragraph {
    for (target, run_spans) in by_link(spans) {
        match target {
            None => {
                for s in run_spans {
                    paragraph = paragraph.add_run(run(s));
                }
            }
            Some(url) => {
                let mut link = links.hyperlink(url);
                for s in run_spans {
                    link = link.add_run(run(s).color(g::ACCENT));
                }
                paragraph = paragraph.add_hyperlink(link);
            }
        }
    }
    paragraph
}

fn run(span: &Span) -> Run {
    // Line breaks inside a span were folded to spaces by `spans`; runs of
    // spaces from the source are folded here, as a browser would.
    let text = fold_spaces(&span.text);
    let mut run = Run::new().add_text(text);
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    if span.code {
        run = run.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
    }
    run
}

/// `s` with the characters XML 1.0 cannot hold dropped (C0 controls but
/// tab and newline, U+FFFE, U+FFFF): docx-rs writes them as they are, and
/// Word refuses a document that has them.
pub fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}')
        })
        .collect()
}

fn text_run(text: impl AsRef<str>) -> Run {
    Run::new().add_text(xml_safe(text.as_ref()))
}

fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in xml_safe(s).chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn styled(style: (&str, &str)) -> Paragraph {
    Paragraph::new().style(style.0)
}

fn build(view: &ResumeView, links: &mut Links) -> Docx {
    let (width, height) = view.page.twips();
    let mut docx = styles(Docx::new(), view)
        .page_size(width, height)
        .page_margin(
            PageMargin::new()
                .top(g::MARGIN_Y)
                .bottom(g::MARGIN_Y)
                .left(g::MARGIN_X)
                .right(g::MARGIN_X)
                .header(0)
                .footer(0)
                .gutter(0),
        );
    docx = docx.add_paragraph(styled(TITLE).add_run(text_run(&view.title)));
    if let (Some(_), Some(headline)) = (&view.basics.name, &view.basics.headline) {
        docx = docx.add_paragraph(styled(SUBTITLE).add_run(text_run(headline)));
    }
    if !view.contact.is_empty() {
        let b = &view.basics;
        // Email and links as links (safe targets only); the rest as text,
        // " · " between. These are values, not Markdown: spans as written.
        let span = |text: &str, link: Option<String>| Span {
            text: text.to_string(),
            link: link.filter(|u| crate::text::is_safe_url(u)),
            ..Span::default()
        };
        let mut parts: Vec<Span> = Vec::new();
        if let Some(email) = &b.email {
            parts.push(span(email, Some(format!("mailto:{email}"))));
        }
        parts.extend(b.phone.iter().chain(&b.location).map(|s| span(s, None)));
        parts.extend(b.links.iter().map(|l| span(&l.label, Some(l.url.clone()))));
        let mut p = styled(BODY);
        for (n, part) in parts.into_iter().enumerate() {
            if n > 0 {
                p = p.add_run(text_run(" · ").color(g::MUTED));
            }
            p = add_spans(p, &[part], links);
        }
        docx = docx.add_paragraph(p.color(g::MUTED));
    }
    for section in &view.sections {
        use crate::format::Section;
        match section {
            Section::Summary => {
                if let Some(summary) = &view.summary {
                    docx = docx
                        .add_paragraph(styled(HEADING1).add_run(text_run(&view.labels.summary)))
                        .add_paragraph(inline(styled(BODY), summary, links));
                }
            }
            Section::Experience => {
                docx =
                    docx.add_paragraph(styled(HEADING1).add_run(text_run(&view.labels.experience)));
                for role in &view.experience {
                    let mut heading = styled(HEADING2).add_run(text_run(&role.title));
                    if let Some(company) = &role.company {
                        heading = heading.add_run(text_run(format!(", {company}")).disable_bold());
                    }
                    docx = docx.add_paragraph(heading);
                    if !role.dates.is_empty() {
                        let mut dates = role.dates.clone();
                        if let Some(location) = &role.location {
                            dates.push_str(" · ");
                            dates.push_str(location);
                        }
                        docx = docx.add_paragraph(styled(DATES).add_run(text_run(dates)));
                    }
                    if let Some(summary) = &role.summary {
                        docx = docx.add_paragraph(inline(styled(BODY), summary, links));
                    }
                    for a in &role.achievements {
                        let item = styled(LIST_BULLET)
                            .numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                        docx = docx.add_paragraph(inline(item, &a.text, links));
                    }
                }
            }
            Section::Skills => {
                if !view.skills.is_empty() {
                    docx =
                        docx.add_paragraph(styled(HEADING1).add_run(text_run(&view.labels.skills)));
                    for group in &view.skills {
                        docx = docx.add_paragraph(
                            tight()
                                .add_run(text_run(format!("{}: ", group.name)).bold())
                                .add_run(text_run(group.keywords.join(", "))),
                        );
                    }
                }
            }
            Section::Education => {
                if !view.education.is_empty() {
                    docx = docx
                        .add_paragraph(styled(HEADING1).add_run(text_run(&view.labels.education)));
                    for e in &view.education {
                        let mut p = tight().add_run(text_run(&e.institution).bold());
                        if let Some(degree) = &e.degree {
                            p = p.add_run(text_run(format!(", {degree}")));
                        }
                        if !e.dates.is_empty() {
                            p = p.add_run(text_run(format!(" ({})", e.dates)));
                        }
                        docx = docx.add_paragraph(p);
                    }
                }
            }
        }
    }
    docx
}

/// A body paragraph without the space after it: one line of a group
/// (skills, education), as the PDF sets them.
fn tight() -> Paragraph {
    styled(BODY)
        .line_spacing(exactly(g::BODY_LINE))
        .align(AlignmentType::Left)
}

/// `docProps/core.xml`: the title and author; no dates (the same inputs
/// give the same file).
fn core_properties(view: &ResumeView) -> Result<Vec<u8>> {
    let mut w = quick_xml::Writer::new(Vec::new());
    let err = |e: std::io::Error| anyhow::anyhow!("could not write the DOCX properties: {e}");
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))
    .map_err(err)?;
    w.create_element("cp:coreProperties")
        .with_attributes([
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        .write_inner_content(|w| {
            w.create_element("dc:title")
                .write_text_content(BytesText::new(&xml_safe(&view.title)))?;
            if let Some(name) = &view.basics.name {
                w.create_element("dc:creator")
                    .write_text_content(BytesText::new(&xml_safe(name)))?;
            }
            w.create_element("dc:language")
                .write_text_content(BytesText::new(view.lang.code()))?;
            Ok(())
        })
        .map_err(err)?;
    Ok(w.into_inner())
}

/// A relationships part with its relationships in id order. docx-rs
/// collects hyperlinks through a hash map, whose order differs from run to
/// run; Word does not care about the order, byte-identical output does.
fn sorted_relationships(xml: &[u8]) -> Result<Vec<u8>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut held: Vec<(Vec<u8>, Event<'static>)> = Vec::new();
    let bad =
        |e: &dyn std::fmt::Display| anyhow::anyhow!("could not order the DOCX relationships: {e}");
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match event {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                let id = e
                    .try_get_attribute("Id")
                    .map_err(|e| bad(&e))?
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                held.push((id, Event::Empty(e.into_owned())));
            }
            Event::End(e) if e.name().as_ref() == b"Relationships" => {
                held.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, rel) in held.drain(..) {
                    writer.write_event(rel).map_err(|e| bad(&e))?;
                }
                writer.write_event(Event::End(e)).map_err(|e| bad(&e))?;
            }
            other => writer.write_event(other).map_err(|e| bad(&e))?,
        }
    }
    Ok(writer.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_come_out_in_id_order() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="x"><Relationship Id="rIdLink2" Target="b"/><Relationship Id="rId1" Target="s"/><Relationship Id="rIdLink1" Target="a"/></Relationships>"#;
        let sorted = String::from_utf8(sorted_relationships(xml).unwrap()).unwrap();
        let order: Vec<usize> = ["rId1", "rIdLink1", "rIdLink2"]
            .iter()
            .map(|id| sorted.find(&format!("\"{id}\"")).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{sorted}");
    }

    #[test]
    fn characters_xml_cannot_hold_are_dropped() {
        assert_eq!(xml_safe("a\u{1}b\u{0}c\u{FFFF}\td\u{B}é"), "abc\tdé");
    }
}
