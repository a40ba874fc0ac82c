//! Scoring: how well each achievement fits a posting, and why. Pure: takes a
//! [`Library`] and a [`Posting`], returns numbers with the terms behind them.
//!
//! An achievement's score is a sum over the posting terms it matches:
//!
//! `term weight × match-kind factor × BM25 saturation × detail × achievement boost`
//!
//! where the term weight is the posting's emphasis on the term (by section:
//! title and requirements count most, benefits and legal text next to
//! nothing), times its specificity (generic job-ad and English words count
//! little, from the background table), times its rarity in the library (BM25
//! idf), and the detail factor discounts a word that neither the
//! achievement's short phrasing nor its tags say. Every factor is set in
//! [`factors`].

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;

use crate::analysis::{self, Lang, TermKind};
use crate::content::{AchievementRef, End, Library};
use crate::lexicon::{self, Aliases};
use crate::posting::{PLACED, Posting, PostingTerm};
use crate::sections::SectionKind;
use crate::text;

/// Every tunable factor of the scorer, in one place.
pub mod factors {
    use crate::sections::SectionKind;

    /// BM25 term-frequency saturation.
    pub const K1: f64 = 1.2;
    /// BM25 length normalisation: long achievements do not win by length.
    pub const B: f64 = 0.75;
    /// Match found as the same word.
    pub const EXACT: f64 = 1.0;
    /// Match found through the stem only ("scaled" for "scaling").
    pub const STEM: f64 = 0.9;
    /// Match found through an alias ("Kubernetes" for "k8s").
    pub const ALIAS: f64 = 0.85;
    /// Match found through the translation table ("payments" for
    /// "Zahlungsverkehr"): an equivalent in other words, as an alias is.
    pub const TRANSLATION: f64 = 0.85;
    /// Match found in the achievement's tags only.
    pub const TAG: f64 = 0.8;
    /// Match found through a near-miss spelling.
    pub const FUZZY: f64 = 0.6;
    /// Match found in the title of the achievement's role only: a recruiter
    /// reads the bullet under its role ("Engineering Manager, Payments").
    pub const ROLE: f64 = 0.6;
    /// Phrases ("rate limiting") are more specific than their words.
    pub const PHRASE: f64 = 1.5;
    /// Match found only in the full text of an achievement that has a
    /// `short` phrasing, when neither that summary nor the tags say it: a
    /// detail of the achievement, not what it is about ("mean time to
    /// detect" in a tracing rollout is no detection work). The author's
    /// summary and labels are its gist. On the real evaluation set NDCG@10
    /// 0.759 → 0.769 with the summary alone (flat from 0.6 to 0.8), 0.777
    /// with the tags too; our set 0.921 → 0.941 → 0.944, our non-English
    /// set 0.898 → 0.916 → 0.908.
    pub const DETAIL: f64 = 0.7;

    /// How much a term counts for each occurrence in a section.
    pub fn section_weight(kind: SectionKind) -> f64 {
        match kind {
            SectionKind::Title => 4.0,
            SectionKind::Requirements => 1.0,
            SectionKind::Responsibilities => 0.8,
            SectionKind::General => 0.6,
            SectionKind::NiceToHave => 0.5,
            SectionKind::About => 0.1,
            SectionKind::Apply => 0.05,
            SectionKind::Benefits | SectionKind::Salary | SectionKind::Legal => 0.01,
        }
    }

    /// A term used by at most this share of real postings is fully
    /// specific; specificity is its corpus idf, ln(1/share), over ln(1/this).
    pub const FULLY_SPECIFIC: f64 = 0.01;
    /// How much a term the job title implies counts (`PostingTerm::implied`,
    /// P(b | t) ln lift, mostly 0.1–0.6), as mentions in the requirements.
    pub const IMPLIED: f64 = 2.0;

    /// Specificity never drops below this: even "team" counts a little.
    pub const SPECIFICITY_FLOOR: f64 = 0.02;
    /// Occurrences per million words of English at which a word counts as
    /// fully common.
    pub const ENGLISH_COMMON: f64 = 1500.0;

    /// Boost for an achievement with a figure (a number, %, an amount).
    pub const QUANTIFIED: f64 = 1.1;
    /// Boost for the most recent role, fading to none over [`RECENCY_YEARS`].
    pub const RECENCY: f64 = 0.1;
    /// Years over which the recency boost fades.
    pub const RECENCY_YEARS: f64 = 10.0;

    /// Fuzzy matching: minimum length of both words.
    pub const FUZZY_MIN_LEN: usize = 5;
    /// Fuzzy matching: minimum Jaro-Winkler similarity.
    pub const FUZZY_MIN_SIMILARITY: f64 = 0.94;
    /// Fuzzy matching: one edit allowed per this many characters (at least one).
    pub const FUZZY_CHARS_PER_EDIT: usize = 8;

    /// Key terms: at most this many.
    pub const KEY_TERMS: usize = 15;
    /// Key terms: never a term used by at least this share of real
    /// postings, whatever the posting.
    pub const KEY_TERM_MAX_SHARE: f64 = 0.5;
    /// Key terms: an ordinary word (not a technology or a curated alias)
    /// must be this rare in real postings…
    pub const KEY_TERM_RARE_SHARE: f64 = 0.05;
    /// …or, when the alias table knows it, this rare…
    pub const KEY_TERM_CURATED_SHARE: f64 = 0.2;
    /// …or stand in the title, or be mentioned this many times where the
    /// job is described: a word said once in passing ("owns", "launch")
    /// is not what the job asks for.
    pub const KEY_TERM_MIN_MENTIONS: u32 = 2;
    /// Key terms: a phrase neither curated nor in the library must hold at
    /// least this share of the uses of its rarest word in real postings.
    pub const KEY_PHRASE_MIN_DEPENDENCY: f64 = 0.25;
    /// Key terms: minimum section weight of the best section a term stands in.
    pub const KEY_TERM_MIN_SECTION: f64 = 0.3;
    /// Key terms: how many postings must hold a word for its share to say
    /// it is rare ([`KEY_TERM_RARE_SHARE`] of a language's postings). A
    /// language the corpus holds fewer postings of (fewer than 5 / 0.05 =
    /// 100: German, Spanish, …) cannot tell a rare word of its own from a
    /// common one; there only the translation table vouches for one.
    pub const KEY_TERM_MIN_EVIDENCE: f64 = 5.0;
}

/// How a posting term was found in an achievement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The same word.
    Exact,
    /// The same stem, another inflection.
    Stem,
    /// A term that means the same (from the alias table).
    Alias,
    /// The English term a word of another language translates (from the
    /// translation table): "payments" for "Zahlungsverkehr".
    Translation,
    /// One of the achievement's tags.
    Tag,
    /// The title of the achievement's role ("Engineering Manager,
    /// Payments"): what the achievement was part of.
    Role,
    /// A near-miss spelling.
    Fuzzy,
}

