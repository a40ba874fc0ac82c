//! Selection: which achievements go into the résumé, in which phrasing,
//! within a length budget and the user's rules; and why each other one was
//! left out. Pure: takes the library and its scores, returns the choice.
//!
//! The choice is an optimisation ([`solver`]): every achievement can go in
//! as its `text`, as its `short` phrasing, or not at all; the objective
//! rewards covering the posting's terms with diminishing returns plus each
//! achievement's own score, so near-duplicates do not both get in when room
//! is short. The budget and every rule the user states (pins, excludes,
//! required tags, per-role limits, age rules) are hard. The built-in default,
//! one achievement for every role shown, is soft: when the budget cannot hold
//! it, the oldest roles give way first, and the selection says so.

pub mod budget;
pub mod fit;
pub mod overlap;
pub mod solver;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::content::{AchievementRef, End, Library, YearMonth};
use crate::score::{Scored, ranking};
pub use budget::{Budget, Layout};
use solver::{Item, Opt, Problem};

/// The default budget: words of achievement text that fit a one-page résumé
/// next to its headings, summary and skills.
pub const DEFAULT_BUDGET_WORDS: u32 = 400;

/// An achievement marginally worth less than this share of its value on its
/// own is redundant with what was chosen.
const REDUNDANT_BELOW: f64 = 0.5;

/// The objective: each achievement's own score counts at this weight, added
/// as it is…
pub const OWN_WEIGHT: f64 = 0.5;
// …and its contributions to the posting's key terms count in full, with
// diminishing returns per term (`solver::DELTA`).

/// An `--exclude` rule: an achievement id, or every achievement with a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// One achievement.
    Id(String),
    /// Every achievement with this tag.
    Tag(String),
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        match s.strip_prefix("tag:") {
            Some("") => Err("`tag:` needs a tag name, as in tag:frontend".into()),
            Some(tag) => Ok(Rule::Tag(tag.to_string())),
            None if s.is_empty() => Err("an empty id".into()),
            None => Ok(Rule::Id(s.to_string())),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Id(id) => f.write_str(id),
            Rule::Tag(t) => write!(f, "tag:{t}"),
        }
    }
}

/// A `--require` rule: at least one achievement with this tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequireTag(pub String);

impl FromStr for RequireTag {
    type Err = String;

    fn from_str(s: &str) -> Result<RequireTag, String> {
        match s.strip_prefix("tag:") {
            Some(t) if !t.is_empty() => Ok(RequireTag(t.to_string())),
            _ => Err(format!(
                "`{s}`: write a required tag as tag:TAG (to always include one achievement, use --pin ID)"
            )),
        }
    }
}

/// What happens to roles older than `--max-age`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OldRoles {
    /// Shown as a title line, without achievements.
    #[default]
    Title,
    /// Left out of the résumé.
    Drop,
}

/// Order of achievements inside a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Best score first.
    #[default]
    Score,
    /// As written in the library.
    Library,
}

/// What the selector is asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The length limit.
    pub budget: Budget,
    /// Page geometry for line and page budgets.
    pub layout: Layout,
    /// Most budget units per role.
    pub role_budget: Option<u32>,
    /// Fewest achievements per role (hard).
    pub min_per_role: Option<usize>,
    /// Most achievements per role (hard).
    pub max_per_role: Option<usize>,
    /// Ids always included, besides those pinned in the content.
    pub pins: Vec<String>,
    /// Achievements left out.
    pub excludes: Vec<Rule>,
    /// Tags of which at least one achievement must be included.
    pub requires: Vec<String>,
    /// Roles that ended more than this many years before `as_of` are old.
    pub max_age: Option<u32>,
    /// What old roles become.
    pub old_roles: OldRoles,
    /// Roles that ended within this many years of `as_of` keep at least one
    /// achievement (hard).
    pub recent_years: Option<u32>,
    /// The date ages are measured from; required by the age rules.
    pub as_of: Option<YearMonth>,
    /// Order inside a role.
    pub order: Order,
}

/// Which phrasing of an achievement is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phrasing {
    /// The full `text`.
    Text,
    /// The `short` phrasing.
    Short,
}

/// An achievement that made it in.
#[derive(Debug, Clone, Serialize)]
pub struct Chosen {
    /// Which achievement.
    pub at: AchievementRef,
    /// Which phrasing.
    pub phrasing: Phrasing,
    /// What it costs, in budget units.
    pub cost: u32,
    /// Its score for the posting.
    pub score: f64,
}

/// Why an achievement was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// An `--exclude` rule (or profile) left it out.
    Excluded {
        /// The rule.
        rule: String,
    },
    /// Its role ended more than `--max-age` years ago.
    OldRole {
        /// The limit.
        max_age: u32,
    },
    /// What it covers is already covered by another chosen achievement.
    Redundant {
        /// The chosen achievement it overlaps most.
        with: String,
    },
    /// It did not fit in what was left of the budget.
    NoRoom {
        /// What its shortest phrasing costs.
        needs: u32,
        /// What was left.
        left: u32,
    },
    /// Its role reached `--max-per-role` or `--role-budget`.
    RoleLimit,
    /// Others were worth more (or nothing in it matched the posting).
    BelowCut {
        /// True when no posting term matched it at all.
        no_match: bool,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Excluded { rule } => write!(f, "excluded by rule `{rule}`"),
            Reason::OldRole { max_age } => {
                write!(
                    f,
                    "its role ended more than {max_age} years ago (--max-age)"
                )
            }
            Reason::Redundant { with } => {
                write!(f, "redundant with `{with}`, which covers the same ground")
            }
            Reason::NoRoom { needs, left } => {
                write!(f, "no room in the budget: needs {needs}, {left} left")
            }
            Reason::RoleLimit => write!(
                f,
                "its role is at its limit (--max-per-role / --role-budget)"
            ),
            Reason::BelowCut { no_match: true } => {
                write!(f, "below the cut: no posting term matched")
            }
            Reason::BelowCut { no_match: false } => {
                write!(f, "below the cut: others were worth more")
            }
        }
    }
}

/// An achievement that did not make it in, and why.
#[derive(Debug, Clone, Serialize)]
pub struct LeftOut {
    /// Which achievement.
    pub at: AchievementRef,
    /// Why.
    #[serde(flatten)]
    pub reason: Reason,
}

