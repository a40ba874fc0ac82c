//! Posting structure: the title and the sections of a posting (requirements,
//! responsibilities, nice-to-have, about us, benefits, legal text…), found
//! from headings, label lines and list structure. Pure; HTML postings are
//! first turned into Markdown-like text by [`crate::html::posting_text`].

use std::collections::HashSet;

use serde::Serialize;

/// What a part of a posting is about; scoring weights terms by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The job title.
    Title,
    /// What the candidate must have.
    Requirements,
    /// What the job does.
    Responsibilities,
    /// What would be a plus.
    NiceToHave,
    /// Text before any heading, or under a heading we do not recognise.
    General,
    /// About the company or team.
    About,
    /// How to apply, the interview process.
    Apply,
    /// Perks and benefits.
    Benefits,
    /// Salary and pay ranges.
    Salary,
    /// Equal-opportunity and other legal text.
    Legal,
}

impl SectionKind {
    /// Every kind, in display order (most important first).
    pub const ALL: [SectionKind; 10] = [
        SectionKind::Title,
        SectionKind::Requirements,
        SectionKind::Responsibilities,
        SectionKind::NiceToHave,
        SectionKind::General,
        SectionKind::About,
        SectionKind::Apply,
        SectionKind::Benefits,
        SectionKind::Salary,
        SectionKind::Legal,
    ];

    /// A short human name.
    pub fn label(self) -> &'static str {
        match self {
            SectionKind::Title => "title",
            SectionKind::Requirements => "requirements",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::NiceToHave => "nice to have",
            SectionKind::General => "general",
            SectionKind::About => "about",
            SectionKind::Apply => "how to apply",
            SectionKind::Benefits => "benefits",
            SectionKind::Salary => "salary",
            SectionKind::Legal => "legal",
        }
    }

    /// Index into [`SectionKind::ALL`].
    pub fn index(self) -> usize {
        SectionKind::ALL
            .iter()
            .position(|&k| k == self)
            .expect("every kind is listed")
    }
}

/// A run of posting text under one section. Under no recognised heading
/// ([`SectionKind::General`]) a block is one paragraph or one list, so that
/// posting analysis can tell from its words what each is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// What the block is about.
    pub kind: SectionKind,
    /// The heading it stood under, if any.
    pub heading: Option<String>,
    /// Its text, lines joined by newlines.
    pub text: String,
}

/// A posting split into its title and sections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Structure {
    /// The job title, when one was found.
    pub title: Option<String>,
    /// The blocks, in document order.
    pub blocks: Vec<Block>,
}