impl MatchKind {
    /// The factor this kind of match gets.
    pub fn factor(self) -> f64 {
        match self {
            MatchKind::Exact => factors::EXACT,
            MatchKind::Stem => factors::STEM,
            MatchKind::Alias => factors::ALIAS,
            MatchKind::Translation => factors::TRANSLATION,
            MatchKind::Tag => factors::TAG,
            MatchKind::Role => factors::ROLE,
            MatchKind::Fuzzy => factors::FUZZY,
        }
    }

    /// Its name, as printed.
    pub fn name(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Stem => "stem",
            MatchKind::Alias => "alias",
            MatchKind::Translation => "translation",
            MatchKind::Tag => "tag",
            MatchKind::Role => "role",
            MatchKind::Fuzzy => "fuzzy",
        }
    }
}

/// One posting term an achievement matched, and what it contributed.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    /// The term as the posting wrote it (shared: a posting's term is matched
    /// by many achievements, and each match allocating it showed in batch
    /// profiles).
    pub term: Arc<str>,
    /// Index of the term in [`Posting::terms`].
    #[serde(skip)]
    pub term_index: usize,
    /// `via` as the index numbers it, for grouping concepts by word.
    #[serde(skip)]
    surface: u32,
    /// How it was found.
    pub kind: MatchKind,
    /// The word (or tag) in the achievement that matched (shared with the
    /// index).
    pub via: Arc<str>,
    /// The section of the posting where the term weighs most.
    pub section: SectionKind,
    /// Found in the full `text` (or the tags, which go with either phrasing).
    #[serde(skip)]
    pub in_text: bool,
    /// Found in the `short` phrasing (or the tags).
    #[serde(skip)]
    pub in_short: bool,
    /// The term's weight: posting emphasis × specificity × library rarity.
    pub weight: f64,
    /// What this match is worth on its own.
    pub value: f64,
    /// Its share of the score: its value when it is the best match of its
    /// concept, else 0 (another form of the same thing counts instead).
    pub contribution: f64,
    /// Index (into the achievement's matches) of the match that carries
    /// this match's concept; its own index when it carries it.
    pub concept: u32,
}

/// Where an achievement says a term: which phrasings show it, and whether
/// its gist says it.
#[derive(Debug, Clone, Copy)]
struct Shown {
    /// The full text holds it.
    in_text: bool,
    /// The short phrasing holds it.
    in_short: bool,
    /// The achievement's gist says it: its short phrasing or tags, or any
    /// of its text when it has no short phrasing ([`factors::DETAIL`]).
    gist: bool,
}

impl Shown {
    /// A tag or role title: it goes with either phrasing, and labels are
    /// the gist.
    const LABEL: Shown = Shown {
        in_text: true,
        in_short: true,
        gist: true,
    };
}

/// One way an achievement matches a term.
#[derive(Debug, Clone, Copy)]
struct Way {
    doc: u32,
    kind: MatchKind,
    /// Term frequency in the achievement.
    tf: u32,
    /// The achievement's surface that matched.
    via: SurfaceId,
    shown: Shown,
}

/// Keeps the ways whose achievement has no match for term `ti` yet: one
/// match per achievement and term, the first way found.
fn first_ways(
    stamp: &mut [usize],
    ti: usize,
    found: &mut Vec<Way>,
    ways: impl Iterator<Item = Way>,
) {
    for way in ways {
        let doc = way.doc as usize;
        if stamp[doc] != ti {
            stamp[doc] = ti;
            found.push(way);
        }
    }
}

/// The achievement-side factors applied to every match of an achievement.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Boost {
    /// [`factors::QUANTIFIED`] when the achievement has a figure, else 1.
    pub quantified: f64,
    /// Between 1 and 1 + [`factors::RECENCY`], by the age of its role.
    pub recency: f64,
    /// The profile's `tag:` boosts for its tags, multiplied (1 without).
    pub profile: f64,
}

impl Boost {
    /// Every factor multiplied.
    pub fn total(self) -> f64 {
        self.quantified * self.recency * self.profile
    }
}

/// An achievement's score for one posting.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    /// Which achievement.
    pub at: AchievementRef,
    /// The sum of the matches' contributions.
    pub score: f64,
    /// The achievement-side factors (already inside each contribution).
    pub boost: Boost,
    /// The matched terms, in posting order.
    pub matches: Vec<Match>,
}

/// The posting-side weight of a term of a posting in `lang`: emphasis by
/// section × specificity × the phrase factor. Library rarity comes on top
/// when scoring.
pub fn posting_weight(term: &PostingTerm, lang: Lang) -> f64 {
    let phrase = if term.kind == TermKind::Phrase {
        factors::PHRASE
    } else {
        1.0
    };
    emphasis(term) * specificity_in(&term.key, lang) * phrase
}

/// How strongly the posting asks for a term: occurrences weighted by
/// section, plus what the title implies. Linear in the count (BM25's query
/// side): a posting that says "billing" eleven times is about billing;
/// measured on the real evaluation set, log-damping lost 0.05 NDCG@10.
pub fn emphasis(term: &PostingTerm) -> f64 {
    // A word used only inside a fixed phrase counts for the share of its
    // uses that real postings make outside it: the phrase says the rest.
    term.sections()
        .map(|(k, n)| section_weight(term, k) * f64::from(n))
        .sum::<f64>()
        * (1.0 - term.idiom)
        + factors::IMPLIED * term.implied
}

/// What one use of `term` in a section of kind `kind` weighs. Text under no
/// recognised heading weighs what the term's uses weigh in real postings'
/// recognised sections, on average: "revenue" there is mostly company
/// talk, "kotlin" mostly a requirement.
fn section_weight(term: &PostingTerm, kind: SectionKind) -> f64 {
    if kind != SectionKind::General {
        return factors::section_weight(kind);
    }
    PLACED
        .iter()
        .zip(term.placement)
        .map(|(&k, share)| factors::section_weight(k) * share)
        .sum()
}

/// The section where a term weighs most (ties: the more important section).
pub fn main_section(term: &PostingTerm) -> SectionKind {
    let mut best = (SectionKind::General, -1.0);
    for (k, n) in term.sections() {
        let w = section_weight(term, k) * f64::from(n);
        if w > best.1 {
            best = (k, w);
        }
    }
    best.0
}

/// Each section's share (0–1) of a term's emphasis.
pub fn section_shares(term: &PostingTerm) -> Vec<(SectionKind, f64)> {
    let parts: Vec<(SectionKind, f64)> = term
        .sections()
        .map(|(k, n)| (k, section_weight(term, k) * f64::from(n)))
        .collect();
    let total: f64 = parts.iter().map(|p| p.1).sum();
    parts
        .into_iter()
        .map(|(k, w)| (k, if total > 0.0 { w / total } else { 0.0 }))
        .collect()
}