/// The selector's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Selection {
    /// Chosen achievements in résumé order: roles newest first, then by
    /// score (or library order).
    pub chosen: Vec<Chosen>,
    /// Everything else, best score first.
    pub left_out: Vec<LeftOut>,
    /// The budget asked for.
    pub budget: Budget,
    /// Budget units available for achievement text.
    pub capacity: u32,
    /// Budget units used.
    pub used: u32,
    /// Roles left out of the résumé entirely (`--old-roles drop`).
    pub hidden_roles: Vec<usize>,
    /// How the selection was found.
    pub method: String,
    /// Soft defaults that gave way, and other things worth saying.
    pub notes: Vec<String>,
}

/// Requests the selector cannot satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectError {
    /// Pinned achievements alone need more than the budget.
    PinnedOverBudget {
        /// What the pinned achievements need (shortest phrasings).
        pinned: u32,
        /// What the budget holds.
        capacity: u32,
        /// The unit.
        unit: &'static str,
    },
    /// A rule names an achievement or a tag the library does not have.
    Unknown(String),
    /// The rules cannot all be met within the budget.
    Infeasible(String),
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::PinnedOverBudget {
                pinned,
                capacity,
                unit,
            } => write!(
                f,
                "pinned achievements alone need {pinned} {unit}, {} over the budget of {capacity} {unit}; raise --budget or unpin some",
                pinned - capacity
            ),
            SelectError::Unknown(m) | SelectError::Infeasible(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for SelectError {}

/// Months between a role's end and `as_of`, in years (ongoing: 0).
fn years_ago(end: Option<End>, start: Option<YearMonth>, as_of: YearMonth) -> Option<f64> {
    let end_month = match end {
        Some(End::Present) => return Some(0.0),
        Some(End::Date(d)) => d.last_month(),
        None => start?.first_month(),
    };
    Some(f64::from(as_of.last_month().saturating_sub(end_month)) / 12.0)
}

fn unknown_id(library: &Library, id: &str, flag: &str) -> SelectError {
    let hint = crate::text::closest(id, library.achievements().map(|(_, a)| a.id.as_str()))
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    SelectError::Unknown(format!("{flag} {id}: no achievement has that id{hint}"))
}

fn has_tag(tags: &[String], tag: &str) -> bool {
    tags.iter().any(|t| t.eq_ignore_ascii_case(tag))
}

/// What each achievement's phrasings cost under a budget and layout, and
/// what it shares with the others: the same for every posting, so computed
/// once per library in a batch.
#[derive(Debug, Clone)]
pub struct Costs {
    /// Per achievement, in library order: its `text`'s cost, and its
    /// `short`'s when it has one.
    per_achievement: Vec<(u32, Option<u32>)>,
    /// What achievements say in common.
    overlap: overlap::Overlap,
}

impl Costs {
    /// Measures every phrasing in the library.
    pub fn new(library: &Library, options: &Options) -> Costs {
        Costs {
            overlap: overlap::Overlap::new(library),
            per_achievement: library
                .achievements()
                .map(|(_, a)| {
                    (
                        options.budget.cost(&a.text, &options.layout),
                        a.short
                            .as_deref()
                            .map(|s| options.budget.cost(s, &options.layout)),
                    )
                })
                .collect(),
        }
    }
}

/// Chooses achievements for a posting. `scored` is in library order, as
/// [`crate::score::LibraryIndex::score`] returns it.
///
/// `key_terms` are indices into the posting's terms whose coverage has
/// diminishing returns (see [`crate::coverage::key_terms`]); every other
/// matched term counts through the achievement's own score. `costs` are
/// measured once per library and options ([`Costs::new`]).
pub fn select(
    library: &Library,
    scored: &[Scored],
    key_terms: &[usize],
    options: &Options,
    costs: &Costs,
) -> Result<Selection, SelectError> {
    select_within(library, scored, key_terms, options, costs, None)
}

/// [`select`] with the capacity for achievement text given in the budget's
/// unit, in place of the budget's own estimate: how a page budget is closed
/// by the real layout ([`fit`]).
pub fn select_within(
    library: &Library,
    scored: &[Scored],
    key_terms: &[usize],
    options: &Options,
    costs: &Costs,
    capacity: Option<u32>,
) -> Result<Selection, SelectError> {
    let all: Vec<_> = library.achievements().collect();
    validate(library, &all, options)?;
    let mut notes = Vec::new();
    let eligible = eligibility(library, &all, options, &mut notes);
    if eligible.shown_roles.is_empty() {
        return Err(SelectError::Infeasible(format!(
            "every role ended more than --max-age {} years ago, and --old-roles drop hides them all; raise --max-age or use --old-roles title",
            options.max_age.unwrap_or(0)
        )));
    }
    if let (Some(recent), Some(max_age), OldRoles::Drop) =
        (options.recent_years, options.max_age, options.old_roles)
    {
        if recent > max_age {
            return Err(SelectError::Infeasible(format!(
                "--recent-years {recent} asks for roles that --max-age {max_age} with --old-roles drop hides; make --recent-years at most {max_age}"
            )));
        }
    }
    let mut built = build(
        library, &all, scored, key_terms, options, costs, &eligible, capacity, &mut notes,
    )?;
    let before = notes.clone();
    let mut solution = solve(library, options, &eligible, &mut built, &mut notes)?;
    // A page is filled to its end, and the room must not go to telling the
    // same work again: the worst retelling gives its room back, one at a
    // time (two tellings of one story each look redundant beside the other).
    if matches!(options.budget, Budget::Pages(_)) {
        for _ in 0..MAX_RETELLINGS {
            let Some(k) = worst_retelling(&built.problem, &solution.choice) else {
                break;
            };
            let out_of_reach = built.problem.capacity.saturating_add(1);
            for o in &mut built.problem.items[k].options {
                o.cost = out_of_reach;
            }
            notes = before.clone();
            solution = solve(library, options, &eligible, &mut built, &mut notes)?;
        }
    }
    Ok(assemble(
        &all, scored, options, eligible, &built, solution, notes,
    ))
}

/// The budget's own estimate of the room for achievement text, in its
/// unit: for pages, the estimated lines a page holds less what the rest of
/// the résumé takes. Where a page-budget search starts ([`fit`]).
pub fn estimated_capacity(library: &Library, options: &Options) -> u32 {
    let all: Vec<_> = library.achievements().collect();
    let eligible = eligibility(library, &all, options, &mut Vec::new());
    let overhead = budget::overhead_lines(library, &eligible.shown_roles, &options.layout);
    options.budget.capacity(&options.layout, overhead)
}

/// The résumé with no achievement in it: the roles the rules show, with
/// nothing under them. What the fixed part of a page is measured with.
pub fn empty(library: &Library, options: &Options) -> Selection {
    let all: Vec<_> = library.achievements().collect();
    let eligible = eligibility(library, &all, options, &mut Vec::new());
    Selection {
        chosen: Vec::new(),
        left_out: Vec::new(),
        budget: options.budget,
        capacity: 0,
        used: 0,
        hidden_roles: eligible.hidden_roles,
        method: "none".into(),
        notes: Vec::new(),
    }
}

/// An achievement as [`Library::achievements`] gives it.
type Entry<'a> = (AchievementRef, &'a crate::content::Achievement);

