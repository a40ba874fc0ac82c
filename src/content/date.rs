//! Dates as content files write them: a year, or a year and a month, or
//! "present". How a résumé prints them is its locale's (`crate::locale`).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A year with an optional month (`2022-06` or `2019`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct YearMonth {
    /// Four-digit year.
    pub year: u16,
    /// Month 1–12, when the content gives one.
    pub month: Option<u8>,
}

impl YearMonth {
    /// Parses `YYYY` or `YYYY-MM`; the error says what was expected.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let bad = || format!("invalid date `{s}`: expected YYYY-MM or YYYY (e.g. 2022-06)");
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: u16 = y.parse().map_err(|_| bad())?;
        if !(1900..=2199).contains(&year) {
            return Err(format!("invalid date `{s}`: year {year} is out of range"));
        }
        let month = match m {
            None => None,
            Some(m) => {
                if m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                let month: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&month) {
                    return Err(format!(
                        "invalid date `{s}`: month {month} is not between 01 and 12"
                    ));
                }
                Some(month)
            }
        };
        Ok(YearMonth { year, month })
    }

    /// Months since year 0, reading a missing month as January (for starts).
    pub fn first_month(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month.unwrap_or(1)) - 1
    }

    /// Months since year 0, reading a missing month as December (for ends).
    pub fn last_month(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month.unwrap_or(12)) - 1
    }
}

impl std::str::FromStr for YearMonth {
    type Err = String;

    fn from_str(s: &str) -> Result<YearMonth, String> {
        YearMonth::parse(s)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{:02}", self.year, m),
            None => write!(f, "{:04}", self.year),
        }
    }
}

/// The end of a role: a date, or still ongoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum End {
    /// The role ended then.
    Date(YearMonth),
    /// The role is ongoing.
    Present,
}

impl End {
    /// Sort key: ongoing roles after every dated one.
    pub fn sort_key(self) -> u32 {
        match self {
            End::Date(d) => d.last_month(),
            End::Present => u32::MAX,
        }
    }
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            End::Date(d) => d.fmt(f),
            End::Present => f.write_str("present"),
        }
    }
}

// YAML reads `2019` as an integer and `2022-06` as a string; accept both, and
// deserialize without an intermediate Value so that errors keep their line.
struct DateVisitor {
    allow_present: bool,
}

impl Visitor<'_> for DateVisitor {
    type Value = End;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.allow_present {
            f.write_str("a date as YYYY-MM or YYYY, or `present`")
        } else {
            f.write_str("a date as YYYY-MM or YYYY")
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<End, E> {
        YearMonth::parse(&v.to_string())
            .map(End::Date)
            .map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<End, E> {
        YearMonth::parse(&v.to_string())
            .map(End::Date)
            .map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<End, E> {
        if self.allow_present && v.trim().eq_ignore_ascii_case("present") {
            return Ok(End::Present);
        }
        YearMonth::parse(v).map(End::Date).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(DateVisitor {
            allow_present: false,
        })? {
            End::Date(ym) => Ok(ym),
            End::Present => unreachable!("present is refused by the visitor"),
        }
    }
}

impl<'de> Deserialize<'de> for End {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor {
            allow_present: true,
        })
    }
}

impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A year, or a year and month: 2019 or \"2022-06\".",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]))?$" },
                { "type": "integer", "minimum": 1900, "maximum": 2199 }
            ]
        })
    }
}

impl schemars::JsonSchema for End {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "End".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<YearMonth>();
        schemars::json_schema!({
            "description": "When the role ended: a date, or \"present\".",
            "anyOf": [ date, { "const": "present" } ]
        })
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for End {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_year_and_month() {
        assert_eq!(
            YearMonth::parse("2022-06").unwrap(),
            YearMonth {
                year: 2022,
                month: Some(6)
            }
        );
        assert_eq!(YearMonth::parse("2019").unwrap().month, None);
    }

    #[test]
    fn rejects_bad_months_and_shapes() {
        assert!(
            YearMonth::parse("2022-13")
                .unwrap_err()
                .contains("month 13")
        );
        assert!(YearMonth::parse("2022-00").is_err());
        assert!(YearMonth::parse("22-06").is_err());
        assert!(YearMonth::parse("2022-6").is_err());
        assert!(YearMonth::parse("June 2022").is_err());
    }

    #[test]
    fn yaml_integers_and_strings_are_dates() {
        let v: Vec<End> = serde_yaml::from_str("[2019, 2022-06, present]").unwrap();
        assert_eq!(v[2], End::Present);
        assert_eq!(v[0].to_string(), "2019");
        assert_eq!(v[1].to_string(), "2022-06");
        let err = serde_yaml::from_str::<YearMonth>("present").unwrap_err();
        assert!(err.to_string().contains("invalid date"));
    }
}
