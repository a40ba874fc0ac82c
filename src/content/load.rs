//! Reading content from disk: one YAML file or a directory of them, merged
//! and validated. Every error names the file, and the line where there is one.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};

use super::file::{self, ContentFile, LocalText};
use super::model::{Achievement, Basics, Education, Library, Role, Translations};
use crate::analysis::Lang;
use crate::yaml::read_text;

/// Content larger than this is refused: a résumé library is kilobytes, so a
/// bigger input is a wrong path, not a big career.
pub const MAX_CONTENT_BYTES: u64 = 20 * 1024 * 1024;

/// Loads the library at `path`: a YAML file, or a directory whose `*.yaml` and
/// `*.yml` files (sorted by name) are merged.
pub fn load(path: &Path) -> Result<Library> {
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow!(
            "content path `{}` does not exist; pass --content PATH, or create ./content (see README)",
            path.display()
        ),
        _ => anyhow!("cannot read content path `{}`: {e}", path.display()),
    })?;
    let files = if meta.is_dir() {
        yaml_files_in(path)?
    } else {
        vec![path.to_path_buf()]
    };
    let mut total = 0u64;
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let text = read_text(&file)?;
        total += text.len() as u64;
        if total > MAX_CONTENT_BYTES {
            bail!(
                "content at `{}` is larger than the {} MB limit; is --content pointing at the right place?",
                path.display(),
                MAX_CONTENT_BYTES / (1024 * 1024)
            );
        }
        sources.push(Source { path: file, text });
    }
    from_sources(&sources)
}

/// One content file's name and text, before parsing.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown in error messages.
    pub path: PathBuf,
    /// The YAML text.
    pub text: String,
}

/// Parses and merges already-read sources; no I/O, so tests and fuzzing can
/// drive it with strings.
pub fn from_sources(sources: &[Source]) -> Result<Library> {
    let mut parsed = Vec::with_capacity(sources.len());
    for src in sources {
        parsed.push(parse(&src.path, &src.text)?);
    }
    merge(sources, parsed)
}

/// Parses one content file strictly.
pub fn parse(path: &Path, text: &str) -> Result<ContentFile> {
    if is_blank_yaml(text) {
        return Ok(ContentFile::default());
    }
    crate::yaml::parse(path, text)
}

fn yaml_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir)
        .with_context(|| format!("cannot list content directory `{}`", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry =
            entry.with_context(|| format!("cannot list content directory `{}`", dir.display()))?;
        let path = entry.path();
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if is_yaml && !path.is_dir() {
            files.push(path);
        }
    }
    if files.is_empty() {
        bail!(
            "content directory `{}` holds no .yaml or .yml files; add one (see README, \"Content format\")",
            dir.display()
        );
    }
    // Merge order is file-name order, so output never depends on the file system.
    files.sort();
    Ok(files)
}

fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---"
    })
}

/// Where each `key: value` line of one file sits, for errors found after
/// parsing (serde_yaml gives no positions for valid values). Built in one pass
/// over the text, so locating every id of a large library stays linear; and
/// each lookup takes the next unclaimed line for that value, so the second
/// `id: two` of a file names its own line rather than the first one's.
struct LineIndex {
    /// key → value → (the value's lines in file order, how many are claimed).
    lines: HashMap<&'static str, HashMap<String, (Vec<usize>, usize)>>,
}

impl LineIndex {
    /// The keys whose lines errors name.
    const KEYS: [&'static str; 4] = ["id", "title", "url", "lang"];

    fn new(text: &str) -> Self {
        let mut lines: HashMap<&'static str, HashMap<String, (Vec<usize>, usize)>> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            // A key may open a sequence item (`- id: a`), as content files write it.
            let t = line.trim_start().trim_start_matches("- ").trim_start();
            for key in Self::KEYS {
                let Some(v) = t.strip_prefix(key).and_then(|r| r.strip_prefix(':')) else {
                    continue;
                };
                let value = v.trim().trim_matches(|c| c == '"' || c == '\'');
                lines
                    .entry(key)
                    .or_default()
                    .entry(value.to_string())
                    .or_default()
                    .0
                    .push(i + 1);
            }
        }
        LineIndex { lines }
    }