/// What the rules leave eligible.
struct Eligibility {
    /// Per role: older than `--max-age`.
    old: Vec<bool>,
    /// Roles not shown at all (old, under `--old-roles drop`).
    hidden_roles: Vec<usize>,
    /// Roles shown, newest first.
    shown_roles: Vec<usize>,
    /// Per achievement: why it cannot be chosen at all, if it cannot.
    blocked: Vec<Option<Reason>>,
}

/// The optimisation problem, with the way back to the library.
struct Built {
    problem: Problem,
    /// Per achievement: its item, if eligible.
    item_of: Vec<Option<usize>>,
    /// Per item: its achievement.
    refs: Vec<usize>,
    /// Per item: the phrasing of each option.
    phrasings: Vec<Vec<Phrasing>>,
    /// Budget units for achievements.
    capacity: u32,
    /// Per role: the minimum the user's rules ask for.
    hard_min: Vec<usize>,
}

fn is_pinned(a: &crate::content::Achievement, options: &Options) -> bool {
    a.pin || options.pins.contains(&a.id)
}

fn eligible_in(problem: &Problem, role: usize) -> usize {
    problem.items.iter().filter(|it| it.group == role).count()
}

/// Rules that name things must name things that exist, and agree.
fn validate(library: &Library, all: &[Entry], options: &Options) -> Result<(), SelectError> {
    // Rules that name things must name things that exist.
    for id in &options.pins {
        if !all.iter().any(|(_, a)| a.id == *id) {
            return Err(unknown_id(library, id, "--pin"));
        }
    }
    for rule in &options.excludes {
        match rule {
            Rule::Id(id) if !all.iter().any(|(_, a)| a.id == *id) => {
                return Err(unknown_id(library, id, "--exclude"));
            }
            Rule::Id(id) if options.pins.contains(id) => {
                return Err(SelectError::Infeasible(format!(
                    "achievement `{id}` is both pinned (--pin) and excluded (--exclude)"
                )));
            }
            Rule::Tag(tag) if !all.iter().any(|(_, a)| has_tag(&a.tags, tag)) => {
                return Err(SelectError::Unknown(format!(
                    "--exclude tag:{tag}: no achievement has that tag"
                )));
            }
            _ => {}
        }
    }
    for tag in &options.requires {
        if !all.iter().any(|(_, a)| has_tag(&a.tags, tag)) {
            return Err(SelectError::Infeasible(format!(
                "--require tag:{tag}: no achievement in the library has that tag"
            )));
        }
    }

    Ok(())
}

/// Which roles are old or hidden, and which achievements no rule allows.
fn eligibility(
    library: &Library,
    all: &[Entry],
    options: &Options,
    notes: &mut Vec<String>,
) -> Eligibility {
    let n = all.len();
    let roles = library.experience.len();
    // Old roles: shown as a title only, or hidden.
    let mut old = vec![false; roles];
    if let Some(max_age) = options.max_age {
        let as_of = options.as_of.expect("age rules need a reference date");
        for (r, role) in library.experience.iter().enumerate() {
            old[r] = years_ago(role.end, role.start, as_of).is_some_and(|y| y > f64::from(max_age));
        }
    }
    let hidden_roles: Vec<usize> = match options.old_roles {
        OldRoles::Drop => (0..roles).filter(|&r| old[r]).collect(),
        OldRoles::Title => Vec::new(),
    };

    // Why each achievement cannot be chosen at all, if it cannot.
    let mut blocked: Vec<Option<Reason>> = vec![None; n];
    for (i, (at, a)) in all.iter().enumerate() {
        if let Some(rule) = options.excludes.iter().find(|rule| match rule {
            Rule::Id(id) => *id == a.id,
            Rule::Tag(t) => has_tag(&a.tags, t),
        }) {
            blocked[i] = Some(Reason::Excluded {
                rule: rule.to_string(),
            });
        } else if old[at.role] {
            blocked[i] = Some(Reason::OldRole {
                max_age: options.max_age.unwrap_or(0),
            });
        }
    }
    let pinned = |i: usize| is_pinned(all[i].1, options);
    for i in 0..n {
        if pinned(i) && blocked[i].is_some() && !options.pins.contains(&all[i].1.id) {
            notes.push(format!(
                "`{}` is pinned in the content but {}; left out",
                all[i].1.id,
                blocked[i].as_ref().expect("blocked")
            ));
        }
    }

    // The problem: one item per eligible achievement.
    let shown_roles: Vec<usize> = library
        .roles_by_recency()
        .into_iter()
        .filter(|r| !hidden_roles.contains(r))
        .collect();
    Eligibility {
        old,
        hidden_roles,
        shown_roles,
        blocked,
    }
}

