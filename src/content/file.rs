//! The content format as a file writes it: strict serde types, field by
//! field, and the source of the content JSON Schema. These names are the
//! format's contract. A prose field is a [`LocalText`]: one string in the
//! file's language (`lang:`, English by default), or strings by language.
//! Loading ([`super::load`]) resolves each into the library's text and its
//! translations ([`super::model`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::date::{End, YearMonth};
use super::model::{Link, SkillGroup};
use crate::analysis::Lang;

/// One content file; a library is one or more of these merged.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    /// Who the résumé is for.
    pub basics: Option<Basics>,
    /// A short paragraph opening the résumé.
    pub summary: Option<LocalText>,
    /// Roles, each with its achievements.
    pub experience: Option<Vec<Role>>,
    /// Skill groups.
    pub skills: Option<Vec<SkillGroup>>,
    /// Degrees and schools.
    pub education: Option<Vec<Education>>,
    /// Extra alias groups for matching: a name and the terms that mean the
    /// same (`kubernetes: [k8s, kube]`).
    pub aliases: Option<BTreeMap<String, Vec<String>>>,
    /// The language this file's plain texts are written in (default `en`).
    /// Every file of a library that has plain texts is in one language;
    /// texts in others are maps by language (`text: {en: …, de: …}`).
    pub lang: Option<Lang>,
}

/// Name, headline and contact details; every field optional.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basics {
    pub name: Option<String>,
    pub headline: Option<LocalText>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A position held, with the achievements that can be shown for it.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: LocalText,
    pub company: Option<String>,
    pub location: Option<String>,
    pub start: Option<YearMonth>,
    pub end: Option<End>,
    pub summary: Option<LocalText>,
    #[serde(default)]
    pub achievements: Vec<Achievement>,
}

/// One self-contained result, the unit that selection picks.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    /// Unique in the whole library; names the achievement on the command line.
    pub id: String,
    /// The full phrasing, inline Markdown.
    pub text: LocalText,
    /// A shorter phrasing of the same result.
    pub short: Option<LocalText>,
    /// What the achievement is about; tags count as matches.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Always include.
    #[serde(default)]
    pub pin: bool,
}

/// A degree or course of study.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub institution: String,
    pub degree: Option<LocalText>,
    pub start: Option<YearMonth>,
    pub end: Option<End>,
}

/// A prose field as written: one string, in the file's language, or
/// strings by language code (`{en: "…", de: "…"}`).
#[derive(Debug, Clone, PartialEq)]
pub enum LocalText {
    /// In the file's language.
    Plain(String),
    /// By language, in [`Lang::ALL`] order; never empty.
    ByLang(BTreeMap<Lang, String>),
}

impl LocalText {
    /// Its text in `own` (the library's language: a plain string is in
    /// it), and its texts in other languages.
    pub fn split(self, own: Lang) -> (Option<String>, BTreeMap<Lang, String>) {
        match self {
            LocalText::Plain(s) => (Some(s), BTreeMap::new()),
            LocalText::ByLang(mut by) => (by.remove(&own), by),
        }
    }

    /// True when it is a plain string (so in the file's language).
    pub fn is_plain(&self) -> bool {
        matches!(self, LocalText::Plain(_))
    }

    /// Its plain string, or "" for a map: the value a `key: value` line
    /// shows, for finding the line of an error.
    pub fn line_value(&self) -> &str {
        match self {
            LocalText::Plain(s) => s,
            LocalText::ByLang(_) => "",
        }
    }
}

// Read without an intermediate value (an untagged enum would buffer it),
// so that an unknown language code is reported where it stands.
impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LocalTextVisitor)
    }
}

struct LocalTextVisitor;

impl<'de> Visitor<'de> for LocalTextVisitor {
    type Value = LocalText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, or strings by language code (en: …, de: …)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<LocalText, E> {
        Ok(LocalText::Plain(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<LocalText, E> {
        Ok(LocalText::Plain(v))
    }

    // A plain scalar YAML reads as a number or a boolean is still text,
    // as it was when these fields were plain strings.
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<LocalText, E> {
        Ok(LocalText::Plain(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<LocalText, E> {
        Ok(LocalText::Plain(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<LocalText, E> {
        Ok(LocalText::Plain(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<LocalText, E> {
        Ok(LocalText::Plain(v.to_string()))
    }

    /// `~`: no words, which loading reports as such for a required text.
    fn visit_unit<E: de::Error>(self) -> Result<LocalText, E> {
        Ok(LocalText::Plain(String::new()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LocalText, A::Error> {
        let mut by = BTreeMap::new();
        while let Some(lang) = map.next_key::<Lang>()? {
            let text: String = map.next_value()?;
            if by.insert(lang, text).is_some() {
                return Err(de::Error::custom(format!(
                    "language `{lang}` is given twice"
                )));
            }
        }
        if by.is_empty() {
            return Err(de::Error::custom(
                "a text by language names at least one language (en: …, de: …)",
            ));
        }
        Ok(LocalText::ByLang(by))
    }
}

impl schemars::JsonSchema for LocalText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalText".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let by_lang: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .iter()
            .map(|l| {
                (
                    l.code().to_string(),
                    serde_json::json!({ "type": "string" }),
                )
            })
            .collect();
        schemars::json_schema!({
            "description": "Text in the file's language (its `lang`), or texts by language code: {en: \"…\", de: \"…\"}.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": by_lang,
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(yaml: &str) -> Result<LocalText, String> {
        serde_yaml::from_str::<LocalText>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn a_text_is_a_string_or_strings_by_language() {
        assert_eq!(
            text("Cut costs").unwrap(),
            LocalText::Plain("Cut costs".into())
        );
        let by = text("en: Cut costs\nde: Kosten gesenkt\n").unwrap();
        let (own, others) = by.clone().split(Lang::En);
        assert_eq!(own.as_deref(), Some("Cut costs"));
        assert_eq!(
            others.get(&Lang::De).map(String::as_str),
            Some("Kosten gesenkt")
        );
        let (own, others) = by.split(Lang::De);
        assert_eq!(own.as_deref(), Some("Kosten gesenkt"));
        assert_eq!(others.len(), 1);
        // Numbers stay text, as they did in a plain string field.
        assert_eq!(text("2020").unwrap(), LocalText::Plain("2020".into()));
    }

    #[test]
    fn unknown_repeated_or_no_languages_are_errors() {
        let err = text("en: a\nxx: b\n").unwrap_err();
        assert!(err.contains("unknown language `xx`"), "{err}");
        assert!(err.contains("line 2"), "{err}");
        assert!(text("{}").unwrap_err().contains("at least one language"));
        assert!(
            text("[a, b]")
                .unwrap_err()
                .contains("strings by language code")
        );
    }
}
