//! Provenance: a small machine-readable manifest embedded in every résumé
//! tailor writes (an HTML comment in Markdown, a `<script
//! type="application/json">` element in HTML: invisible when rendered; a
//! comment line in a PDF, a custom XML part in a DOCX, a marked trailer in
//! plain text), so that a variant can be explained, compared and rebuilt.
//!
//! The manifest records a hash of the document's body: the file without
//! the manifest block itself. A file is tailor's own (replaceable without
//! `--force`) only while that hash still matches; an edit makes it the
//! user's. The manifest read is always the last one in the file, where
//! tailor puts it, so text quoted in the résumé cannot stand in for it.

use serde::{Deserialize, Serialize};

use crate::analysis::Lang;
use crate::format::Format;

/// Opens the manifest block in Markdown.
const MD_OPEN: &str = "<!-- tailor-manifest";
/// Closes it.
const MD_CLOSE: &str = "-->";
/// Opens the manifest element in HTML.
const HTML_OPEN: &str = r#"<script type="application/json" id="tailor-manifest">"#;
/// Closes it.
const HTML_CLOSE: &str = "</script>";

/// What a tailored résumé was made from and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The tailor version that wrote it.
    pub tailor: String,
    /// Hash of the achievement library.
    pub content_hash: String,
    /// The posting's name (its file name).
    pub posting: String,
    /// Hash of the analysed posting.
    pub posting_hash: String,
    /// The language the posting was read in (ISO 639-1); English in
    /// manifests written before it was recorded.
    #[serde(default)]
    pub posting_language: Lang,
    /// The language the résumé is in; English in manifests written before
    /// it was recorded.
    #[serde(default)]
    pub resume_language: Lang,
    /// Hash of the file without this manifest (see [`read`]): what tailor
    /// wrote, to tell its own files from edited ones. Absent in manifests
    /// written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_hash: Option<String>,
    /// The profile used.
    pub profile: String,
    /// The budget, as given ("1 page", "400 words").
    pub budget: String,
    /// Budget units used and available.
    pub used: u32,
    /// Budget units available for achievements.
    pub capacity: u32,
    /// The selected achievements, in résumé order.
    pub selected: Vec<Entry>,
    /// Weighted share of the posting's key terms covered (0–1).
    pub match_rate: f64,
    /// Key terms covered.
    pub covered: Vec<String>,
    /// Key terms missing.
    pub missing: Vec<String>,
}

/// One selected achievement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Its id.
    pub id: String,
    /// Its role's title.
    pub role: String,
    /// `text` or `short`.
    pub phrasing: String,
    /// Its score for the posting.
    pub score: f64,
}

/// A 64-bit FNV-1a hash, in hex: enough to tell inputs apart, not a
/// security measure.
pub fn hash(bytes: &[u8]) -> String {
    hash_parts(&[bytes])
}