/// Heading phrases and the section they open. First match wins, so the more
/// specific phrases ("about you", "preferred qualifications") come before the
/// general ones ("about", "qualifications").
const RULES: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Legal,
        &[
            "equal opportunit",
            "equal employment",
            "eeo",
            "diversity",
            "inclusion",
            "accommodation",
            "privacy",
            "disclaimer",
            "e-verify",
            "legal",
            "non-discrimination",
            // German, French, Spanish, Portuguese, Dutch, Italian.
            "datenschutz",
            "chancengleichheit",
            "égalité des chances",
            "igualdad de oportunidades",
            "pari opportunità",
        ],
    ),
    (
        SectionKind::Salary,
        &[
            "salary",
            "compensation",
            "pay range",
            "pay transparency",
            "base pay",
            "wage",
            "gehalt",
            "vergütung",
            "rémunération",
            "salaire",
            "salario",
            "salário",
            "remuneração",
            "salaris",
            "retribuzione",
        ],
    ),
    (
        SectionKind::Benefits,
        &[
            "benefit",
            "perks",
            "what we offer",
            "we offer",
            "why you'll love",
            "why join",
            "why work",
            "in it for you",
            "what you get",
            "what you'll get",
            "rewards",
            "why us",
            "wir bieten",
            "was wir bieten",
            "das bieten wir",
            "unser angebot",
            "nous offrons",
            "nous proposons",
            "ce que nous offrons",
            "ce que nous proposons",
            "avantages",
            "ofrecemos",
            "lo que ofrecemos",
            "beneficios",
            "oferecemos",
            "o que oferecemos",
            "benefícios",
            "wat bieden wij",
            "wat wij bieden",
            "wat we bieden",
            "arbeidsvoorwaarden",
            "offriamo",
            "cosa offriamo",
        ],
    ),
    (
        SectionKind::NiceToHave,
        &[
            "nice to have",
            "nice-to-have",
            "bonus",
            "preferred",
            "plus",
            "good to have",
            "desirable",
            "extra credit",
            "would be great",
            "not required",
            "even better",
            "stand out",
            "optional",
            "von vorteil",
            "wünschenswert",
            "idealerweise",
            "un plus",
            "atouts",
            "serait un plus",
            "deseable",
            "valorable",
            "se valorará",
            "diferenciais",
            "desejável",
            "gradito",
            "costituisce un plus",
        ],
    ),
    (
        SectionKind::Requirements,
        &[
            "requirement",
            "qualification",
            "looking for",
            "what you bring",
            "what you'll bring",
            "who you are",
            "about you",
            "you have",
            "you'll have",
            "must have",
            "must-have",
            "skills",
            "what you need",
            "what you'll need",
            "ideal candidate",
            "experience",
            "expertise",
            "you should",
            "we need",
            "competenc",
            "prerequisite",
            "who we're looking",
            "what we look for",
            "what it takes",
            "your background",
            "your profile",
            "anforderungen",
            "profil",
            "qualifikation",
            "das bringst du mit",
            "was du mitbringst",
            "was sie mitbringen",
            "das bringen sie mit",
            "kenntnisse",
            "profil recherché",
            "compétences",
            "prérequis",
            "exigences",
            "requisitos",
            "perfil",
            "lo que buscamos",
            "qué buscamos",
            "o que buscamos",
            "qualificações",
            "functie-eisen",
            "wat vragen wij",
            "wat wij vragen",
            "wat we vragen",
            "profiel",
            "vereisten",
            "requisiti",
            "profilo",
            "cosa cerchiamo",
        ],
    ),
    (
        SectionKind::Responsibilities,
        &[
            "responsibilit",
            "what you'll do",
            "what you will do",
            "you will",
            "you'll",
            "the role",
            "your role",
            "this role",
            "day to day",
            "day-to-day",
            "duties",
            "the job",
            "the position",
            "work on",
            "your impact",
            "be doing",
            "key tasks",
            "the opportunity",
            "job description",
            "role description",
            "what the job involves",
            "your mission",
            "the work",
            "aufgaben",
            "deine rolle",
            "ihre rolle",
            "das erwartet dich",
            "das erwartet sie",
            "tätigkeiten",
            "missions",
            "vos missions",
            "responsabilités",
            "le poste",
            "description du poste",
            "responsabilidades",
            "funciones",
            "tus tareas",
            "atribuições",
            "o que você vai fazer",
            "wat ga je doen",
            "jouw taken",
            "je taken",
            "verantwoordelijkheden",
            "responsabilità",
            "mansioni",
            "cosa farai",
        ],
    ),
    (
        SectionKind::Apply,
        &[
            "how to apply",
            "to apply",
            "application",
            "interview process",
            "hiring process",
            "next steps",
            "recruitment process",
            "bewerbung",
            "candidature",
            "processus de recrutement",
            "proceso de selección",
            "processo seletivo",
            "sollicitatie",
            "candidatura",
            "apply",
        ],
    ),
    (
        SectionKind::About,
        &[
            "about",
            "who we are",
            "our company",
            "mission",
            "our story",
            "company",
            "the team",
            "our team",
            "life at",
            "culture",
            "our values",
            "values",
            "where you'll work",
            "über uns",
            "wer wir sind",
            "unternehmen",
            "qui sommes-nous",
            "qui sommes nous",
            "à propos",
            "l'entreprise",
            "sobre nosotros",
            "quiénes somos",
            "sobre nós",
            "quem somos",
            "over ons",
            "wie zijn wij",
            "chi siamo",
        ],
    ),
];

/// The section a heading opens, if it is one we recognise.
pub fn classify_heading(heading: &str) -> Option<SectionKind> {
    let h = crate::analysis::normalise::normalise(heading);
    let h = h.trim_matches(|c: char| !c.is_alphanumeric());
    RULES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| contains_phrase(h, p)))
        .map(|(kind, _)| *kind)
}

/// True when `phrase` stands in `text` at word boundaries ("plus" is not in
/// "surplus").
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // "responsibilit", "benefit", "competenc": prefixes may run on.
        let open_ended = matches!(
            phrase,
            "responsibilit"
                | "benefit"
                | "competenc"
                | "qualification"
                | "requirement"
                | "equal opportunit"
        );
        boundary(before) && (open_ended || boundary(after))
    })
}

