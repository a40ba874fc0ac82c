//! `tailor diff`: two variants, from files or composed in memory, compared
//! by their manifests; exit status like diff(1).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};

use crate::cli::{DiffArgs, ScoreFormat, SelectArgs};
use crate::diff::{self, Diff, Variant};
use crate::format::Format;
use crate::manifest;
use crate::output::Output;

/// A résumé to compare larger than this is refused before it is read.
const MAX_DIFF_BYTES: u64 = 20 * 1024 * 1024;

/// A variant's manifest (if it has one) and visible text.
struct Side {
    name: String,
    manifest: Option<manifest::Manifest>,
    /// The document as a reader sees it (markup and manifest removed).
    text: String,
}

fn visible_text(document: &str) -> String {
    let looks_html = document.trim_start().starts_with('<');
    if looks_html {
        crate::html::visible_text(document)
    } else {
        document.to_string()
    }
}

fn read_side(path: &Path) -> Result<Side> {
    let bytes = crate::input::read_file(path, "résumé", MAX_DIFF_BYTES)?;
    let name = path.display().to_string();
    // Any format tailor writes (PDF and DOCX too) is read for its manifest;
    // a file without one must be text.
    match manifest::read(&bytes) {
        Ok(Some(found)) => {
            if !found.intact && found.manifest.body_hash.is_some() {
                // Still compared: the manifest tells what tailor selected.
                let _ = writeln!(
                    std::io::stderr(),
                    "note: `{}` was edited since tailor wrote it; its manifest describes what tailor wrote",
                    path.display()
                );
            }
            Ok(Side {
                name,
                manifest: Some(found.manifest),
                text: visible_text(&found.rest),
            })
        }
        Ok(None) => {
            let document = String::from_utf8(bytes).map_err(|_| {
                anyhow!(
                    "`{}` is not UTF-8 text; tailor diff compares résumés tailor wrote",
                    path.display()
                )
            })?;
            Ok(Side {
                name,
                manifest: None,
                text: visible_text(&document),
            })
        }
        Err(e) => bail!(
            "`{}`: its tailor manifest is corrupted ({}); compose it again, or compare the text with another tool",
            path.display(),
            e.0
        ),
    }
}

/// Both variants composed in memory from --job/--profile/--budget.
fn composed_sides(args: &DiffArgs) -> Result<(Side, Side)> {
    let pick = |n: usize, what: &str| -> Result<(usize, usize)> {
        match n {
            0 | 1 => Ok((0, 0)),
            2 => Ok((0, 1)),
            _ => bail!("give at most two {what} (one for A, one for B)"),
        }
    };
    let (ja, jb) = pick(args.job.len(), "--job")?;
    let (pa, pb) = pick(args.profile.len(), "--profile")?;
    let (ba, bb) = pick(args.budget.len(), "--budget")?;
    if args.job.len() < 2 && args.profile.len() < 2 && args.budget.len() < 2 {
        bail!(
            "nothing to compare: give two files, or --job with two --job, --profile or --budget values"
        );
    }
    let output = Output::builtin(Format::Md)?;
    let side = |j: usize, p: usize, b: usize| -> Result<Side> {
        let profile = super::load_profile(args.profile.get(p).map(String::as_str))?;
        let select = SelectArgs {
            budget: args.budget.get(b).copied(),
            ..SelectArgs::default()
        };
        let output = match profile.templates_dir() {
            Some(dir) => &Output::new(Format::Md, Some(&dir), None)?,
            None => &output,
        };
        let posting = super::load_posting(&args.job[j], super::posting_lang(None, &profile))?;
        let engine =
            super::engine_for(&args.content.content, posting.lang, &profile, &select, None)?;
        let tailored = engine.tailor(&posting)?;
        let composed = engine.render(&posting, &tailored, output)?;
        let m = composed.manifest;
        Ok(Side {
            name: format!(
                "{} (profile {}, budget {})",
                args.job[j].display(),
                m.profile,
                m.budget
            ),
            manifest: Some(m),
            text: composed.body,
        })
    };
    Ok((side(ja, pa, ba)?, side(jb, pb, bb)?))
}

/// Runs `tailor diff`.
pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    let (a, b) = match (args.files.len(), args.job.is_empty()) {
        (2, true) => (read_side(&args.files[0])?, read_side(&args.files[1])?),
        (0, false) => composed_sides(args)?,
        (0, true) => bail!("give two files to compare, or --job to compose variants in memory"),
        (_, false) => bail!("give either two files or --job, not both"),
        (_, true) => bail!("give two files to compare (got {})", args.files.len()),
    };
    let text_diff = args.text.then(|| unified(&a, &b));

    let (Some(ma), Some(mb)) = (a.manifest.clone(), b.manifest.clone()) else {
        // Foreign files: only the text can be compared.
        let foreign: Vec<&str> = [&a, &b]
            .iter()
            .filter(|s| s.manifest.is_none())
            .map(|s| s.name.as_str())
            .collect();
        let same = a.text == b.text;
        let mut out = format!(
            "note: {} {} no tailor manifest (not written by tailor, or edited); comparing the text only\n",
            foreign.join(" and "),
            if foreign.len() == 1 { "has" } else { "have" }
        );
        out.push_str(&if same {
            "The texts are the same.\n".to_string()
        } else {
            unified(&a, &b)
        });
        super::print(&out)?;
        return Ok(ExitCode::from(u8::from(!same)));
    };
    let d = diff::diff(
        &Variant {
            name: a.name.clone(),
            manifest: ma,
            words: crate::text::word_count(&a.text),
        },
        &Variant {
            name: b.name.clone(),
            manifest: mb,
            words: crate::text::word_count(&b.text),
        },
    );
    let out = match args.format {
        ScoreFormat::Json => {
            let mut v = serde_json::to_value(&d)?;
            if let Some(t) = &text_diff {
                v["text_diff"] = serde_json::Value::String(t.clone());
            }
            super::json(&v)?
        }
        ScoreFormat::Text => {
            let mut s = describe(&d, Palette::for_stdout());
            if let Some(t) = &text_diff {
                s.push('\n');
                s.push_str(t);
            }
            s
        }
    };
    super::print(&out)?;
    Ok(ExitCode::from(u8::from(!d.same_selection)))
}