/// How specific a term is (0–1): 1 for a term no background text uses,
/// near 0 for one nearly every job posting or English text uses. A phrase is
/// no more specific than its most specific word.
pub fn specificity(key: &str) -> f64 {
    specificity_in(key, Lang::En)
}

/// [`specificity`] among postings written in `lang`.
pub fn specificity_in(key: &str, lang: Lang) -> f64 {
    if lexicon::is_level_word(key) {
        return 0.0;
    }
    let own = lexicon::background(key)
        .map(|b| {
            let common = b
                .share_in(lang)
                .max((b.english / factors::ENGLISH_COMMON).min(1.0));
            // Inverse document frequency over real postings, scaled so a
            // term in a hundredth of them is fully specific.
            ((1.0 / common.max(1e-9)).ln() / (1.0 / factors::FULLY_SPECIFIC).ln()).clamp(0.0, 1.0)
        })
        .unwrap_or(1.0)
        .max(factors::SPECIFICITY_FLOOR);
    // A word of another language is no more specific than the English
    // term it translates: "desarrollo" is "development", however few
    // Spanish postings the corpus holds to say so.
    let own = lexicon::translations()
        .english(lang, key)
        .iter()
        .map(|en| specificity(en))
        .fold(own, f64::min);
    if key.contains(' ') {
        let parts = key
            .split(' ')
            .map(|w| specificity_in(w, lang))
            .fold(factors::SPECIFICITY_FLOOR, f64::max);
        own.min(parts)
    } else {
        own
    }
}

/// A surface (word, phrase, tag or role title) as the index numbers it.
type SurfaceId = u32;

/// A surface of the library, once however many achievements use it.
#[derive(Debug, Clone)]
struct Surface {
    text: Arc<str>,
    /// Its words ([`evidence`]), numbered across the library: concepts
    /// compare numbers, not strings.
    words: Box<[u32]>,
}

/// The library's surfaces, numbered: the scorer compares a posting word
/// with an achievement's by number after one lookup per posting term.
#[derive(Debug, Clone, Default)]
struct Surfaces {
    list: Vec<Surface>,
    ids: HashMap<Arc<str>, SurfaceId>,
    words: HashMap<Box<str>, u32>,
}

impl Surfaces {
    fn intern(&mut self, text: &str) -> SurfaceId {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let words = evidence(text)
            .map(|w| {
                let next = self.words.len() as u32;
                *self.words.entry(w.into()).or_insert(next)
            })
            .collect();
        let id = self.list.len() as SurfaceId;
        let text: Arc<str> = Arc::from(text);
        self.list.push(Surface {
            text: text.clone(),
            words,
        });
        self.ids.insert(text, id);
        id
    }

    fn id(&self, text: &str) -> Option<SurfaceId> {
        self.ids.get(text).copied()
    }

    fn get(&self, id: SurfaceId) -> &Surface {
        &self.list[id as usize]
    }
}

/// An achievement labelled with a key by a tag or its role's title: (the
/// achievement, the tag or title, the label's word with that key when the
/// posting's word may turn out another word ([`lexicon::may_stem_split`])).
type Labelled = (u32, SurfaceId, Option<SurfaceId>);

/// Where a key stands in one achievement's text.
#[derive(Debug, Clone)]
struct Occurrence {
    doc: u32,
    tf: u32,
    /// Its first surface in the text, inline: most keys have one, and the
    /// scorer reads it for every occurrence of every posting term.
    surface: SurfaceId,
    /// Its other surfaces ("scaled" beside "scaling").
    others: Box<[SurfaceId]>,
    /// Which phrasings hold it, and whether the gist says it.
    shown: Shown,
    /// Whether a surface may be refused as another word than the posting's
    /// ([`lexicon::may_stem_split`]): most are not, and skip the check.
    may_split: bool,
}

/// The library analysed once, to be scored against any number of postings.
#[derive(Debug, Clone)]
pub struct LibraryIndex {
    refs: Vec<AchievementRef>,
    /// key → the achievements whose text holds it, in library order.
    text: HashMap<String, Vec<Occurrence>>,
    /// key → (achievement, tag) pairs, in library order.
    tags: HashMap<String, Vec<Labelled>>,
    /// key → (achievement, role title) pairs, in library order.
    roles: HashMap<String, Vec<Labelled>>,
    surfaces: Surfaces,
    doc_len: Vec<f64>,
    avg_len: f64,
    boosts: Vec<Boost>,
    /// Single-word surfaces by (first letter, length), for near misses.
    vocabulary: BTreeMap<(char, usize), Vec<(String, String)>>,
    aliases: Aliases,
    /// Profile boosts of posting terms, by key.
    term_boosts: HashMap<String, f64>,
}

impl LibraryIndex {
    /// Analyses every achievement's text, short phrasing and tags, with the
    /// built-in aliases plus the library's own.
    pub fn build(library: &Library) -> LibraryIndex {
        LibraryIndex::build_with(library, &BTreeMap::new())
    }

