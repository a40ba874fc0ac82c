//! The languages analysis reads: which one a text is in (whatlang), and
//! each one's Snowball stemmer and stop words (NLTK's lists, through the
//! `stop-words` crate). A leaf type: it knows nothing of postings or scores.

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// A language tailor analyses in its own right. Text in any other language
/// is read as English: technology names still match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Dutch.
    Nl,
    /// Italian.
    It,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Pt,
        Lang::Nl,
        Lang::It,
    ];

    /// Its ISO 639-1 code ("de"), as `--lang`, profiles and reports write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
            Lang::It => "it",
        }
    }

    /// True for English, the default (so serialisers can leave it out).
    pub fn is_english(&self) -> bool {
        *self == Lang::En
    }

    /// Its English name ("German").
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "German",
            Lang::Fr => "French",
            Lang::Es => "Spanish",
            Lang::Pt => "Portuguese",
            Lang::Nl => "Dutch",
            Lang::It => "Italian",
        }
    }

    /// The language an ISO 639-1 code stands for, exactly as written
    /// ("de"): how content and profile files name languages.
    pub fn from_iso(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The known codes, as error messages list them: "en, de, fr, es, pt, nl, it".
    pub fn known_codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    /// The language an ISO code or an English name stands for, in any case.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code || l.name().eq_ignore_ascii_case(&code))
    }

    /// The language `text` is written in, when it is one of [`Lang::ALL`]
    /// and whatlang is sure of it; English otherwise (short texts, other
    /// languages, mixed ones).
    pub fn detect(text: &str) -> Lang {
        // whatlang weighs every character it is given; a long posting is
        // well judged from its first 20,000 bytes.
        let end = (0..=text.len().min(20_000))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let Some(info) = whatlang::detect(&text[..end]) else {
            return Lang::En;
        };
        let lang = match info.lang() {
            whatlang::Lang::Deu => Lang::De,
            whatlang::Lang::Fra => Lang::Fr,
            whatlang::Lang::Spa => Lang::Es,
            whatlang::Lang::Por => Lang::Pt,
            whatlang::Lang::Nld => Lang::Nl,
            whatlang::Lang::Ita => Lang::It,
            _ => return Lang::En,
        };
        if info.is_reliable() { lang } else { Lang::En }
    }

    /// Its Snowball stemmer.
    pub(crate) fn stemmer(self) -> &'static Stemmer {
        static STEMMERS: LazyLock<Vec<Stemmer>> = LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|l| {
                    Stemmer::create(match l {
                        Lang::En => Algorithm::English,
                        Lang::De => Algorithm::German,
                        Lang::Fr => Algorithm::French,
                        Lang::Es => Algorithm::Spanish,
                        Lang::Pt => Algorithm::Portuguese,
                        Lang::Nl => Algorithm::Dutch,
                        Lang::It => Algorithm::Italian,
                    })
                })
                .collect()
        });
        &STEMMERS[self as usize]
    }

    /// True when `word` (normalised) is one of this language's function
    /// words, from NLTK's list. English keeps its own list
    /// (`analysis::stopwords`).
    pub fn is_stopword(self, word: &str) -> bool {
        static LISTS: LazyLock<Vec<HashSet<&'static str>>> = LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|l| match l {
                    Lang::En => HashSet::new(),
                    l => stop_words::get(l.code()).iter().copied().collect(),
                })
                .collect()
        });
        LISTS[self as usize].contains(word)
    }

    /// True when `word` joins two nouns into one term in this language, the
    /// way English puts them side by side: "base de données", "gestión de
    /// pagos", "analisi dei dati". Such a function word does not break a
    /// phrase (any other does).
    pub fn is_connector(self, word: &str) -> bool {
        let connectors: &[&str] = match self {
            Lang::Fr => &["de", "des", "du"],
            Lang::Es => &["de", "del"],
            Lang::Pt => &["da", "das", "de", "do", "dos"],
            Lang::It => &["degli", "dei", "del", "della", "delle", "di"],
            _ => &[],
        };
        connectors.contains(&word)
    }

    /// True when the language writes its compound nouns as one word
    /// ("Zahlungsverkehr", "betalingsverkeer"), so analysis looks for their
    /// parts.
    pub fn closes_compounds(self) -> bool {
        matches!(self, Lang::De | Lang::Nl)
    }

    /// A word without the elided article or pronoun French and Italian
    /// write before it ("l'équipe" is "équipe", "dell'azienda" "azienda").
    pub fn unelided(self, word: &str) -> &str {
        const FRENCH: &[&str] = &["l'", "d'", "qu'", "n'", "s'", "j'", "c'", "m'", "t'"];
        const ITALIAN: &[&str] = &[
            "l'", "dell'", "all'", "dall'", "nell'", "sull'", "un'", "d'", "quest'",
        ];
        let elisions = match self {
            Lang::Fr => FRENCH,
            Lang::It => ITALIAN,
            _ => return word,
        };
        elisions
            .iter()
            .find_map(|e| word.strip_prefix(e).filter(|rest| !rest.is_empty()))
            .unwrap_or(word)
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Files name a language by its code, strictly: anything else is an error
/// listing the codes. It is raised inside the visitor, so that serde_yaml
/// adds where the code stands.
impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Code;
        impl serde::de::Visitor<'_> for Code {
            type Value = Lang;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a language code ({})", Lang::known_codes())
            }

            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Lang, E> {
                Lang::from_iso(code).ok_or_else(|| {
                    E::custom(format!(
                        "unknown language `{code}`; the languages are {}",
                        Lang::known_codes()
                    ))
                })
            }
        }
        d.deserialize_str(Code)
    }
}

