//! Batch: the pure parts of tailoring many postings at once. Safe, unique
//! output names; the summary (CSV and JSON); the coverage report page.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;

/// File stems tailor itself writes in the output directory.
const RESERVED: &[&str] = &["summary", "report"];

/// A safe file stem from a posting's file name: letters, digits, `.`, `_`
/// and `-` kept, anything else (separators, spaces, `..`) turned into `-`.
/// Never empty, never a path.
pub fn sanitize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches(|c| c == '-' || c == '.').to_string();
    if out.is_empty() {
        "posting".to_string()
    } else {
        out
    }
}

/// Unique output stems for postings, in order: the sanitised file stem,
/// then `-2`, `-3`, … on a collision (ignoring case, so that the names also
/// differ on case-insensitive file systems).
pub fn output_stems(stems: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = RESERVED.iter().map(|s| s.to_string()).collect();
    stems
        .iter()
        .map(|s| {
            let base = sanitize(s);
            let mut name = base.clone();
            let mut n = 1;
            while taken.contains(&name.to_lowercase()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            taken.insert(name.to_lowercase());
            name
        })
        .collect()
}

/// What happened to one posting.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The posting, as given.
    pub posting: String,
    /// The files written (relative to the output directory).
    pub outputs: Vec<String>,
    /// `ok` or `failed`.
    pub status: &'static str,
    /// Why it failed.
    pub error: Option<String>,
    /// Weighted share of key terms covered (0–1).
    pub match_rate: Option<f64>,
    /// Achievements selected.
    pub selected: Option<usize>,
    /// Words of achievement text.
    pub words: Option<usize>,
    /// The most important key terms missing (up to three).
    pub missing: Vec<String>,
    /// Scores per achievement in library order (for the report only).
    #[serde(skip)]
    pub scores: Vec<f64>,
    /// Selected achievement indices, library order (for the report only).
    #[serde(skip)]
    pub chosen: Vec<usize>,
    /// Key terms no achievement in the library matches (for the report only).
    #[serde(skip)]
    pub uncovered: Vec<String>,
}