    /// [`LibraryIndex::build`] with `extra` alias groups (a profile's) on
    /// top of the library's, which stays as it is.
    pub fn build_with(library: &Library, extra: &BTreeMap<String, Vec<String>>) -> LibraryIndex {
        let mut groups = library.aliases.clone();
        for (name, variants) in extra {
            groups
                .entry(name.clone())
                .or_default()
                .extend(variants.iter().cloned());
        }
        let mut index = LibraryIndex {
            refs: Vec::new(),
            text: HashMap::new(),
            tags: HashMap::new(),
            roles: HashMap::new(),
            surfaces: Surfaces::default(),
            doc_len: Vec::new(),
            avg_len: 0.0,
            boosts: Vec::new(),
            vocabulary: BTreeMap::new(),
            aliases: Aliases::new(&groups),
            term_boosts: HashMap::new(),
        };
        let ages = role_ages(library);
        for (doc, (at, a)) in library.achievements().enumerate() {
            let doc = doc as u32;
            // key → (count, surfaces, in text, in short), in first-appearance order.
            let mut terms: Vec<(String, u32, Vec<String>, bool, bool)> = Vec::new();
            let mut pos: HashMap<String, usize> = HashMap::new();
            let mut len = 0usize;
            let plain = text::plain(&a.text);
            let short = a.short.as_deref().map(text::plain);
            // The short phrasing says the same: it adds words, not weight.
            for (source, counts) in [(Some(plain.as_str()), true), (short.as_deref(), false)] {
                let Some(source) = source else { continue };
                for t in lexicon::analyse_content(source, library.lang) {
                    if counts && t.kind != TermKind::Phrase {
                        len += 1;
                        let first = t.surface.chars().next().unwrap_or(' ');
                        let bucket = index
                            .vocabulary
                            .entry((first, t.surface.chars().count()))
                            .or_default();
                        if !bucket.iter().any(|(s, _)| *s == t.surface) {
                            bucket.push((t.surface.clone(), t.key.clone()));
                        }
                    }
                    let i = *pos.entry(t.key.clone()).or_insert_with(|| {
                        terms.push((t.key.clone(), 0, Vec::new(), false, false));
                        terms.len() - 1
                    });
                    let entry = &mut terms[i];
                    if counts {
                        entry.1 += 1;
                        entry.3 = true;
                    } else {
                        entry.1 = entry.1.max(1);
                        entry.4 = true;
                    }
                    if !entry.2.contains(&t.surface) {
                        entry.2.push(t.surface);
                    }
                }
            }
            let role = &library.experience[at.role].title;
            let labels: Vec<(&String, bool, Vec<analysis::Term>)> = a
                .tags
                .iter()
                .map(|t| (t, true))
                .chain([(role, false)])
                .map(|(label, is_tag)| {
                    (label, is_tag, lexicon::analyse_content(label, library.lang))
                })
                .collect();
            let tagged = |key: &str| {
                labels
                    .iter()
                    .any(|(_, is_tag, terms)| *is_tag && terms.iter().any(|t| t.key == key))
            };
            for (key, tf, surfaces, in_text, in_short) in terms {
                let may_split = surfaces.iter().any(|s| lexicon::may_stem_split(s));
                // Without a short phrasing every word of the text is what the
                // achievement says; with one, what it and the tags leave out
                // is detail.
                let gist = in_short || short.is_none() || tagged(&key);
                index.text.entry(key).or_default().push(Occurrence {
                    may_split,
                    doc,
                    tf,
                    surface: index.surfaces.intern(&surfaces[0]),
                    others: surfaces[1..]
                        .iter()
                        .map(|s| index.surfaces.intern(s))
                        .collect(),
                    shown: Shown {
                        in_text,
                        in_short,
                        gist,
                    },
                });
            }
            for (label, is_tag, label_terms) in labels {
                let shared = index.surfaces.intern(label);
                for t in label_terms {
                    let word = lexicon::may_stem_split(&t.surface)
                        .then(|| index.surfaces.intern(&t.surface));
                    let map = if is_tag {
                        &mut index.tags
                    } else {
                        &mut index.roles
                    };
                    let list = map.entry(t.key).or_default();
                    if list.last().is_none_or(|(d, _, _)| *d != doc) {
                        list.push((doc, shared, word));
                    }
                }
            }
            index.refs.push(at);
            index.doc_len.push(len.max(1) as f64);
            index.boosts.push(Boost {
                quantified: if analysis::is_quantified(&plain) {
                    factors::QUANTIFIED
                } else {
                    1.0
                },
                recency: ages[at.role].map_or(1.0, |years| {
                    1.0 + factors::RECENCY * (1.0 - years / factors::RECENCY_YEARS).max(0.0)
                }),
                profile: 1.0,
            });
        }
        index.avg_len = index.doc_len.iter().sum::<f64>() / index.doc_len.len().max(1) as f64;
        index
    }

