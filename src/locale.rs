//! Locales: the words a résumé prints besides its content, in the résumé's
//! language: section headings, "present", month names and how dates and
//! date ranges read. Shipped as data (`data/locales.yaml`, embedded) for
//! every language tailor reads; a profile's `locale:` overrides any label,
//! for every language or for one. Templates, the DOCX builder and the page
//! measure all take their words from here, so a heading is decided once.

use std::sync::LazyLock;

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::analysis::Lang;
use crate::content::date::{End, YearMonth};
use crate::format::Section;

/// The labels a résumé prints: its section headings and the end of an
/// ongoing role. Templates see them as `labels` (`{{labels.experience}}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The summary's heading.
    pub summary: String,
    /// The experience heading.
    pub experience: String,
    /// The skills heading.
    pub skills: String,
    /// The education heading.
    pub education: String,
    /// The end of a role that goes on ("present", "heute").
    pub present: String,
}

impl Labels {
    /// The heading of `section`.
    pub fn section(&self, section: Section) -> &str {
        match section {
            Section::Summary => &self.summary,
            Section::Experience => &self.experience,
            Section::Skills => &self.skills,
            Section::Education => &self.education,
        }
    }
}

/// One language's words and date patterns.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    /// The language.
    pub lang: Lang,
    /// Headings and "present".
    pub labels: Labels,
    months: Vec<String>,
    month_year: String,
    range: String,
}

/// A language's entry in `data/locales.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    summary: String,
    experience: String,
    skills: String,
    education: String,
    present: String,
    months: Vec<String>,
    month_year: String,
    range: String,
}

/// The shipped locales, in [`Lang::ALL`] order.
static BUILTIN: LazyLock<Vec<Locale>> = LazyLock::new(|| {
    let mut data: std::collections::BTreeMap<String, Entry> =
        serde_yaml::from_str(include_str!("../data/locales.yaml"))
            .expect("data/locales.yaml parses (a unit test checks it)");
    Lang::ALL
        .iter()
        .map(|&lang| {
            let e = data
                .remove(lang.code())
                .expect("data/locales.yaml has every language (a unit test checks it)");
            Locale {
                lang,
                labels: Labels {
                    summary: e.summary,
                    experience: e.experience,
                    skills: e.skills,
                    education: e.education,
                    present: e.present,
                },
                months: e.months,
                month_year: e.month_year,
                range: e.range,
            }
        })
        .collect()
});

impl Locale {
    /// The shipped locale of `lang`.
    pub fn builtin(lang: Lang) -> &'static Locale {
        &BUILTIN[lang as usize]
    }

    /// The locale of `lang` with a profile's `overrides`: the language's own
    /// section over the ones for every language, over the shipped words.
    pub fn new(lang: Lang, overrides: &LocaleSettings) -> Locale {
        let mut locale = Locale::builtin(lang).clone();
        for o in [Some(&overrides.all()), overrides.for_lang(lang)]
            .into_iter()
            .flatten()
        {
            o.apply(&mut locale.labels);
        }
        locale
    }

    /// "Jun 2022", "Juni 2022"; "2019" without a month.
    pub fn month_year(&self, date: YearMonth) -> String {
        match date.month {
            Some(m) => self
                .month_year
                .replace("{month}", &self.months[usize::from(m) - 1])
                .replace("{year}", &date.year.to_string()),
            None => date.year.to_string(),
        }
    }

    /// "Jun 2022 – Jul 2024", "2019 – heute", "2010 – 2014"; empty without
    /// dates.
    pub fn date_range(&self, start: Option<YearMonth>, end: Option<End>) -> String {
        let end = end.map(|e| match e {
            End::Date(d) => self.month_year(d),
            End::Present => self.labels.present.clone(),
        });
        match (start.map(|s| self.month_year(s)), end) {
            (Some(s), Some(e)) => self.range.replace("{start}", &s).replace("{end}", &e),
            (Some(s), None) => s,
            (None, Some(e)) => e,
            (None, None) => String::new(),
        }
    }
}

/// Every shipped heading of `section`, in every language: what an
/// applicant tracking system may look for.
pub fn headings(section: Section) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = Vec::new();
    for heading in BUILTIN.iter().map(|l| l.labels.section(section)) {
        if !all.contains(&heading) {
            all.push(heading);
        }
    }
    all
}

/// Labels a profile replaces; each one line.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelOverrides {
    /// The summary's heading.
    pub summary: Option<String>,
    /// The experience heading ("Berufserfahrung").
    pub experience: Option<String>,
    /// The skills heading.
    pub skills: Option<String>,
    /// The education heading.
    pub education: Option<String>,
    /// The end of an ongoing role ("heute").
    pub present: Option<String>,
}

impl LabelOverrides {
    fn apply(&self, labels: &mut Labels) {
        for (value, label) in [
            (&self.summary, &mut labels.summary),
            (&self.experience, &mut labels.experience),
            (&self.skills, &mut labels.skills),
            (&self.education, &mut labels.education),
            (&self.present, &mut labels.present),
        ] {
            if let Some(v) = value {
                label.clone_from(v);
            }
        }
    }