/// One item per eligible achievement, one option per phrasing, valued as
/// the objective counts it; the user's rules as constraints.
#[allow(clippy::too_many_arguments)]
fn build(
    library: &Library,
    all: &[Entry],
    scored: &[Scored],
    key_terms: &[usize],
    options: &Options,
    costs: &Costs,
    eligible: &Eligibility,
    capacity: Option<u32>,
    notes: &mut Vec<String>,
) -> Result<Built, SelectError> {
    let Eligibility {
        old,
        shown_roles,
        blocked,
        ..
    } = eligible;
    let n = all.len();
    let roles = library.experience.len();
    let pinned = |i: usize| is_pinned(all[i].1, options);
    let capacity = capacity.unwrap_or_else(|| {
        let overhead = budget::overhead_lines(library, shown_roles, &options.layout);
        options.budget.capacity(&options.layout, overhead)
    });
    // Posting terms first, then the library's shared content terms.
    let content_base = scored_terms(scored) as u32;
    let mut item_of: Vec<Option<usize>> = vec![None; n];
    let mut items: Vec<Item> = Vec::new();
    let mut refs: Vec<usize> = Vec::new();
    let mut phrasings: Vec<Vec<Phrasing>> = Vec::new();
    for i in 0..n {
        if blocked[i].is_some() {
            continue;
        }
        let (at, _) = all[i];
        let (text_cost, short_cost) = costs.per_achievement[i];
        // Whether each match stands on words shared with the story: once
        // per match, for both phrasings (string lookups, hot in batch).
        let shared_via: Vec<bool> = scored[i]
            .matches
            .iter()
            .map(|m| costs.overlap.is_shared(i, &m.via))
            .collect();
        let option = |cost: u32, short: bool| -> Opt {
            let shown = scored[i]
                .matches
                .iter()
                .zip(&shared_via)
                .filter(|(m, _)| if short { m.in_short } else { m.in_text });
            // Each concept counts once, through its best match this
            // phrasing shows (`score::Match::concept`). What its matches on
            // words it shares with other tellings of the same work are worth
            // (`overlap`), own value and key terms alike, counts once per
            // story: a reader reads it once.
            let story = costs.overlap.of(i).map(|(s, _)| content_base + s);
            let mut told = 0.0;
            let mut best: Vec<(u32, f64, bool)> = Vec::new();
            let mut terms = Vec::new();
            for (m, &shared) in shown {
                match best.iter_mut().find(|(c, _, _)| *c == m.concept) {
                    Some(b) if m.value > b.1 => (b.1, b.2) = (m.value, shared),
                    Some(_) => {}
                    None => best.push((m.concept, m.value, shared)),
                }
                if key_terms.contains(&m.term_index) {
                    if shared {
                        told += m.value;
                    } else {
                        terms.push((m.term_index as u32, m.value));
                    }
                }
            }
            let mut own = 0.0;
            for &(_, v, shared) in &best {
                if shared {
                    told += OWN_WEIGHT * v;
                } else {
                    own += OWN_WEIGHT * v;
                }
            }
            // With no limit, everything eligible goes in, and in full; a
            // page is filled, not left blank at the bottom. A token value
            // makes unmatched achievements worth including where there is
            // room (the full text a little more than the short one). On a
            // page it is the story's, told once: room is not filled by
            // telling the same work again.
            let token = if short { 1e-9 } else { 2e-9 };
            match options.budget {
                Budget::All => own += token,
                Budget::Pages(_) if story.is_some() => told += token,
                Budget::Pages(_) => own += token,
                _ => {}
            }
            if let Some(s) = story.filter(|_| told > 0.0) {
                terms.push((s, told));
            }
            Opt { cost, own, terms }
        };
        let mut opts = vec![option(text_cost, false)];
        let mut kinds = vec![Phrasing::Text];
        if let Some(cost) = short_cost {
            if cost < text_cost {
                opts.push(option(cost, true));
                kinds.push(Phrasing::Short);
            }
        }
        item_of[i] = Some(items.len());
        items.push(Item {
            group: at.role,
            forced: pinned(i),
            options: opts,
        });
        refs.push(i);
        phrasings.push(kinds);
    }

    let pinned_cost: u32 = items
        .iter()
        .filter(|it| it.forced)
        .map(|it| it.options.iter().map(|o| o.cost).min().unwrap_or(0))
        .sum();
    if pinned_cost > capacity {
        return Err(SelectError::PinnedOverBudget {
            pinned: pinned_cost,
            capacity,
            unit: options.budget.unit(),
        });
    }

    let mut problem = Problem::new(
        items,
        capacity,
        content_base as usize + costs.overlap.stories(),
        roles,
    );
    let mut hard_min = vec![0usize; roles];
    for &r in shown_roles {
        if old[r] {
            continue;
        }
        let mut m = options.min_per_role.unwrap_or(0);
        if let (Some(years), Some(as_of)) = (options.recent_years, options.as_of) {
            let role = &library.experience[r];
            if years_ago(role.end, role.start, as_of).is_some_and(|y| y <= f64::from(years)) {
                m = m.max(1);
            }
        }
        let available = eligible_in(&problem, r);
        if m > available {
            notes.push(format!(
                "role `{}` has {available} eligible achievement(s), fewer than the minimum of {m}",
                library.experience[r].title
            ));
            m = available;
        }
        hard_min[r] = m;
    }
    problem.once_from = Some(content_base as usize);
    problem.group_min = hard_min.clone();
    if let Some(max) = options.max_per_role {
        problem.group_max = vec![max; roles];
    }
    if let Some(cap) = options.role_budget {
        problem.group_cap = vec![cap; roles];
    }
    for tag in &options.requires {
        let set: Vec<usize> = (0..problem.items.len())
            .filter(|&k| has_tag(&all[refs[k]].1.tags, tag))
            .collect();
        if set.is_empty() {
            return Err(SelectError::Infeasible(format!(
                "--require tag:{tag}: every achievement with that tag is excluded or in an old role"
            )));
        }
        problem.requires.push(set);
    }

    Ok(Built {
        problem,
        item_of,
        refs,
        phrasings,
        capacity,
        hard_min,
    })
}