    /// Applies a profile's boosts: `tag:NAME` multiplies the score of
    /// achievements with that tag; any other key multiplies the weight of
    /// that posting term (and the terms that mean the same).
    pub fn with_boosts(
        mut self,
        library: &Library,
        boosts: &BTreeMap<String, f64>,
    ) -> LibraryIndex {
        for (key, &factor) in boosts {
            match key.strip_prefix("tag:") {
                Some(tag) => {
                    for (doc, (_, a)) in library.achievements().enumerate() {
                        if a.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                            self.boosts[doc].profile *= factor;
                        }
                    }
                }
                None => {
                    if let Some(k) = analysis::term_key(key) {
                        let same: Vec<String> =
                            self.aliases.equivalents(&k).map(str::to_string).collect();
                        for k in std::iter::once(k).chain(same) {
                            *self.term_boosts.entry(k).or_insert(1.0) *= factor;
                        }
                    }
                }
            }
        }
        self
    }

    /// Number of achievements indexed.
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    /// True when the library had no achievements.
    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// The alias table in use.
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// True when some achievement's text or tags hold `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.text.contains_key(key) || self.tags.contains_key(key)
    }

    fn idf(&self, df: usize) -> f64 {
        let n = self.refs.len() as f64;
        let df = df as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Library words that are near misses of `surface` (typos, British and
    /// American spellings), never mere prefixes: stemming already had its turn.
    fn near_misses(&self, surface: &str) -> Vec<&str> {
        let len = surface.chars().count();
        if len < factors::FUZZY_MIN_LEN {
            return Vec::new();
        }
        let Some(first) = surface.chars().next() else {
            return Vec::new();
        };
        let max_edits = (len / factors::FUZZY_CHARS_PER_EDIT).max(1);
        let lo = (
            first,
            len.saturating_sub(max_edits).max(factors::FUZZY_MIN_LEN),
        );
        let hi = (first, len + max_edits);
        // Whether real postings use the posting's word: once, not per candidate.
        let known = lexicon::background(&analysis::stem::stem_word(surface)).is_some();
        let mut keys: Vec<&str> = self
            .vocabulary
            .range(lo..=hi)
            .flat_map(|(_, words)| words.iter())
            .filter(|(s, k)| {
                !s.starts_with(surface)
                    && !surface.starts_with(s.as_str())
                    && strsim::jaro_winkler(s, surface) >= factors::FUZZY_MIN_SIMILARITY
                    && strsim::damerau_levenshtein(s, surface) <= max_edits
                    // Two words real postings both use are two words, not a
                    // typo ("tuning" and "turning").
                    && !(known && lexicon::background(k).is_some())
            })
            .map(|(_, k)| k.as_str())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Every achievement whose text holds `key`, as a `kind` match through
    /// its first surface form.
    fn occurring(&self, key: &str, kind: MatchKind) -> impl Iterator<Item = Way> + '_ {
        self.text.get(key).into_iter().flatten().map(move |o| Way {
            doc: o.doc,
            kind,
            tf: o.tf,
            via: o.surface,
            shown: o.shown,
        })
    }

    /// Every achievement tagged with `key`, as a tag match (tags go with
    /// either phrasing); with the posting's word, not where the tag's word
    /// is another word of that stem ("designers" is no "api-design").
    fn tagged<'a>(&'a self, key: &str, word: Option<&'a str>) -> impl Iterator<Item = Way> + 'a {
        self.labelled(&self.tags, key, word).map(|(doc, tag)| Way {
            doc,
            kind: MatchKind::Tag,
            tf: 1,
            via: tag,
            shown: Shown::LABEL,
        })
    }

    /// The achievements a tag or role title labels with `key`, and the
    /// label; with the posting's word, not where the label's word is
    /// another word of that stem.
    fn labelled<'a>(
        &'a self,
        map: &'a HashMap<String, Vec<Labelled>>,
        key: &str,
        word: Option<&'a str>,
    ) -> impl Iterator<Item = (u32, SurfaceId)> + 'a {
        map.get(key)
            .into_iter()
            .flatten()
            .filter(move |(_, _, own)| match (own, word) {
                (Some(own), Some(word)) => {
                    !lexicon::is_stem_split(&self.surfaces.get(*own).text, word)
                }
                _ => true,
            })
            .map(|&(doc, label, _)| (doc, label))
    }

    /// Scores every achievement against `posting`, in library order.
    pub fn score(&self, posting: &Posting) -> Vec<Scored> {
        let n = self.refs.len();
        let mut matches: Vec<Vec<Match>> = vec![Vec::new(); n];
        // Which term last matched each achievement: one match per term.
        let mut stamp: Vec<usize> = vec![usize::MAX; n];
        let mut found: Vec<Way> = Vec::new();

        for (ti, term) in posting.terms.iter().enumerate() {
            let base = posting_weight(term, posting.lang)
                * self.term_boosts.get(&term.key).copied().unwrap_or(1.0);
            if base <= 0.0 {
                continue;
            }
            found.clear();
            let display: Arc<str> = Arc::from(term.display.as_str());
            // The posting's word as the library numbers it, when some
            // achievement uses it as it is.
            let display_id = self.surfaces.id(&term.display);
            // Priority: the same key in the text, in the tags, an alias in the
            // text or tags, then a near miss; the first way found wins.
            let same_key = self
                .text
                .get(&term.key)
                .into_iter()
                .flatten()
                .filter_map(|o| {
                    let exact = display_id.filter(|&id| o.surface == id || o.others.contains(&id));
                    let (kind, via) = if let Some(id) = exact {
                        (MatchKind::Exact, id)
                    } else {
                        // The same stem, but not a word the corpus shows to be
                        // another ("responsible" is no "response").
                        let same_word = if o.may_split {
                            std::iter::once(o.surface)
                                .chain(o.others.iter().copied())
                                .find(|&s| {
                                    !lexicon::is_stem_split(
                                        &self.surfaces.get(s).text,
                                        &term.display,
                                    )
                                })?
                        } else {
                            o.surface
                        };
                        (MatchKind::Stem, same_word)
                    };
                    Some(Way {
                        doc: o.doc,
                        kind,
                        tf: o.tf,
                        via,
                        shown: o.shown,
                    })
                });
            first_ways(&mut stamp, ti, &mut found, same_key);
            let word = Some(term.display.as_str());
            first_ways(&mut stamp, ti, &mut found, self.tagged(&term.key, word));
            for alias in self.aliases.equivalents(&term.key) {
                let ways = self.occurring(alias, MatchKind::Alias);
                first_ways(&mut stamp, ti, &mut found, ways);
                first_ways(&mut stamp, ti, &mut found, self.tagged(alias, None));
            }
            // A term of a posting in another language: the English terms it
            // translates, and their aliases, in the text or tags.
            for en in lexicon::translations().english(posting.lang, &term.key) {
                for key in std::iter::once(en.as_str()).chain(self.aliases.equivalents(en)) {
                    let ways = self.occurring(key, MatchKind::Translation);
                    first_ways(&mut stamp, ti, &mut found, ways);
                    let ways = self.tagged(key, None).map(|way| Way {
                        kind: MatchKind::Translation,
                        ..way
                    });
                    first_ways(&mut stamp, ti, &mut found, ways);
                }
            }
            let role = self.labelled(&self.roles, &term.key, word);
            let ways = role.map(|(doc, title)| Way {
                doc,
                kind: MatchKind::Role,
                tf: 1,
                via: title,
                shown: Shown::LABEL,
            });
            first_ways(&mut stamp, ti, &mut found, ways);
            if found.is_empty() && term.kind != TermKind::Phrase && !self.contains(&term.key) {
                for key in self.near_misses(&term.display) {
                    let ways = self.occurring(key, MatchKind::Fuzzy);
                    first_ways(&mut stamp, ti, &mut found, ways);
                }
            }
            if found.is_empty() {
                continue;
            }
            // Rarity of the concept in the library: every way it was found counts.
            // (Role titles are shared by a role's achievements: they say
            // nothing of rarity.)
            let df = found
                .iter()
                .filter(|f| f.kind != MatchKind::Role)
                .count()
                .max(1);
            let weight = base * self.idf(df);
            let section = main_section(term);
            for Way {
                doc,
                kind,
                tf,
                via,
                shown,
            } in found.drain(..)
            {
                let d = doc as usize;
                let tf = f64::from(tf);
                let norm =
                    factors::K1 * (1.0 - factors::B + factors::B * self.doc_len[d] / self.avg_len);
                let saturation = tf * (factors::K1 + 1.0) / (tf + norm);
                let detail = if shown.gist { 1.0 } else { factors::DETAIL };
                let value = weight * kind.factor() * saturation * detail * self.boosts[d].total();
                matches[d].push(Match {
                    term: display.clone(),
                    term_index: ti,
                    surface: via,
                    kind,
                    via: self.surfaces.get(via).text.clone(),
                    section,
                    in_text: shown.in_text,
                    in_short: shown.in_short,
                    weight,
                    value,
                    contribution: 0.0,
                    concept: 0,
                });
            }
        }

        self.refs
            .iter()
            .zip(matches)
            .zip(&self.boosts)
            .map(|((&at, mut matches), &boost)| {
                concepts(&mut matches, &self.surfaces);
                // Summed in posting order, so the float result never depends on
                // hashing; folded from +0.0 because `sum` starts at -0.0.
                let score = matches.iter().fold(0.0, |acc, m| acc + m.contribution);
                Scored {
                    at,
                    score,
                    boost,
                    matches,
                }
            })
            .collect()
    }
}

/// The words of the achievement that a match stands on: its text surface
/// or tag, split where analysis splits phrases.
pub fn evidence(via: &str) -> impl Iterator<Item = &str> {
    via.split([' ', '-', '/']).filter(|w| !w.is_empty())
}