impl Row {
    /// A posting that could not be tailored.
    pub fn failed(posting: String, error: String) -> Row {
        Row {
            posting,
            outputs: Vec::new(),
            status: "failed",
            error: Some(error),
            match_rate: None,
            selected: None,
            words: None,
            missing: Vec::new(),
            scores: Vec::new(),
            chosen: Vec::new(),
            uncovered: Vec::new(),
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The summary as CSV, one row per posting.
pub fn summary_csv(rows: &[Row]) -> String {
    let mut s = String::from("posting,status,match_rate,selected,words,missing,outputs,error\n");
    for r in rows {
        let _ = writeln!(
            s,
            "{},{},{},{},{},{},{},{}",
            csv_field(&r.posting),
            r.status,
            r.match_rate.map(|m| format!("{m:.4}")).unwrap_or_default(),
            r.selected.map(|n| n.to_string()).unwrap_or_default(),
            r.words.map(|n| n.to_string()).unwrap_or_default(),
            csv_field(&r.missing.join("; ")),
            csv_field(&r.outputs.join("; ")),
            csv_field(r.error.as_deref().unwrap_or("")),
        );
    }
    s
}

/// The summary as JSON: the rows and the totals.
pub fn summary_json(rows: &[Row]) -> String {
    #[derive(Serialize)]
    struct Summary<'a> {
        postings: usize,
        ok: usize,
        failed: usize,
        rows: &'a [Row],
    }
    let ok = rows.iter().filter(|r| r.status == "ok").count();
    let mut s = serde_json::to_string_pretty(&Summary {
        postings: rows.len(),
        ok,
        failed: rows.len() - ok,
        rows,
    })
    .expect("the summary serialises");
    s.push('\n');
    s
}

/// The summary as a table for the terminal.
pub fn summary_table(rows: &[Row]) -> String {
    let w = rows
        .iter()
        .map(|r| r.posting.chars().count())
        .max()
        .unwrap_or(7)
        .clamp(7, 48);
    let mut s = format!(
        "{:<w$}  {:>5}  {:>8}  {:>5}  top missing key terms\n",
        "posting", "match", "selected", "words"
    );
    for r in rows {
        let name: String = if r.posting.chars().count() > w {
            let tail: String = r
                .posting
                .chars()
                .rev()
                .take(w - 1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!("…{tail}")
        } else {
            r.posting.clone()
        };
        match r.status {
            "ok" => {
                let _ = writeln!(
                    s,
                    "{name:<w$}  {:>4.0}%  {:>8}  {:>5}  {}",
                    r.match_rate.unwrap_or(0.0) * 100.0,
                    r.selected.unwrap_or(0),
                    r.words.unwrap_or(0),
                    r.missing.join(", ")
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "{name:<w$}  FAILED: {}",
                    r.error.as_deref().unwrap_or("")
                );
            }
        }
    }
    let failed = rows.iter().filter(|r| r.status != "ok").count();
    let _ = writeln!(
        s,
        "\n{} postings, {} tailored, {failed} failed",
        rows.len(),
        rows.len() - failed
    );
    s
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Most achievements shown as columns of the matrix: beyond this, those
/// selected most often (then scoring highest) are shown.
pub const REPORT_COLUMNS: usize = 60;

/// The coverage report: a self-contained page (inline CSS, no external
/// requests) with the postings × achievements matrix, each posting's
/// missing key terms, the achievements no posting selected, and the
/// posting terms no achievement covers.
pub fn report_html(rows: &[Row], ids: &[String]) -> String {
    let ok: Vec<&Row> = rows.iter().filter(|r| r.status == "ok").collect();
    let mut times_chosen = vec![0usize; ids.len()];
    let mut total = vec![0.0f64; ids.len()];
    for r in &ok {
        for &i in &r.chosen {
            times_chosen[i] += 1;
        }
        for (i, s) in r.scores.iter().enumerate() {
            total[i] += s;
        }
    }
    let mut columns: Vec<usize> = (0..ids.len()).collect();
    if columns.len() > REPORT_COLUMNS {
        columns.sort_by(|&a, &b| {
            times_chosen[b]
                .cmp(&times_chosen[a])
                .then(total[b].total_cmp(&total[a]))
                .then(a.cmp(&b))
        });
        columns.truncate(REPORT_COLUMNS);
        columns.sort_unstable();
    }
    let never: Vec<&str> = (0..ids.len())
        .filter(|&i| times_chosen[i] == 0)
        .map(|i| ids[i].as_str())
        .collect();
    let mut uncovered: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &ok {
        for t in &r.uncovered {
            *uncovered.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut uncovered: Vec<(&str, usize)> = uncovered.into_iter().collect();
    uncovered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));

    let mut h = String::new();
    h.push_str(r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>tailor batch report</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; padding: 1.5rem; font: 13px/1.4 "Liberation Sans", Helvetica, Arial, sans-serif; color: #1d1f23; }
  h1 { font-size: 1.5rem; margin: 0 0 0.3rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
  .scroll { max-width: 100%; overflow-x: auto; border: 1px solid #d5d8de; }
  table.matrix { border-collapse: collapse; font-size: 11px; }
  .matrix th, .matrix td { border: 1px solid #eceef1; padding: 0; }
  .matrix thead th { height: 9rem; vertical-align: bottom; white-space: nowrap; }
  .matrix thead th div { writing-mode: vertical-rl; transform: rotate(180deg); padding: 0.2rem 0; max-height: 9rem; overflow: hidden; text-overflow: ellipsis; }
  .matrix tbody th { text-align: left; font-weight: normal; padding: 0 0.4rem; white-space: nowrap; max-width: 16rem; overflow: hidden; text-overflow: ellipsis; }
  .matrix td { width: 1.15rem; min-width: 1.15rem; height: 1.15rem; text-align: center; font-size: 10px; }
  .matrix td.sel { color: #fff; font-weight: bold; }
  .legend span { display: inline-block; width: 1rem; height: 1rem; vertical-align: middle; border: 1px solid #ccc; }
  ul.terms { columns: 3 16rem; padding-left: 1.2rem; }
  table.missing { border-collapse: collapse; width: 100%; table-layout: fixed; }
  table.missing td, table.missing th { border-bottom: 1px solid #eceef1; padding: 0.2rem 0.4rem; text-align: left; overflow-wrap: anywhere; }
  table.missing th:first-child { width: 30%; }
</style></head><body>
"#);
    let _ = writeln!(
        h,
        "<h1>tailor batch report</h1>\n<p>{} postings tailored, {} failed, against {} achievements.</p>",
        ok.len(),
        rows.len() - ok.len(),
        ids.len()
    );
    let _ = writeln!(
        h,
        "<h2>Coverage matrix</h2>\n<p class=\"legend\">Cells shaded by the achievement's score relative to the best for that posting (<span style=\"background:#fff\"></span> none to <span style=\"background:rgb(31,78,121)\"></span> best); ● selected.{}</p>",
        if columns.len() < ids.len() {
            format!(
                " Showing the {} achievements selected most often, of {}.",
                columns.len(),
                ids.len()
            )
        } else {
            String::new()
        }
    );
    h.push_str("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th></th>");
    for &c in &columns {
        let _ = write!(h, "<th title=\"{0}\"><div>{0}</div></th>", esc(&ids[c]));
    }
    h.push_str("</tr></thead><tbody>\n");
    for r in &ok {
        let best = r.scores.iter().copied().fold(0.0, f64::max);
        let _ = write!(h, "<tr><th title=\"{0}\">{0}</th>", esc(&r.posting));
        for &c in &columns {
            let v = if best > 0.0 { r.scores[c] / best } else { 0.0 };
            let shade = |from: f64, to: f64| (from + (to - from) * v).round() as u8;
            let (red, green, blue) = (shade(255.0, 31.0), shade(255.0, 78.0), shade(255.0, 121.0));
            let sel = r.chosen.contains(&c);
            let _ = write!(
                h,
                "<td{} style=\"background:rgb({red},{green},{blue})\" title=\"{}: {:.2}\">{}</td>",
                if sel { " class=\"sel\"" } else { "" },
                esc(&ids[c]),
                r.scores[c],
                if sel { "●" } else { "" }
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table></div>\n<h2>Missing key terms per posting</h2>\n<table class=\"missing\"><tr><th>posting</th><th>missing key terms</th></tr>\n");
    for r in &ok {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&r.posting),
            esc(&r.missing.join(", "))
        );
    }
    h.push_str("</table>\n<h2>Achievements no posting selected</h2>\n");
    if never.is_empty() {
        h.push_str("<p>None: every achievement was selected at least once.</p>\n");
    } else {
        h.push_str("<ul class=\"terms\">");
        for id in &never {
            let _ = write!(h, "<li>{}</li>", esc(id));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<h2>Posting terms no achievement covers</h2>\n");
    if uncovered.is_empty() {
        h.push_str("<p>None.</p>\n");
    } else {
        h.push_str("<ul class=\"terms\">");
        for (t, n) in &uncovered {
            let _ = write!(
                h,
                "<li>{} <small>({n} posting{})</small></li>",
                esc(t),
                if *n == 1 { "" } else { "s" }
            );
        }
        h.push_str("</ul>\n");
    }
    if rows.len() > ok.len() {
        h.push_str("<h2>Failed postings</h2>\n<ul>");
        for r in rows.iter().filter(|r| r.status != "ok") {
            let _ = write!(
                h,
                "<li>{}: {}</li>",
                esc(&r.posting),
                esc(r.error.as_deref().unwrap_or(""))
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_never_paths() {
        assert_eq!(sanitize("../../x"), "x");
        assert_eq!(
            sanitize("Senior Engineer (Remote)"),
            "Senior-Engineer-Remote"
        );
        assert_eq!(sanitize("/etc/passwd"), "etc-passwd");
        assert_eq!(sanitize("..."), "posting");
        assert_eq!(sanitize("ünïcode"), "n-code");
    }

    #[test]
    fn collisions_get_numbers_and_reserved_names_are_avoided() {
        let s = |v: &[&str]| output_stems(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(s(&["a", "a", "A", "b"]), vec!["a", "a-2", "A-3", "b"]);
        assert_eq!(s(&["report", "summary"]), vec!["report-2", "summary-2"]);
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let mut r = Row::failed("a, \"b\".txt".into(), "broken\nline".into());
        r.missing = vec!["x".into()];
        let csv = summary_csv(&[r]);
        assert!(csv.contains("\"a, \"\"b\"\".txt\",failed"), "{csv}");
        assert!(csv.contains("\"broken\nline\""), "{csv}");
    }
}
