//! The achievement library as data: what a content file may hold, field by
//! field. These names are the content format's contract.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::{End, YearMonth};

/// One content file; a library is one or more of these merged.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentFile {
    /// Who the résumé is for.
    pub basics: Option<Basics>,
    /// A short paragraph opening the résumé.
    pub summary: Option<String>,
    /// Roles, each with its achievements.
    pub experience: Option<Vec<Role>>,
    /// Skill groups.
    pub skills: Option<Vec<SkillGroup>>,
    /// Degrees and schools.
    pub education: Option<Vec<Education>>,
    /// Extra alias groups for matching: a name and the terms that mean the
    /// same (`kubernetes: [k8s, kube]`).
    pub aliases: Option<BTreeMap<String, Vec<String>>>,
}

/// Name, headline and contact details; every field optional.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basics {
    pub name: Option<String>,
    pub headline: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A labelled link (GitHub, portfolio, …).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// A position held, with the achievements that can be shown for it.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    pub company: Option<String>,
    pub location: Option<String>,
    pub start: Option<YearMonth>,
    pub end: Option<End>,
    pub summary: Option<String>,
    #[serde(default)]
    pub achievements: Vec<Achievement>,
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
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Achievement {
    /// Unique in the whole library; names the achievement on the command line.
    pub id: String,
    /// The full phrasing, inline Markdown.
    pub text: String,
    /// A shorter phrasing of the same result.
    pub short: Option<String>,
    /// What the achievement is about; tags count as matches.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Always include.
    #[serde(default)]
    pub pin: bool,
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
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub institution: String,
    pub degree: Option<String>,
    pub start: Option<YearMonth>,
    pub end: Option<End>,
}

/// The merged, validated library.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Library {
    pub basics: Basics,
    pub summary: Option<String>,
    pub experience: Vec<Role>,
    pub skills: Vec<SkillGroup>,
    pub education: Vec<Education>,
    /// The user's alias groups, merged from every file.
    pub aliases: BTreeMap<String, Vec<String>>,
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

    /// Role indices, most recent first; ties keep library order.
    pub fn roles_by_recency(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.experience.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.experience[i].recency()));
        order
    }
}
