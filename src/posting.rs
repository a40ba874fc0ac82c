//! A job posting, analysed: its title and sections, and the distinct terms it
//! asks for, in the order they first appear, with how often they stand in
//! each section. Pure: reading the file is `input`'s job.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::analysis::{self, Lang, TermKind};
use crate::html;
use crate::input::{PostingFormat, PostingSource};
use crate::lexicon;
use crate::sections::{self, SectionKind};

/// At most this many terms implied by the title, the strongest (on the
/// real evaluation set: 60 loses nothing against all, 40 loses 0.005).
const MAX_IMPLIED: usize = 60;

/// One distinct term of a posting.
#[derive(Debug, Clone, Serialize)]
pub struct PostingTerm {
    /// Matching key (see [`analysis::Term::key`]).
    pub key: String,
    /// How the posting first wrote it, for display.
    pub display: String,
    /// Word, technology token or phrase.
    pub kind: TermKind,
    /// Occurrences in the posting.
    pub count: u32,
    /// Occurrences per section, indexed like [`SectionKind::ALL`].
    #[serde(skip)]
    pub by_section: [u32; SectionKind::ALL.len()],
    /// How strongly the job title implies the term, from real postings
    /// ([`lexicon::implied_by_title`]); 0 when it does not. A term with no
    /// occurrence (`count` 0) is asked for through the title alone.
    pub implied: f64,
    /// When every use of this word in the posting stands inside one
    /// phrase: the share of real postings using the word that use that
    /// phrase ("cutting" in "cutting-edge": 0.94). The phrase is then what
    /// the posting says, and the word alone is mostly another word. 0 when
    /// the word stands on its own somewhere, and for technology names and
    /// phrases.
    pub idiom: f64,
    /// Where real postings use the term: per [`PLACED`] section, the share
    /// of its uses there ([`lexicon::placement`]). Text under no recognised
    /// heading counts as what the term's text usually is.
    #[serde(skip)]
    pub placement: [f64; PLACED.len()],
}

/// The recognised sections whose uses of each term the corpus counts, in
/// the placement table's column order: every kind but the title and text
/// under no recognised heading.
pub const PLACED: [SectionKind; lexicon::PLACEMENT_COLUMNS] = [
    SectionKind::Requirements,
    SectionKind::Responsibilities,
    SectionKind::NiceToHave,
    SectionKind::About,
    SectionKind::Apply,
    SectionKind::Benefits,
    SectionKind::Salary,
    SectionKind::Legal,
];

impl PostingTerm {
    /// The sections it stands in, with its count in each, most important first.
    pub fn sections(&self) -> impl Iterator<Item = (SectionKind, u32)> + '_ {
        SectionKind::ALL
            .iter()
            .zip(self.by_section)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (*k, n))
    }
}

/// A section as found, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct SectionInfo {
    /// What it is.
    pub kind: SectionKind,
    /// Its heading, if it had one.
    pub heading: Option<String>,
}

/// An analysed posting.
#[derive(Debug, Clone, Serialize)]
pub struct Posting {
    /// A name for the posting (its file name, or "stdin").
    pub name: String,
    /// The job title, when one was found.
    pub title: Option<String>,
    /// The language it is read in: detected, or as the user said.
    pub lang: Lang,
    /// The sections found, in order (consecutive blocks of one kind merged).
    pub sections: Vec<SectionInfo>,
    /// Distinct terms in first-appearance order.
    pub terms: Vec<PostingTerm>,
}

/// Postings with more words than this are refused: the longest of 5,189
/// real postings has 2,993, and analysis time and memory grow with the
/// number of distinct words (a million of them took 9 s and 1.4 GB).
pub const MAX_POSTING_WORDS: usize = 20_000;

impl Posting {
    /// Analyses plain-text or Markdown posting text. First-appearance order
    /// keeps every later step independent of hash order.
    pub fn analyse(name: &str, text: &str) -> Posting {
        Posting::analyse_in(name, text, None)
    }

    /// [`Posting::analyse`] in `lang`, or in the language detected from
    /// the text when `None`.
    pub fn analyse_in(name: &str, text: &str, lang: Option<Lang>) -> Posting {
        Posting::analyse_with(name, text, lang, true)
    }