    /// The line (1-based) of the next `key: value` not yet claimed, in file
    /// order; `None` when the text writes it in a form not recognised here
    /// (flow style, escapes), and the error then names only the file.
    fn next(&mut self, key: &str, value: &str) -> Option<usize> {
        let (found, claimed) = self.lines.get_mut(key)?.get_mut(value)?;
        let line = found.get(*claimed).copied();
        *claimed += 1;
        line
    }
}

/// An achievement's `text` or `short` longer than this is refused: one is a
/// sentence or two (the seed résumé's longest is under 400 characters), and
/// scoring and the near-duplicate lint cost grows with the text (one 15 MB
/// text took 900 MB and 9 s).
pub const MAX_ACHIEVEMENT_CHARS: usize = 5_000;

/// True when inline Markdown shows a reader at least one letter or digit:
/// not empty, not YAML's `~`, not markup alone (`**`, `[]()`, `&nbsp;`).
fn has_words(markdown: &str) -> bool {
    let t = markdown.trim();
    t != "~" && crate::text::plain(t).chars().any(char::is_alphanumeric)
}

fn at(path: &Path, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{}:{l}", path.display()),
        None => path.display().to_string(),
    }
}

/// The library's language: the one every file with plain texts (or a
/// `lang:`) is in; English when none says. Files in different languages
/// are an error: a plain text would not say which language it is in.
fn library_lang(sources: &[Source], parsed: &[ContentFile]) -> Result<Lang> {
    let mut first: Option<(Lang, &Path)> = None;
    for (src, f) in sources.iter().zip(parsed) {
        if f.lang.is_none() && !has_plain_text(f) {
            continue;
        }
        let lang = f.lang.unwrap_or_default();
        match first {
            None => first = Some((lang, &src.path)),
            Some((l, at)) if l != lang => {
                let line = LineIndex::new(&src.text).next("lang", lang.code());
                let this = match f.lang {
                    Some(_) => format!("`lang: {lang}`"),
                    None => "no `lang:` (so en)".to_string(),
                };
                bail!(
                    "{}: {this}, but {} is in {l}; the files of one library share one language: set the same `lang:` in each, and give texts in other languages by language code (`text: {{{l}: …, {lang}: …}}`)",
                    self::at(&src.path, line),
                    at.display()
                );
            }
            Some(_) => {}
        }
    }
    Ok(first.map_or(Lang::En, |(l, _)| l))
}

/// True when a file writes any prose field as a plain string, which is in
/// the file's language.
fn has_plain_text(f: &ContentFile) -> bool {
    let plain = |t: &Option<LocalText>| t.as_ref().is_some_and(LocalText::is_plain);
    plain(&f.summary)
        || f.basics.as_ref().is_some_and(|b| plain(&b.headline))
        || f.experience.iter().flatten().any(|r| {
            r.title.is_plain()
                || plain(&r.summary)
                || r.achievements
                    .iter()
                    .any(|a| a.text.is_plain() || plain(&a.short))
        })
        || f.education.iter().flatten().any(|e| plain(&e.degree))
}

/// An optional prose field: its text in `lang` and its translations.
fn optional(
    text: Option<LocalText>,
    lang: Lang,
    field: &'static str,
    tr: &mut Translations,
) -> Option<String> {
    let (own, others) = text?.split(lang);
    tr.set(field, others);
    own
}

/// A required prose field: its text in `lang` (an error naming `what` at
/// `here` when there is none) and its translations.
fn required(
    text: LocalText,
    lang: Lang,
    field: &'static str,
    tr: &mut Translations,
    here: &str,
    what: &str,
) -> Result<String> {
    let (own, others) = text.split(lang);
    tr.set(field, others);
    own.ok_or_else(|| {
        anyhow!(
            "{here}: {what} has no `{field}` in {lang}, the content's language (`lang:`); \
             give one (`{lang}: …`): texts in other languages are translations of it"
        )
    })
}

/// `basics` as written, its headline resolved into the library's language.
fn basics(b: file::Basics, lang: Lang) -> Basics {
    let mut translations = Translations::default();
    let headline = optional(b.headline, lang, "headline", &mut translations);
    Basics {
        name: b.name,
        headline,
        email: b.email,
        phone: b.phone,
        location: b.location,
        links: b.links,
        translations,
    }
}