/// Texts with more lines than this get no line diff: a résumé has a few
/// hundred, and the diff's cost grows with lines × differences (two
/// unrelated 5 MB files ran for minutes). A time limit would bound it too,
/// but would make the output depend on the machine.
const MAX_TEXT_DIFF_LINES: usize = 5_000;

fn unified(a: &Side, b: &Side) -> String {
    let lines = a.text.lines().count().max(b.text.lines().count());
    if lines > MAX_TEXT_DIFF_LINES {
        return format!(
            "The texts differ; no line diff, since they are longer than {MAX_TEXT_DIFF_LINES} lines ({lines}).\n"
        );
    }
    similar::TextDiff::from_lines(&a.text, &b.text)
        .unified_diff()
        .header(&a.name, &b.name)
        .to_string()
}

/// ANSI colours, or none.
struct Palette {
    add: &'static str,
    del: &'static str,
    change: &'static str,
    bold: &'static str,
    reset: &'static str,
}

impl Palette {
    /// Colours on a terminal, unless NO_COLOR is set (https://no-color.org).
    fn for_stdout() -> Palette {
        let colour = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var("TERM").map_or(true, |t| t != "dumb");
        if colour {
            Palette {
                add: "\x1b[32m",
                del: "\x1b[31m",
                change: "\x1b[33m",
                bold: "\x1b[1m",
                reset: "\x1b[0m",
            }
        } else {
            Palette {
                add: "",
                del: "",
                change: "",
                bold: "",
                reset: "",
            }
        }
    }
}

fn describe(d: &Diff, c: Palette) -> String {
    let Palette {
        add,
        del,
        change,
        bold,
        reset,
    } = c;
    let mut s = String::new();
    let _ = writeln!(s, "{bold}A:{reset} {}\n{bold}B:{reset} {}", d.a, d.b);
    for (what, ch) in [
        ("posting", &d.postings),
        ("profile", &d.profiles),
        ("budget", &d.budgets),
        ("language", &d.languages),
    ] {
        if ch.a != ch.b {
            let _ = writeln!(s, "   {what}: {} → {}", ch.a, ch.b);
        }
    }
    s.push('\n');
    if d.same_selection {
        let _ = writeln!(
            s,
            "No differences: the same achievements, in the same order and phrasing."
        );
    }
    for x in &d.removed {
        let _ = writeln!(
            s,
            "{del}  - removed   {} ({}), was #{}{reset}",
            x.id, x.role, x.position
        );
    }
    for x in &d.added {
        let _ = writeln!(
            s,
            "{add}  + added     {} ({}), now #{}{reset}",
            x.id, x.role, x.position
        );
    }
    for x in &d.moved {
        let _ = writeln!(
            s,
            "{change}  ~ moved     {} #{} → #{}{reset}",
            x.id, x.from, x.to
        );
    }
    for x in &d.rephrased {
        let _ = writeln!(
            s,
            "{change}  * phrasing  {}: {} → {}{reset}",
            x.id, x.from, x.to
        );
    }
    if !d.same_selection {
        s.push('\n');
    }
    let roles: Vec<String> = d
        .roles
        .iter()
        .filter(|(_, c)| c.a != c.b)
        .map(|(r, c)| format!("{r} {} → {}", c.a, c.b))
        .collect();
    if !roles.is_empty() {
        let _ = writeln!(s, "roles       {}", roles.join("; "));
    }
    let _ = writeln!(s, "selected    {} → {} achievements", d.count.a, d.count.b);
    let _ = writeln!(s, "words       {} → {}", d.words.a, d.words.b);
    let points = ((d.match_rate.b - d.match_rate.a) * 100.0).round();
    let change = if points == 0.0 {
        "no change".to_string()
    } else if points.abs() == 1.0 {
        format!("{points:+.0} point")
    } else {
        format!("{points:+.0} points")
    };
    let _ = writeln!(
        s,
        "match rate  {:.0}% → {:.0}% ({change}, each against its own posting)",
        d.match_rate.a * 100.0,
        d.match_rate.b * 100.0,
    );
    if !d.newly_covered.is_empty() {
        let _ = writeln!(
            s,
            "{add}key terms newly covered: {}{reset}",
            d.newly_covered.join(", ")
        );
    }
    if !d.lost.is_empty() {
        let _ = writeln!(s, "{del}key terms lost: {}{reset}", d.lost.join(", "));
    }
    s
}