    /// [`Posting::analyse_in`]; `place_unheaded` says whether paragraphs
    /// under no recognised heading are read as the section their words say
    /// ([`unheaded_kind`]). The corpus tables are built without: the
    /// placement table it reads is learnt from recognised sections alone.
    fn analyse_with(name: &str, text: &str, lang: Option<Lang>, place_unheaded: bool) -> Posting {
        let structure = sections::sectionise(text);
        let lang = lang.unwrap_or_else(|| Lang::detect(text));
        let words = lexicon::CorpusVocabulary::new(lang);
        let mut terms: Vec<PostingTerm> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut infos: Vec<SectionInfo> = Vec::new();
        for block in &structure.blocks {
            let block_terms = analysis::analyse_in(&block.text, lang, &words);
            // A paragraph under no recognised heading: what its words say it is.
            let kind = match block.kind {
                SectionKind::General if place_unheaded => unheaded_kind(&block_terms),
                kind => kind,
            };
            if infos
                .last()
                .is_none_or(|s| s.kind != kind || s.heading != block.heading)
            {
                infos.push(SectionInfo {
                    kind,
                    heading: block.heading.clone(),
                });
            }
            let section = kind.index();
            for t in block_terms {
                let i = match at.get(&t.key) {
                    Some(&i) => i,
                    None => {
                        at.insert(t.key.clone(), terms.len());
                        terms.push(PostingTerm {
                            placement: lexicon::placement(&t.key),
                            key: t.key,
                            display: t.surface,
                            kind: t.kind,
                            count: 0,
                            by_section: [0; SectionKind::ALL.len()],
                            implied: 0.0,
                            idiom: 0.0,
                        });
                        terms.len() - 1
                    }
                };
                terms[i].count += 1;
                terms[i].by_section[section] += 1;
            }
        }
        // Words used only inside a fixed phrase: "cutting" of "cutting-edge".
        idioms(&mut terms);
        // What the title implies: a payments title asks for ledgers and
        // merchants even where the text does not say so.
        let title = SectionKind::Title.index();
        let mut implied: Vec<lexicon::Implied> = Vec::new();
        for t in terms.iter().filter(|t| t.by_section[title] > 0) {
            let list = lexicon::implied_by_title(&t.key);
            // A title word has senses ("detection" of threats, of fraud):
            // its implications count as far as the rest of the posting
            // confirms this one, against what a posting with that title
            // typically confirms.
            let confirmed =
                lexicon::confirmed_share(list.iter().map(|i| (i.key, i.strength)), |key| {
                    at.get(key)
                        .is_some_and(|&k| terms[k].count > terms[k].by_section[title])
                });
            let typical = lexicon::typical_confirmation(&t.key);
            let trust = if typical > 0.0 {
                (confirmed / typical).min(1.0)
            } else {
                1.0
            };
            for &i in list {
                let i = lexicon::Implied {
                    strength: i.strength * trust,
                    ..i
                };
                match implied.iter_mut().find(|j| j.key == i.key) {
                    Some(j) => j.strength = j.strength.max(i.strength),
                    None => implied.push(i),
                }
            }
        }
        // The strongest only: weak ties add cost and noise, not signal.
        implied.retain(|i| i.strength > 0.0);
        implied.sort_by(|x, y| y.strength.total_cmp(&x.strength).then(x.key.cmp(y.key)));
        implied.truncate(MAX_IMPLIED);
        for lexicon::Implied {
            key: b,
            strength: a,
            display,
        } in implied
        {
            match at.get(b) {
                Some(&i) => terms[i].implied = a,
                None => {
                    at.insert(b.to_string(), terms.len());
                    terms.push(PostingTerm {
                        placement: lexicon::placement(b),
                        key: b.to_string(),
                        display: display.to_string(),
                        kind: if b.contains(' ') {
                            TermKind::Phrase
                        } else if lexicon::is_tech(b) {
                            TermKind::Tech
                        } else {
                            TermKind::Word
                        },
                        count: 0,
                        by_section: [0; SectionKind::ALL.len()],
                        implied: a,
                        idiom: 0.0,
                    });
                }
            }
        }
        Posting {
            name: name.to_string(),
            title: structure.title,
            lang,
            sections: infos,
            terms,
        }
    }