fn merge(sources: &[Source], parsed: Vec<ContentFile>) -> Result<Library> {
    let lang = library_lang(sources, &parsed)?;
    let mut lib = Library {
        lang,
        ..Library::default()
    };
    let mut basics_from: Option<&Path> = None;
    let mut summary_from: Option<&Path> = None;
    // id → where it was first seen, for duplicate errors naming both places.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();

    for (src, file) in sources.iter().zip(parsed) {
        let path = src.path.as_path();
        let mut lines = LineIndex::new(&src.text);
        if let Some(b) = file.basics {
            for link in &b.links {
                if !crate::text::is_safe_url(&link.url) {
                    let line = lines.next("url", &link.url);
                    bail!(
                        "{}: link `{}` must be an http(s), mailto or tel address",
                        at(path, line),
                        link.url
                    );
                }
            }
            if let Some(prev) = basics_from {
                bail!(
                    "{}: `basics` is also set in {}; keep it in one file",
                    path.display(),
                    prev.display()
                );
            }
            basics_from = Some(path);
            lib.basics = basics(b, lang);
        }
        if let Some(s) = file.summary {
            if let Some(prev) = summary_from {
                bail!(
                    "{}: `summary` is also set in {}; keep it in one file",
                    path.display(),
                    prev.display()
                );
            }
            summary_from = Some(path);
            lib.summary = optional(Some(s), lang, "summary", &mut lib.translations);
        }
        for r in file.experience.unwrap_or_default() {
            let role_line = lines.next("title", r.title.line_value());
            let (role, places) = self::role(r, lang, path, role_line, &mut lines)?;
            for (a, here) in role.achievements.iter().zip(places) {
                if let Some(first) = seen.get(&a.id) {
                    bail!(
                        "{here}: duplicate achievement id `{}` (first used at {first}); ids must be unique across the library",
                        a.id
                    );
                }
                seen.insert(a.id.clone(), here);
            }
            lib.experience.push(role);
        }
        lib.skills.extend(file.skills.unwrap_or_default());
        for ed in file.education.unwrap_or_default() {
            if let (Some(s), Some(super::date::End::Date(e))) = (ed.start, ed.end) {
                if e.last_month() < s.first_month() {
                    bail!(
                        "{}: education at `{}` ends ({e}) before it starts ({s})",
                        path.display(),
                        ed.institution
                    );
                }
            }
            let mut translations = Translations::default();
            let degree = optional(ed.degree, lang, "degree", &mut translations);
            lib.education.push(Education {
                institution: ed.institution,
                degree,
                start: ed.start,
                end: ed.end,
                translations,
            });
        }
        for (name, variants) in file.aliases.unwrap_or_default() {
            lib.aliases.entry(name).or_default().extend(variants);
        }
    }

    if seen.is_empty() {
        let names: Vec<String> = sources
            .iter()
            .map(|s| s.path.display().to_string())
            .collect();
        bail!(
            "the library has no achievements (read {}); add roles under `experience:` with `achievements:`",
            names.join(", ")
        );
    }
    Ok(lib)
}

/// A role as written, checked and resolved into the library's language;
/// `role_line` is where its `title` stands in `path`. Each achievement's
/// `id` line is claimed from `lines` in file order; with the role come
/// where its achievements stand.
fn role(
    r: file::Role,
    lang: Lang,
    path: &Path,
    role_line: Option<usize>,
    lines: &mut LineIndex,
) -> Result<(Role, Vec<String>)> {
    let here = at(path, role_line);
    let mut translations = Translations::default();
    let title = required(r.title, lang, "title", &mut translations, &here, "a role")?;
    let titles = std::iter::once(title.as_str()).chain(
        translations
            .langs("title")
            .filter_map(|l| translations.get("title", l)),
    );
    if titles.into_iter().any(|t| t.trim().is_empty()) {
        bail!("{here}: a role has an empty `title`");
    }
    if let (Some(s), Some(super::date::End::Date(e))) = (r.start, r.end) {
        if e.last_month() < s.first_month() {
            bail!("{here}: role `{title}` ends ({e}) before it starts ({s})");
        }
    }
    if r.achievements.is_empty() {
        bail!("{here}: role `{title}` has no achievements; add at least one, or remove the role");
    }
    let summary = optional(r.summary, lang, "summary", &mut translations);
    let mut achievements = Vec::with_capacity(r.achievements.len());
    let mut places = Vec::with_capacity(r.achievements.len());
    for a in r.achievements {
        let here = at(path, lines.next("id", &a.id));
        achievements.push(achievement(a, lang, &here)?);
        places.push(here);
    }
    let role = Role {
        title,
        company: r.company,
        location: r.location,
        start: r.start,
        end: r.end,
        summary,
        achievements,
        translations,
    };
    Ok((role, places))
}

