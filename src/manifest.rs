//! Provenance: a small machine-readable manifest embedded in every résumé
//! tailor writes (an HTML comment in Markdown, a `<script
//! type="application/json">` element in HTML: invisible when rendered), so
//! that a variant can be explained, compared and rebuilt.

use serde::{Deserialize, Serialize};

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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The manifest as JSON that cannot end the comment or element holding it:
/// `<` and `>` are written as JSON escapes (valid anywhere they occur).
fn to_json(m: &Manifest) -> String {
    serde_json::to_string_pretty(m)
        .expect("the manifest serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

/// `document` with the manifest embedded: at the end of Markdown, before
/// `</body>` in HTML.
pub fn embed(document: &str, format: Format, m: &Manifest) -> String {
    let json = to_json(m);
    match format {
        // JSON Resume carries the manifest in its own `meta` (see jsonresume).
        Format::JsonResume => document.to_string(),
        Format::Md => {
            let mut s = document.trim_end().to_string();
            s.push_str(&format!("\n\n{MD_OPEN}\n{json}\n{MD_CLOSE}\n"));
            s
        }
        Format::Html | Format::Pdf => {
            let block = format!("{HTML_OPEN}\n{json}\n{HTML_CLOSE}\n");
            match document.rfind("</body>") {
                Some(at) => format!("{}{block}{}", &document[..at], &document[at..]),
                None => format!("{document}\n{block}"),
            }
        }
    }
}

/// The PDF comment line that carries the manifest.
const PDF_MARK: &[u8] = b"%tailor-manifest ";

/// A PDF with the manifest embedded: one comment line, compact JSON, put
/// just before the last `startxref`. Comments may stand wherever whitespace
/// may, and nothing the cross-reference table points at moves, so the PDF
/// stays valid. A PDF without `startxref` is returned as it is.
pub fn embed_pdf(pdf: &[u8], m: &Manifest) -> Vec<u8> {
    let Some(at) = rfind(pdf, b"startxref") else {
        return pdf.to_vec();
    };
    let json = serde_json::to_string(m).expect("the manifest serialises");
    let mut out = Vec::with_capacity(pdf.len() + json.len() + 20);
    out.extend_from_slice(&pdf[..at]);
    out.extend_from_slice(PDF_MARK);
    out.extend_from_slice(json.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&pdf[at..]);
    out
}

/// The manifest of a PDF tailor wrote (see [`embed_pdf`]): `Ok(None)` for
/// any other PDF.
pub fn extract_pdf(pdf: &[u8]) -> Result<Option<Manifest>, Corrupted> {
    let Some(at) = rfind(pdf, PDF_MARK) else {
        return Ok(None);
    };
    let rest = &pdf[at + PDF_MARK.len()..];
    let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
    let m: Manifest = serde_json::from_slice(line)
        .map_err(|e| Corrupted(format!("the manifest is not valid: {e}")))?;
    m.check().map(|()| Some(m))
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

/// The manifest of a document and the document without it: `Ok(None)` for a
/// document tailor did not write, `Err` for a manifest that is there but
/// broken.
pub fn extract(document: &str) -> Result<Option<(Manifest, String)>, Corrupted> {
    // A JSON Resume document carries it in `meta.tailor`.
    if document.trim_start().starts_with('{') {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(document) {
            if let Some(m) = v.get("meta").and_then(|m| m.get("tailor")) {
                let manifest: Manifest = serde_json::from_value(m.clone())
                    .map_err(|e| Corrupted(format!("the manifest is not valid: {e}")))?;
                manifest.check()?;
                return Ok(Some((manifest, document.to_string())));
            }
            return Ok(None);
        }
    }
    for (open, close) in [(MD_OPEN, MD_CLOSE), (HTML_OPEN, HTML_CLOSE)] {
        let Some(start) = document.find(open) else {
            continue;
        };
        let body_start = start + open.len();
        let Some(len) = document[body_start..].find(close) else {
            return Err(Corrupted("the manifest block is not closed".into()));
        };
        let json = &document[body_start..body_start + len];
        let manifest: Manifest = serde_json::from_str(json.trim())
            .map_err(|e| Corrupted(format!("the manifest is not valid: {e}")))?;
        manifest.check()?;
        let rest = format!(
            "{}{}",
            &document[..start],
            document[body_start + len + close.len()..].trim_start_matches('\n')
        );
        return Ok(Some((manifest, rest)));
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        Manifest {
            tailor: "0.1.0".into(),
            content_hash: hash(b"c"),
            posting: "p.md".into(),
            posting_hash: hash(b"p"),
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

    #[test]
    fn a_manifest_listing_one_id_twice_is_corrupted_not_a_panic() {
        let mut m = manifest();
        m.selected.push(m.selected[0].clone());
        let doc = embed("# R\n", Format::Md, &m);
        let err = extract(&doc).unwrap_err();
        assert!(err.0.contains("lists `a` twice"), "{}", err.0);
    }

    #[test]
    fn a_pdf_carries_its_manifest_before_startxref() {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\nxref\n0 1\ntrailer<<>>\nstartxref\n9\n%%EOF\n";
        let m = manifest();
        let with = embed_pdf(pdf, &m);
        assert!(with.ends_with(b"startxref\n9\n%%EOF\n"));
        assert_eq!(extract_pdf(&with).unwrap(), Some(m));
        assert_eq!(extract_pdf(pdf).unwrap(), None);
    }

    #[test]
    fn round_trips_in_both_formats_even_with_markup_in_strings() {
        let m = manifest();
        for (format, doc) in [
            (Format::Md, "# R\n\nText\n"),
            (Format::Html, "<html><body><p>x</p></body></html>"),
        ] {
            let embedded = embed(doc, format, &m);
            assert!(!embedded.contains("</script> -->"), "{embedded}");
            let (back, rest) = extract(&embedded).unwrap().unwrap();
            assert_eq!(back, m);
            assert!(!rest.contains("tailor-manifest"));
        }
    }

    #[test]
    fn foreign_and_corrupted_documents_are_told_apart() {
        assert_eq!(extract("# Just a résumé\n").unwrap(), None);
        let err = extract("# R\n<!-- tailor-manifest\n{ not json\n-->\n").unwrap_err();
        assert!(err.0.contains("not valid"), "{err:?}");
        assert!(extract("# R\n<!-- tailor-manifest\n{}").is_err());
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_ne!(hash(b"a"), hash(b"b"));
    }
}