/// Paragraph markers of legal and pay text that often stands without a
/// heading, at the end of whatever section came last.
const LEGAL_MARKERS: &[&str] = &[
    "equal opportunity",
    "equal employment",
    "without regard to",
    "regardless of race",
    "protected veteran",
    "e-verify",
    "reasonable accommodation",
    "sexual orientation",
    "national origin",
    "we do not discriminate",
    "does not discriminate",
];

fn is_legal_paragraph(text: &str) -> bool {
    let t = crate::analysis::normalise::normalise(text);
    LEGAL_MARKERS.iter().any(|m| t.contains(m))
}

/// A line that is a heading: its text, and whatever content followed a
/// "Label: content" colon on the same line.
struct Heading<'a> {
    text: &'a str,
    rest: &'a str,
    explicit: bool,
}

/// The text inside emphasis marks, however they nest: `**Label**`,
/// `** _Label_**`, `_**Label**_`, `***Label***`. "**Label:** content" keeps
/// its content after the marks.
fn strip_emphasis(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let inner = ["**", "__", "*", "_"].iter().find_map(|mark| {
            s.strip_prefix(mark)
                .and_then(|x| x.strip_suffix(mark))
                .filter(|x| !x.trim().is_empty())
        });
        match inner {
            Some(inner) => s = inner.trim(),
            None => return s,
        }
    }
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("• ")
        || t.starts_with("+ ")
        || t.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Recognises a heading line. `next` is the following line (for Setext
/// underlines and "short line followed by a list").
fn heading<'a>(line: &'a str, next: Option<&str>) -> Option<Heading<'a>> {
    let t = line.trim();
    if t.is_empty() || is_list_item(t) {
        return None;
    }
    // Markdown ATX heading.
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        let body = t[hashes..].trim();
        // A closing run of #s counts only after a space ("## Notes ##"), so
        // a title ending in "C#" keeps its hash.
        let body = match body.trim_end_matches('#') {
            rest if rest.len() < body.len() && (rest.is_empty() || rest.ends_with(' ')) => {
                rest.trim()
            }
            _ => body,
        };
        let text = strip_emphasis(body);
        return Some(Heading {
            text: text.trim_end_matches(':').trim(),
            rest: "",
            explicit: true,
        });
    }
    // Setext heading (text underlined with === or ---).
    if let Some(n) = next.map(str::trim) {
        if n.len() >= 3 && (n.bytes().all(|b| b == b'=') || n.bytes().all(|b| b == b'-')) {
            return Some(Heading {
                text: strip_emphasis(t),
                rest: "",
                explicit: true,
            });
        }
    }
    // "Requirements:" alone (a short label), or "**Label:** content" and
    // "Label: content" when the label names a known section.
    let unbold = t.replacen("**", "", 2);
    if let Some((label, rest)) = t.split_once(':') {
        let label = strip_emphasis(label.trim_start_matches("**").trim_end_matches("**"));
        let rest = rest
            .trim()
            .trim_start_matches("**")
            .trim_start_matches("__")
            .trim();
        let words = word_count(label);
        // Counting words first spares classifying every sentence with a colon.
        if words > 0
            && words <= 6
            && ((rest.is_empty() && words <= 4) || classify_heading(label).is_some())
        {
            return Some(Heading {
                text: label,
                rest,
                explicit: rest.is_empty(),
            });
        }
    }
    // A whole bold line, or a short plain line that names a section.
    let bold = strip_emphasis(t);
    let is_bold_line = bold.len() < t.len() && !bold.contains("**");
    let short =
        word_count(&unbold) <= 8 && unbold.len() <= 70 && !t.ends_with('.') && !t.ends_with(',');
    if short && (is_bold_line || classify_heading(bold).is_some()) {
        return Some(Heading {
            text: bold.trim_end_matches(':').trim(),
            rest: "",
            explicit: is_bold_line,
        });
    }
    None
}

/// Paragraphs at least this long are read once however often they are
/// printed; shorter ones (headings, "Remote", a one-word bullet) may repeat
/// with meaning.
const REPEAT_MIN_CHARS: usize = 60;