/// Groups one achievement's matches into concepts and lets each concept
/// count once, through its best match. Two matches are one concept when
/// the achievement words one stands on are among the other's: "post
/// mortems" and "blameless" inside "blameless post-mortems", three posting
/// terms matched through one tag, an alias matched through words a phrase
/// already used. A word shared by two longer matches joins the better one,
/// so "distributed systems" and "payment systems" stay two concepts.
fn concepts(matches: &mut [Match], surfaces: &Surfaces) {
    let n = matches.len();
    if n <= 1 {
        for (i, m) in matches.iter_mut().enumerate() {
            m.concept = i as u32;
            m.contribution = m.value;
        }
        return;
    }
    let words = |i: usize| &*surfaces.get(matches[i].surface).words;
    // Each match's evidence as a set of the achievement's words (a bit
    // each), so that containment is one mask test.
    let masks: Option<Vec<u64>> = {
        let mut vocab: Vec<u32> = Vec::new();
        (0..n)
            .map(|i| {
                let mut mask = 0u64;
                for &w in words(i) {
                    let at = vocab.iter().position(|&v| v == w).unwrap_or_else(|| {
                        vocab.push(w);
                        vocab.len() - 1
                    });
                    mask |= 1u64.checked_shl(at as u32)?;
                }
                Some(mask)
            })
            .collect()
    };
    // Most achievements' matches stand on words of their own: each is its
    // own concept, and there is nothing to group.
    if let Some(m) = &masks {
        let union = m.iter().fold(0u64, |acc, x| acc | x);
        if union.count_ones() == m.iter().map(|x| x.count_ones()).sum::<u32>() {
            for (i, m) in matches.iter_mut().enumerate() {
                m.concept = i as u32;
                m.contribution = m.value;
            }
            return;
        }
    }
    // Longest evidence first (ties in posting order): a match's possible
    // heads are all placed before it.
    let value: Vec<f64> = matches.iter().map(|m| m.value).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(words(i).len()));
    // (More than 64 distinct words: compare the words themselves.)
    let within = |small: usize, big: usize| match &masks {
        Some(m) => m[small] & !m[big] == 0,
        None => words(small).iter().all(|w| words(big).contains(w)),
    };
    // Each match's head, and per head the concept's carrier: its most
    // valuable member so far (ties: posting order).
    let mut head: Vec<usize> = (0..n).collect();
    let mut carrier: Vec<usize> = (0..n).collect();
    let mut heads: Vec<usize> = Vec::new();
    let better = |a: usize, b: usize| value[a] > value[b] || (value[a] == value[b] && a < b);
    for &i in &order {
        // Within several concepts: the one worth most takes it.
        let mut into: Option<usize> = None;
        for &h in &heads {
            if within(i, h) && into.is_none_or(|b| better(carrier[h], carrier[b])) {
                into = Some(h);
            }
        }
        match into {
            Some(h) => {
                head[i] = h;
                if better(i, carrier[h]) {
                    carrier[h] = i;
                }
            }
            None => heads.push(i),
        }
    }
    for (i, m) in matches.iter_mut().enumerate() {
        let c = carrier[head[i]];
        m.concept = c as u32;
        m.contribution = if c == i { m.value } else { 0.0 };
    }
}

/// Years between each role's end and the library's latest date (ongoing
/// roles: none). Relative to the library, not the clock, so output never
/// depends on the day it is run. Undated roles get no age.
fn role_ages(library: &Library) -> Vec<Option<f64>> {
    let latest = library
        .experience
        .iter()
        .flat_map(|r| {
            let end = match r.end {
                Some(End::Date(d)) => Some(d.last_month()),
                _ => None,
            };
            end.into_iter().chain(r.start.map(|s| s.first_month()))
        })
        .max();
    library
        .experience
        .iter()
        .map(|r| match (r.end, latest) {
            (Some(End::Present), _) => Some(0.0),
            (Some(End::Date(d)), Some(latest)) => {
                Some(f64::from(latest.saturating_sub(d.last_month())) / 12.0)
            }
            _ => None,
        })
        .collect()
}