    fn values(&self) -> impl Iterator<Item = (&'static str, &String)> {
        [
            ("summary", &self.summary),
            ("experience", &self.experience),
            ("skills", &self.skills),
            ("education", &self.education),
            ("present", &self.present),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }
}

/// A profile's `locale:`: labels for every language, and per language
/// (`de: {experience: Berufserfahrung}`), which win.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocaleSettings {
    /// The summary's heading, in every language.
    pub summary: Option<String>,
    /// The experience heading, in every language.
    pub experience: Option<String>,
    /// The skills heading, in every language.
    pub skills: Option<String>,
    /// The education heading, in every language.
    pub education: Option<String>,
    /// The end of an ongoing role, in every language.
    pub present: Option<String>,
    /// Labels for English résumés.
    pub en: Option<LabelOverrides>,
    /// Labels for German résumés.
    pub de: Option<LabelOverrides>,
    /// Labels for French résumés.
    pub fr: Option<LabelOverrides>,
    /// Labels for Spanish résumés.
    pub es: Option<LabelOverrides>,
    /// Labels for Portuguese résumés.
    pub pt: Option<LabelOverrides>,
    /// Labels for Dutch résumés.
    pub nl: Option<LabelOverrides>,
    /// Labels for Italian résumés.
    pub it: Option<LabelOverrides>,
}

impl LocaleSettings {
    /// The labels set for every language.
    fn all(&self) -> LabelOverrides {
        LabelOverrides {
            summary: self.summary.clone(),
            experience: self.experience.clone(),
            skills: self.skills.clone(),
            education: self.education.clone(),
            present: self.present.clone(),
        }
    }

    /// The labels set for `lang` alone.
    fn for_lang(&self, lang: Lang) -> Option<&LabelOverrides> {
        match lang {
            Lang::En => self.en.as_ref(),
            Lang::De => self.de.as_ref(),
            Lang::Fr => self.fr.as_ref(),
            Lang::Es => self.es.as_ref(),
            Lang::Pt => self.pt.as_ref(),
            Lang::Nl => self.nl.as_ref(),
            Lang::It => self.it.as_ref(),
        }
    }

    /// Refuses a label that is empty or more than one line: a heading
    /// would vanish or break the document's structure.
    pub fn check(&self) -> Result<()> {
        let all = self.all();
        let per_lang = Lang::ALL
            .iter()
            .filter_map(|&l| self.for_lang(l).map(|o| (format!("{l}."), o)));
        for (prefix, o) in std::iter::once((String::new(), &all)).chain(per_lang) {
            for (key, value) in o.values() {
                if value.trim().is_empty() || value.chars().any(char::is_control) {
                    bail!(
                        "locale: `{prefix}{key}` must be one line of text (it is printed as a heading or date)"
                    );
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> Option<YearMonth> {
        YearMonth::parse(s).ok()
    }

    #[test]
    fn every_language_has_a_locale_with_twelve_months() {
        for l in Lang::ALL {
            let loc = Locale::builtin(l);
            assert_eq!(loc.lang, l);
            assert_eq!(loc.months.len(), 12, "{l}");
            assert!(loc.month_year.contains("{month}") && loc.month_year.contains("{year}"));
            assert!(loc.range.contains("{start}") && loc.range.contains("{end}"));
        }
    }

    #[test]
    fn dates_read_as_resumes_in_each_language_write_them() {
        let range = |l: Lang, s: &str, e: Option<End>| Locale::builtin(l).date_range(ym(s), e);
        let jul = ym("2024-07").map(End::Date);
        for (lang, want) in [
            (Lang::En, "Jun 2022 – Jul 2024"),
            (Lang::De, "Juni 2022 – Juli 2024"),
            (Lang::Fr, "juin 2022 – juillet 2024"),
            (Lang::Es, "junio 2022 – julio 2024"),
            (Lang::Pt, "junho 2022 – julho 2024"),
            (Lang::Nl, "juni 2022 – juli 2024"),
            (Lang::It, "giugno 2022 – luglio 2024"),
        ] {
            assert_eq!(range(lang, "2022-06", jul), want);
        }
        assert_eq!(
            range(Lang::En, "2019", Some(End::Present)),
            "2019 – present"
        );
        assert_eq!(
            range(Lang::De, "2019-03", Some(End::Present)),
            "März 2019 – heute"
        );
        assert_eq!(
            range(Lang::Fr, "2019", Some(End::Present)),
            "2019 – aujourd'hui"
        );
        assert_eq!(
            range(Lang::Es, "2010", ym("2014").map(End::Date)),
            "2010 – 2014"
        );
        assert_eq!(Locale::builtin(Lang::It).date_range(None, None), "");
    }

    #[test]
    fn a_profile_overrides_labels_for_every_language_and_per_language() {
        let settings: LocaleSettings = serde_yaml::from_str(
            "present: now\nde: {experience: Berufliche Stationen, present: bis heute}\n",
        )
        .unwrap();
        settings.check().unwrap();
        let de = Locale::new(Lang::De, &settings);
        assert_eq!(de.labels.experience, "Berufliche Stationen");
        assert_eq!(de.labels.present, "bis heute");
        assert_eq!(de.labels.skills, "Kenntnisse");
        let en = Locale::new(Lang::En, &settings);
        assert_eq!(en.labels.present, "now");
        assert_eq!(en.labels.experience, "Experience");
        assert_eq!(
            Locale::new(Lang::Fr, &LocaleSettings::default()),
            *Locale::builtin(Lang::Fr)
        );
        let bad: LocaleSettings = serde_yaml::from_str("de: {skills: \"\"}\n").unwrap();
        assert!(bad.check().unwrap_err().to_string().contains("`de.skills`"));
        let err = serde_yaml::from_str::<LocaleSettings>("experince: x\n").unwrap_err();
        assert!(
            err.to_string().contains("unknown field `experince`"),
            "{err}"
        );
    }

    #[test]
    fn headings_of_every_language_are_known() {
        let h = headings(Section::Experience);
        assert!(
            h.contains(&"Experience") && h.contains(&"Berufserfahrung"),
            "{h:?}"
        );
    }
}