    /// Analyses a posting as read, by its format ([`PostingFormat`]): the
    /// one place where the formats part ways. A posting with nothing to
    /// match is an error naming it.
    pub fn from_source(source: &PostingSource) -> anyhow::Result<Posting> {
        Posting::from_source_in(source, None)
    }

    /// [`Posting::from_source`] read in `lang`, or in the language detected
    /// from the text when `None`.
    pub fn from_source_in(source: &PostingSource, lang: Option<Lang>) -> anyhow::Result<Posting> {
        let text: Cow<'_, str> = match source.format {
            PostingFormat::Html => html::posting_text(&source.text).into(),
            PostingFormat::JobJson => crate::job::to_posting_text(&source.text)
                .map_err(|e| anyhow::anyhow!("posting `{}`: {e}", source.label()))?
                .into(),
            PostingFormat::Text | PostingFormat::Markdown => source.text.as_str().into(),
        };
        let words = text.split_whitespace().count();
        if words > MAX_POSTING_WORDS {
            anyhow::bail!(
                "posting `{}` has {words} words, more than the {MAX_POSTING_WORDS} tailor reads \
                 (the longest of 5,189 real postings has about 3,000); keep only the posting's own text",
                source.label()
            );
        }
        let posting = Posting::analyse_in(&source.name, &text, lang);
        if posting.is_empty() {
            anyhow::bail!(
                "posting `{}` has no words to match (only numbers, punctuation or common words)",
                source.label()
            );
        }
        Ok(posting)
    }

    /// Analyses an HTML posting as a reader sees it (see
    /// [`html::posting_text`]): page chrome and markup removed, title,
    /// headings and lists kept.
    pub fn analyse_html(name: &str, html: &str) -> Posting {
        Posting::analyse(name, &html::posting_text(html))
    }

    /// True when the posting has no terms at all (nothing to match).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// How sure the words of a paragraph under no recognised heading must make
/// us of what it is before it is read as that section (posterior
/// probability). On the real evaluation set NDCG@10 0.777 → 0.780 / 0.785 /
/// 0.782 at 0.5 / 0.9 / 0.99; reading only company and pay text as such, or
/// only job text, 0.782 and 0.777; a uniform prior 0.783 (with lists read
/// whole, against 0.785).
const UNHEADED_CONFIDENCE: f64 = 0.9;

/// What a paragraph under no recognised heading is, from its words: the
/// section real postings use them in. Naive Bayes over the placement table
/// ([`lexicon::placement`]), learnt from the text under recognised headings
/// of 5,189 real postings: the corpus-wide shares are the prior, each word
/// the table knows is evidence. "Benefits are country-specific … salary"
/// is pay text and "We are looking for Python engineers to build data
/// products" is the job, wherever a posting puts them; a paragraph whose
/// words do not settle it stays [`SectionKind::General`], whose words weigh
/// as they usually do.
fn unheaded_kind(terms: &[analysis::Term]) -> SectionKind {
    let log_prior = lexicon::placement_prior().map(f64::ln);
    let mut log_odds = log_prior;
    let mut evidence = false;
    for t in terms.iter().filter(|t| t.kind != TermKind::Phrase) {
        let Some(shares) = lexicon::placement_known(&t.key) else {
            continue;
        };
        evidence = true;
        for ((l, share), p) in log_odds.iter_mut().zip(shares).zip(log_prior) {
            *l += share.ln() - p;
        }
    }
    if !evidence {
        return SectionKind::General;
    }
    // The best section's posterior is 1 / Σ exp(log odds − the best's),
    // computed from the top so that no term underflows.
    let top = log_odds.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let total: f64 = log_odds.iter().map(|l| (l - top).exp()).sum();
    // The first of equals, in column order: no hash or float order leaks.
    let best = log_odds.iter().position(|&l| l == top).unwrap_or(0);
    if 1.0 / total >= UNHEADED_CONFIDENCE {
        PLACED[best]
    } else {
        SectionKind::General
    }
}