/// Solves, relaxing the soft one-per-role default from the oldest role
/// while no selection meets it; then lets the newest role lead.
fn solve(
    library: &Library,
    options: &Options,
    eligible: &Eligibility,
    built: &mut Built,
    notes: &mut Vec<String>,
) -> Result<solver::Solution, SelectError> {
    let Eligibility {
        old, shown_roles, ..
    } = eligible;
    let Built {
        problem,
        capacity,
        hard_min,
        ..
    } = built;
    let capacity = *capacity;
    // The soft default: one achievement for every role shown, newest first;
    // relaxed from the oldest role while no selection can meet it.
    let mut soft: Vec<usize> = shown_roles
        .iter()
        .copied()
        .filter(|&r| !old[r] && hard_min[r] == 0 && eligible_in(problem, r) > 0)
        .collect();
    let solution = loop {
        for &r in &soft {
            problem.group_min[r] = 1;
        }
        // Solve only when the minimums can fit at all; the bound is cheap.
        let fits = minimum_cost(problem) <= u64::from(problem.capacity);
        if let Some(s) = fits.then(|| solver::solve(problem)).flatten() {
            break s;
        }
        match soft.pop() {
            Some(r) => {
                problem.group_min[r] = hard_min[r];
                notes.push(format!(
                    "the default of one achievement per role gave way to the budget for `{}`",
                    library.experience[r].title
                ));
            }
            None => {
                return Err(SelectError::Infeasible(format!(
                    "no selection meets every rule within the budget of {} ({capacity} {} for achievements); relax --min-per-role, --require, --pin or raise --budget",
                    options.budget,
                    options.budget.unit()
                )));
            }
        }
    };
    let solution = lead_with_newest(problem, solution, shown_roles, old, library, notes);

    Ok(solution)
}

/// What went in, in résumé order, and why the rest did not.
fn assemble(
    all: &[Entry],
    scored: &[Scored],
    options: &Options,
    eligible: Eligibility,
    built: &Built,
    solution: solver::Solution,
    notes: Vec<String>,
) -> Selection {
    let Eligibility {
        hidden_roles,
        shown_roles,
        blocked,
        ..
    } = eligible;
    let Built {
        problem,
        item_of,
        refs,
        phrasings,
        capacity,
        ..
    } = built;
    let capacity = *capacity;
    let n = all.len();
    // What went in.
    let score_of = |i: usize| scored[i].score;
    let order = ranking(scored);
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut chosen = Vec::new();
    for &r in &shown_roles {
        let mut in_role: Vec<usize> = (0..n)
            .filter(|&i| all[i].0.role == r)
            .filter(|&i| item_of[i].is_some_and(|k| solution.choice[k].is_some()))
            .collect();
        if options.order == Order::Score {
            in_role.sort_by_key(|&i| rank[i]);
        }
        for i in in_role {
            let k = item_of[i].expect("chosen items exist");
            let o = solution.choice[k].expect("chosen");
            chosen.push(Chosen {
                at: all[i].0,
                phrasing: phrasings[k][o],
                cost: problem.items[k].options[o].cost,
                score: score_of(i),
            });
        }
    }

    // Why the rest did not.
    let values = solver::values_alone_and_marginal(problem, &solution.choice);
    let usage = Usage::of(problem, &solution.choice, capacity - solution.used);
    let mut left_out = Vec::new();
    for &i in &order {
        let reason = match (&blocked[i], item_of[i]) {
            (Some(r), _) => r.clone(),
            (None, Some(k)) if solution.choice[k].is_none() => {
                explain(problem, &usage, k, values[k], refs, all)
            }
            _ => continue,
        };
        left_out.push(LeftOut {
            at: all[i].0,
            reason,
        });
    }

    Selection {
        chosen,
        left_out,
        budget: options.budget,
        capacity,
        used: solution.used,
        hidden_roles,
        method: solution.method.to_string(),
        notes,
    }
}

/// Retellings a page budget takes back, at most, before it keeps the rest.
const MAX_RETELLINGS: usize = 8;

/// The chosen item (not forced) worth least beside the others against what
/// it is worth alone, if that is below [`REDUNDANT_BELOW`]: what
/// [`explain`] would call redundant had it been left out.
fn worst_retelling(p: &Problem, choice: &[Option<usize>]) -> Option<usize> {
    let values = solver::values_alone_and_marginal(p, choice);
    (0..p.items.len())
        .filter(|&k| choice[k].is_some() && !p.items[k].forced)
        .filter(|&k| values[k].0 > 1e-6 && values[k].1 < REDUNDANT_BELOW * values[k].0)
        .min_by(|&a, &b| {
            let ratio = |k: usize| values[k].1 / values[k].0;
            ratio(a).total_cmp(&ratio(b)).then(b.cmp(&a))
        })
}

/// The soft lead: the newest role with anything matched carries at least
/// as many achievements as any older role, as a reader expects of a
/// résumé, unless the posting clearly favours the older work, i.e. meeting
/// it would cost more than [`LEAD_SLACK`] of the selection's value.
fn lead_with_newest(
    problem: &Problem,
    solution: solver::Solution,
    shown_roles: &[usize],
    old: &[bool],
    library: &Library,
    notes: &mut Vec<String>,
) -> solver::Solution {
    let matched = |r: usize| {
        problem.items.iter().any(|it| {
            it.group == r
                && it
                    .options
                    .iter()
                    .any(|o| o.own > 1e-6 || !o.terms.is_empty())
        })
    };
    let Some(lead) = shown_roles.iter().copied().find(|&r| !old[r] && matched(r)) else {
        return solution;
    };
    let count = Usage::of(problem, &solution.choice, 0).count;
    let fullest = (0..count.len())
        .filter(|&r| r != lead)
        .max_by_key(|&r| (count[r], std::cmp::Reverse(r)));
    let Some(fullest) = fullest.filter(|&r| count[r] > count[lead]) else {
        return solution;
    };
    // The newest role shows all it has: it cannot lead by more.
    if count[lead] == eligible_in(problem, lead) {
        return solution;
    }
    let best = solver::lead_group(problem, &solution, lead);
    let title = |r: usize| library.experience[r].title.as_str();
    match best {
        Some(b) if b.value >= (1.0 - LEAD_SLACK) * solution.value => b,
        _ => {
            notes.push(format!(
                "the posting favours older work: `{}` carries more achievements than the newest role, `{}`",
                title(fullest),
                title(lead)
            ));
            solution
        }
    }
}

/// Share of the selection's value the newest role's lead may cost before
/// the posting is taken to favour older work.
pub const LEAD_SLACK: f64 = 0.1;