impl schemars::JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A language, by its ISO 639-1 code.",
            "enum": Lang::ALL.map(Lang::code)
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_languages_it_reads() {
        let cases = [
            (
                "Wir suchen eine erfahrene Entwicklerin für unser Team in Berlin. \
                 Du arbeitest mit modernen Technologien und übernimmst Verantwortung.",
                Lang::De,
            ),
            (
                "Nous recherchons un ingénieur expérimenté pour rejoindre notre équipe. \
                 Vous travaillerez sur des projets passionnants avec des technologies modernes.",
                Lang::Fr,
            ),
            (
                "Buscamos una persona con experiencia para unirse a nuestro equipo. \
                 Trabajarás en proyectos interesantes con tecnologías modernas.",
                Lang::Es,
            ),
            (
                "We are looking for an experienced engineer to join our payments team \
                 and build reliable services with modern tools.",
                Lang::En,
            ),
        ];
        for (text, lang) in cases {
            assert_eq!(Lang::detect(text), lang, "{text}");
        }
    }

    #[test]
    fn short_or_unknown_text_is_english() {
        assert_eq!(Lang::detect(""), Lang::En);
        assert_eq!(Lang::detect("Kubernetes"), Lang::En);
    }

    #[test]
    fn codes_and_names_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(Lang::from_code(l.name()), Some(l));
        }
        assert_eq!(Lang::from_code("DE"), Some(Lang::De));
        assert_eq!(Lang::from_code("klingon"), None);
        assert_eq!(Lang::from_iso("de"), Some(Lang::De));
        assert_eq!(Lang::from_iso("DE"), None, "files write codes as they are");
        assert_eq!(Lang::from_iso("German"), None);
    }

    #[test]
    fn files_name_languages_by_code_and_an_unknown_one_lists_the_codes() {
        let l: Lang = serde_yaml::from_str("fr").unwrap();
        assert_eq!(l, Lang::Fr);
        let err = serde_yaml::from_str::<Lang>("xx").unwrap_err().to_string();
        assert!(
            err.contains("unknown language `xx`; the languages are en, de, fr, es, pt, nl, it"),
            "{err}"
        );
    }

    #[test]
    fn stop_words_and_elisions_are_the_languages_own() {
        assert!(Lang::De.is_stopword("und"));
        assert!(Lang::Fr.is_stopword("de"));
        assert!(Lang::Es.is_stopword("para"));
        assert!(!Lang::De.is_stopword("zahlungsverkehr"));
        assert_eq!(Lang::Fr.unelided("l'équipe"), "équipe");
        assert_eq!(Lang::It.unelided("dell'azienda"), "azienda");
        assert_eq!(Lang::En.unelided("l'oreal"), "l'oreal");
        assert_eq!(Lang::Fr.unelided("l'"), "l'");
    }
}
