//! The library API for tailoring. An [`Engine`] is built once from a
//! library, a profile and selection options; it tailors any number of
//! postings into [`Tailored`] results and renders them through an
//! [`Output`]. Every command goes through it, and so do benches and tests.
//!
//! The engine does no I/O of its own: the library and postings come in as
//! data, documents go out as bytes (a PDF is laid out in memory). The
//! profile's aliases reach the index only; the library stays as loaded, so
//! its hash, recorded in every manifest, does not depend on the profile.
//!
//! An engine writes résumés in one language: the library as it reads in
//! that language ([`Library::in_lang`]) is what it scores, selects and
//! renders, with that language's locale. [`resume_lang`] decides which
//! language a posting gets; [`Engines`] keeps one engine per language, built
//! when first needed.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Result, anyhow, bail};

use crate::analysis::Lang;
use crate::content::Library;
use crate::coverage;
use crate::format::{Paper, TemplateSet};
use crate::locale::Locale;
use crate::manifest::{self, Manifest};
use crate::output::{Document, Output};
use crate::posting::Posting;
use crate::profile::{Profile, SkillsMode};
use crate::render::{self, Presentation, Renderer};
use crate::report::round;
use crate::score::LibraryIndex;
use crate::select::fit::{self, Pager};
use crate::select::{self, Budget, Costs, Options, Phrasing, SelectError, Selection};
use crate::tailored::{PageFit, Tailored};

/// A library ready to be tailored to postings under one profile, in one
/// language.
pub struct Engine {
    /// The library as it reads in the résumé's language.
    library: Library,
    /// The language the content's texts are written in (`lang:`).
    content_lang: Lang,
    /// How many texts have no version in the résumé's language, and are in
    /// the content's.
    fallbacks: usize,
    index: LibraryIndex,
    options: Options,
    costs: Costs,
    presentation: Presentation,
    profile: String,
    content_hash: String,
    /// The Typst templates a page budget is laid out with: compiled when
    /// the first layout needs them, unless [`Engine::with_page_templates`]
    /// chose others. Word and line budgets never lay out, and compiling
    /// them was a fifth of a `compose` to Markdown.
    pages: OnceLock<Renderer>,
    /// The profile's font from the system, for Typst (empty: the bundled).
    fonts: Vec<typst::text::Font>,
}

impl Engine {
    /// Indexes `library` with the profile's aliases and boosts, and measures
    /// every phrasing's cost under `options` (see [`Engine::options`] for
    /// how the command line and the profile make them). `paper` overrides
    /// the profile's. A page budget is laid out with the built-in PDF
    /// templates ([`Engine::with_page_templates`] changes them). Résumés are
    /// in the content's own language ([`Engine::new_in`] chooses another).
    pub fn new(
        library: Library,
        profile: &Profile,
        options: Options,
        paper: Option<Paper>,
    ) -> Result<Engine> {
        let lang = library.lang;
        Engine::new_in(library, lang, profile, options, paper)
    }

    /// [`Engine::new`] writing résumés in `lang`: the library as it reads
    /// in `lang` is indexed, measured and rendered, with `lang`'s locale
    /// and the profile's labels. The manifests' content hash stays the
    /// whole library's, whatever the language.
    pub fn new_in(
        library: Library,
        lang: Lang,
        profile: &Profile,
        options: Options,
        paper: Option<Paper>,
    ) -> Result<Engine> {
        let content_hash = hash_of(&library);
        let content_lang = library.lang;
        let (library, fallbacks) = library.into_lang(lang);
        let index = LibraryIndex::build_with(&library, &profile.aliases)
            .with_boosts(&library, &profile.boosts);
        let costs = Costs::new(&library, &options);
        let fonts = match &profile.font {
            Some(family) => crate::pdf::system_font(family)
                .map_err(|e| anyhow::anyhow!("profile `{}`: {e:#}", profile.label()))?,
            None => Vec::new(),
        };
        Ok(Engine {
            fonts,
            content_lang,
            fallbacks,
            presentation: presentation(profile, paper, lang),
            profile: profile.label().to_string(),
            library,
            index,
            options,
            costs,
            content_hash,
            pages: OnceLock::new(),
        })
    }