/// Sets [`PostingTerm::idiom`] for every word whose uses in the posting all
/// stand inside one two-word phrase: the phrase's count is at least the
/// word's in every section. Of several such phrases, the one real postings
/// use the word in most.
fn idioms(terms: &mut [PostingTerm]) {
    let word_at: HashMap<&str, usize> = terms
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TermKind::Word && t.count > 0)
        .map(|(i, t)| (t.key.as_str(), i))
        .collect();
    let mut within: Vec<(usize, f64)> = Vec::new();
    for p in terms.iter().filter(|t| t.kind == TermKind::Phrase) {
        let Some((a, b)) = p.key.split_once(' ') else {
            continue;
        };
        if b.contains(' ') {
            continue;
        }
        let Some(phrase) = lexicon::background(&p.key) else {
            continue;
        };
        for w in [a, b] {
            let Some(&i) = word_at.get(w) else { continue };
            let word = &terms[i];
            let inside = word
                .by_section
                .iter()
                .zip(p.by_section)
                .all(|(w, p)| p >= *w);
            if let (true, Some(alone)) = (inside, lexicon::background(w)) {
                let share = (phrase.postings / alone.postings.max(1e-9)).min(1.0);
                within.push((i, share));
            }
        }
    }
    for (i, share) in within {
        terms[i].idiom = terms[i].idiom.max(share);
    }
}

/// The sections that describe the job itself.
const JOB_SECTIONS: [SectionKind; 4] = [
    SectionKind::Requirements,
    SectionKind::Responsibilities,
    SectionKind::NiceToHave,
    SectionKind::General,
];

/// What the corpus tables are built from, per posting, in the shapes the
/// table builders take.
#[derive(Debug, Clone, Default)]
pub struct CorpusCounts {
    /// Per posting: its employer, its distinct title keys, the distinct
    /// keys of the sections that describe the job (requirements,
    /// responsibilities, nice-to-have, general) and those anywhere outside
    /// the title ([`lexicon::title_table`]).
    pub titled: Vec<lexicon::Titled>,
    /// Per posting: each term's uses per [`PLACED`] section, for those it
    /// has any ([`lexicon::placement_table`]).
    pub placed: Vec<lexicon::Placed>,
    /// Per key asked for: how postings most often write it (most postings,
    /// then the first in order), for tables that name terms to people
    /// ([`lexicon::title_table`]).
    pub displays: BTreeMap<String, String>,
}

/// The employer a corpus posting names on its second line (`### Acme`, the
/// aggregator's line under the title), when it names one.
fn employer(text: &str) -> Option<&str> {
    let line = text.lines().nth(1)?.trim();
    let name = line.strip_prefix("###")?.trim();
    (!name.is_empty() && name != "None").then_some(name)
}

