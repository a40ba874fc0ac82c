//! The achievement library as data, once loaded: every prose field a
//! `String` in the library's own language (what scoring, selection and
//! rendering read), its texts in other languages kept beside it
//! ([`Translations`]), and [`Library::in_lang`], the library as it reads in
//! another language. The format as files write it is [`super::file`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::{End, YearMonth};
use crate::analysis::Lang;

/// A record's texts in languages other than the library's own, by field
/// ("text", "short", "title", …) and language. Empty for a library in one
/// language, and then left out of its JSON, so its hash is what it was
/// before content had languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Translations(BTreeMap<&'static str, BTreeMap<Lang, String>>);

impl Translations {
    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `field` in `lang`, when the content gives it.
    pub fn get(&self, field: &str, lang: Lang) -> Option<&str> {
        self.0.get(field)?.get(&lang).map(String::as_str)
    }

    /// Records `field`'s texts in other languages.
    pub fn set(&mut self, field: &'static str, texts: BTreeMap<Lang, String>) {
        if !texts.is_empty() {
            self.0.insert(field, texts);
        }
    }

    /// The languages `field` is given in here, in [`Lang::ALL`] order.
    pub fn langs(&self, field: &str) -> impl Iterator<Item = Lang> + '_ {
        self.0
            .get(field)
            .into_iter()
            .flat_map(|by| by.keys().copied())
    }

    /// Every field's texts in every language, by field.
    pub fn all(&self) -> impl Iterator<Item = (&'static str, Lang, &str)> + '_ {
        self.0
            .iter()
            .flat_map(|(f, by)| by.iter().map(move |(l, t)| (*f, *l, t.as_str())))
    }
}

/// `text` as it reads in `lang`: its translation when there is one, else as
/// it is, counted in `fell_back` when it has words.
fn read_in(text: &mut String, field: &str, tr: &Translations, lang: Lang, fell_back: &mut usize) {
    match tr.get(field, lang) {
        Some(t) => *text = t.to_string(),
        None if !text.trim().is_empty() => *fell_back += 1,
        None => {}
    }
}

/// [`read_in`] for an optional field: one given only in other languages
/// is absent in the library's own, and present in those.
fn read_opt_in(
    text: &mut Option<String>,
    field: &str,
    tr: &Translations,
    lang: Lang,
    fell_back: &mut usize,
) {
    match tr.get(field, lang) {
        Some(t) => *text = Some(t.to_string()),
        None if text.is_some() => *fell_back += 1,
        None => {}
    }
}

/// Name, headline and contact details; every field optional.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Basics {
    pub name: Option<String>,
    pub headline: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub links: Vec<Link>,
    /// The headline in other languages.
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// A labelled link (GitHub, portfolio, …).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A position held, with the achievements that can be shown for it.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub title: String,
    pub company: Option<String>,
    pub location: Option<String>,
    pub start: Option<YearMonth>,
    pub end: Option<End>,
    pub summary: Option<String>,
    pub achievements: Vec<Achievement>,
    /// The title and summary in other languages.
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

impl Role {
    /// Reverse-chronological sort key: later ends first, then later starts.
    /// Undated roles sort last.
    pub fn recency(&self) -> (u32, u32) {
        (
            self.end.map_or(0, End::sort_key),
            self.start.map_or(0, YearMonth::first_month),
        )
    }
}

/// One self-contained result, the unit that selection picks.
#[derive(Debug, Clone, Serialize)]
pub struct Achievement {
    /// Unique in the whole library; names the achievement on the command line.
    pub id: String,
    /// The full phrasing, inline Markdown.
    pub text: String,
    /// A shorter phrasing of the same result.
    pub short: Option<String>,
    /// What the achievement is about; tags count as matches.
    pub tags: Vec<String>,
    /// Always include.
    pub pin: bool,
    /// The text and short phrasing in other languages.
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

impl Achievement {
    /// The languages its `text` is given in: the library's own (`own`),
    /// then the others.
    pub fn text_langs(&self, own: Lang) -> Vec<Lang> {
        let mut langs = vec![own];
        langs.extend(self.translations.langs("text"));
        langs
    }
}

/// A named group of skill keywords.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillGroup {
    pub name: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// A degree or course of study.
#[derive(Debug, Clone, Serialize)]
pub struct Education {
    pub institution: String,
    pub degree: Option<String>,
    pub start: Option<YearMonth>,
    pub end: Option<End>,
    /// The degree in other languages.
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// The merged, validated library.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Library {
    /// The language its texts are in (the content's `lang:`, English by
    /// default): every text has a version in it.
    #[serde(skip_serializing_if = "Lang::is_english")]
    pub lang: Lang,
    pub basics: Basics,
    pub summary: Option<String>,
    pub experience: Vec<Role>,
    pub skills: Vec<SkillGroup>,
    pub education: Vec<Education>,
    /// The user's alias groups, merged from every file.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// The summary in other languages.
    #[serde(skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations,
}

/// Where an achievement sits: its role's index and its own within the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AchievementRef {
    pub role: usize,
    pub index: usize,
}

impl Library {
    /// Every achievement in library order, with where it sits. Library order
    /// is the tie-breaker everywhere, so this order is part of the output.
    pub fn achievements(&self) -> impl Iterator<Item = (AchievementRef, &Achievement)> {
        self.experience.iter().enumerate().flat_map(|(r, role)| {
            role.achievements
                .iter()
                .enumerate()
                .map(move |(i, a)| (AchievementRef { role: r, index: i }, a))
        })
    }