/// An achievement resolved into the library's language, its id and its
/// texts in every language checked; `here` is where its `id` stands.
fn achievement(a: file::Achievement, lang: Lang, here: &str) -> Result<Achievement> {
    let id = a.id;
    check_id(&id).map_err(|m| anyhow!("{here}: {m}"))?;
    let mut translations = Translations::default();
    let what = format!("achievement `{id}`");
    let text = required(a.text, lang, "text", &mut translations, here, &what)?;
    let short = optional(a.short, lang, "short", &mut translations);
    let in_lang = |field: &'static str, own: Option<&str>| {
        own.map(|t| (lang, t.to_string()))
            .into_iter()
            .chain(
                translations
                    .langs(field)
                    .filter_map(|l| translations.get(field, l).map(|t| (l, t.to_string()))),
            )
            .collect::<Vec<_>>()
    };
    // Every language's version, named by its language when there are several.
    let several = !translations.is_empty();
    let name = |field: &str, l: Lang| {
        if several {
            format!("`{field}` in {l}")
        } else {
            format!("`{field}`")
        }
    };
    for (l, t) in in_lang("text", Some(&text)) {
        if !has_words(&t) {
            bail!(
                "{here}: achievement `{id}` has no words in its {} (empty, `~` or markup only)",
                name("text", l)
            );
        }
    }
    for field in ["text", "short"] {
        let own = if field == "text" {
            Some(text.as_str())
        } else {
            short.as_deref()
        };
        for (l, t) in in_lang(field, own) {
            let chars = t.chars().count();
            if chars > MAX_ACHIEVEMENT_CHARS {
                bail!(
                    "{here}: achievement `{id}` has a {} of {chars} characters, more than \
                     {MAX_ACHIEVEMENT_CHARS}; an achievement is a sentence or two, so split it",
                    name(field, l)
                );
            }
        }
    }
    for (l, t) in in_lang("short", short.as_deref()) {
        if !has_words(&t) {
            bail!(
                "{here}: achievement `{id}` has an empty {}; remove it or fill it in",
                name("short", l)
            );
        }
    }
    Ok(Achievement {
        id,
        text,
        short,
        tags: a.tags,
        pin: a.pin,
        translations,
    })
}