    /// Lays page budgets out with the PDF templates as `dir` overrides them
    /// (and the main one as `file` replaces it): the templates the PDF is
    /// written with, so that what was measured is what is printed.
    /// Without a page budget there is nothing to lay out, and they are
    /// not read.
    pub fn with_page_templates(mut self, dir: Option<&Path>, file: Option<&Path>) -> Result<Self> {
        if matches!(self.options.budget, Budget::Pages(_)) {
            self.pages = OnceLock::from(Renderer::new(TemplateSet::TYPST, dir, file)?);
        }
        Ok(self)
    }

    /// The Typst templates pages are laid out with (the built-in ones,
    /// compiled now, unless others were chosen).
    fn page_templates(&self) -> Result<&Renderer> {
        if let Some(r) = self.pages.get() {
            return Ok(r);
        }
        let built = Renderer::builtin(TemplateSet::TYPST)?;
        Ok(self.pages.get_or_init(|| built))
    }

    /// The library, as it reads in the résumé's language.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The language its résumés are in.
    pub fn lang(&self) -> Lang {
        self.library.lang
    }

    /// How many of the library's texts have no version in the résumé's
    /// language (and are in the content's own).
    pub fn fallbacks(&self) -> usize {
        self.fallbacks
    }

    /// What a reader of a résumé for a posting in `posting` should know
    /// about its language, if anything: that the content has no texts in
    /// the posting's language, or how many of them fell back.
    pub fn language_note(&self, posting: Lang) -> Option<String> {
        let (lang, own) = (self.lang(), self.content_lang);
        if posting != lang {
            return Some(format!(
                "the posting is in {}; the content has no {} texts, so the résumé is in {}",
                posting.name(),
                posting.name(),
                lang.name()
            ));
        }
        (self.fallbacks > 0).then(|| {
            let texts = crate::text::counted(&[(self.fallbacks, "text", "texts")]);
            let have = if self.fallbacks == 1 { "has" } else { "have" };
            format!(
                "the résumé is in {}, but {texts} {have} no {} version and {} in {}",
                lang.name(),
                lang.name(),
                if self.fallbacks == 1 { "is" } else { "are" },
                own.name()
            )
        })
    }

    /// The library's index, with the profile's aliases and boosts.
    pub fn index(&self) -> &LibraryIndex {
        &self.index
    }

    /// The selection options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The profile's name, as manifests and messages give it.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// The library's hash, as manifests record it.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }

    /// Scores every achievement against `posting`, selects what fits the
    /// budget, and measures the coverage of the key terms. A page budget is
    /// closed by laying the résumé out ([`select::fit`]).
    pub fn tailor(&self, posting: &Posting) -> Result<Tailored> {
        let scored = self.index.score(posting);
        let key_terms = coverage::key_terms(posting, &self.index);
        let keys: Vec<usize> = key_terms.iter().map(|k| k.index).collect();
        let (selection, page_fit) = match self.options.budget {
            Budget::Pages(pages) => {
                let (s, f) = self.fit_pages(posting, &scored, &keys, pages)?;
                (s, Some(f))
            }
            _ => (
                select::select(&self.library, &scored, &keys, &self.options, &self.costs)?,
                None,
            ),
        };
        let chosen: Vec<_> = selection.chosen.iter().map(|c| c.at).collect();
        let coverage = coverage::coverage(&self.library, &self.index, &key_terms, &scored, &chosen);
        Ok(Tailored {
            scored,
            selection,
            key_terms,
            coverage,
            page_fit,
        })
    }