/// A lower bound on the cost of meeting the forced items and the per-role
/// minimums: forced items at their cheapest, plus each role's cheapest
/// further items up to its minimum.
fn minimum_cost(p: &Problem) -> u64 {
    // One pass over the items: this runs once per relaxation of the soft
    // default, and a scan per role made it quadratic in large libraries.
    let cheapest = |it: &Item| u64::from(it.options.iter().map(|o| o.cost).min().unwrap_or(0));
    let groups = p.group_min.len();
    let mut forced = vec![0usize; groups];
    let mut costs: Vec<Vec<u64>> = vec![Vec::new(); groups];
    let mut total = 0;
    for it in &p.items {
        if it.forced {
            total += cheapest(it);
            forced[it.group] += 1;
        } else if p.group_min[it.group] > 0 {
            costs[it.group].push(cheapest(it));
        }
    }
    for (g, costs) in costs.iter_mut().enumerate() {
        let need = p.group_min[g].saturating_sub(forced[g]);
        if need == 0 {
            continue;
        }
        costs.sort_unstable();
        total += costs.iter().take(need).sum::<u64>();
    }
    total
}

/// Number of posting terms any match refers to (term ids are below it).
fn scored_terms(scored: &[Scored]) -> usize {
    scored
        .iter()
        .flat_map(|s| s.matches.iter().map(|m| m.term_index + 1))
        .max()
        .unwrap_or(0)
}

/// What a solution uses: computed once for every explanation, which would
/// otherwise each scan every item.
struct Usage<'a> {
    choice: &'a [Option<usize>],
    /// Budget left.
    left: u32,
    /// Per group: items chosen.
    count: Vec<usize>,
    /// Per group: cost chosen.
    cost: Vec<u32>,
}