/// Ids are used on the command line (`--exclude ID`), so they stay simple.
fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("an achievement has an empty `id`".into());
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(format!(
            "achievement id `{id}` may use only letters, digits, `-`, `_` and `.`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(text: &str) -> Result<Library> {
        from_sources(&[Source {
            path: "c.yaml".into(),
            text: text.into(),
        }])
    }

    const ONE: &str = "experience:\n  - title: Engineer\n    start: 2020-01\n    end: present\n    achievements:\n      - id: a\n        text: Did a thing.\n";

    #[test]
    fn loads_a_minimal_library() {
        let lib = load_str(ONE).unwrap();
        assert_eq!(lib.experience.len(), 1);
        assert_eq!(lib.achievements().count(), 1);
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let err = load_str(&ONE.replace("text:", "txt:"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.yaml:7:9: "), "{err}");
        assert!(err.contains("unknown field `txt`"), "{err}");
        assert!(err.ends_with("did you mean `text`?"), "{err}");
    }

    #[test]
    fn misspelt_top_level_key_is_named() {
        let err = load_str(&ONE.replace("experience:", "experiance:"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `experience`?"), "{err}");
    }

    #[test]
    fn bad_month_names_file_and_line() {
        let err = load_str(&ONE.replace("2020-01", "2020-13"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.yaml:3:"), "{err}");
        assert!(err.contains("month 13"), "{err}");
    }

    #[test]
    fn end_before_start_is_an_error() {
        let err = load_str(&ONE.replace("present", "2019-05"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.yaml:2: "), "{err}");
        assert!(
            err.contains("ends (2019-05) before it starts (2020-01)"),
            "{err}"
        );
    }

    #[test]
    fn an_achievement_longer_than_the_limit_is_an_error_naming_its_line() {
        let long = "word ".repeat(MAX_ACHIEVEMENT_CHARS / 5 + 1);
        let err = load_str(&ONE.replace("text: Did a thing.", &format!("text: {long}")))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(":6: achievement `a` has a `text` of 5004 characters"),
            "{err}"
        );
    }

    #[test]
    fn education_ending_before_it_starts_and_markup_only_text_are_errors() {
        let err = load_str(&format!(
            "{ONE}education:\n  - institution: Uni\n    start: 2015-09\n    end: 2012-06\n"
        ))
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("education at `Uni` ends (2012-06) before it starts (2015-09)"),
            "{err}"
        );
        for text in ["~", "\"**\"", "\"[]()\"", "\"&nbsp;\""] {
            let err = load_str(&ONE.replace("text: Did a thing.", &format!("text: {text}")))
                .unwrap_err()
                .to_string();
            assert!(err.contains("has no words in its `text`"), "{text}: {err}");
        }
    }

    #[test]
    fn tabs_get_a_hint() {
        let err = load_str("experience:\n\t- title: x\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("spaces, not tabs"), "{err}");
    }

    #[test]
    fn duplicate_ids_across_files_name_both_places() {
        let err = from_sources(&[
            Source {
                path: "a.yaml".into(),
                text: ONE.into(),
            },
            Source {
                path: "b.yaml".into(),
                text: ONE.into(),
            },
        ])
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("b.yaml:6: duplicate achievement id `a`"),
            "{err}"
        );
        assert!(err.contains("first used at a.yaml:6"), "{err}");
    }

    #[test]
    fn duplicate_id_in_one_file_names_the_duplicates_line() {
        let text = "\
experience:
  - title: Engineer
    start: 2020-01
    end: present
    achievements:
      - id: one
        text: Did one thing.
      - id: two
        text: Did another thing.
  - title: Analyst
    start: 2018-01
    end: 2019-12
    achievements:
      - id: three
        text: Did a third thing.
      - id: two
        text: Did it again.
";
        let err = from_sources(&[Source {
            path: "r.yaml".into(),
            text: text.into(),
        }])
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("r.yaml:16: duplicate achievement id `two` (first used at r.yaml:8)"),
            "{err}"
        );
    }

    #[test]
    fn duplicate_id_within_one_role_names_both_lines() {
        let text =
            format!("{ONE}      - id: b\n        text: B.\n      - id: a\n        text: Again.\n");
        let err = load_str(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("c.yaml:10: duplicate achievement id `a` (first used at c.yaml:6)"),
            "{err}"
        );
    }

    #[test]
    fn errors_late_in_a_large_library_name_their_own_line() {
        // Many ids and a repeated title: each lookup takes the next line of
        // its value, so the last role's error points at the last role.
        let mut text = String::from("experience:\n");
        for r in 0..200 {
            text.push_str("  - title: Engineer\n    achievements:\n");
            for a in 0..20 {
                text.push_str(&format!("      - id: r{r}-a{a}\n        text: Did {a}.\n"));
            }
        }
        text.push_str("  - title: Engineer\n    achievements: []\n");
        let err = load_str(&text).unwrap_err().to_string();
        let last_role_line = 2 + 200 * (2 + 20 * 2);
        assert!(
            err.starts_with(&format!(
                "c.yaml:{last_role_line}: role `Engineer` has no achievements"
            )),
            "{err}"
        );
    }

    #[test]
    fn empty_library_and_empty_role_are_errors() {
        assert!(
            load_str("summary: hi\n")
                .unwrap_err()
                .to_string()
                .contains("no achievements")
        );
        let err = load_str("experience:\n  - title: Engineer\n    achievements: []\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.yaml:2: role `Engineer` has no achievements"),
            "{err}"
        );
    }

    #[test]
    fn missing_required_fields_are_named() {
        let err = load_str(&ONE.replace("        text: Did a thing.\n", ""))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.yaml:6:"), "{err}");
        assert!(err.contains("missing field `text`"), "{err}");
        let err = load_str(&ONE.replace("  - title: Engineer\n", "  - \n"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing field `title`"), "{err}");
    }

    #[test]
    fn unsafe_links_are_refused() {
        let err = load_str(&format!(
            "basics:\n  links: [{{label: x, url: \"javascript:alert(1)\"}}]\n{ONE}"
        ))
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("must be an http(s), mailto or tel address"),
            "{err}"
        );
    }

    const BILINGUAL: &str = "\
lang: en
basics:
  name: Kim Beispiel
  headline:
    en: Payments Engineer
    de: Zahlungsverkehrs-Ingenieurin
summary: Builds payment systems.
experience:
  - title: {en: Staff Engineer, de: Leitende Ingenieurin}
    start: 2020-01
    summary: Platform lead.
    achievements:
      - id: retries
        text:
          en: Cut payment failures by 40% with smart retries.
          de: Zahlungsausfälle durch intelligente Wiederholungen um 40 % gesenkt.
        short: {en: Cut payment failures by 40%., de: Zahlungsausfälle um 40 % gesenkt.}
      - id: ledger
        text: Built the ledger.
        short: Ledger.
education:
  - institution: Uni
    degree: {en: BSc Computing, fr: Licence d'informatique}
";

    #[test]
    fn texts_by_language_keep_the_librarys_own_and_its_translations() {
        let lib = load_str(BILINGUAL).unwrap();
        assert_eq!(lib.lang, Lang::En);
        assert_eq!(lib.languages(), vec![Lang::En, Lang::De, Lang::Fr]);
        let a = &lib.experience[0].achievements[0];
        assert_eq!(a.text, "Cut payment failures by 40% with smart retries.");
        assert_eq!(
            a.translations.get("short", Lang::De),
            Some("Zahlungsausfälle um 40 % gesenkt.")
        );
        assert_eq!(lib.experience[0].title, "Staff Engineer");
        assert_eq!(lib.basics.headline.as_deref(), Some("Payments Engineer"));
    }

    #[test]
    fn a_file_in_another_language_is_read_in_it() {
        let lib = load_str(&format!(
            "lang: de\n{}",
            ONE.replace("Did a thing.", "Etwas getan.")
        ))
        .unwrap();
        assert_eq!(lib.lang, Lang::De);
        assert_eq!(lib.languages(), vec![Lang::De]);
        let json = serde_json::to_string(&lib).unwrap();
        assert!(json.starts_with("{\"lang\":\"de\""), "{json}");
    }

    #[test]
    fn language_errors_name_the_place_and_the_codes() {
        let err = load_str(&ONE.replace(
            "text: Did a thing.",
            "text:\n          en: Did a thing.\n          xx: Etwas.",
        ))
        .unwrap_err()
        .to_string();
        assert!(err.starts_with(
                "c.yaml:9:11: experience[0].achievements[0].text: unknown language `xx`; the languages are en, de, fr"
            ), "{err}");
        let err = load_str(&format!("lang: klingon\n{ONE}"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.yaml:1:7: lang: unknown language `klingon`"),
            "{err}"
        );
        let err = load_str(&ONE.replace("text: Did a thing.", "text: {de: Etwas getan.}"))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "c.yaml:6: achievement `a` has no `text` in en, the content's language"
            ),
            "{err}"
        );
        let err = from_sources(&[
            Source {
                path: "a.yaml".into(),
                text: ONE.into(),
            },
            Source {
                path: "b.yaml".into(),
                text: "summary: Hallo\nlang: de\n".into(),
            },
        ])
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("b.yaml:2: `lang: de`, but a.yaml is in en"),
            "{err}"
        );
        // A file without plain texts takes no side.
        from_sources(&[
            Source {
                path: "a.yaml".into(),
                text: format!("lang: de\n{ONE}"),
            },
            Source {
                path: "b.yaml".into(),
                text: "summary: {de: Hallo, en: Hello}\n".into(),
            },
        ])
        .unwrap();
        let err =
            load_str(&ONE.replace("text: Did a thing.", "text: {en: Did a thing., de: \"**\"}"))
                .unwrap_err()
                .to_string();
        assert!(err.contains("has no words in its `text` in de"), "{err}");
    }

    #[test]
    fn wrong_types_say_what_was_expected() {
        let err = load_str(&ONE.replace("title: Engineer", "title: [a, b]"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected a string"), "{err}");
        assert!(err.starts_with("c.yaml:2:"), "{err}");
    }
}