/// Splits posting text (plain text or Markdown) into its title and sections.
pub fn sectionise(text: &str) -> Structure {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Structure::default();
    let mut kind = SectionKind::General;
    let mut heading_text: Option<String> = None;
    let mut paragraph: Vec<&str> = Vec::new();
    let mut seen_content = false;
    // Whether a line of body text (not a heading) has been seen.
    let mut body_started = false;

    // Paragraphs read so far, as their words: a paragraph printed twice (a
    // quarter of real postings repeat their company or team blurb) is read
    // once, as a person reads it.
    let mut read: HashSet<String> = HashSet::new();
    // Flushes the current paragraph into a block of the current kind, or of
    // kind Legal when it reads as legal text.
    let mut flush =
        |para: &mut Vec<&str>, out: &mut Structure, kind: SectionKind, heading: &Option<String>| {
            if para.is_empty() {
                return;
            }
            let text = para.join("\n");
            para.clear();
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if words.len() >= REPEAT_MIN_CHARS && !read.insert(words) {
                return;
            }
            let kind = if kind != SectionKind::Title && is_legal_paragraph(&text) {
                SectionKind::Legal
            } else {
                kind
            };
            match out.blocks.last_mut() {
                // A paragraph under no recognised heading stays a block of
                // its own, and so does a list: what each is about is told from
                // its words later, and a list's items are one thing.
                Some(b)
                    if b.kind == kind
                        && b.heading == *heading
                        && (kind != SectionKind::General
                            || (is_list_item(&text)
                                && b.text.lines().last().is_some_and(is_list_item))) =>
                {
                    b.text.push('\n');
                    b.text.push_str(&text);
                }
                _ => out.blocks.push(Block {
                    kind,
                    heading: heading.clone(),
                    text,
                }),
            }
        };

    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let next = lines.get(i + 1).copied();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut out, kind, &heading_text);
            i += 1;
            continue;
        }
        // The first line of the document, when short, is the title (unless it
        // names a section).
        if !seen_content && out.title.is_none() {
            seen_content = true;
            let h = heading(line, next);
            let candidate = h.as_ref().map_or(strip_emphasis(trimmed), |h| h.text);
            // A label line ("Requirements: Go") opens a section, even first.
            let is_section = classify_heading(candidate).is_some()
                || h.as_ref().is_some_and(|h| !h.rest.is_empty());
            if !is_section && word_count(candidate) <= 14 && !candidate.ends_with('.') {
                let title = candidate.trim_start_matches('#').trim().to_string();
                out.title = Some(title.clone());
                out.blocks.push(Block {
                    kind: SectionKind::Title,
                    heading: None,
                    text: title,
                });
                // Skip a Setext underline.
                if next.is_some_and(|n| {
                    let n = n.trim();
                    n.len() >= 3 && (n.bytes().all(|b| b == b'=') || n.bytes().all(|b| b == b'-'))
                }) {
                    i += 1;
                }
                i += 1;
                continue;
            }
        }
        seen_content = true;
        if let Some(h) = heading(line, next) {
            flush(&mut paragraph, &mut out, kind, &heading_text);
            let recognised = classify_heading(h.text);
            // An explicit heading we do not recognise starts a general
            // section; a plain short line we do not recognise is content.
            if recognised.is_some() || h.explicit {
                kind = recognised.unwrap_or(SectionKind::General);
                heading_text = Some(h.text.to_string());
                if next.is_some_and(|n| {
                    let n = n.trim();
                    n.len() >= 3 && (n.bytes().all(|b| b == b'=') || n.bytes().all(|b| b == b'-'))
                }) {
                    i += 1;
                }
                // A heading's own words belong to its section ("Experience
                // with Kafka" asks for Kafka). Unknown headings before any
                // body text are the masthead (company, location, team, as
                // job boards print them under the title): about the company.
                paragraph.push(h.text);
                let own = if recognised.is_none() && !body_started {
                    SectionKind::About
                } else {
                    kind
                };
                flush(&mut paragraph, &mut out, own, &heading_text);
                if !h.rest.is_empty() {
                    paragraph.push(h.rest);
                }
                i += 1;
                continue;
            }
        }
        body_started = true;
        // List items are paragraphs of their own, so legal detection and
        // later splitting see one item at a time.
        if is_list_item(line) {
            flush(&mut paragraph, &mut out, kind, &heading_text);
            paragraph.push(line);
            flush(&mut paragraph, &mut out, kind, &heading_text);
        } else {
            paragraph.push(line);
        }
        i += 1;
    }
    flush(&mut paragraph, &mut out, kind, &heading_text);
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_paragraph_printed_twice_is_read_once() {
        let blurb = "Our revenue platform helps sales teams forecast revenue with confidence.";
        let text = format!(
            "Backend Engineer\n\nAbout the team\n\n{blurb}\n\nAbout the team\n\n{blurb}\n\nRequirements\n\n- Go\n- Go\n"
        );
        let s = super::sectionise(&text);
        let all: String = s.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(all.matches("forecast").count(), 1, "{:?}", s.blocks);
        // Short lines may repeat with meaning, and stay.
        assert_eq!(all.matches("About the team").count(), 2, "{:?}", s.blocks);
        assert_eq!(all.matches("- Go").count(), 2, "{:?}", s.blocks);
    }

    #[test]
    fn masthead_headings_are_about_the_company() {
        let s = sectionise(
            "# Billing Engineer\n### Acme Widgets\n#### Remote, Poland\n\n## What you'll do\n\nBuild invoicing.\n",
        );
        let about: Vec<&str> = s
            .blocks
            .iter()
            .filter(|b| b.kind == SectionKind::About)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(about, vec!["Acme Widgets", "Remote, Poland"], "{s:?}");
    }

    #[test]
    fn nested_emphasis_marks_a_heading() {
        let s = sectionise(
            "Engineer\n\n ** _About the Team_**\n\nWe sell things.\n\n _ **About the Role**_\n\nYou will build APIs.\n",
        );
        let kinds: Vec<SectionKind> = s.blocks.iter().map(|b| b.kind).collect();
        assert!(kinds.contains(&SectionKind::About), "{kinds:?}");
        assert!(kinds.contains(&SectionKind::Responsibilities), "{kinds:?}");
    }

    use super::*;

    fn kinds(s: &Structure) -> Vec<(SectionKind, String)> {
        s.blocks.iter().map(|b| (b.kind, b.text.clone())).collect()
    }

    #[test]
    fn headings_classify() {
        assert_eq!(
            classify_heading("Requirements:"),
            Some(SectionKind::Requirements)
        );
        assert_eq!(
            classify_heading("What you'll do"),
            Some(SectionKind::Responsibilities)
        );
        assert_eq!(
            classify_heading("What you\u{2019}ll do"),
            Some(SectionKind::Responsibilities)
        );
        assert_eq!(
            classify_heading("Nice to have"),
            Some(SectionKind::NiceToHave)
        );
        assert_eq!(
            classify_heading("Bonus points"),
            Some(SectionKind::NiceToHave)
        );
        assert_eq!(
            classify_heading("Preferred qualifications"),
            Some(SectionKind::NiceToHave)
        );
        assert_eq!(classify_heading("About us"), Some(SectionKind::About));
        assert_eq!(
            classify_heading("About you"),
            Some(SectionKind::Requirements)
        );
        assert_eq!(
            classify_heading("About the role"),
            Some(SectionKind::Responsibilities)
        );
        assert_eq!(classify_heading("Benefits"), Some(SectionKind::Benefits));
        assert_eq!(
            classify_heading("Equal Opportunity Employer"),
            Some(SectionKind::Legal)
        );
        assert_eq!(classify_heading("Salary range"), Some(SectionKind::Salary));
        assert_eq!(classify_heading("Surplus"), None);
        assert_eq!(classify_heading("Our platform"), None);
    }

    #[test]
    fn plain_text_with_label_lines() {
        let s = sectionise(
            "Backend Engineer\nAcme, Remote\n\nAbout us\nWe sell widgets.\n\nRequirements:\n- Go\n- Kafka\n\nNice to have: Rust\n\nBenefits\nHealth care.\n\nAcme is an equal opportunity employer.\n",
        );
        assert_eq!(s.title.as_deref(), Some("Backend Engineer"));
        let k = kinds(&s);
        assert_eq!(k[0].0, SectionKind::Title);
        assert_eq!(k[1], (SectionKind::General, "Acme, Remote".into()));
        assert_eq!(
            k[2],
            (SectionKind::About, "About us\nWe sell widgets.".into())
        );
        assert_eq!(
            k[3],
            (
                SectionKind::Requirements,
                "Requirements\n- Go\n- Kafka".into()
            )
        );
        assert_eq!(k[4], (SectionKind::NiceToHave, "Nice to have\nRust".into()));
        assert_eq!(
            k[5],
            (SectionKind::Benefits, "Benefits\nHealth care.".into())
        );
        assert_eq!(k[6].0, SectionKind::Legal);
    }

    #[test]
    fn markdown_headings_and_bold_labels() {
        let s = sectionise(
            "# Staff Engineer, Payments\n\n## What you'll do\n- Build billing\n\n**Bonus points**\n- PCI\n\n## Our stack\nGo and Postgres\n",
        );
        assert_eq!(s.title.as_deref(), Some("Staff Engineer, Payments"));
        let k = kinds(&s);
        assert_eq!(
            k[1],
            (
                SectionKind::Responsibilities,
                "What you'll do\n- Build billing".into()
            )
        );
        assert_eq!(
            k[2],
            (SectionKind::NiceToHave, "Bonus points\n- PCI".into())
        );
        // An explicit heading we do not know: general, and each paragraph
        // under it a block of its own (posting analysis tells them apart).
        assert_eq!(k[3], (SectionKind::General, "Our stack".into()));
        assert_eq!(k[4], (SectionKind::General, "Go and Postgres".into()));
    }

    #[test]
    fn a_list_under_no_heading_is_one_block() {
        let s = sectionise(
            "Backend Engineer\n\nWe build ledgers.\n\n- Design APIs\n- Run Kafka\n\nWe pay well.\n",
        );
        let k = kinds(&s);
        assert_eq!(
            k[1..],
            [
                (SectionKind::General, "We build ledgers.".into()),
                (SectionKind::General, "- Design APIs\n- Run Kafka".into()),
                (SectionKind::General, "We pay well.".into()),
            ]
        );
    }

    #[test]
    fn a_heading_ending_in_a_hash_keeps_it() {
        let s = sectionise("# Lead Engineer, C#\n\n## Requirements ##\n- .NET\n");
        assert_eq!(s.title.as_deref(), Some("Lead Engineer, C#"));
        assert_eq!(s.blocks[1].heading.as_deref(), Some("Requirements"));
    }

    #[test]
    fn no_sections_is_all_general() {
        let s = sectionise(
            "We want someone who knows Kafka and Go. They will build services.\nAnd more.",
        );
        assert_eq!(s.title, None);
        assert!(s.blocks.iter().all(|b| b.kind == SectionKind::General));
    }

    #[test]
    fn a_heading_keeps_its_words() {
        // Regression: a one-line posting read as a heading lost every term.
        let s = sectionise("Experience with k8s required");
        assert!(s.blocks.iter().any(|b| b.text.contains("k8s")), "{s:?}");
    }

    #[test]
    fn a_first_label_line_keeps_its_content() {
        // Regression: "Requirements: …" as the first line became the title
        // "Requirements" and its content was lost.
        let s = sectionise("Requirements: fraud detection, Kafka");
        assert_eq!(s.title, None);
        assert!(
            s.blocks
                .iter()
                .any(|b| b.kind == SectionKind::Requirements && b.text.contains("Kafka")),
            "{s:?}"
        );
    }

    #[test]
    fn long_paragraph_is_not_a_heading() {
        let s = sectionise(
            "Title\n\nYou will build the payments platform that powers our checkout across many markets.\n",
        );
        assert_eq!(s.blocks[1].kind, SectionKind::General);
    }

    #[test]
    fn headings_in_other_languages_open_their_sections() {
        let cases = [
            ("Dein Profil", SectionKind::Requirements),
            ("Anforderungen", SectionKind::Requirements),
            ("Ihre Aufgaben", SectionKind::Responsibilities),
            ("Was wir bieten", SectionKind::Benefits),
            ("Über uns", SectionKind::About),
            ("Profil recherché", SectionKind::Requirements),
            ("Vos missions", SectionKind::Responsibilities),
            ("Ce que nous offrons", SectionKind::Benefits),
            ("Requisitos", SectionKind::Requirements),
            ("Lo que ofrecemos", SectionKind::Benefits),
            ("Responsabilidades", SectionKind::Responsibilities),
            ("Wat bieden wij", SectionKind::Benefits),
            ("Cosa offriamo", SectionKind::Benefits),
            ("Requisiti", SectionKind::Requirements),
        ];
        for (heading, kind) in cases {
            assert_eq!(classify_heading(heading), Some(kind), "{heading}");
        }
        // A word inside another is no heading word.
        assert_ne!(
            classify_heading("Unternehmensprofil"),
            Some(SectionKind::Requirements)
        );
        assert_eq!(
            classify_heading("Prérequis"),
            Some(SectionKind::Requirements)
        );
    }
}