impl<'a> Usage<'a> {
    fn of(p: &Problem, choice: &'a [Option<usize>], left: u32) -> Usage<'a> {
        let mut count = vec![0; p.group_min.len()];
        let mut cost = vec![0u32; p.group_min.len()];
        for (item, c) in p.items.iter().zip(choice) {
            if let Some(o) = c {
                count[item.group] += 1;
                cost[item.group] += item.options[*o].cost;
            }
        }
        Usage {
            choice,
            left,
            count,
            cost,
        }
    }
}

/// Why item `k` (not chosen) was left out, given its value alone and its
/// marginal value.
fn explain(
    p: &Problem,
    usage: &Usage,
    k: usize,
    (alone, marginal): (f64, f64),
    refs: &[usize],
    all: &[(AchievementRef, &crate::content::Achievement)],
) -> Reason {
    let (choice, left) = (usage.choice, usage.left);
    let item = &p.items[k];
    if alone <= 1e-9 {
        return Reason::BelowCut { no_match: true };
    }
    if marginal < REDUNDANT_BELOW * alone {
        // The chosen item sharing the most with it.
        let mine = &item.options[0].terms;
        let overlap = |j: usize| -> f64 {
            let theirs = &p.items[j].options[choice[j].expect("chosen")].terms;
            mine.iter()
                .map(|(t, c)| {
                    theirs
                        .iter()
                        .find(|(u, _)| u == t)
                        .map_or(0.0, |(_, d)| c.min(*d))
                })
                .sum()
        };
        let with = (0..p.items.len())
            .filter(|&j| choice[j].is_some())
            .max_by(|&a, &b| overlap(a).total_cmp(&overlap(b)).then(b.cmp(&a)));
        if let Some(j) = with {
            return Reason::Redundant {
                with: all[refs[j]].1.id.clone(),
            };
        }
    }
    let needs = item.options.iter().map(|o| o.cost).min().unwrap_or(0);
    if needs > left {
        return Reason::NoRoom { needs, left };
    }
    let g = item.group;
    if usage.count[g] >= p.group_max[g] || usage.cost[g].saturating_add(needs) > p.group_cap[g] {
        return Reason::RoleLimit;
    }
    Reason::BelowCut { no_match: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::{Source, from_sources};
    use crate::posting::Posting;
    use crate::score::LibraryIndex;

    #[test]
    fn minimum_cost_counts_pins_and_each_roles_cheapest() {
        let item = |group: usize, forced: bool, costs: &[u32]| Item {
            group,
            forced,
            options: costs
                .iter()
                .map(|&cost| Opt {
                    cost,
                    own: 1.0,
                    terms: Vec::new(),
                })
                .collect(),
        };
        let mut p = Problem::new(
            vec![
                item(0, true, &[30, 12]),
                item(0, false, &[5]),
                item(1, false, &[20, 9]),
                item(1, false, &[8]),
                item(1, false, &[40]),
                item(2, false, &[7]),
            ],
            100,
            0,
            3,
        );
        // The pin alone, at its cheapest phrasing.
        assert_eq!(minimum_cost(&p), 12);
        // Role 0's pin meets its minimum; role 1 needs its two cheapest.
        p.group_min = vec![1, 2, 0];
        assert_eq!(minimum_cost(&p), 12 + 8 + 9);
        // A minimum beyond what a role has counts what it has.
        p.group_min = vec![2, 0, 3];
        assert_eq!(minimum_cost(&p), 12 + 5 + 7);
    }

    const LIB: &str = "\
experience:
  - title: Old
    start: 2010
    end: 2012
    achievements:
      - id: old
        text: \"Maintained legacy billing reports for finance\"
  - title: New
    start: 2020
    end: present
    achievements:
      - id: pay
        text: \"Built payments billing and payments retries\"
        tags: [payments]
      - id: pin
        text: \"Mentored five engineers\"
        pin: true
      - id: other
        text: \"Wrote internal docs about nothing in particular at all\"
        tags: [docs]
";

    fn lib(text: &str) -> Library {
        from_sources(&[Source {
            path: "t.yaml".into(),
            text: text.into(),
        }])
        .unwrap()
    }

    fn run_with(
        library: &Library,
        posting: &str,
        options: &Options,
    ) -> Result<Selection, SelectError> {
        let index = LibraryIndex::build(library);
        let posting = Posting::analyse("p", posting);
        let scored = index.score(&posting);
        let keys: Vec<usize> = crate::coverage::key_terms(&posting, &index)
            .iter()
            .map(|k| k.index)
            .collect();
        select(
            library,
            &scored,
            &keys,
            options,
            &Costs::new(library, options),
        )
    }

    fn words(n: u32) -> Options {
        Options {
            budget: Budget::Words(n),
            ..Options::default()
        }
    }

    fn ids(library: &Library, s: &Selection) -> Vec<String> {
        s.chosen
            .iter()
            .map(|c| library.achievement(c.at).id.clone())
            .collect()
    }

    fn reason(library: &Library, s: &Selection, id: &str) -> Reason {
        s.left_out
            .iter()
            .find(|l| library.achievement(l.at).id == id)
            .map(|l| l.reason.clone())
            .unwrap_or_else(|| panic!("{id} is not left out"))
    }

    #[test]
    fn pinned_then_roles_newest_first_then_score() {
        let l = lib(LIB);
        let s = run_with(&l, "payments billing", &words(100)).unwrap();
        assert_eq!(ids(&l, &s), vec!["pay", "pin", "old"]);
        assert!(s.used <= 100);
        assert!(s.method.starts_with("exact"), "{}", s.method);
        assert_eq!(reason(&l, &s, "other"), Reason::BelowCut { no_match: true });
    }

    #[test]
    fn tight_budget_drops_the_oldest_role_first_and_says_so() {
        // The pinned one takes 3 words; old (6) no longer fits in 7.
        let l = lib(LIB);
        let s = run_with(&l, "payments billing", &words(7)).unwrap();
        assert_eq!(ids(&l, &s), vec!["pin"]);
        assert_eq!(s.used, 3);
        assert!(
            s.notes
                .iter()
                .any(|n| n.contains("gave way to the budget for `Old`")),
            "{:?}",
            s.notes
        );
        assert_eq!(reason(&l, &s, "old"), Reason::NoRoom { needs: 6, left: 4 });
    }

    #[test]
    fn pinned_over_budget_says_by_how_much() {
        let err = run_with(&lib(LIB), "payments", &words(2)).unwrap_err();
        assert_eq!(
            err,
            SelectError::PinnedOverBudget {
                pinned: 3,
                capacity: 2,
                unit: "words"
            }
        );
        assert!(
            err.to_string()
                .contains("need 3 words, 1 over the budget of 2 words")
        );
    }

    #[test]
    fn rules_exclude_require_and_pin() {
        let l = lib(LIB);
        let mut o = words(100);
        o.excludes = vec![Rule::Tag("payments".into())];
        let s = run_with(&l, "payments billing", &o).unwrap();
        assert!(!ids(&l, &s).contains(&"pay".to_string()));
        assert_eq!(
            reason(&l, &s, "pay"),
            Reason::Excluded {
                rule: "tag:payments".into()
            }
        );

        let mut o = words(100);
        o.requires = vec!["docs".into()];
        let s = run_with(&l, "payments billing", &o).unwrap();
        assert!(
            ids(&l, &s).contains(&"other".to_string()),
            "required tag is honoured"
        );

        let mut o = words(100);
        o.requires = vec!["rust".into()];
        let err = run_with(&l, "payments", &o).unwrap_err().to_string();
        assert!(
            err.contains("--require tag:rust: no achievement in the library has that tag"),
            "{err}"
        );

        let mut o = words(100);
        o.pins = vec!["othr".into()];
        let err = run_with(&l, "payments", &o).unwrap_err().to_string();
        assert!(err.contains("did you mean `other`?"), "{err}");

        let mut o = words(100);
        o.pins = vec!["pay".into()];
        o.excludes = vec![Rule::Id("pay".into())];
        assert!(run_with(&l, "payments", &o).is_err());
    }

    #[test]
    fn per_role_limits_are_hard() {
        let l = lib(LIB);
        let mut o = words(100);
        o.max_per_role = Some(1);
        let s = run_with(&l, "payments billing docs", &o).unwrap();
        // The pinned one fills the new role's single place.
        assert_eq!(ids(&l, &s), vec!["pin", "old"]);
        assert_eq!(reason(&l, &s, "pay"), Reason::RoleLimit);

        let mut o = words(100);
        o.min_per_role = Some(3);
        let s = run_with(&l, "payments", &o).unwrap();
        assert_eq!(s.chosen.iter().filter(|c| c.at.role == 1).count(), 3);

        let mut o = words(100);
        o.role_budget = Some(10);
        let s = run_with(&l, "payments billing docs", &o).unwrap();
        let new_role: u32 = s
            .chosen
            .iter()
            .filter(|c| c.at.role == 1)
            .map(|c| c.cost)
            .sum();
        assert!(new_role <= 10, "{new_role}");
    }

    #[test]
    fn old_roles_become_title_lines_or_go() {
        let l = lib(LIB);
        let mut o = words(100);
        o.max_age = Some(5);
        o.as_of = Some(YearMonth::parse("2024-06").unwrap());
        let s = run_with(&l, "billing", &o).unwrap();
        assert!(!ids(&l, &s).contains(&"old".to_string()));
        assert_eq!(reason(&l, &s, "old"), Reason::OldRole { max_age: 5 });
        assert!(s.hidden_roles.is_empty());
        o.old_roles = OldRoles::Drop;
        let s = run_with(&l, "billing", &o).unwrap();
        assert_eq!(s.hidden_roles, vec![0]);
    }

    #[test]
    fn recent_roles_rule_is_hard() {
        let l = lib(LIB);
        let mut o = words(7);
        o.recent_years = Some(20);
        o.as_of = Some(YearMonth::parse("2024-06").unwrap());
        // The old role must keep one (6 words) beside the pin (3): 9 > 7.
        let err = run_with(&l, "billing", &o).unwrap_err().to_string();
        assert!(err.contains("no selection meets every rule"), "{err}");
    }

    #[test]
    fn library_order_inside_a_role() {
        let l = lib(LIB);
        let mut o = words(100);
        o.order = Order::Library;
        let s = run_with(&l, "payments billing docs", &o).unwrap();
        assert_eq!(ids(&l, &s)[..3], ["pay", "pin", "other"]);
    }

    const PHRASINGS: &str = "\
experience:
  - title: Engineer
    start: 2020
    end: present
    achievements:
      - id: ledger
        text: \"Designed a double-entry payments ledger on PostgreSQL with careful reconciliation for every merchant account\"
        short: \"Designed a payments ledger\"
      - id: fraud
        text: \"Built fraud rules with rate limiting that cut chargebacks across every card network we supported\"
        short: \"Built fraud rules cutting chargebacks\"
      - id: kafka
        text: \"Moved order events to Kafka and removed many fragile point-to-point integrations between services\"
        short: \"Moved order events to Kafka\"
";

    fn distinct_terms(l: &Library, posting: &str, s: &Selection) -> usize {
        let scored = LibraryIndex::build(l).score(&Posting::analyse("p", posting));
        let mut terms: Vec<usize> = Vec::new();
        for c in &s.chosen {
            let i = l.achievements().position(|(at, _)| at == c.at).unwrap();
            for m in &scored[i].matches {
                let shown = match c.phrasing {
                    Phrasing::Text => m.in_text,
                    Phrasing::Short => m.in_short,
                };
                if shown && !terms.contains(&m.term_index) {
                    terms.push(m.term_index);
                }
            }
        }
        terms.len()
    }

    #[test]
    fn short_phrasings_cover_more_terms_under_a_tight_budget() {
        let l = lib(PHRASINGS);
        let posting = "Requirements: payments ledger, fraud, chargebacks, Kafka order events";
        let with_short = run_with(&l, posting, &words(16)).unwrap();
        assert!(
            with_short
                .chosen
                .iter()
                .any(|c| c.phrasing == Phrasing::Short)
        );
        assert_eq!(with_short.chosen.len(), 3, "{:?}", ids(&l, &with_short));
        // The same library without short phrasings.
        let long_only = lib(&PHRASINGS
            .lines()
            .filter(|line| !line.trim_start().starts_with("short:"))
            .collect::<Vec<_>>()
            .join("\n"));
        let long = run_with(&long_only, posting, &words(16)).unwrap();
        assert!(with_short.used <= 16 && long.used <= 16);
        let (a, b) = (
            distinct_terms(&l, posting, &with_short),
            distinct_terms(&long_only, posting, &long),
        );
        assert!(a > b, "short phrasings cover {a} terms, long only {b}");
    }

    #[test]
    fn near_duplicates_are_not_both_selected() {
        let l = lib("\
experience:
  - title: Engineer
    achievements:
      - id: fraud-a
        text: \"Built fraud detection rules for card payments\"
      - id: fraud-b
        text: \"Built fraud detection rules for card payments at scale\"
      - id: kafka
        text: \"Moved order events to Kafka\"
");
        let posting = "Requirements: fraud detection, card payments, Kafka";
        let s = run_with(&l, posting, &words(14)).unwrap();
        let chosen = ids(&l, &s);
        assert!(
            !(chosen.contains(&"fraud-a".to_string()) && chosen.contains(&"fraud-b".to_string())),
            "{chosen:?}"
        );
        assert!(chosen.contains(&"kafka".to_string()), "{chosen:?}");
        let dup = if chosen.contains(&"fraud-a".to_string()) {
            "fraud-b"
        } else {
            "fraud-a"
        };
        assert!(matches!(
            reason(&l, &s, dup),
            Reason::Redundant { .. } | Reason::NoRoom { .. }
        ));
        // With room for everything, a looser budget still names the redundancy.
        let s = run_with(&l, posting, &words(13)).unwrap();
        assert_eq!(s.chosen.len(), 2, "{:?}", ids(&l, &s));
    }

    const TWO_ROLES: &str = "\
experience:
  - title: Lead
    start: 2023-01
    end: present
    achievements:
      - id: new-kafka
        text: \"Moved order events to Kafka\"
      - id: new-fraud
        text: \"Tuned fraud rules for card payments\"
      - id: new-docs
        text: \"Wrote the team's onboarding guide\"
  - title: Senior
    start: 2019-01
    end: 2022-12
    achievements:
      - id: old-ledger
        text: \"Built the payments ledger in Go\"
      - id: old-refunds
        text: \"Automated card refunds for payments\"
      - id: old-disputes
        text: \"Cut card payment disputes by 30%\"
      - id: old-kafka
        text: \"Ran Kafka clusters for payment events\"
";

    fn per_role(l: &Library, s: &Selection) -> Vec<usize> {
        let mut count = vec![0; l.experience.len()];
        for c in &s.chosen {
            count[c.at.role] += 1;
        }
        count
    }

    #[test]
    fn the_newest_role_leads_unless_the_posting_favours_older_work() {
        let l = lib(TWO_ROLES);
        // Kafka and fraud work in the newest role: it leads.
        let s = run_with(
            &l,
            "Requirements: payments, card, Kafka, fraud, ledger",
            &words(12),
        )
        .unwrap();
        let count = per_role(&l, &s);
        assert!(count[0] >= count[1], "{count:?} {:?}", ids(&l, &s));
        assert!(s.notes.is_empty(), "{:?}", s.notes);
        // A posting about ledgers, refunds and disputes: the older role's
        // work is what it asks for, and the selection says so.
        let s = run_with(
            &l,
            "Requirements: payments ledger, card refunds, payment disputes, Go",
            &words(16),
        )
        .unwrap();
        let count = per_role(&l, &s);
        assert!(count[1] > count[0], "{count:?} {:?}", ids(&l, &s));
        assert!(
            s.notes.iter().any(|n| n.contains("favours older work")),
            "{:?}",
            s.notes
        );
    }

    #[test]
    fn lines_and_pages_budgets_hold() {
        let l = lib(PHRASINGS);
        let o = Options {
            budget: Budget::Lines(2),
            layout: Layout {
                line_width: 40,
                bullet_indent: 3,
                lines_per_page: 60,
            },
            ..Options::default()
        };
        let s = run_with(&l, "payments ledger fraud kafka", &o).unwrap();
        assert!(s.used <= 2, "{}", s.used);
        let o = Options {
            budget: Budget::Pages(1.0),
            ..Options::default()
        };
        let s = run_with(&l, "payments ledger fraud kafka", &o).unwrap();
        assert!(s.used <= s.capacity && s.capacity < 60);
    }
}