/// For the corpus tables' generator: each posting analysed as tailor
/// analyses a job, reduced to counts; how postings write a term is kept
/// for the keys `named` asks for (the corpus holds millions of distinct
/// phrases, so not for all).
pub fn corpus_counts(texts: &[String], named: &dyn Fn(&str) -> bool) -> CorpusCounts {
    let mut c = CorpusCounts::default();
    let mut written: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for text in texts {
        // Read as English, as the tables were before languages were told apart.
        let p = Posting::analyse_with("corpus", text, Some(Lang::En), false);
        let (mut title, mut body, mut placed) = (Vec::new(), Vec::new(), Vec::new());
        let mut elsewhere = Vec::new();
        for t in p.terms.iter().filter(|t| t.count > 0) {
            let in_title = t.by_section[SectionKind::Title.index()];
            if in_title > 0 {
                title.push(t.key.clone());
            }
            if t.count > in_title {
                elsewhere.push(t.key.clone());
            }
            if JOB_SECTIONS.iter().any(|k| t.by_section[k.index()] > 0) {
                body.push(t.key.clone());
            }
            let uses = PLACED.map(|k| t.by_section[k.index()]);
            if uses.iter().any(|&n| n > 0) {
                placed.push((t.key.clone(), uses));
            }
            if named(&t.key) {
                *written
                    .entry(t.key.clone())
                    .or_default()
                    .entry(t.display.clone())
                    .or_default() += 1;
            }
        }
        title.sort();
        body.sort();
        elsewhere.sort();
        c.titled.push(lexicon::Titled {
            employer: 0,
            title,
            body,
            elsewhere,
        });
        c.placed.push(placed);
    }
    // One voice per employer (see `lexicon::Titled`); a posting that names
    // none is its own.
    let mut ids: BTreeMap<&str, u32> = BTreeMap::new();
    let mut next = 0u32;
    for (t, text) in c.titled.iter_mut().zip(texts) {
        let mut fresh = || {
            next += 1;
            next - 1
        };
        t.employer = match employer(text) {
            Some(e) => *ids.entry(e).or_insert_with(fresh),
            None => fresh(),
        };
    }
    c.displays = written
        .into_iter()
        .filter_map(|(key, ways)| {
            let best = ways
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            Some((key, best.0))
        })
        .collect();
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_terms_read_as_postings_write_them() {
        let p = Posting::analyse(
            "p",
            "Backend Engineer\n\nWe build scheduling tools: backend development.",
        );
        let implied = p
            .terms
            .iter()
            .find(|t| t.key == "senior backend engin")
            .expect("the title implies it");
        assert_eq!(implied.count, 0);
        assert_eq!(implied.display, "senior backend engineer");
        for t in p.terms.iter().filter(|t| t.count == 0) {
            assert!(!t.display.ends_with("engin"), "{t:?}");
        }
    }

    #[test]
    fn a_title_implies_as_far_as_the_posting_confirms_its_sense() {
        let implied = |text: &str, key: &str| {
            let p = Posting::analyse("p", text);
            let t = p.terms.iter().find(|t| t.key == key).cloned();
            t.map_or(0.0, |t| t.implied)
        };
        let title = "Engineering Manager, Detection\n\n";
        let fraud =
            format!("{title}Lead the team that finds fraud and abuse with machine learning.");
        let threats = format!(
            "{title}Lead the team behind our SIEM: threat hunting, EDR alerts, incident response."
        );
        // "Detection" of threats implies attacks; here it is of fraud.
        let (of_fraud, of_threats) = (implied(&fraud, "attack"), implied(&threats, "attack"));
        assert!(of_threats > 0.0, "{of_threats}");
        assert!(
            of_fraud < 0.5 * of_threats,
            "{of_fraud} against {of_threats}"
        );
    }

    #[test]
    fn terms_are_counted_once_each_in_order() {
        let p = Posting::analyse("p", "Payments engineer. Payment systems, payments!");
        let keys: Vec<&str> = p.terms.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys[0], "payment");
        assert_eq!(p.terms[0].count, 3);
        assert_eq!(p.terms[0].display, "payments");
    }

    #[test]
    fn a_word_only_inside_a_fixed_phrase_is_the_phrase_s() {
        let key = |p: &Posting, k: &str| p.terms.iter().find(|t| t.key == k).unwrap().clone();
        let p = Posting::analyse("p", "We build cutting-edge tools.");
        assert!(key(&p, "cut").idiom > 0.8, "{:?}", key(&p, "cut"));
        assert_eq!(key(&p, "cut edg").idiom, 0.0, "phrases are what they are");
        // Used on its own once: the word stands for itself.
        let p = Posting::analyse("p", "Cutting-edge tools. Cutting costs.");
        assert_eq!(key(&p, "cut").idiom, 0.0);
        // Technology names are never an idiom's.
        let p = Posting::analyse("p", "Spring Boot services");
        assert_eq!(key(&p, "spring").idiom, 0.0);
    }

    #[test]
    fn terms_know_where_real_postings_use_them() {
        let p = Posting::analyse("p", "Our mission: Kotlin services.");
        let share = |k: &str, s: SectionKind| {
            let t = p.terms.iter().find(|t| t.key == k).unwrap();
            let at = PLACED.iter().position(|&x| x == s).unwrap();
            t.placement[at]
        };
        assert!(share("kotlin", SectionKind::Requirements) > 0.5);
        assert!(share("mission", SectionKind::About) > 0.5);
        let total: f64 = p.terms[0].placement.iter().sum();
        assert!((total - 1.0).abs() < 1e-9, "shares sum to 1: {total}");
    }

    #[test]
    fn terms_know_their_sections() {
        let p = Posting::analyse(
            "p",
            "Payments Engineer\n\nRequirements:\n- Kafka\n\nBenefits\n- Kafka swag\n",
        );
        assert_eq!(p.title.as_deref(), Some("Payments Engineer"));
        let kafka = p.terms.iter().find(|t| t.key == "kafka").unwrap();
        let s: Vec<_> = kafka.sections().collect();
        assert_eq!(
            s,
            vec![(SectionKind::Requirements, 1), (SectionKind::Benefits, 1)]
        );
        let pay = p.terms.iter().find(|t| t.key == "payment").unwrap();
        assert_eq!(pay.sections().next(), Some((SectionKind::Title, 1)));
    }

    #[test]
    fn a_german_posting_is_read_in_german() {
        let text = "Data Engineer (m/w/d)\n\nIhre Aufgaben\n\
                    - Sie entwickeln und betreiben unsere Datenpipelines in der Cloud.\n\
                    - Sie arbeiten eng mit dem Team zusammen und übernehmen Verantwortung.\n\n\
                    Ihr Profil\n\
                    - Mehrjährige Erfahrung mit Python, Spark und Kafka.\n\
                    - Sehr gute Kenntnisse in der Entwicklung von Datenbanken.\n\n\
                    Was wir bieten\n- Ein flexibles Arbeitsumfeld und viele Weiterbildungen.\n";
        let p = Posting::analyse("p", text);
        assert_eq!(p.lang, Lang::De);
        let kinds: Vec<SectionKind> = p.sections.iter().map(|s| s.kind).collect();
        assert!(kinds.contains(&SectionKind::Requirements), "{kinds:?}");
        assert!(kinds.contains(&SectionKind::Responsibilities), "{kinds:?}");
        assert!(kinds.contains(&SectionKind::Benefits), "{kinds:?}");
        for stop in ["und", "der", "mit", "sie", "in", "von"] {
            assert!(p.terms.iter().all(|t| t.display != stop), "{stop}");
        }
        // Technology names stay as written; English loanwords read as English.
        assert!(p.terms.iter().any(|t| t.key == "kafka"));
        let cloud = p.terms.iter().find(|t| t.display == "cloud").unwrap();
        assert_eq!(cloud.key, crate::analysis::stem::stem_word("cloud"));
        // A German word is stemmed as German.
        let erfahrung = p.terms.iter().find(|t| t.display == "erfahrung").unwrap();
        assert_eq!(erfahrung.key, Lang::De.stemmer().stem("erfahrung"));
        // The user's word wins over detection.
        assert_eq!(
            Posting::analyse_in("p", text, Some(Lang::En)).lang,
            Lang::En
        );
    }

    #[test]
    fn a_paragraph_under_no_heading_reads_as_what_its_words_say() {
        let text = "Platform Engineer\n\n\
                    Our hiring across countries\n\n\
                    You have five years of experience with Python, SQL and Kafka, \
                    and a degree in computer science or equivalent experience.\n\n\
                    Pay and benefits follow the country, with a salary, equity, health \
                    insurance, paid time off and a yearly learning budget.\n\n\
                    Kafka\n";
        let p = Posting::analyse("p", text);
        let only = |display: &str| {
            let t = p.terms.iter().find(|t| t.display == display).unwrap();
            t.sections().map(|(k, _)| k).collect::<Vec<_>>()
        };
        // What the job asks for, as a person reads it, though under no heading.
        assert_eq!(only("python"), [SectionKind::Requirements]);
        // Pay text is pay text wherever it stands.
        assert_eq!(only("insurance"), [SectionKind::Benefits]);
        // One word cannot say what a paragraph is: it stays general.
        assert_eq!(
            only("kafka"),
            [SectionKind::Requirements, SectionKind::General]
        );
        // The corpus tables count it all as text under no heading.
        let raw = Posting::analyse_with("p", text, None, false);
        let t = raw.terms.iter().find(|t| t.display == "insurance").unwrap();
        assert_eq!(t.sections().next().unwrap().0, SectionKind::General);
    }

    #[test]
    fn an_english_posting_stays_english() {
        let p = Posting::analyse(
            "p",
            "Payments Engineer\n\nRequirements:\n- You have built payment systems with Kafka.\n",
        );
        assert_eq!(p.lang, Lang::En);
    }
}