    /// The achievement at `at`.
    pub fn achievement(&self, at: AchievementRef) -> &Achievement {
        &self.experience[at.role].achievements[at.index]
    }

    /// Every language the library has texts in: its own first, then the
    /// others in [`Lang::ALL`] order.
    pub fn languages(&self) -> Vec<Lang> {
        let mut found = [false; Lang::ALL.len()];
        let mut mark = |tr: &Translations| {
            for (_, l, _) in tr.all() {
                found[l as usize] = true;
            }
        };
        mark(&self.translations);
        mark(&self.basics.translations);
        for role in &self.experience {
            mark(&role.translations);
            role.achievements.iter().for_each(|a| mark(&a.translations));
        }
        self.education.iter().for_each(|e| mark(&e.translations));
        let mut langs = vec![self.lang];
        langs.extend(
            Lang::ALL
                .into_iter()
                .filter(|&l| found[l as usize] && l != self.lang),
        );
        langs
    }

    /// The library as it reads in `lang`: each text in `lang` where the
    /// content gives it, in the library's own language elsewhere; with how
    /// many texts fell back so. An achievement reads in one language: in
    /// `lang` its short phrasing is the one written in `lang`, never one in
    /// another language than its text. The result has no translations.
    pub fn in_lang(&self, lang: Lang) -> (Library, usize) {
        self.clone().into_lang(lang)
    }

    /// [`Library::in_lang`], consuming the library.
    pub fn into_lang(self, lang: Lang) -> (Library, usize) {
        let mut lib = self;
        let mut fell_back = 0;
        let n = &mut fell_back;
        if lang != lib.lang {
            let tr = std::mem::take(&mut lib.translations);
            read_opt_in(&mut lib.summary, "summary", &tr, lang, n);
            let tr = std::mem::take(&mut lib.basics.translations);
            read_opt_in(&mut lib.basics.headline, "headline", &tr, lang, n);
            for role in &mut lib.experience {
                let tr = std::mem::take(&mut role.translations);
                read_in(&mut role.title, "title", &tr, lang, n);
                read_opt_in(&mut role.summary, "summary", &tr, lang, n);
                for a in &mut role.achievements {
                    let tr = std::mem::take(&mut a.translations);
                    if let Some(text) = tr.get("text", lang) {
                        a.text = text.to_string();
                        a.short = tr.get("short", lang).map(str::to_string);
                    } else {
                        *n += 1;
                    }
                }
            }
            for e in &mut lib.education {
                let tr = std::mem::take(&mut e.translations);
                read_opt_in(&mut e.degree, "degree", &tr, lang, n);
            }
        } else {
            lib.translations = Translations::default();
            lib.basics.translations = Translations::default();
            for role in &mut lib.experience {
                role.translations = Translations::default();
                for a in &mut role.achievements {
                    a.translations = Translations::default();
                }
            }
            for e in &mut lib.education {
                e.translations = Translations::default();
            }
        }
        lib.lang = lang;
        (lib, fell_back)
    }

    /// Role indices, most recent first; ties keep library order.
    pub fn roles_by_recency(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.experience.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.experience[i].recency()));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};

    const BILINGUAL: &str = "\
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

    fn load_str(text: &str) -> Library {
        from_sources(&[Source {
            path: "c.yaml".into(),
            text: text.into(),
        }])
        .unwrap()
    }

    #[test]
    fn the_library_in_another_language_counts_what_fell_back() {
        let lib = load_str(BILINGUAL);
        let (de, fell_back) = lib.in_lang(Lang::De);
        assert_eq!(de.lang, Lang::De);
        let role = &de.experience[0];
        assert_eq!(role.title, "Leitende Ingenieurin");
        assert_eq!(
            role.achievements[0].short.as_deref(),
            Some("Zahlungsausfälle um 40 % gesenkt.")
        );
        // The ledger, the summary, the role's summary and the degree stay English.
        assert_eq!(role.achievements[1].text, "Built the ledger.");
        assert_eq!(role.achievements[1].short.as_deref(), Some("Ledger."));
        assert_eq!(de.summary.as_deref(), Some("Builds payment systems."));
        assert_eq!(fell_back, 4);
        assert!(de.languages() == vec![Lang::De], "no translations left");
        // In its own language nothing falls back, and the hash is the one
        // a library without languages would have.
        let (en, none) = lib.in_lang(Lang::En);
        assert_eq!(none, 0);
        assert_eq!(
            en.experience[0].achievements[0].text,
            lib.experience[0].achievements[0].text
        );
        let json = serde_json::to_string(&en).unwrap();
        assert!(
            !json.contains("translations") && !json.contains("\"lang\""),
            "{json}"
        );
        // In French, which the achievement lacks, it reads wholly in
        // English, short phrasing included; the degree is French.
        let (fr, _) = lib.in_lang(Lang::Fr);
        assert_eq!(
            fr.education[0].degree.as_deref(),
            Some("Licence d'informatique")
        );
        assert_eq!(
            fr.experience[0].achievements[0].short.as_deref(),
            Some("Cut payment failures by 40%.")
        );
    }
}