    /// The selection that fills `pages` as laid out, and how it lays out.
    fn fit_pages(
        &self,
        posting: &Posting,
        scored: &[crate::score::Scored],
        keys: &[usize],
        pages: f64,
    ) -> Result<(Selection, PageFit)> {
        let start = select::estimated_capacity(&self.library, &self.options);
        let mut pager = Paging {
            engine: self,
            posting,
            scored,
            keys,
            error: None,
        };
        let found = fit::search(&mut pager, pages, start, self.options.layout.lines_per_page)?;
        if let Some((selection, _, extent)) = found.best {
            let fit = PageFit {
                pages: extent.ceil().max(1.0) as usize,
                fill: extent - (extent.ceil() - 1.0).max(0.0),
                layouts: found.layouts,
                complete: pager.complete(&selection),
                saturated: found.saturated,
            };
            return Ok((selection, fit));
        }
        if let Some(e) = pager.error.take().filter(|_| found.overflow.is_none()) {
            return Err(e.into());
        }
        let budget = self.options.budget;
        let fixed = pager.extent(&select::empty(&self.library, &self.options))?;
        if fixed > pages {
            bail!(
                "the résumé without a single achievement already takes {fixed:.2} pages, {:.0}% of a page more than the budget of {budget}: shorten the summary or skills, leave a section out (the profile's `sections`), or raise --budget",
                (fixed - pages) * 100.0
            );
        }
        match found.overflow {
            Some(over) => bail!(
                "the achievements the rules require (pins, --require, --min-per-role, --recent-years) do not fit in {budget}: the fewest that meet them take {over:.2} pages; relax a rule or raise --budget"
            ),
            None => bail!(
                "no selection meets the rules within {budget}; relax --min-per-role, --require, --pin or raise --budget"
            ),
        }
    }

    /// Renders a tailoring through `output`, with its manifest.
    pub fn render(
        &self,
        posting: &Posting,
        tailored: &Tailored,
        output: &Output,
    ) -> anyhow::Result<Document> {
        let mentioned = |k: &str| coverage::mentioned(posting, &self.index, k);
        let view = render::view(
            &self.library,
            &tailored.selection,
            &self.presentation,
            &mentioned,
        );
        output.render(
            &self.library,
            &tailored.selection,
            &view,
            &self.fonts,
            self.manifest(posting, tailored),
        )
    }

    /// What a résumé of this tailoring records about itself, but for the
    /// hash of its body, which rendering adds.
    pub fn manifest(&self, posting: &Posting, t: &Tailored) -> Manifest {
        let library = &self.library;
        Manifest {
            tailor: env!("CARGO_PKG_VERSION").to_string(),
            content_hash: self.content_hash.clone(),
            posting: posting.name.clone(),
            posting_hash: hash_of(posting),
            posting_language: posting.lang,
            resume_language: self.lang(),
            // Known once rendered: the output embeds it (see manifest::embed).
            body_hash: None,
            profile: self.profile.clone(),
            budget: t.selection.budget.to_string(),
            used: t.selection.used,
            capacity: t.selection.capacity,
            selected: t
                .selection
                .chosen
                .iter()
                .map(|c| manifest::Entry {
                    id: library.achievement(c.at).id.clone(),
                    role: library.experience[c.at.role].title.clone(),
                    phrasing: match c.phrasing {
                        Phrasing::Text => "text".into(),
                        Phrasing::Short => "short".into(),
                    },
                    score: round(c.score),
                })
                .collect(),
            match_rate: round(t.coverage.match_rate),
            covered: t
                .coverage
                .covered
                .iter()
                .map(|c| c.term.term.clone())
                .collect(),
            missing: t.coverage.missing.iter().map(|k| k.term.clone()).collect(),
        }
    }
}

/// The page-budget search's view of the engine: selections within a
/// capacity in estimated lines, laid out with the PDF templates.
struct Paging<'a> {
    engine: &'a Engine,
    posting: &'a Posting,
    scored: &'a [crate::score::Scored],
    keys: &'a [usize],
    /// The last reason a capacity was too small for the rules.
    error: Option<SelectError>,
}