/// Indices into `scored`, best first; ties keep library order.
pub fn ranking(scored: &[Scored]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scored.len()).collect();
    order.sort_by(|&a, &b| scored[b].score.total_cmp(&scored[a].score).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};

    fn library(achievements: &[(&str, &str, &[&str])]) -> Library {
        let mut y = String::from("experience:\n  - title: Engineer\n    achievements:\n");
        for (id, text, tags) in achievements {
            y.push_str(&format!(
                "      - id: {id}\n        text: \"{text}\"\n        tags: [{}]\n",
                tags.join(", ")
            ));
        }
        from_sources(&[Source {
            path: "t.yaml".into(),
            text: y,
        }])
        .unwrap()
    }

    fn scores(lib: &Library, posting: &str) -> Vec<Scored> {
        LibraryIndex::build(lib).score(&Posting::analyse("p", posting))
    }

    fn kinds(s: &Scored) -> Vec<(&str, MatchKind)> {
        s.matches.iter().map(|m| (&*m.term, m.kind)).collect()
    }

    #[test]
    fn no_substring_matches() {
        let lib = library(&[("a", "Built the platform for reforms", &[])]);
        let s = scores(&lib, "form");
        assert_eq!(s[0].score, 0.0);
        assert!(s[0].matches.is_empty());
    }

    #[test]
    fn stems_and_exact_words_are_told_apart() {
        let lib = library(&[("a", "Scaled the billing service", &[])]);
        let s = scores(&lib, "scaling billing");
        let k = kinds(&s[0]);
        assert!(k.contains(&("scaling", MatchKind::Stem)), "{k:?}");
        assert!(k.contains(&("billing", MatchKind::Exact)), "{k:?}");
    }

    #[test]
    fn a_german_posting_meets_english_achievements_through_the_translation_table() {
        use crate::analysis::Lang;
        let lib = library(&[
            ("a", "Rebuilt the payments retry logic", &[]),
            ("b", "Wrote onboarding docs", &[]),
        ]);
        let text = "Wir suchen Verstärkung für unseren Zahlungsverkehr. \
                    Du entwickelst Systeme für den Zahlungsverkehr.";
        let posting = Posting::analyse_in("p", text, Some(Lang::De));
        let s = LibraryIndex::build(&lib).score(&posting);
        let m = s[0]
            .matches
            .iter()
            .find(|m| m.kind == MatchKind::Translation)
            .unwrap_or_else(|| panic!("{:?}", s[0].matches));
        assert_eq!(&*m.term, "zahlungsverkehr");
        assert_eq!(&*m.via, "payments");
        assert!(s[1].matches.is_empty(), "{:?}", s[1].matches);
        // The same word in an English posting is no translation.
        let english = Posting::analyse_in("p", text, Some(Lang::En));
        let s = LibraryIndex::build(&lib).score(&english);
        assert!(
            s[0].matches
                .iter()
                .all(|m| m.kind != MatchKind::Translation)
        );
    }

    #[test]
    fn k8s_matches_kubernetes_through_the_alias_table() {
        let lib = library(&[
            ("a", "Ran Kubernetes clusters", &[]),
            ("b", "Wrote docs", &[]),
        ]);
        let s = scores(&lib, "Experience with k8s required");
        assert!(
            kinds(&s[0]).contains(&("k8s", MatchKind::Alias)),
            "{:?}",
            s[0].matches
        );
        assert_eq!(&*s[0].matches[0].via, "kubernetes");
        assert!(s[1].matches.is_empty());
    }

    #[test]
    fn a_word_the_short_phrasing_and_tags_leave_out_is_a_detail() {
        // Same texts, same lengths. "b" has a short phrasing that leaves
        // "detect" out, and no tag says it: there "detect" is a detail of
        // tracing work. "c" says it in its short phrasing, "d" in a tag.
        let y = r#"experience:
  - title: Engineer
    achievements:
      - id: a
        text: "Cut time to detect outages with tracing"
      - id: b
        text: "Cut time to detect outages with tracing"
        short: "Rolled out tracing"
      - id: c
        text: "Cut time to detect outages with tracing"
        short: "Faster outage detection"
      - id: d
        text: "Cut time to detect outages with tracing"
        short: "Rolled out tracing"
        tags: [detection]
"#;
        let lib = from_sources(&[Source {
            path: "t.yaml".into(),
            text: y.into(),
        }])
        .unwrap();
        let s = scores(&lib, "Detection engineer. You detect fraud.");
        let value = |i: usize| {
            let m = s[i].matches.iter().find(|m| m.term.starts_with("detect"));
            m.unwrap_or_else(|| panic!("{:?}", s[i].matches)).value
        };
        assert!(
            (value(1) - factors::DETAIL * value(0)).abs() < 1e-9,
            "{s:?}"
        );
        // In the short phrasing (there as the posting writes it): no discount.
        assert!(value(2) >= value(0), "in the short phrasing: {s:?}");
        assert!((value(3) - value(0)).abs() < 1e-9, "in a tag: {s:?}");
    }

    #[test]
    fn versions_are_dropped() {
        let lib = library(&[("a", "Built services in Python", &[])]);
        let s = scores(&lib, "Python 3.11");
        assert_eq!(kinds(&s[0]), vec![("python", MatchKind::Exact)]);
    }

    #[test]
    fn user_aliases_extend_the_table() {
        let mut lib = library(&[("a", "Shipped Zanzibar checks", &[])]);
        lib.aliases
            .insert("zanzibar".into(), vec!["relationship based access".into()]);
        let s = scores(&lib, "relationship based access");
        assert!(
            s[0].matches.iter().any(|m| m.kind == MatchKind::Alias),
            "{:?}",
            s[0].matches
        );
    }

    #[test]
    fn tags_count_as_matches() {
        let lib = library(&[("a", "Cut losses", &["fraud"]), ("b", "Wrote docs", &[])]);
        let s = scores(&lib, "fraud prevention");
        assert_eq!(s[0].matches[0].kind, MatchKind::Tag);
        assert!(s[0].score > s[1].score);
    }

    #[test]
    fn near_misses_match_fuzzily_but_short_words_never() {
        let lib = library(&[("a", "Ran kubernetes and monetization", &[])]);
        let s = scores(&lib, "kubernetse");
        assert_eq!(kinds(&s[0]), vec![("kubernetse", MatchKind::Fuzzy)]);
        let lib = library(&[("a", "Used react", &[])]);
        assert!(scores(&lib, "reach")[0].matches.is_empty());
        let lib = library(&[("a", "Worked iteratively", &[])]);
        assert!(scores(&lib, "interactively")[0].matches.is_empty());
        let lib = library(&[("a", "Integrated stripe", &[])]);
        assert!(scores(&lib, "strip")[0].matches.is_empty());
    }

    #[test]
    fn phrases_outweigh_scattered_words() {
        let lib = library(&[
            ("a", "Designed rate limiting for the API", &[]),
            ("b", "Set the rate card and limiting factors", &[]),
        ]);
        let s = scores(&lib, "rate limiting");
        assert!(s[0].score > s[1].score, "{} vs {}", s[0].score, s[1].score);
    }

    #[test]
    fn generic_words_count_for_little() {
        let lib = library(&[("a", "Grew the team", &[]), ("b", "Scaled postgres", &[])]);
        let s = scores(&lib, "team team team postgres");
        assert!(
            s[1].score > s[0].score * 5.0,
            "{} vs {}",
            s[1].score,
            s[0].score
        );
    }

    #[test]
    fn text_under_no_heading_weighs_what_the_term_usually_is() {
        // Neither word is in a recognised section; real postings use
        // "mission" mostly about the company, "kotlin" in requirements.
        let p = Posting::analyse("p", "Our mission. Kotlin services.");
        let t = |k: &str| p.terms.iter().find(|t| t.key == k).unwrap();
        assert_eq!(main_section(t("kotlin")), SectionKind::General);
        assert!(
            emphasis(t("kotlin")) > 2.0 * emphasis(t("mission")),
            "{} vs {}",
            emphasis(t("kotlin")),
            emphasis(t("mission"))
        );
    }

    #[test]
    fn requirements_outweigh_benefits() {
        let lib = library(&[
            ("a", "Built kafka pipelines", &[]),
            ("b", "Ran yoga classes", &[]),
        ]);
        let s = scores(
            &lib,
            "Data Engineer\n\nRequirements:\n- Kafka, Spark and Airflow\n\nBenefits\n- Yoga classes, yoga retreats\n",
        );
        assert!(
            s[0].score > 10.0 * s[1].score,
            "{} vs {}",
            s[0].score,
            s[1].score
        );
        let kafka = s[0].matches.iter().find(|m| &*m.term == "kafka").unwrap();
        assert_eq!(kafka.section, SectionKind::Requirements);
        let yoga = s[1].matches.iter().find(|m| &*m.term == "yoga").unwrap();
        assert_eq!(yoga.section, SectionKind::Benefits);
    }

    #[test]
    fn figures_and_recent_roles_get_a_modest_boost() {
        let lib = from_sources(&[Source {
            path: "t.yaml".into(),
            text: "experience:\n  - title: New\n    start: 2020\n    end: present\n    achievements:\n      - {id: a, text: \"Cut kafka lag 40%\"}\n      - {id: b, text: \"Cut kafka lag\"}\n  - title: Old\n    start: 2005\n    end: 2008\n    achievements:\n      - {id: c, text: \"Cut kafka lag\"}\n".into(),
        }])
        .unwrap();
        let s = scores(&lib, "kafka lag");
        assert_eq!(s[0].boost.quantified, factors::QUANTIFIED);
        assert_eq!(s[1].boost.quantified, 1.0);
        assert!(s[1].boost.recency > s[2].boost.recency);
        assert!(s[0].score > s[1].score && s[1].score > s[2].score);
        assert!(s[0].score < s[2].score * 1.25, "boosts stay modest");
    }

    #[test]
    fn profile_boosts_raise_tags_and_terms() {
        let lib = library(&[
            ("a", "Built kafka pipelines", &["data"]),
            ("b", "Ran postgres", &["db"]),
        ]);
        let posting = Posting::analyse("p", "kafka postgres");
        let plain = LibraryIndex::build(&lib).score(&posting);
        let mut boosts = BTreeMap::new();
        boosts.insert("tag:db".to_string(), 2.0);
        let tagged = LibraryIndex::build(&lib)
            .with_boosts(&lib, &boosts)
            .score(&posting);
        assert!((tagged[1].score - 2.0 * plain[1].score).abs() < 1e-9);
        assert_eq!(tagged[0].score, plain[0].score);
        let mut boosts = BTreeMap::new();
        boosts.insert("Kafka".to_string(), 3.0);
        let termed = LibraryIndex::build(&lib)
            .with_boosts(&lib, &boosts)
            .score(&posting);
        assert!((termed[0].score - 3.0 * plain[0].score).abs() < 1e-9);
    }

    #[test]
    fn no_match_scores_positive_zero() {
        // Regression: an empty float sum is -0.0, which printed as "-0.00".
        let lib = library(&[("a", "Wrote go", &[])]);
        let s = scores(&lib, "nothing");
        assert!(s[0].score.is_sign_positive());
    }

    #[test]
    fn ranking_breaks_ties_by_library_order() {
        let lib = library(&[("a", "Wrote go", &[]), ("b", "Wrote go", &[])]);
        let s = scores(&lib, "nothing here");
        assert_eq!(ranking(&s), vec![0, 1]);
    }

    #[test]
    fn one_concept_counts_once_through_its_best_form() {
        let lib = library(&[
            ("a", "Ran blameless post-mortems after every incident", &[]),
            ("b", "Wrote docs", &[]),
        ]);
        let s = scores(
            &lib,
            "We hold blameless post-mortems. Blameless culture, post mortems.",
        );
        let forms: Vec<&Match> = s[0]
            .matches
            .iter()
            .filter(|m| {
                ["blameless", "post", "mortems"]
                    .iter()
                    .any(|w| m.term.contains(w))
            })
            .collect();
        assert!(forms.len() >= 4, "{forms:?}");
        let counted: Vec<&&Match> = forms.iter().filter(|m| m.contribution > 0.0).collect();
        assert_eq!(counted.len(), 1, "one concept, one count: {forms:?}");
        let best = forms.iter().map(|m| m.value).fold(0.0, f64::max);
        assert_eq!(counted[0].value, best, "the best form counts");
        let concept = counted[0].concept;
        assert!(forms.iter().all(|m| m.concept == concept));
    }

    #[test]
    fn three_posting_terms_through_one_tag_are_one_concept() {
        let lib = library(&[("a", "Ran the review", &["cross-functional"])]);
        let s = scores(&lib, "cross-functional work, cross teams, functional");
        let counted = s[0].matches.iter().filter(|m| m.contribution > 0.0).count();
        assert_eq!(counted, 1, "{:?}", s[0].matches);
    }

    #[test]
    fn two_phrases_sharing_a_word_stay_two_concepts() {
        let lib = library(&[("a", "Built distributed systems for payment systems", &[])]);
        let s = scores(&lib, "distributed systems and payment systems");
        let counted: Vec<&str> = s[0]
            .matches
            .iter()
            .filter(|m| m.contribution > 0.0)
            .map(|m| &*m.term)
            .collect();
        assert!(
            counted.contains(&"distributed systems") && counted.contains(&"payment systems"),
            "{counted:?}"
        );
    }

    /// Stems that the corpus shows to be other words never match.
    #[test]
    fn false_friend_stems_do_not_match() {
        for (achievement, posting) in [
            (
                "Cut incident response time",
                "Analyst\n\nYou are responsible for the roadmap",
            ),
            (
                "Improved developer tooling",
                "Analyst\n\nCareer development budget",
            ),
            (
                "Published the package to npm",
                "Analyst\n\nPackaging and labelling of goods",
            ),
        ] {
            let lib = library(&[("a", achievement, &[])]);
            let s = scores(&lib, posting);
            assert!(
                !s[0].matches.iter().any(|m| m.kind == MatchKind::Stem),
                "{posting} ~ {achievement}: {:?}",
                s[0].matches
            );
        }
        // Tags and role titles too (regression: "designers" matched the tag
        // `api-design`).
        let lib = library(&[("a", "Wrote the partner API", &["api-design"])]);
        let s = scores(&lib, "Analyst\n\nWork with designers and writers");
        assert!(s[0].matches.is_empty(), "{:?}", s[0].matches);
        let s = scores(&lib, "Analyst\n\nYou design the API");
        assert!(
            kinds(&s[0]).contains(&("design", MatchKind::Tag)),
            "{:?}",
            kinds(&s[0])
        );
        // Inflections of one word still meet.
        let lib = library(&[("a", "Scaled the payments service", &[])]);
        let s = scores(&lib, "scaling payment services");
        let k = kinds(&s[0]);
        assert!(k.contains(&("scaling", MatchKind::Stem)), "{k:?}");
        assert!(k.contains(&("payment", MatchKind::Stem)), "{k:?}");
    }

    #[test]
    fn two_real_words_are_no_typo() {
        let lib = library(&[("a", "Led performance tuning of the database", &[])]);
        let s = scores(&lib, "Analyst\n\nturning ideas into products");
        assert!(
            !s[0].matches.iter().any(|m| m.kind == MatchKind::Fuzzy),
            "{:?}",
            s[0].matches
        );
    }

    #[test]
    fn level_words_carry_no_weight() {
        assert_eq!(specificity("senior"), 0.0);
        assert_eq!(specificity("staff"), 0.0);
        let lib = library(&[("a", "Mentored staff engineers", &[])]);
        let s = scores(&lib, "Staff Engineer");
        assert!(s[0].score < 0.1, "{:?}", s[0].matches);
    }

    #[test]
    fn role_titles_match_what_the_achievement_was_part_of() {
        let lib = from_sources(&[Source {
            path: "t.yaml".into(),
            text: "experience:\n  - title: Backend Engineer, Payments\n    achievements:\n      - {id: a, text: \"Cut p99 latency by 40%\"}\n  - title: Designer\n    achievements:\n      - {id: b, text: \"Cut p99 latency by 40%\"}\n".into(),
        }])
        .unwrap();
        let s = scores(&lib, "Payments Engineer\n\nRequirements:\n- latency work\n");
        assert!(s[0].score > s[1].score, "{} vs {}", s[0].score, s[1].score);
        assert!(s[0].matches.iter().any(|m| m.kind == MatchKind::Role));
    }

    #[test]
    fn specificity_follows_the_background_table() {
        assert!(specificity("team") < 0.1);
        assert!(specificity(&crate::analysis::stem::stem_word("experience")) < 0.1);
        assert!(specificity("kubernetes") > 10.0 * specificity("team"));
        assert!(specificity("billing") > 0.7);
        assert!(specificity("billing") > specificity("python"));
        // A phrase is no more specific than its most specific word.
        assert!(specificity("team role") < 0.1);
    }
}