/// [`hash`] of the concatenation of `parts`, without making it.
fn hash_parts(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The manifest as JSON that cannot end the comment or element holding it:
/// `<`, `>` and `&` are written as JSON escapes (valid anywhere they occur).
pub fn to_json(m: &Manifest) -> String {
    serde_json::to_string_pretty(m)
        .expect("the manifest serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Opens the plain-text trailer: the last line but one of a .txt résumé.
const TXT_OPEN: &str = "-- tailor manifest (not part of the résumé; `tailor diff` reads it) --";

/// `document` with the manifest embedded: at the end of Markdown, before
/// `</body>` in HTML. Records in `m` the hash of what surrounds the block.
pub fn embed(document: &str, format: Format, m: &mut Manifest) -> String {
    let (before, after) = match format {
        // JSON Resume carries the manifest in its own `meta` (see embed_json).
        Format::JsonResume => return document.to_string(),
        // A DOCX carries it in a part of its own (see docx_part).
        Format::Docx => return document.to_string(),
        Format::Md => (format!("{}\n\n", document.trim_end()), "\n".to_string()),
        Format::Txt => {
            let before = format!("{}\n\n", document.trim_end());
            m.body_hash = Some(hash(before.as_bytes()));
            let json = serde_json::to_string(m).expect("the manifest serialises");
            return format!("{before}{TXT_OPEN}\n{json}\n");
        }
        Format::Html | Format::Pdf => match document.rfind("</body>") {
            Some(at) => (document[..at].to_string(), format!("\n{}", &document[at..])),
            None => (format!("{document}\n"), "\n".to_string()),
        },
    };
    m.body_hash = Some(hash_parts(&[before.as_bytes(), after.as_bytes()]));
    let (open, close) = match format {
        Format::Md => (MD_OPEN, MD_CLOSE),
        _ => (HTML_OPEN, HTML_CLOSE),
    };
    format!("{before}{open}\n{}\n{close}{after}", to_json(m))
}

/// A JSON Resume document with the manifest put in `meta.tailor`, its body
/// hash taken over the document without it (as compact JSON, so the hash
/// does not depend on layout).
pub fn embed_json(document: &mut serde_json::Value, m: &mut Manifest) {
    let body = serde_json::to_vec(&*document).unwrap_or_default();
    m.body_hash = Some(hash(&body));
    if let Some(meta) = document
        .get_mut("meta")
        .and_then(serde_json::Value::as_object_mut)
    {
        meta.insert(
            "tailor".into(),
            serde_json::to_value(&*m).unwrap_or_default(),
        );
    }
}

/// The PDF comment line that carries the manifest.
const PDF_MARK: &[u8] = b"%tailor-manifest ";

/// A PDF with the manifest embedded: one comment line, compact JSON, put
/// just before the last `startxref`. Comments may stand wherever whitespace
/// may, and nothing the cross-reference table points at moves, so the PDF
/// stays valid. A PDF without `startxref` is returned as it is.
pub fn embed_pdf(pdf: &[u8], m: &mut Manifest) -> Vec<u8> {
    let Some(at) = rfind(pdf, b"startxref") else {
        return pdf.to_vec();
    };
    let (before, after) = (&pdf[..at], &pdf[at..]);
    m.body_hash = Some(hash_parts(&[before, b"\n", after]));
    let json = serde_json::to_string(m).expect("the manifest serialises");
    let mut out = Vec::with_capacity(pdf.len() + json.len() + 20);
    out.extend_from_slice(before);
    out.extend_from_slice(PDF_MARK);
    out.extend_from_slice(json.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(after);
    out
}

/// The DOCX part that holds the manifest, as docx-rs names the first
/// custom XML part.
const DOCX_PART: &str = "customXml/item1.xml";

/// The manifest part's item id (a fixed GUID: the part is always tailor's).
pub const DOCX_ITEM_ID: &str = "7A11E0F1-5E1F-4D0C-8A1B-7A110A5E0001";

/// The manifest's root element in its DOCX part.
const DOCX_ROOT: &str = "tailor-manifest";

/// The custom XML part carrying `json` (from [`to_json`], which escapes
/// `<`, `>` and `&`, so it is XML text as it stands).
pub fn docx_part(json: &str) -> String {
    format!(r#"<{DOCX_ROOT} xmlns="urn:tailor:manifest">{json}</{DOCX_ROOT}>"#)
}

/// The entries of a DOCX (a zip archive) as (name, bytes), in archive
/// order; an error for an archive that cannot be read.
fn zip_entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, Corrupted> {
    use std::io::Read;
    let bad =
        |e: &dyn std::fmt::Display| Corrupted(format!("the DOCX archive cannot be read: {e}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(&e))?;
    // A document tailor did not write is none of its business: its parts
    // (a large image, say) are not read at all.
    if archive.index_for_name(DOCX_PART).is_none() {
        return Ok(Vec::new());
    }
    if archive.len() > MAX_DOCX_PARTS {
        return Err(Corrupted(format!(
            "the DOCX has {} parts; tailor writes a few dozen",
            archive.len()
        )));
    }
    let mut out = Vec::with_capacity(archive.len());
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| bad(&e))?;
        // A part over this is not one tailor wrote: refuse it rather than
        // inflate it (a zip bomb).
        if entry.size() > MAX_DOCX_PART {
            return Err(Corrupted(format!(
                "the DOCX part `{}` is over {} MB",
                entry.name(),
                MAX_DOCX_PART >> 20
            )));
        }
        let mut data = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        entry
            .by_ref()
            .take(MAX_DOCX_PART + 1)
            .read_to_end(&mut data)
            .map_err(|e| bad(&e))?;
        total += data.len() as u64;
        if data.len() as u64 > MAX_DOCX_PART || total > MAX_DOCX_TOTAL {
            return Err(Corrupted(format!(
                "the DOCX inflates past {} MB, far more than tailor writes",
                MAX_DOCX_TOTAL >> 20
            )));
        }
        out.push((entry.name().to_string(), data));
    }
    Ok(out)
}

/// The largest DOCX part read back, uncompressed.
const MAX_DOCX_PART: u64 = 32 << 20;

/// The most a DOCX is read back to, uncompressed, all parts together (zip
/// entries may share one compressed stream, so each part's cap alone does
/// not bound it).
const MAX_DOCX_TOTAL: u64 = 64 << 20;

/// The most parts a DOCX may have to be read back.
const MAX_DOCX_PARTS: usize = 1000;

/// The body hash of a DOCX: of every part's name and bytes, in archive
/// order, but the manifest part's.
pub fn docx_body_hash(docx: &[u8]) -> anyhow::Result<String> {
    let entries = zip_entries(docx).map_err(|e| anyhow::anyhow!(e.0))?;
    Ok(docx_hash(&entries))
}

fn docx_hash(entries: &[(String, Vec<u8>)]) -> String {
    let mut parts: Vec<&[u8]> = Vec::new();
    for (name, data) in entries.iter().filter(|(n, _)| n != DOCX_PART) {
        parts.push(name.as_bytes());
        parts.push(b"\0");
        parts.push(data);
    }
    hash_parts(&parts)
}

/// The manifest of a DOCX tailor wrote: `Ok(None)` for an archive without
/// tailor's part.
fn read_docx(bytes: &[u8]) -> Result<Option<Found>, Corrupted> {
    let entries = zip_entries(bytes)?;
    let Some((_, part)) = entries.iter().find(|(n, _)| n == DOCX_PART) else {
        return Ok(None);
    };
    let text = std::str::from_utf8(part)
        .map_err(|_| Corrupted("the DOCX manifest part is not UTF-8".into()))?;
    let open = format!("<{DOCX_ROOT} ");
    let Some(start) = text.find(&open) else {
        return Ok(None);
    };
    let body_start = text[start..]
        .find('>')
        .map(|n| start + n + 1)
        .ok_or_else(|| Corrupted("the DOCX manifest part is not closed".into()))?;
    let end = text
        .rfind(&format!("</{DOCX_ROOT}>"))
        .filter(|&e| e >= body_start)
        .ok_or_else(|| Corrupted("the DOCX manifest part is not closed".into()))?;
    let json = quick_xml::escape::unescape(&text[body_start..end])
        .map_err(|e| Corrupted(format!("the DOCX manifest part is not valid XML: {e}")))?;
    let manifest = parse(serde_json::from_str(json.trim()))?;
    let intact = manifest.body_hash.as_deref() == Some(docx_hash(&entries).as_str());
    let rest = entries
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, xml)| docx_text(xml))
        .unwrap_or_default();
    Ok(Some(Found {
        manifest,
        rest,
        intact,
    }))
}

/// The text of a DOCX's document part: a line per paragraph.
fn docx_text(xml: &[u8]) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let (mut out, mut in_text) = (String::new(), false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:t" => in_text = false,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:p" => out.push('\n'),
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), b"w:tab" | b"w:br") => out.push(' '),
            Ok(Event::Text(t)) if in_text => out.push_str(&t.xml10_content().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else if let Some(c) =
                    quick_xml::escape::resolve_xml_entity(&String::from_utf8_lossy(r.as_ref()))
                {
                    out.push_str(c);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// The manifest of a plain-text résumé: the line after the last trailer
/// mark, which opens a line.
fn read_txt(document: &str) -> Option<Result<Found, Corrupted>> {
    let start = document.rfind(&format!("\n{TXT_OPEN}\n"))? + 1;
    let json_start = start + TXT_OPEN.len() + 1;
    let line = document[json_start..].lines().next().unwrap_or("");
    // tailor's trailer ends the file; a mark with more after it is text.
    if !document[json_start + line.len()..].trim().is_empty() {
        return None;
    }
    Some(parse(serde_json::from_str(line)).map(|manifest| {
        let before = &document[..start];
        let intact = manifest.body_hash.as_deref() == Some(hash(before.as_bytes()).as_str());
        Found {
            manifest,
            rest: before.to_string(),
            intact,
        }
    }))
}

/// A manifest as found in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The manifest.
    pub manifest: Manifest,
    /// The document without it, as text (a PDF's is empty).
    pub rest: String,
    /// True when the manifest's body hash matches the file: nobody edited
    /// it since tailor wrote it. False when it does not, or is not recorded.
    pub intact: bool,
}

/// The manifest of a file tailor wrote, from its bytes, in any format:
/// Markdown, HTML, JSON Resume, PDF, DOCX or text. `Ok(None)` for a file tailor did
/// not write, `Err` for a manifest that is there but broken. Never panics,
/// whatever the bytes.
pub fn read(bytes: &[u8]) -> Result<Option<Found>, Corrupted> {
    if bytes.starts_with(b"%PDF") {
        return read_pdf(bytes);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return read_docx(bytes);
    }
    let Ok(document) = std::str::from_utf8(bytes) else {
        return Ok(None);
    };
    if let Some(found) = read_txt(document) {
        return found.map(Some);
    }
    // A JSON Resume document carries it in `meta.tailor`.
    if document.trim_start().starts_with('{') {
        if let Ok(mut v) = serde_json::from_str::<serde_json::Value>(document) {
            let Some(m) = v
                .get_mut("meta")
                .and_then(serde_json::Value::as_object_mut)
                .and_then(|meta| meta.remove("tailor"))
            else {
                return Ok(None);
            };
            let manifest = parse(serde_json::from_value(m))?;
            let body = serde_json::to_vec(&v).unwrap_or_default();
            let intact = manifest.body_hash.as_deref() == Some(hash(&body).as_str());
            return Ok(Some(Found {
                manifest,
                rest: document.to_string(),
                intact,
            }));
        }
    }
    // The last block of either kind: tailor puts its own after all content.
    // Markdown's opens a line (text in a résumé cannot: Markdown output
    // escapes `<`); HTML output escapes `<` everywhere but in its own.
    let md = document
        .rfind(&format!("\n{MD_OPEN}"))
        .map(|at| at + 1)
        .or_else(|| document.starts_with(MD_OPEN).then_some(0));
    let last = [
        (md, MD_OPEN, MD_CLOSE),
        (document.rfind(HTML_OPEN), HTML_OPEN, HTML_CLOSE),
    ]
    .into_iter()
    .filter_map(|(at, open, close)| at.map(|at| (at, open, close)))
    .max_by_key(|&(at, _, _)| at);
    let Some((start, open, close)) = last else {
        return Ok(None);
    };
    let json_start = start + open.len();
    let Some(len) = document[json_start..].find(close) else {
        return Err(Corrupted("the manifest block is not closed".into()));
    };
    let end = json_start + len + close.len();
    let manifest = parse(serde_json::from_str(
        document[json_start..json_start + len].trim(),
    ))?;
    let (before, after) = (&document[..start], &document[end..]);
    let intact = manifest.body_hash.as_deref()
        == Some(hash_parts(&[before.as_bytes(), after.as_bytes()]).as_str());
    Ok(Some(Found {
        manifest,
        rest: format!("{before}{}", after.trim_start_matches('\n')),
        intact,
    }))
}

/// The manifest of a PDF tailor wrote (see [`embed_pdf`]).
fn read_pdf(pdf: &[u8]) -> Result<Option<Found>, Corrupted> {
    let Some(start) = rfind(pdf, PDF_MARK) else {
        return Ok(None);
    };
    let json_start = start + PDF_MARK.len();
    let rest = &pdf[json_start..];
    let end = json_start + rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let manifest = parse(serde_json::from_slice(&pdf[json_start..end]))?;
    let intact =
        manifest.body_hash.as_deref() == Some(hash_parts(&[&pdf[..start], &pdf[end..]]).as_str());
    Ok(Some(Found {
        manifest,
        rest: String::new(),
        intact,
    }))
}

/// A parsed manifest, checked.
fn parse(parsed: serde_json::Result<Manifest>) -> Result<Manifest, Corrupted> {
    let m = parsed.map_err(|e| Corrupted(format!("the manifest is not valid: {e}")))?;
    m.check()?;
    Ok(m)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

impl Manifest {
    /// What every manifest tailor writes holds, checked on reading, so that
    /// a hand-edited one is an error rather than a surprise: each selected
    /// id once.
    pub fn check(&self) -> Result<(), Corrupted> {
        let mut seen = std::collections::HashSet::new();
        for e in &self.selected {
            if !seen.insert(e.id.as_str()) {
                return Err(Corrupted(format!(
                    "the manifest lists `{}` twice among the selected",
                    e.id
                )));
            }
        }
        Ok(())
    }
}

/// Why a manifest could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupted(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            tailor: "0.1.0".into(),
            content_hash: hash(b"c"),
            posting: "p.md".into(),
            posting_hash: hash(b"p"),
            posting_language: Lang::En,
            resume_language: Lang::En,
            body_hash: None,
            profile: "default".into(),
            budget: "400 words".into(),
            used: 10,
            capacity: 400,
            selected: vec![Entry {
                id: "a".into(),
                role: "Eng </script> --> <!--".into(),
                phrasing: "text".into(),
                score: 1.5,
            }],
            match_rate: 0.5,
            covered: vec!["kafka".into()],
            missing: vec![],
        }
    }

    fn read_text(doc: &str) -> Result<Option<Found>, Corrupted> {
        read(doc.as_bytes())
    }

    #[test]
    fn a_manifest_listing_one_id_twice_is_corrupted_not_a_panic() {
        let mut m = manifest();
        m.selected.push(m.selected[0].clone());
        let doc = embed("# R\n", Format::Md, &mut m);
        let err = read_text(&doc).unwrap_err();
        assert!(err.0.contains("lists `a` twice"), "{}", err.0);
    }

    #[test]
    fn plain_text_carries_a_trailer_that_reads_back_and_tells_an_edit() {
        let mut m = manifest();
        let doc = embed("Jane Doe\n\nEXPERIENCE\n- Built it.\n", Format::Txt, &mut m);
        assert!(doc.ends_with("}\n"), "{doc}");
        let found = read_text(&doc).unwrap().unwrap();
        assert!(found.intact);
        assert_eq!(found.manifest, m);
        assert!(found.rest.starts_with("Jane Doe"));
        let edited = doc.replace("Built", "Made");
        assert!(!read_text(&edited).unwrap().unwrap().intact);
        // The mark quoted with text after it is text, not a manifest.
        let quoted = format!("{doc}\nmore text\n");
        assert_eq!(read_text(&quoted).unwrap(), None);
    }

    /// A zip archive of `parts`, stored, as a DOCX is.
    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, data) in parts {
            w.start_file(*name, options).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_docx_carries_its_manifest_in_a_part_the_body_hash_leaves_out() {
        let mut m = manifest();
        let body = b"<w:document>Built it</w:document>".as_slice();
        let draft = zip_of(&[("word/document.xml", body), (DOCX_PART, b"<x/>")]);
        m.body_hash = Some(docx_body_hash(&draft).unwrap());
        let part = docx_part(&to_json(&m));
        let docx = zip_of(&[("word/document.xml", body), (DOCX_PART, part.as_bytes())]);
        let found = read(&docx).unwrap().unwrap();
        assert!(found.intact);
        assert_eq!(found.manifest, m, "the role's `</script> -->` survives XML");
        let edited = zip_of(&[
            (
                "word/document.xml",
                b"<w:document>Made it</w:document>".as_slice(),
            ),
            (DOCX_PART, part.as_bytes()),
        ]);
        assert!(!read(&edited).unwrap().unwrap().intact);
        // A DOCX tailor did not write, and bytes that are not an archive.
        assert_eq!(read(&zip_of(&[("word/document.xml", body)])).unwrap(), None);
        assert!(read(b"PK\x03\x04 not really").is_err());
    }

    #[test]
    fn a_docx_reads_as_a_line_per_paragraph() {
        let xml = br#"<w:document><w:body><w:p><w:r><w:t>A &amp; B</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">C </w:t></w:r></w:p><w:p><w:r><w:t>D</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(docx_text(xml), "A & B C \nD\n");
    }

    #[test]
    fn a_pdf_carries_its_manifest_before_startxref() {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\ntrailer<<>>\nstartxref\n9\n%%EOF\n";
        let mut m = manifest();
        let with = embed_pdf(pdf, &mut m);
        assert!(with.ends_with(b"startxref\n9\n%%EOF\n"));
        let found = read(&with).unwrap().unwrap();
        assert_eq!(found.manifest, m);
        assert!(found.intact && m.body_hash.is_some());
        assert_eq!(read(pdf).unwrap(), None);
        // Bytes appended after it (an incremental save) are an edit.
        let mut edited = with.clone();
        edited.extend_from_slice(b"1 0 obj<<>>endobj\n");
        assert!(!read(&edited).unwrap().unwrap().intact);
    }

    #[test]
    fn round_trips_in_both_formats_even_with_markup_in_strings() {
        let mut m = manifest();
        for (format, doc) in [
            (Format::Md, "# R\n\nText\n"),
            (Format::Html, "<html><body><p>x</p></body></html>"),
            (Format::Html, "<p>no body element</p>"),
        ] {
            let embedded = embed(doc, format, &mut m);
            assert!(!embedded.contains("</script> -->"), "{embedded}");
            let found = read_text(&embedded).unwrap().unwrap();
            assert_eq!(found.manifest, m);
            assert!(found.intact, "{embedded}");
            assert!(!found.rest.contains("tailor-manifest"));
        }
    }

    #[test]
    fn the_layout_is_what_it_always_was() {
        let mut m = manifest();
        let md = embed("# R\n\n", Format::Md, &mut m);
        let json = to_json(&m);
        assert_eq!(md, format!("# R\n\n{MD_OPEN}\n{json}\n{MD_CLOSE}\n"));
        let html = embed("<body>x</body>", Format::Html, &mut m);
        let json = to_json(&m);
        assert_eq!(
            html,
            format!("<body>x{HTML_OPEN}\n{json}\n{HTML_CLOSE}\n</body>")
        );
    }

    #[test]
    fn any_edit_of_the_body_is_seen_and_the_manifest_still_read() {
        let mut m = manifest();
        for (format, doc) in [
            (Format::Md, "# R\n\n- Built the ledger\n"),
            (
                Format::Html,
                "<html><body><li>Built the ledger</li></body></html>",
            ),
        ] {
            let embedded = embed(doc, format, &mut m);
            for edited in [
                embedded.replace("ledger", "Ledger"),
                format!("{embedded}\n"),
                format!(" {embedded}"),
            ] {
                let found = read_text(&edited).unwrap().unwrap();
                assert!(!found.intact, "{edited}");
                assert_eq!(found.manifest, m);
            }
        }
        // A manifest without a body hash (an older tailor) is not intact.
        let old = manifest();
        let doc = format!("# R\n\n{MD_OPEN}\n{}\n{MD_CLOSE}\n", to_json(&old));
        assert!(!read_text(&doc).unwrap().unwrap().intact);
    }

    #[test]
    fn text_quoting_a_manifest_cannot_stand_in_for_tailors() {
        let forged = format!(
            "{MD_OPEN}\n{}\n{MD_CLOSE}",
            serde_json::to_string(&manifest()).unwrap()
        );
        let mut m = manifest();
        m.posting = "real.md".into();
        for (format, doc) in [
            // Markdown output escapes `<!` with a backslash, leaving the marker.
            (
                Format::Md,
                format!("# R\n\n- Wrote \\{MD_OPEN} and \\{forged}\n"),
            ),
            (Format::Md, format!("# R\n\n- Quoted \\{HTML_OPEN}\n")),
            (
                Format::Html,
                format!("<body><p>{MD_OPEN} unclosed</p></body>"),
            ),
        ] {
            let embedded = embed(&doc, format, &mut m);
            let found = read_text(&embedded).unwrap().unwrap();
            assert_eq!(found.manifest.posting, "real.md");
            assert!(found.intact);
        }
    }

    #[test]
    fn json_resume_hashes_its_content_not_its_layout() {
        let mut m = manifest();
        let mut doc = serde_json::json!({"basics": {"name": "A"}, "meta": {"version": "v1.0.0"}});
        embed_json(&mut doc, &mut m);
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let found = read_text(&text).unwrap().unwrap();
        assert_eq!(found.manifest, m);
        assert!(found.intact);
        let compact = serde_json::to_string(&doc).unwrap();
        assert!(read_text(&compact).unwrap().unwrap().intact);
        let edited = text.replace("\"A\"", "\"B\"");
        assert!(!read_text(&edited).unwrap().unwrap().intact);
        assert_eq!(read_text(r#"{"basics": {}}"#).unwrap(), None);
    }

    #[test]
    fn foreign_and_corrupted_documents_are_told_apart() {
        assert_eq!(read_text("# Just a résumé\n").unwrap(), None);
        assert_eq!(read(b"\xff\xfe binary").unwrap(), None);
        let err = read_text("# R\n<!-- tailor-manifest\n{ not json\n-->\n").unwrap_err();
        assert!(err.0.contains("not valid"), "{err:?}");
        assert!(read_text("# R\n<!-- tailor-manifest\n{}").is_err());
        assert!(read(b"%PDF-1.4\n%tailor-manifest {").is_err());
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_ne!(hash(b"a"), hash(b"b"));
        assert_eq!(hash_parts(&[b"ab", b"", b"c"]), hash(b"abc"));
    }
}