impl Pager for Paging<'_> {
    type Candidate = Selection;
    type Error = anyhow::Error;

    fn select(&mut self, capacity: u32) -> Result<Option<Selection>> {
        let e = self.engine;
        match select::select_within(
            &e.library,
            self.scored,
            self.keys,
            &e.options,
            &e.costs,
            Some(capacity),
        ) {
            Ok(s) => Ok(Some(s)),
            Err(err @ (SelectError::PinnedOverBudget { .. } | SelectError::Infeasible(_))) => {
                self.error = Some(err);
                Ok(None)
            }
            Err(err) => Err(err.into()),
        }
    }

    fn used(&self, s: &Selection) -> u32 {
        s.used
    }

    fn same(&self, a: &Selection, b: &Selection) -> bool {
        a.chosen.len() == b.chosen.len()
            && a.chosen
                .iter()
                .zip(&b.chosen)
                .all(|(x, y)| x.at == y.at && x.phrasing == y.phrasing)
    }

    fn complete(&self, s: &Selection) -> bool {
        use select::Reason;
        s.left_out.iter().all(|l| {
            matches!(
                l.reason,
                Reason::Excluded { .. } | Reason::OldRole { .. } | Reason::Redundant { .. }
            )
        })
    }

    fn extent(&mut self, s: &Selection) -> Result<f64> {
        let e = self.engine;
        let mentioned = |k: &str| coverage::mentioned(self.posting, &e.index, k);
        let view = render::view(&e.library, s, &e.presentation, &mentioned);
        let layout = crate::pdf::layout(&e.page_templates()?.render(&view)?, &e.fonts)?;
        Ok(layout.pages.saturating_sub(1) as f64 + layout.fill)
    }
}

/// The presentation a profile asks for (`paper` over the profile's), in
/// `lang`.
fn presentation(profile: &Profile, paper: Option<Paper>, lang: Lang) -> Presentation {
    Presentation {
        headline: profile.headline.clone(),
        summary: profile.summary.clone(),
        sections: profile
            .sections
            .clone()
            .unwrap_or_else(|| Presentation::default().sections),
        paper: paper.or(profile.paper).unwrap_or_default(),
        matching_skills_only: profile.skills == SkillsMode::Matching,
        font: profile.font.clone(),
        locale: Locale::new(lang, &profile.locale),
    }
}

/// The language of a résumé for a posting in `posting`: the posting's when
/// the content has texts in it (those missing are in the content's own),
/// else the content's own language.
pub fn resume_lang(library: &Library, posting: Lang) -> Lang {
    choose_lang(&library.languages(), posting)
}

/// [`resume_lang`] given the library's languages, its own first.
fn choose_lang(languages: &[Lang], posting: Lang) -> Lang {
    if languages.contains(&posting) {
        posting
    } else {
        languages[0]
    }
}

/// One engine per résumé language, built when a posting first needs it
/// (the content's own language's at once, so that a profile or template
/// error stops a batch before any work); shared read-only by threads.
pub struct Engines {
    /// The library as loaded, in every language.
    library: Library,
    /// The languages it has texts in, its own first.
    languages: Vec<Lang>,
    profile: Profile,
    options: Options,
    /// The page templates' directory.
    templates: Option<PathBuf>,
    /// By language, in [`Lang::ALL`] order; an engine that could not be
    /// built keeps why.
    built: [OnceLock<Result<Engine, String>>; Lang::ALL.len()],
}

impl Engines {
    /// The engines for `library` under `profile` and `options`, page
    /// budgets laid out with the PDF templates as `templates` overrides
    /// them; builds the content language's now.
    pub fn new(
        library: Library,
        profile: &Profile,
        options: Options,
        templates: Option<&Path>,
    ) -> Result<Engines> {
        let engines = Engines {
            profile: profile.clone(),
            options,
            templates: templates.map(Path::to_path_buf),
            built: Default::default(),
            languages: library.languages(),
            library,
        };
        let own = Engines::build(&engines, engines.library.lang)?;
        let _ = engines.built[engines.library.lang as usize].set(Ok(own));
        Ok(engines)
    }

    fn build(&self, lang: Lang) -> Result<Engine> {
        Engine::new_in(
            self.library.clone(),
            lang,
            &self.profile,
            self.options.clone(),
            None,
        )?
        .with_page_templates(self.templates.as_deref(), None)
    }

    /// The library as loaded.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The engine for a posting in `posting` (see [`resume_lang`]).
    pub fn for_posting(&self, posting: Lang) -> Result<&Engine> {
        let lang = choose_lang(&self.languages, posting);
        self.built[lang as usize]
            .get_or_init(|| self.build(lang).map_err(|e| format!("{e:#}")))
            .as_ref()
            .map_err(|e| anyhow!("{e}"))
    }
}

/// The hash of a library, as manifests record it.
pub fn content_hash(library: &Library) -> String {
    hash_of(library)
}

/// The hash of a value's JSON form: the same data, the same hash.
fn hash_of(value: &impl serde::Serialize) -> String {
    // Plain data with string keys: serialising cannot fail.
    let json = serde_json::to_vec(value).unwrap_or_default();
    manifest::hash(&json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};

    const LIB: &str = "experience:\n  - title: Engineer\n    company: A\n    start: 2020-01\n    achievements:\n      - id: one\n        text: Built the payments ledger in Rust.\n";

    fn library() -> Library {
        from_sources(&[Source {
            path: "r.yaml".into(),
            text: LIB.into(),
        }])
        .unwrap()
    }

    #[test]
    fn a_posting_gets_its_language_when_the_content_has_it() {
        let lib = from_sources(&[Source {
            path: "r.yaml".into(),
            text: LIB.replace(
                "text: Built the payments ledger in Rust.",
                "text: {en: Built the payments ledger in Rust., de: Das Zahlungsbuch in Rust gebaut.}",
            ),
        }])
        .unwrap();
        assert_eq!(resume_lang(&lib, Lang::De), Lang::De);
        assert_eq!(resume_lang(&lib, Lang::Fr), Lang::En);
        let p = Profile::default();
        let de = Engine::new_in(lib.clone(), Lang::De, &p, Options::default(), None).unwrap();
        assert_eq!(de.lang(), Lang::De);
        assert_eq!(de.fallbacks(), 1, "the role title");
        assert_eq!(
            de.language_note(Lang::De).as_deref(),
            Some("the résumé is in German, but 1 text has no German version and is in English")
        );
        let en = Engine::new(lib.clone(), &p, Options::default(), None).unwrap();
        assert_eq!(en.language_note(Lang::En), None);
        assert_eq!(
            en.language_note(Lang::Fr).as_deref(),
            Some(
                "the posting is in French; the content has no French texts, so the résumé is in English"
            )
        );
        // Every engine records the whole library's hash.
        assert_eq!(de.content_hash(), en.content_hash());
        let engines = Engines::new(lib, &p, Options::default(), None).unwrap();
        assert_eq!(engines.for_posting(Lang::It).unwrap().lang(), Lang::En);
        assert_eq!(engines.for_posting(Lang::De).unwrap().lang(), Lang::De);
    }

    #[test]
    fn manifest_hash_does_not_depend_on_the_profile() {
        let plain = Engine::new(library(), &Profile::default(), Options::default(), None).unwrap();
        let mut aliased = Profile::default();
        aliased
            .aliases
            .insert("ledger".into(), vec!["general ledger".into()]);
        let with = Engine::new(library(), &aliased, Options::default(), None).unwrap();
        assert_eq!(plain.content_hash(), with.content_hash());
        assert!(with.library().aliases.is_empty());
        assert!(
            with.index()
                .aliases()
                .equivalents("general ledger")
                .next()
                .is_some()
        );
    }

    #[test]
    fn only_a_page_budget_compiles_the_page_templates() {
        let posting = Posting::analyse(
            "p.md",
            "# Rust Engineer\n\nBuild a payments ledger in Rust.\n",
        );
        let words = Options {
            budget: Budget::Words(100),
            ..Options::default()
        };
        let engine = Engine::new(library(), &Profile::default(), words, None)
            .and_then(|e| e.with_page_templates(None, None))
            .unwrap();
        engine.tailor(&posting).unwrap();
        assert!(
            engine.pages.get().is_none(),
            "a word budget lays nothing out"
        );
        let pages = Options {
            budget: Budget::Pages(1.0),
            ..Options::default()
        };
        let engine = Engine::new(library(), &Profile::default(), pages, None).unwrap();
        assert!(engine.pages.get().is_none(), "compiled when first needed");
        let fit = engine.tailor(&posting).unwrap().page_fit.unwrap();
        assert_eq!(fit.pages, 1);
        assert!(engine.pages.get().is_some());
    }
}
