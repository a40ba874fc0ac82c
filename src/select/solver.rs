//! The optimiser behind selection: a multiple-choice knapsack (each item goes
//! in with one of its options, or not at all) with a submodular objective
//! and side constraints. Pure and generic: items, options, terms and groups
//! are plain numbers, so it can be tested against brute force.
//!
//! **Objective.** Each option has a value of its own (added as it is) and
//! covers terms with a contribution each. For every term, the contributions
//! of the chosen options, sorted from largest, are weighted `DELTA^k`
//! (k = 0, 1, …) and summed: coverage with diminishing returns, so a term
//! covered twice counts less than two terms covered once. The objective is
//! monotone and submodular, so an option's marginal gain can only shrink as
//! the selection grows.
//!
//! **Constraints.** Capacity (the budget); forced items (pins); per-group
//! (per-role) minimum and maximum counts and cost caps; sets of which at
//! least one item must be chosen (required tags).
//!
//! **Method.** Greedy + local search gives a first solution; branch and
//! bound proves or improves it. Its bound is the LP relaxation of the
//! multiple-choice knapsack with each option valued by slot prices per term
//! (a Lagrangian bound on the coverage, see [`TermPrices`]) and multipliers
//! for group minimums. The root LP sets the branching order and seeds a
//! second greedy solution; dives from the search's nodes find good
//! solutions early, which is what lets the bound prune. Beyond
//! [`EXACT_MAX_ITEMS`] items the greedy + local-search answer stands; past
//! [`NODE_LIMIT`] nodes the best found does; the method says which.

use std::fmt;

/// Decay of a term's value with each further cover.
pub const DELTA: f64 = 0.5;
/// Largest problem (items with any value) solved exactly.
pub const EXACT_MAX_ITEMS: usize = 200;
/// LP solves per bound, each with prices from the LP solutions before it
/// (the worst of 96 posting × budget cases at 80 achievements, with dives:
/// 45 ms with 3 rounds, 15 ms with 4, 17 ms with 5; 2 rounds, measured
/// before dives, left it at 210 ms).
const BOUND_ROUNDS: usize = 4;
/// Nodes between dives for a better incumbent (16, 32 and 256 were slower).
const DIVE_EVERY: u64 = 64;
/// Most branch-and-bound nodes before the search stops: a count, not a
/// clock, so the answer never depends on the machine. At 80 achievements
/// nodes cost about 7 µs, and the hardest of the 96 sweep cases
/// (`select-sweep`) needs 79,122 (the backend posting at 150 words, since
/// the scorer's detail factor; 26,017 before it); twice that leaves room,
/// at about 1 s at worst.
pub const NODE_LIMIT: u64 = 150_000;

const EPS: f64 = 1e-9;

/// One way an item can go in.
#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    /// Its cost in budget units.
    pub cost: u32,
    /// Its own value (≥ 0), added as it is.
    pub own: f64,
    /// The terms it covers: (term, contribution ≥ 0).
    pub terms: Vec<(u32, f64)>,
}

/// Something to choose.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its group (role).
    pub group: usize,
    /// Must go in.
    pub forced: bool,
    /// Its options (at least one).
    pub options: Vec<Opt>,
}

/// A selection problem.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Problem {
    pub items: Vec<Item>,
    /// Total cost allowed.
    pub capacity: u32,
    /// Number of distinct terms (term ids are below this).
    pub n_terms: usize,
    /// Per group: fewest items.
    pub group_min: Vec<usize>,
    /// Per group: most items.
    pub group_max: Vec<usize>,
    /// Per group: most cost.
    pub group_cap: Vec<u32>,
    /// Sets of item indices of which at least one must be chosen.
    pub requires: Vec<Vec<usize>>,
    /// Terms from this id on, if set, are told once: only their best cover
    /// counts. Other terms' covers diminish by `DELTA`.
    pub once_from: Option<usize>,
}

impl Problem {
    /// A problem with `groups` unconstrained groups.
    pub fn new(items: Vec<Item>, capacity: u32, n_terms: usize, groups: usize) -> Problem {
        Problem {
            items,
            capacity,
            n_terms,
            group_min: vec![0; groups],
            group_max: vec![usize::MAX; groups],
            group_cap: vec![u32::MAX; groups],
            requires: Vec::new(),
            once_from: None,
        }
    }
}

/// How a solution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Branch and bound proved it optimal.
    Exact {
        /// Nodes explored.
        nodes: u64,
    },
    /// Greedy + local search, because the problem is larger than
    /// [`EXACT_MAX_ITEMS`].
    GreedyLarge {
        /// Items with any value.
        items: usize,
    },
    /// Branch and bound stopped at [`NODE_LIMIT`]: best found, not proven.
    NodeLimit,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Method::Exact { nodes } => {
                let noun = if *nodes == 1 { "node" } else { "nodes" };
                write!(f, "exact (branch and bound, {nodes} {noun})")
            }
            Method::GreedyLarge { items } => write!(
                f,
                "greedy + local search ({items} candidates, over the exact limit of {EXACT_MAX_ITEMS})"
            ),
            Method::NodeLimit => write!(
                f,
                "greedy + local search, improved by branch and bound stopped at {NODE_LIMIT} nodes (not proven optimal)"
            ),
        }
    }
}

/// A chosen option per item (or none), and what it is worth.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// Per item: the option chosen, if any.
    pub choice: Vec<Option<usize>>,
    /// The objective's value.
    pub value: f64,
    /// Total cost.
    pub used: u32,
    /// How it was found.
    pub method: Method,
}

/// A term's weight per cover, largest cover first, for k = 0..=60.
#[derive(Debug)]
struct Weights([f64; 61]);

impl Weights {
    /// The k-th cover's weight; deeper covers weigh as the 60th.
    fn at(&self, k: usize) -> f64 {
        self.0[k.min(60)]
    }
}

/// `DELTA^k`: each further cover counts for less (the 60th, nothing).
const WEIGHTS: Weights = {
    let mut w = [1.0; 61];
    let mut k = 1;
    while k < w.len() {
        w[k] = w[k - 1] * DELTA;
        k += 1;
    }
    Weights(w)
};

/// Weights of a term told once: its best cover counts, later ones nothing.
const ONCE: Weights = {
    let mut w = [0.0; 61];
    w[0] = 1.0;
    Weights(w)
};

impl Problem {
    /// The weights of term `t`'s covers.
    fn weights(&self, t: usize) -> &'static Weights {
        match self.once_from {
            Some(from) if t >= from => &ONCE,
            _ => &WEIGHTS,
        }
    }
}

/// Value gained by adding `c` to a term whose chosen contributions are
/// `list` (sorted, largest first) and whose covers weigh `w`.
fn insert_gain(list: &[f64], c: f64, w: &Weights) -> f64 {
    let p = list.partition_point(|&x| x >= c);
    let mut g = w.at(p) * c;
    for (k, &x) in list.iter().enumerate().skip(p) {
        g += (w.at(k + 1) - w.at(k)) * x;
    }
    g
}

/// The objective for a choice, from scratch.
pub fn value(problem: &Problem, choice: &[Option<usize>]) -> f64 {
    let mut lists: Vec<Vec<f64>> = vec![Vec::new(); problem.n_terms];
    let mut own = 0.0;
    for (item, c) in problem.items.iter().zip(choice) {
        if let Some(o) = c {
            own += item.options[*o].own;
            for &(t, x) in &item.options[*o].terms {
                lists[t as usize].push(x);
            }
        }
    }
    own + lists
        .iter_mut()
        .enumerate()
        .map(|(t, l)| {
            let w = problem.weights(t);
            l.sort_by(|a, b| b.total_cmp(a));
            l.iter().enumerate().map(|(k, &x)| w.at(k) * x).sum::<f64>()
        })
        .sum::<f64>()
}

/// True when a choice meets every constraint.
pub fn feasible(problem: &Problem, choice: &[Option<usize>]) -> bool {
    let groups = problem.group_min.len();
    let mut count = vec![0usize; groups];
    let mut cost = vec![0u32; groups];
    let mut used = 0u32;
    for (item, c) in problem.items.iter().zip(choice) {
        match c {
            Some(o) => {
                let oc = item.options[*o].cost;
                used += oc;
                count[item.group] += 1;
                cost[item.group] += oc;
            }
            None if item.forced => return false,
            None => {}
        }
    }
    used <= problem.capacity
        && (0..groups).all(|g| {
            count[g] >= problem.group_min[g]
                && count[g] <= problem.group_max[g]
                && cost[g] <= problem.group_cap[g]
        })
        && problem
            .requires
            .iter()
            .all(|set| set.iter().any(|&i| choice[i].is_some()))
}

/// The incremental search state.
#[derive(Clone)]
struct State<'p> {
    p: &'p Problem,
    lists: Vec<Vec<f64>>,
    value: f64,
    used: u32,
    count: Vec<usize>,
    cost: Vec<u32>,
    choice: Vec<Option<usize>>,
}

impl<'p> State<'p> {
    fn new(p: &'p Problem) -> State<'p> {
        State {
            p,
            lists: vec![Vec::new(); p.n_terms],
            value: 0.0,
            used: 0,
            count: vec![0; p.group_min.len()],
            cost: vec![0; p.group_min.len()],
            choice: vec![None; p.items.len()],
        }
    }

    fn fits(&self, i: usize, o: usize) -> bool {
        self.fits_leaving(i, o, 0)
    }

    /// [`Self::fits`] with `keep` units of the capacity kept free.
    fn fits_leaving(&self, i: usize, o: usize, keep: u64) -> bool {
        let item = &self.p.items[i];
        let c = item.options[o].cost;
        let g = item.group;
        u64::from(self.used) + u64::from(c) + keep <= u64::from(self.p.capacity)
            && self.count[g] < self.p.group_max[g]
            && self.cost[g].saturating_add(c) <= self.p.group_cap[g]
    }

    fn gain(&self, i: usize, o: usize) -> f64 {
        let opt = &self.p.items[i].options[o];
        opt.own
            + opt
                .terms
                .iter()
                .map(|&(t, c)| insert_gain(&self.lists[t as usize], c, self.p.weights(t as usize)))
                .sum::<f64>()
    }

    fn add(&mut self, i: usize, o: usize) {
        let item = &self.p.items[i];
        self.value += item.options[o].own;
        for &(t, c) in &item.options[o].terms {
            let list = &mut self.lists[t as usize];
            self.value += insert_gain(list, c, self.p.weights(t as usize));
            let at = list.partition_point(|&x| x >= c);
            list.insert(at, c);
        }
        let cost = item.options[o].cost;
        self.used += cost;
        self.count[item.group] += 1;
        self.cost[item.group] += cost;
        self.choice[i] = Some(o);
    }

    fn remove(&mut self, i: usize) {
        let Some(o) = self.choice[i].take() else {
            return;
        };
        let item = &self.p.items[i];
        self.value -= item.options[o].own;
        for &(t, c) in &item.options[o].terms {
            let list = &mut self.lists[t as usize];
            if let Some(at) = list.iter().position(|&x| x == c) {
                list.remove(at);
            }
            self.value -= insert_gain(list, c, self.p.weights(t as usize));
        }
        let cost = item.options[o].cost;
        self.used -= cost;
        self.count[item.group] -= 1;
        self.cost[item.group] -= cost;
    }

    fn is_feasible(&self) -> bool {
        feasible(self.p, &self.choice)
    }

    fn solution(&self, method: Method) -> Solution {
        Solution {
            choice: self.choice.clone(),
            value: value(self.p, &self.choice),
            used: self.used,
            method,
        }
    }

    /// The unchosen option with the best gain per unit of cost that fits,
    /// among `items`; gains must be positive unless `any_gain`.
    fn best_addition(
        &self,
        items: impl Iterator<Item = usize>,
        any_gain: bool,
    ) -> Option<(usize, usize)> {
        self.best_addition_leaving(items, any_gain, 0)
    }

    /// [`Self::best_addition`] among the options that keep `keep` units of
    /// the capacity free.
    fn best_addition_leaving(
        &self,
        items: impl Iterator<Item = usize>,
        any_gain: bool,
        keep: u64,
    ) -> Option<(usize, usize)> {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in items {
            if self.choice[i].is_some() {
                continue;
            }
            for o in 0..self.p.items[i].options.len() {
                if !self.fits_leaving(i, o, keep) {
                    continue;
                }
                let g = self.gain(i, o);
                if !any_gain && g <= EPS {
                    continue;
                }
                let density = g / f64::from(self.p.items[i].options[o].cost.max(1));
                if best.is_none_or(|(d, _, _)| density > d + EPS) {
                    best = Some((density, i, o));
                }
            }
        }
        best.map(|(_, i, o)| (i, o))
    }
}

/// A step toward a lead: (value after, the item taken out and its option,
/// the item added and its option).
type Exchange = (f64, Option<(usize, usize)>, usize, usize);

/// A solution changed so that group `lead` carries at least as many items
/// as any other group, by the exchanges that lose least: each step adds the
/// `lead` option worth most, after taking out (if need be) the item of a
/// fullest group whose loss costs least; then what still fits is filled
/// without breaking the lead. A heuristic for a soft rule, cheap next to a
/// solve: `None` when no exchanges get there within the constraints.
pub fn lead_group(p: &Problem, from: &Solution, lead: usize) -> Option<Solution> {
    let mut s = State::new(p);
    for (i, c) in from.choice.iter().enumerate() {
        if let Some(o) = *c {
            s.add(i, o);
        }
    }
    let n = p.items.len();
    let fullest = |s: &State| {
        (0..s.count.len())
            .filter(|&g| g != lead)
            .map(|g| s.count[g])
            .max()
            .unwrap_or(0)
    };
    while s.count[lead] < fullest(&s) {
        let top = fullest(&s);
        let removals = (0..n).filter(|&r| {
            let g = p.items[r].group;
            s.choice[r].is_some()
                && !p.items[r].forced
                && g != lead
                && s.count[g] == top
                && s.count[g] > p.group_min[g]
        });
        let mut best: Option<Exchange> = None;
        for removal in std::iter::once(None).chain(removals.map(Some).collect::<Vec<_>>()) {
            let taken = removal.map(|r| (r, s.choice[r].expect("chosen")));
            if let Some((r, _)) = taken {
                s.remove(r);
            }
            for i in (0..n).filter(|&i| p.items[i].group == lead && s.choice[i].is_none()) {
                for o in (0..p.items[i].options.len()).filter(|&o| s.fits(i, o)) {
                    let v = s.value + s.gain(i, o);
                    if best.as_ref().is_none_or(|b| v > b.0 + EPS) {
                        best = Some((v, taken, i, o));
                    }
                }
            }
            if let Some((r, o)) = taken {
                s.add(r, o);
            }
        }
        let (_, taken, i, o) = best?;
        if let Some((r, _)) = taken {
            s.remove(r);
        }
        s.add(i, o);
    }
    // Fill what is left, keeping the lead.
    loop {
        let open = (0..n).filter(|&i| {
            let g = p.items[i].group;
            g == lead || s.count[g] < s.count[lead]
        });
        let Some((i, o)) = s.best_addition(open, false) else {
            break;
        };
        s.add(i, o);
    }
    s.is_feasible().then(|| s.solution(from.method))
}

/// Greedy + local search: forced items, then group minimums and required
/// sets, then the best gain per cost while anything fits; then swaps and
/// phrasing changes while they improve the value. `None` when the greedy
/// pass cannot meet the constraints (the problem may still be feasible).
fn greedy(p: &Problem) -> Option<State<'_>> {
    greedy_from(p, &[], false)
}

/// The least cost of `need` more items of group `g`: its unchosen items'
/// cheapest options, cheapest first.
fn cheapest_items(s: &State, g: usize, need: usize) -> u64 {
    if need == 0 {
        return 0;
    }
    let mut costs: Vec<u32> = (0..s.p.items.len())
        .filter(|&i| s.p.items[i].group == g && s.choice[i].is_none())
        .filter_map(|i| s.p.items[i].options.iter().map(|o| o.cost).min())
        .collect();
    costs.sort_unstable();
    costs.iter().take(need).map(|&c| u64::from(c)).sum()
}

/// [`greedy`], taking the `seed` options (those that still fit) after the
/// constraints are met and before filling. With `reserve`, each item taken
/// for a group minimum leaves room for the cheapest items every minimum
/// still needs: the plain pass takes the best value per cost, and with a
/// minimum on many groups its first picks can crowd out the last group's.
fn greedy_from<'p>(p: &'p Problem, seed: &[(usize, usize)], reserve: bool) -> Option<State<'p>> {
    let mut s = State::new(p);
    let n = p.items.len();
    for i in 0..n {
        if p.items[i].forced {
            let o = (0..p.items[i].options.len())
                .filter(|&o| s.fits(i, o))
                .max_by(|&a, &b| s.gain(i, a).total_cmp(&s.gain(i, b)).then(b.cmp(&a)))?;
            s.add(i, o);
        }
    }
    let groups = p.group_min.len();
    let mut needed: Vec<u64> = if reserve {
        (0..groups)
            .map(|g| cheapest_items(&s, g, p.group_min[g].saturating_sub(s.count[g])))
            .collect()
    } else {
        vec![0; groups]
    };
    for g in 0..groups {
        while s.count[g] < p.group_min[g] {
            // Room for the other groups' minimums, and for this group's
            // after this item.
            let keep = if reserve {
                needed[g] = 0;
                let later = p.group_min[g].saturating_sub(s.count[g] + 1);
                needed.iter().sum::<u64>() + cheapest_items(&s, g, later)
            } else {
                0
            };
            let (i, o) =
                s.best_addition_leaving((0..n).filter(|&i| p.items[i].group == g), true, keep)?;
            s.add(i, o);
        }
    }
    for set in &p.requires {
        if !set.iter().any(|&i| s.choice[i].is_some()) {
            let (i, o) = s.best_addition(set.iter().copied(), true)?;
            s.add(i, o);
        }
    }
    for &(i, o) in seed {
        if s.choice[i].is_none() && s.fits(i, o) {
            s.add(i, o);
        }
    }
    fill(&mut s);
    local_search(&mut s);
    Some(s)
}

/// Adds the best gain per cost while anything with a gain fits. Lazy: a
/// max-heap holds each option's last known density, an upper bound because
/// gains only shrink as the selection grows; only the top is re-evaluated.
fn fill(s: &mut State) {
    #[derive(PartialEq)]
    struct Entry(f64, usize, usize);
    impl Eq for Entry {}
    impl PartialOrd for Entry {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Entry {
        // Highest density first; ties by lower item, then option.
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.0
                .total_cmp(&other.0)
                .then(other.1.cmp(&self.1))
                .then(other.2.cmp(&self.2))
        }
    }
    let mut heap = std::collections::BinaryHeap::new();
    for i in 0..s.p.items.len() {
        if s.choice[i].is_some() {
            continue;
        }
        for o in 0..s.p.items[i].options.len() {
            let cost = f64::from(s.p.items[i].options[o].cost.max(1));
            heap.push(Entry(s.gain(i, o) / cost, i, o));
        }
    }
    while let Some(Entry(bound, i, o)) = heap.pop() {
        if bound <= EPS {
            break;
        }
        if s.choice[i].is_some() || !s.fits(i, o) {
            // Taken already, or too big now: the selection only grows.
            continue;
        }
        let cost = f64::from(s.p.items[i].options[o].cost.max(1));
        let density = s.gain(i, o) / cost;
        if heap.peek().is_none_or(|top| density >= top.0 - EPS) {
            if density > EPS {
                s.add(i, o);
            }
        } else {
            heap.push(Entry(density, i, o));
        }
    }
}

/// Unchosen items local search considers swapping in: the best by current
/// gain per cost.
const SWAP_CANDIDATES: usize = 32;

/// Most local-search passes: later passes gain little (well under 1% on
/// 500-achievement libraries) and cost as much as the first.
const LOCAL_SEARCH_ROUNDS: usize = 2;

/// Improving moves until none is left: change a chosen item's option, or
/// replace a chosen item with an unchosen one (then fill what room is left).
/// Replacements come from the [`SWAP_CANDIDATES`] best unchosen items.
fn local_search(s: &mut State) {
    let n = s.p.items.len();
    for _round in 0..LOCAL_SEARCH_ROUNDS {
        let before = s.value;
        // This round's candidates.
        let mut pool: Vec<(f64, usize)> = (0..n)
            .filter(|&j| s.choice[j].is_none())
            .map(|j| {
                let best = (0..s.p.items[j].options.len())
                    .map(|o| s.gain(j, o) / f64::from(s.p.items[j].options[o].cost.max(1)))
                    .fold(0.0, f64::max);
                (best, j)
            })
            .filter(|&(d, _)| d > EPS)
            .collect();
        pool.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        pool.truncate(SWAP_CANDIDATES);
        let mut improved = false;
        for i in 0..n {
            let Some(cur) = s.choice[i] else { continue };
            let base = s.value;
            s.remove(i);
            // Another option of the same item, or another item in its place.
            let mut best: Option<(f64, usize, usize)> = None;
            let others = pool.iter().map(|&(_, j)| j);
            for j in std::iter::once(i).chain(others) {
                if s.choice[j].is_some() || (j != i && s.p.items[i].forced) {
                    continue;
                }
                for o in 0..s.p.items[j].options.len() {
                    if (j == i && o == cur) || !s.fits(j, o) {
                        continue;
                    }
                    let v = s.value + s.gain(j, o);
                    if v > base + EPS && best.is_none_or(|(b, _, _)| v > b + EPS) {
                        best = Some((v, j, o));
                    }
                }
            }
            match best {
                Some((_, j, o)) => {
                    s.add(j, o);
                    if s.is_feasible() {
                        fill(s);
                        improved = true;
                        continue;
                    }
                    s.remove(j);
                    s.add(i, cur);
                }
                None => s.add(i, cur),
            }
        }
        improved |= rephrase(s);
        if !improved || s.value <= before + EPS {
            break;
        }
    }
}

/// The best move that puts a chosen item in another phrasing which only fits
/// once some other chosen item makes room: typically a short phrasing
/// lengthened to cover more terms, at the price of a weaker item. Greedy by
/// gain per cost favours short phrasings and never makes this move.
fn rephrase(s: &mut State) -> bool {
    let n = s.p.items.len();
    let chosen: Vec<usize> = (0..n).filter(|&i| s.choice[i].is_some()).collect();
    let base = s.value;
    let mut best: Option<(f64, usize, usize, usize)> = None;
    for &i in &chosen {
        let cur = s.choice[i].unwrap_or_default();
        for o in 0..s.p.items[i].options.len() {
            if o == cur || s.p.items[i].options[o].cost <= s.p.items[i].options[cur].cost {
                continue;
            }
            s.remove(i);
            for &k in &chosen {
                if k == i || s.p.items[k].forced {
                    continue;
                }
                let kept = s.choice[k].unwrap_or_default();
                s.remove(k);
                if s.fits(i, o) {
                    let v = s.value + s.gain(i, o);
                    if v > base + EPS && best.is_none_or(|(b, ..)| v > b + EPS) {
                        best = Some((v, i, o, k));
                    }
                }
                s.add(k, kept);
            }
            s.add(i, cur);
        }
    }
    let Some((_, i, o, k)) = best else {
        return false;
    };
    let (cur, kept) = (
        s.choice[i].unwrap_or_default(),
        s.choice[k].unwrap_or_default(),
    );
    s.remove(i);
    s.remove(k);
    s.add(i, o);
    if s.is_feasible() {
        fill(s);
        true
    } else {
        s.remove(i);
        s.add(i, cur);
        s.add(k, kept);
        false
    }
}

/// Solves the problem: the optimum when it can be proven within the limits,
/// otherwise the best found, with the method saying which. `None` when no
/// choice meets the constraints.
pub fn solve(p: &Problem) -> Option<Solution> {
    let candidates = p
        .items
        .iter()
        .filter(|it| it.forced || it.options.iter().any(|o| !o.terms.is_empty()))
        .count();
    // Past the exact limit, a greedy pass that cannot meet the minimums is
    // tried again keeping room for them: else branch and bound would search
    // hundreds of items for a first solution, seconds per posting.
    let start = greedy(p).filter(|s| s.is_feasible()).or_else(|| {
        (candidates > EXACT_MAX_ITEMS)
            .then(|| greedy_from(p, &[], true))
            .flatten()
            .filter(|s| s.is_feasible())
    });
    if candidates > EXACT_MAX_ITEMS {
        if let Some(s) = start {
            return Some(s.solution(Method::GreedyLarge { items: candidates }));
        }
    }
    let mut bb = BranchAndBound::new(p);
    if let Some(s) = &start {
        bb.best = Some(s.solution(Method::Exact { nodes: 0 }));
    }
    bb.root();
    let mut state = State::new(p);
    bb.search(&mut state, 0, None);
    let method = if bb.nodes >= NODE_LIMIT {
        Method::NodeLimit
    } else {
        Method::Exact { nodes: bb.nodes }
    };
    bb.best.map(|mut s| {
        s.method = method;
        s
    })
}

struct BranchAndBound<'p> {
    p: &'p Problem,
    /// Items in branching order: forced first, then (see [`Self::root`])
    /// those the root LP takes, then the rest, each by value per cost.
    order: Vec<usize>,
    best: Option<Solution>,
    nodes: u64,
    // Scratch space for the bound, kept between nodes.
    scratch_opts: Vec<(usize, usize, f64, f64, usize, usize)>,
    /// (term, contribution) per option, in slices.
    scratch_terms: Vec<(u32, f64)>,
    /// Per term: whether some option still open covers it.
    open: Vec<bool>,
    /// Per term: covers priced this round, (contribution, amount).
    fill: Vec<Vec<(f64, f64)>>,
    /// Per term: its prices this round.
    prices: Vec<TermPrices>,
    /// Per open option: the average of this bound's LP solutions so far,
    /// where later rounds set the term prices.
    avg: Vec<f64>,
    /// Per group: items still needed to meet its minimum.
    need: Vec<f64>,
    /// Per group: its multiplier (see [`Self::raise_multipliers`]).
    nu: Vec<f64>,
    /// Per group: scratch for the multiplier update.
    shortfall: Vec<Vec<f64>>,
    /// Per group: how much of it the LP takes.
    taken: Vec<f64>,
    touched: Vec<usize>,
    values: Vec<f64>,
    lp: LpScratch,
}

impl<'p> BranchAndBound<'p> {
    fn new(p: &'p Problem) -> BranchAndBound<'p> {
        let empty = State::new(p);
        let density = |i: usize| {
            (0..p.items[i].options.len())
                .map(|o| empty.gain(i, o) / f64::from(p.items[i].options[o].cost.max(1)))
                .fold(0.0, f64::max)
        };
        let mut order: Vec<usize> = (0..p.items.len()).collect();
        order.sort_by(|&a, &b| {
            p.items[b]
                .forced
                .cmp(&p.items[a].forced)
                .then(density(b).total_cmp(&density(a)))
                .then(a.cmp(&b))
        });
        BranchAndBound {
            p,
            order,
            best: None,
            nodes: 0,
            scratch_opts: Vec::new(),
            scratch_terms: Vec::new(),
            open: vec![false; p.n_terms],
            fill: vec![Vec::new(); p.n_terms],
            prices: (0..p.n_terms)
                .map(|t| TermPrices::new(p.weights(t)))
                .collect(),
            need: vec![0.0; p.group_min.len()],
            avg: Vec::new(),
            nu: vec![0.0; p.group_min.len()],
            shortfall: vec![Vec::new(); p.group_min.len()],
            taken: vec![0.0; p.group_min.len()],
            touched: Vec::new(),
            values: Vec::new(),
            lp: LpScratch::default(),
        }
    }

    /// Work at the root, before the search: the bound's LP solution sets the
    /// branching order and seeds a second greedy solution.
    fn root(&mut self) {
        let p = self.p;
        self.bound(&State::new(p), 0);
        // Branch first on what the LP takes (more than half of an option),
        // then on the rest, each by value per cost in the LP: the search
        // then starts near the LP's answer and closes the common case fast.
        let mut key = vec![(false, 0.0f64); p.items.len()];
        let mut picks = Vec::new();
        for (k, o) in self.scratch_opts.iter().enumerate() {
            let taken = self.lp.fractions[k] >= 0.5;
            let density = self.values[k] / o.2.max(1.0);
            let (t, d) = &mut key[o.0];
            *t |= taken;
            *d = d.max(density);
            if taken {
                picks.push((o.0, o.1));
            }
        }
        self.order.sort_by(|&a, &b| {
            p.items[b]
                .forced
                .cmp(&p.items[a].forced)
                .then(key[b].0.cmp(&key[a].0))
                .then(key[b].1.total_cmp(&key[a].1))
                .then(a.cmp(&b))
        });
        // Greedy seeded with the LP's picks: often better than plain greedy,
        // which favours short phrasings too much.
        if let Some(s) = greedy_from(p, &picks, false).filter(|s| s.is_feasible()) {
            if s.value > self.best_value() + EPS {
                self.best = Some(s.solution(Method::Exact { nodes: 0 }));
            }
        }
    }

    fn best_value(&self) -> f64 {
        self.best.as_ref().map_or(f64::NEG_INFINITY, |b| b.value)
    }

    /// Upper bound on what the undecided items (from `depth` on) can add.
    ///
    /// An option's gain splits into its own value (exactly additive) and its
    /// diminishing-returns part per term. Each term's part is bounded by a
    /// linear function of the options taken, from slot prices (see
    /// [`TermPrices`]); with those as option values, the LP relaxation of the
    /// multiple-choice knapsack plus the prices' intercepts bounds the rest.
    /// The first round prices each term at its current covers alone (the
    /// options' marginal gains); later rounds price it at its covers plus
    /// what the LP solutions so far would add, averaged (the last solution
    /// alone makes the prices flip between two), which tightens the bound
    /// where the LP over-counts shared terms. Group minimums enter through
    /// multipliers (see [`Self::raise_multipliers`]). Any prices and
    /// multipliers give a valid bound; the smallest found is returned.
    fn bound(&mut self, s: &State, depth: usize) -> f64 {
        let p = self.p;
        let room = f64::from(p.capacity - s.used);
        // Options that can still go in: (item, option, cost, own part,
        // term slice).
        self.scratch_opts.clear();
        self.scratch_terms.clear();
        self.touched.clear();
        for &i in &self.order[depth..] {
            let g = p.items[i].group;
            if s.count[g] >= p.group_max[g] {
                continue;
            }
            for (o, opt) in p.items[i].options.iter().enumerate() {
                if !s.fits(i, o) {
                    continue;
                }
                let start = self.scratch_terms.len();
                for &(t, c) in &opt.terms {
                    if c > EPS {
                        self.scratch_terms.push((t, c));
                        if !self.open[t as usize] {
                            self.open[t as usize] = true;
                            self.touched.push(t as usize);
                        }
                    }
                }
                self.scratch_opts.push((
                    i,
                    o,
                    f64::from(opt.cost),
                    opt.own,
                    start,
                    self.scratch_terms.len(),
                ));
            }
        }
        for &t in &self.touched {
            self.open[t] = false;
        }

        // Group minimums still to meet, for their multipliers.
        let mut needs = false;
        for g in 0..p.group_min.len() {
            self.need[g] = p.group_min[g].saturating_sub(s.count[g]) as f64;
            self.nu[g] = 0.0;
            needs |= self.need[g] > 0.0;
        }

        let mut best = f64::INFINITY;
        for round in 0..BOUND_ROUNDS {
            // Each term's covers: those chosen, then (after the first
            // round) what the LP solutions so far add, averaged.
            for &t in &self.touched {
                self.fill[t].clear();
                self.fill[t].extend(s.lists[t].iter().map(|&c| (c, 1.0)));
            }
            if round > 0 {
                if round == 1 {
                    self.avg.clear();
                    self.avg.extend_from_slice(&self.lp.fractions);
                } else {
                    let a = 1.0 / round as f64;
                    for (x, f) in self.avg.iter_mut().zip(&self.lp.fractions) {
                        *x = (1.0 - a) * *x + a * f;
                    }
                }
                for (k, &(_, _, _, _, a, b)) in self.scratch_opts.iter().enumerate() {
                    let f = self.avg[k];
                    if f > EPS {
                        for &(t, c) in &self.scratch_terms[a..b] {
                            self.fill[t as usize].push((c, f));
                        }
                    }
                }
            }
            let mut intercepts = 0.0;
            for &t in &self.touched {
                intercepts += self.prices[t].set(&mut self.fill[t], &s.lists[t], round == 0);
            }
            // Option values under those prices, plus the group multipliers.
            self.values.clear();
            for &(i, _, _, own, a, b) in &self.scratch_opts {
                let v = own
                    + self.nu[p.items[i].group]
                    + self.scratch_terms[a..b]
                        .iter()
                        .map(|&(t, c)| self.prices[t as usize].slope(c))
                        .sum::<f64>();
                self.values.push(v);
            }
            let lp = lp_mckp(&self.scratch_opts, &self.values, room, &mut self.lp);
            let owed: f64 = self.nu.iter().zip(&self.need).map(|(n, d)| n * d).sum();
            best = best.min(lp + intercepts - owed);
            if needs {
                self.raise_multipliers();
            }
        }
        best
    }

    /// Group minimums enter the bound by Lagrangian relaxation: every option
    /// of a group still short of its minimum is worth `ν_g` more, and `ν_g`
    /// per missing item is taken off (valid for any ν ≥ 0, since a feasible
    /// choice takes at least that many). For each group the LP left short,
    /// ν_g rises by the least that brings its cheapest missing options up
    /// to the LP's critical value per cost.
    fn raise_multipliers(&mut self) {
        let critical = self.lp.critical;
        let p = self.p;
        for g in 0..p.group_min.len() {
            self.shortfall[g].clear();
            self.taken[g] = 0.0;
        }
        for (k, o) in self.scratch_opts.iter().enumerate() {
            let g = p.items[o.0].group;
            if self.need[g] <= 0.0 {
                continue;
            }
            self.taken[g] += self.lp.fractions[k];
            self.shortfall[g].push((critical * o.2 - self.values[k]).max(0.0));
        }
        for g in 0..p.group_min.len() {
            if self.need[g] <= 0.0 {
                continue;
            }
            if self.taken[g] > self.need[g] + EPS {
                // Over-supplied: back off, or the multipliers oscillate.
                self.nu[g] *= 0.5;
                continue;
            }
            if self.taken[g] >= self.need[g] - EPS {
                continue;
            }
            let gaps = &mut self.shortfall[g];
            gaps.sort_unstable_by(f64::total_cmp);
            let n = self.need[g] as usize;
            if let Some(&raise) = gaps.get(n.saturating_sub(1)) {
                self.nu[g] += raise;
            }
        }
    }

    /// False when the constraints can no longer be met from here.
    fn can_still_meet(&self, s: &State, depth: usize) -> bool {
        let rest = &self.order[depth..];
        let mut min_cost = 0u64;
        for g in 0..self.p.group_min.len() {
            let need = self.p.group_min[g].saturating_sub(s.count[g]);
            if need == 0 {
                continue;
            }
            let mut costs: Vec<u32> = rest
                .iter()
                .filter(|&&i| self.p.items[i].group == g)
                .map(|&i| {
                    self.p.items[i]
                        .options
                        .iter()
                        .map(|o| o.cost)
                        .min()
                        .unwrap_or(u32::MAX)
                })
                .collect();
            if costs.len() < need {
                return false;
            }
            costs.sort_unstable();
            min_cost += costs[..need].iter().map(|&c| u64::from(c)).sum::<u64>();
        }
        if min_cost > u64::from(self.p.capacity - s.used) {
            return false;
        }
        self.p.requires.iter().all(|set| {
            set.iter().any(|&i| s.choice[i].is_some()) || set.iter().any(|i| rest.contains(i))
        })
    }

    /// A quick complete solution from a node: fill what room is left, then
    /// local search (which may undo decisions above; any solution will do as
    /// an incumbent). Finding good solutions early is what lets the bound
    /// prune.
    fn dive(&mut self, s: &State) {
        let mut d = s.clone();
        fill(&mut d);
        local_search(&mut d);
        if d.value > self.best_value() + EPS && d.is_feasible() {
            self.best = Some(d.solution(Method::Exact { nodes: self.nodes }));
        }
    }

    /// Depth-first search from `depth`. `inherited` is a valid upper bound
    /// passed down by the parent (see the exclude branch below), which spares
    /// recomputing one.
    fn search(&mut self, s: &mut State, depth: usize, inherited: Option<f64>) {
        if self.nodes >= NODE_LIMIT {
            return;
        }
        self.nodes += 1;
        if depth == self.order.len() {
            if s.value > self.best_value() + EPS && s.is_feasible() {
                self.best = Some(s.solution(Method::Exact { nodes: self.nodes }));
            }
            return;
        }
        if !self.can_still_meet(s, depth) {
            return;
        }
        if s.value > self.best_value() + EPS && s.is_feasible() {
            // What is chosen so far, with nothing more, is a solution too.
            self.best = Some(s.solution(Method::Exact { nodes: self.nodes }));
        }
        if self.nodes % DIVE_EVERY == 0 {
            self.dive(s);
        }
        let i = self.order[depth];
        let (upper, i_in_lp) = match inherited {
            Some(b) => (b, true),
            None => {
                let b = s.value + self.bound(s, depth);
                let used = self
                    .scratch_opts
                    .iter()
                    .zip(&self.lp.fractions)
                    .any(|(o, &f)| o.0 == i && f > EPS);
                (b, used)
            }
        };
        if upper <= self.best_value() + EPS {
            return;
        }
        let item = &self.p.items[i];
        let mut opts: Vec<(f64, usize)> = (0..item.options.len())
            .filter(|&o| s.fits(i, o))
            .map(|o| (s.gain(i, o) / f64::from(item.options[o].cost.max(1)), o))
            .collect();
        opts.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, o) in opts {
            s.add(i, o);
            self.search(s, depth + 1, None);
            s.remove(i);
        }
        if !item.forced {
            // Leaving the item out keeps every solution of this subtree inside
            // the parent's, so the parent's bound still holds; when the LP
            // did not use the item, recomputing would give (nearly) the same.
            let reuse = (!i_in_lp).then_some(upper);
            self.search(s, depth + 1, reuse);
        }
    }
}

/// A linear upper bound on one term's diminishing-returns part, from the
/// dual of its assignment form.
///
/// A term's value over covers c is the best assignment of the covers to
/// slots k = 0, 1, … worth `δ^k c` each, one cover per slot (largest cover
/// in slot 0, and so on). For any slot prices π ≥ 0, pricing each cover at
/// `λ(c) = max_k (δ^k c − π_k)` makes `Σ π_k + Σ λ(c)` an upper bound on the
/// value of any set of covers (LP duality), so the growth from further
/// covers R is at most `Σ_R λ(c) + intercept`, with
/// `intercept = Σ π_k + Σ_L λ(c) − value(L)` for the chosen covers L.
///
/// The prices come from a (fractional) set of covers laid out largest first
/// along a line, θ_l being the cover at whole position l:
/// `π_k = Σ_{l≥k} (δ^l − δ^{l+1}) θ_{l+1}`, prices at which no cover gains
/// by moving, so the bound is exact at that set. Where a cover ends exactly
/// at position l, θ_l may be it or the next one (`upper` takes it); both are
/// exact there. At the chosen covers alone, the upper choice makes λ each
/// cover's marginal gain; past that, the lower one measured slightly better.
#[derive(Debug, Clone)]
struct TermPrices {
    /// The term's weight per cover.
    w: &'static Weights,
    /// θ_1, θ_2, …: the cover at each whole position after the first
    /// (non-increasing).
    theta: Vec<f64>,
    /// π_0, π_1, …; zero beyond.
    pi: Vec<f64>,
}

impl TermPrices {
    fn new(w: &'static Weights) -> TermPrices {
        TermPrices {
            w,
            theta: Vec::new(),
            pi: Vec::new(),
        }
    }

    /// Prices from `fill`, (cover, amount) pairs, sorted here; returns the
    /// intercept for the chosen covers `chosen`. `upper`: see the type.
    fn set(&mut self, fill: &mut [(f64, f64)], chosen: &[f64], upper: bool) -> f64 {
        fill.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        self.theta.clear();
        let (mut at, mut next) = (0.0, 1.0);
        for &(c, amount) in fill.iter() {
            at += amount;
            while if upper {
                next <= at + 1e-9
            } else {
                next < at - 1e-9
            } {
                self.theta.push(c);
                next += 1.0;
            }
        }
        self.pi.clear();
        self.pi.resize(self.theta.len(), 0.0);
        let mut acc = 0.0;
        for k in (0..self.theta.len()).rev() {
            acc += (self.w.at(k) - self.w.at(k + 1)) * self.theta[k];
            self.pi[k] = acc;
        }
        let before: f64 = chosen
            .iter()
            .enumerate()
            .map(|(k, &x)| self.w.at(k) * x)
            .sum();
        self.pi.iter().sum::<f64>() + chosen.iter().map(|&c| self.slope(c)).sum::<f64>() - before
    }

    /// λ(c). `δ^k c − π_k` rises while θ_{k+1} > c and falls after, so its
    /// maximum is at the first k with θ_{k+1} ≤ c. Past slot 60 weights stop
    /// falling, which the last term covers.
    fn slope(&self, c: f64) -> f64 {
        let k = self.theta.partition_point(|&x| x > c);
        let pi = self.pi.get(k).copied().unwrap_or(0.0);
        (self.w.at(k) * c - pi).max(self.w.at(60) * c)
    }
}

/// A step along one item's hull: (value per cost, from option, to option,
/// cost, value).
type Segment = (f64, Option<usize>, usize, f64, f64);

/// Buffers reused by [`lp_mckp`] across calls.
#[derive(Default)]
struct LpScratch {
    segments: Vec<Segment>,
    points: Vec<usize>,
    hull: Vec<usize>,
    /// Each option's fraction in the LP optimum.
    fractions: Vec<f64>,
    /// Value per cost of the last segment taken, whole or in part, when the
    /// room ran out (0 if it did not): what anything forced in displaces.
    critical: f64,
}

/// The LP relaxation of a multiple-choice knapsack: options as (item, …,
/// cost, …) grouped by item in order, with their values; capacity `room`.
/// Returns the optimum, leaving each option's fraction in `scratch`. Each
/// item's options are reduced to their upper convex hull from (0, 0), whose
/// segments are filled best value per cost first.
fn lp_mckp(
    opts: &[(usize, usize, f64, f64, usize, usize)],
    values: &[f64],
    room: f64,
    scratch: &mut LpScratch,
) -> f64 {
    let LpScratch {
        segments,
        points,
        hull,
        fractions,
        critical,
    } = scratch;
    segments.clear();
    let at = |h: Option<usize>| h.map_or((0.0, 0.0), |j: usize| (opts[j].2, values[j]));
    let mut k = 0;
    while k < opts.len() {
        let item = opts[k].0;
        let mut end = k;
        while end < opts.len() && opts[end].0 == item {
            end += 1;
        }
        points.clear();
        points.extend((k..end).filter(|&j| values[j] > EPS));
        points.sort_by(|&a, &b| {
            opts[a]
                .2
                .total_cmp(&opts[b].2)
                .then(values[b].total_cmp(&values[a]))
        });
        hull.clear();
        for &j in points.iter() {
            let (c, v) = (opts[j].2, values[j]);
            if v <= at(hull.last().copied()).1 + EPS {
                continue;
            }
            while let Some(&last) = hull.last() {
                let (c1, v1) = if hull.len() >= 2 {
                    at(Some(hull[hull.len() - 2]))
                } else {
                    (0.0, 0.0)
                };
                let (c2, v2) = at(Some(last));
                // Drop the last point when it lies under the chord.
                if (v2 - v1) * (c - c1) <= (v - v1) * (c2 - c1) {
                    hull.pop();
                } else {
                    break;
                }
            }
            hull.push(j);
        }
        let mut prev: Option<usize> = None;
        for &j in hull.iter() {
            let (c0, v0) = at(prev);
            let (c, v) = (opts[j].2 - c0, values[j] - v0);
            segments.push((v / c.max(1e-12), prev, j, c, v));
            prev = Some(j);
        }
        k = end;
    }
    fractions.clear();
    fractions.resize(opts.len(), 0.0);
    *critical = 0.0;
    // Segments are taken best value per cost first until the room runs out.
    // Only which are taken matters, not their order, so the segment the
    // room runs out in is found by repeated partitioning (expected linear
    // time) rather than by sorting them all.
    let mut left = room;
    let mut total = 0.0;
    let mut lowest_whole = f64::INFINITY;
    let mut take = |seg: &Segment, f: f64| {
        let &(_, from, to, _, v) = seg;
        total += f * v;
        // Moving along the hull shifts weight from `from` to `to`.
        if let Some(from) = from {
            fractions[from] -= f;
        }
        fractions[to] += f;
    };
    let mut rest: &mut [Segment] = segments;
    while !rest.is_empty() {
        // The best mid + 1; fewer than all, unless only one is left.
        let mid = (rest.len() - 1) / 2;
        rest.select_nth_unstable_by(mid, |a, b| b.0.total_cmp(&a.0));
        let cost: f64 = rest[..=mid].iter().map(|seg| seg.3).sum();
        if cost <= left {
            // The best mid + 1 all fit: take them, look among the rest.
            left -= cost;
            for seg in &rest[..=mid] {
                take(seg, 1.0);
                lowest_whole = lowest_whole.min(seg.0);
            }
            rest = &mut rest[mid + 1..];
        } else if mid == 0 {
            // The best one left does not fit: it is taken in part.
            let seg = rest[0];
            let f = (left / seg.3).max(0.0);
            take(&seg, f);
            *critical = if f > 0.0 {
                seg.0
            } else if lowest_whole.is_finite() {
                lowest_whole
            } else {
                0.0
            };
            break;
        } else {
            rest = &mut rest[..=mid];
        }
    }
    total
}

/// Every choice tried: the reference the solver is tested against. Only for
/// small problems.
pub fn brute_force(p: &Problem) -> Option<Solution> {
    fn go(p: &Problem, i: usize, choice: &mut Vec<Option<usize>>, best: &mut Option<Solution>) {
        if i == p.items.len() {
            if feasible(p, choice) {
                let v = value(p, choice);
                if best.as_ref().is_none_or(|b| v > b.value + EPS) {
                    let used = p
                        .items
                        .iter()
                        .zip(choice.iter())
                        .filter_map(|(it, c)| c.map(|o| it.options[o].cost))
                        .sum();
                    *best = Some(Solution {
                        choice: choice.clone(),
                        value: v,
                        used,
                        method: Method::Exact { nodes: 0 },
                    });
                }
            }
            return;
        }
        for o in 0..p.items[i].options.len() {
            choice[i] = Some(o);
            go(p, i + 1, choice, best);
        }
        choice[i] = None;
        go(p, i + 1, choice, best);
    }
    let mut best = None;
    go(p, 0, &mut vec![None; p.items.len()], &mut best);
    best
}

/// For every item, its best value alone and its best marginal value given
/// `choice` (for an item in the choice: with itself left out). One pass over
/// an incremental state, not a recomputation per item.
pub fn values_alone_and_marginal(p: &Problem, choice: &[Option<usize>]) -> Vec<(f64, f64)> {
    let empty = State::new(p);
    let mut s = State::new(p);
    for (i, c) in choice.iter().enumerate() {
        if let Some(o) = c {
            s.add(i, *o);
        }
    }
    let best = |st: &State, i: usize| {
        (0..p.items[i].options.len())
            .map(|o| st.gain(i, o))
            .fold(0.0, f64::max)
    };
    (0..p.items.len())
        .map(|i| {
            let alone = best(&empty, i);
            let marginal = match choice[i] {
                None => best(&s, i),
                Some(o) => {
                    s.remove(i);
                    let m = best(&s, i);
                    s.add(i, o);
                    m
                }
            };
            (alone, marginal)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(group: usize, options: &[(u32, &[(u32, f64)])]) -> Item {
        Item {
            group,
            forced: false,
            options: options
                .iter()
                .map(|(cost, terms)| Opt {
                    cost: *cost,
                    own: 0.0,
                    terms: terms.to_vec(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_second_cover_counts_less_than_a_new_term() {
        let mut l = vec![];
        let first = insert_gain(&l, 1.0, &WEIGHTS);
        l.push(1.0);
        let second = insert_gain(&l, 1.0, &WEIGHTS);
        assert_eq!(first, 1.0);
        assert_eq!(second, DELTA);
        // Inserting a larger value demotes the existing one.
        assert!((insert_gain(&[1.0], 2.0, &WEIGHTS) - (2.0 - (1.0 - DELTA) * 1.0)).abs() < 1e-12);
    }

    #[test]
    fn near_duplicates_lose_to_new_coverage() {
        // Items 0 and 1 cover the same term; item 2 covers another, a bit less.
        let p = Problem::new(
            vec![
                item(0, &[(10, &[(0, 1.0)])]),
                item(0, &[(10, &[(0, 1.0)])]),
                item(0, &[(10, &[(1, 0.7)])]),
            ],
            20,
            2,
            1,
        );
        let s = solve(&p).unwrap();
        assert_eq!(s.choice, vec![Some(0), None, Some(0)]);
        assert!(matches!(s.method, Method::Exact { .. }));
    }

    #[test]
    fn short_phrasings_make_room() {
        // Long forms alone fit one item; short forms fit both.
        let p = Problem::new(
            vec![
                item(0, &[(20, &[(0, 1.0), (1, 0.5)]), (10, &[(0, 1.0)])]),
                item(0, &[(20, &[(2, 1.0), (3, 0.5)]), (10, &[(2, 1.0)])]),
            ],
            20,
            4,
            1,
        );
        let s = solve(&p).unwrap();
        assert_eq!(s.choice, vec![Some(1), Some(1)]);
    }

    #[test]
    fn infeasible_constraints_give_none() {
        let mut p = Problem::new(vec![item(0, &[(30, &[(0, 1.0)])])], 20, 1, 1);
        p.group_min[0] = 1;
        assert_eq!(solve(&p), None);
        assert_eq!(brute_force(&p), None);
    }

    fn arb_problem() -> impl Strategy<Value = Problem> {
        let opt = (
            1u32..12,
            0.0f64..2.0,
            prop::collection::vec((0u32..5, 0.0f64..3.0), 0..4),
        )
            .prop_map(|(cost, own, terms)| Opt { cost, own, terms });
        let item = (
            0usize..3,
            prop::bool::weighted(0.15),
            prop::collection::vec(opt, 1..3),
        )
            .prop_map(|(group, forced, options)| Item {
                group,
                forced,
                options,
            });
        (
            prop::collection::vec(item, 0..7),
            0u32..30,
            prop::collection::vec(0usize..2, 3),
            prop::collection::vec(1usize..4, 3),
            prop::collection::vec(prop::option::weighted(0.3, 5u32..25), 3),
            prop::option::weighted(0.3, prop::collection::vec(0usize..7, 1..3)),
            prop::option::weighted(0.4, 0usize..5),
        )
            .prop_map(|(items, capacity, mins, maxs, caps, require, once_from)| {
                let n = items.len();
                let mut p = Problem::new(items, capacity, 5, 3);
                p.group_min = mins;
                p.group_max = maxs;
                p.group_cap = caps.into_iter().map(|c| c.unwrap_or(u32::MAX)).collect();
                p.once_from = once_from;
                if let Some(set) = require {
                    let set: Vec<usize> = set.into_iter().filter(|&i| i < n).collect();
                    if !set.is_empty() {
                        p.requires.push(set);
                    }
                }
                p
            })
    }

    /// The LP optimum by the textbook method: every hull segment, sorted by
    /// value per cost, filled in order.
    fn lp_by_sorting(
        opts: &[(usize, usize, f64, f64, usize, usize)],
        values: &[f64],
        room: f64,
    ) -> f64 {
        let mut scratch = LpScratch::default();
        lp_mckp(opts, values, f64::INFINITY, &mut scratch);
        let mut segments = scratch.segments.clone();
        segments.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (mut left, mut total) = (room, 0.0);
        for &(_, _, _, c, v) in &segments {
            let f = if c <= left { 1.0 } else { left / c };
            total += f * v;
            left -= f * c;
            if f < 1.0 {
                break;
            }
        }
        total
    }

    /// Sorted-list value of a term's covers.
    fn term_value(covers: &[f64], w: &Weights) -> f64 {
        let mut v = covers.to_vec();
        v.sort_by(|a, b| b.total_cmp(a));
        v.iter().enumerate().map(|(k, &x)| w.at(k) * x).sum()
    }

    #[test]
    fn a_large_problem_keeps_room_for_every_minimum_without_a_search() {
        // 20 groups of 11 items, one item each wanted, 20 units of room. Each
        // item's long phrasing (2 units) is worth most per unit, so a plain
        // greedy pass spends the room on the first ten groups and fails; a
        // regression once sent this to branch and bound over 220 items, for
        // seconds per posting.
        let groups = 20;
        let items: Vec<Item> = (0..groups * 11)
            .map(|i| {
                let t = (i % 50) as u32;
                item(i / 11, &[(2, &[(t, 3.0)]), (1, &[(t, 1.0)])])
            })
            .collect();
        let mut p = Problem::new(items, 20, 50, groups);
        p.group_min = vec![1; groups];
        assert!(greedy(&p).is_none_or(|s| !s.is_feasible()));
        let s = solve(&p).expect("feasible");
        assert!(feasible(&p, &s.choice));
        assert_eq!(s.method, Method::GreedyLarge { items: 220 });
        assert_eq!(s.choice.iter().filter(|c| c.is_some()).count(), 20);
    }

    #[test]
    fn group_minimums_tighten_the_bound() {
        // Group 1 must give one item, and its only item is poor; without the
        // multipliers the LP would fill the room with group 0 alone.
        let mut p = Problem::new(
            vec![
                item(0, &[(10, &[(0, 1.0)])]),
                item(0, &[(10, &[(1, 1.0)])]),
                item(1, &[(10, &[(2, 0.1)])]),
            ],
            20,
            3,
            2,
        );
        let mut loose = BranchAndBound::new(&p);
        let without = loose.bound(&State::new(&p), 0);
        p.group_min[1] = 1;
        let mut tight = BranchAndBound::new(&p);
        let with = tight.bound(&State::new(&p), 0);
        assert!((without - 2.0).abs() < 1e-9, "{without}");
        assert!(with < 1.2, "{with}");
        assert!(with >= 1.1 - 1e-9, "still an upper bound: {with}");
        assert_eq!(solve(&p).unwrap().choice, vec![Some(0), None, Some(0)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

        /// The partition-based LP agrees with sorting every segment.
        #[test]
        fn lp_matches_sorting(
            items in prop::collection::vec(
                prop::collection::vec((1u32..30, 0.0f64..5.0), 1..4), 0..40),
            room in 0.0f64..200.0,
        ) {
            let mut opts = Vec::new();
            let mut values = Vec::new();
            for (i, options) in items.iter().enumerate() {
                for (o, &(cost, value)) in options.iter().enumerate() {
                    opts.push((i, o, f64::from(cost), 0.0, 0, 0));
                    values.push(value);
                }
            }
            let mut scratch = LpScratch::default();
            let got = lp_mckp(&opts, &values, room, &mut scratch);
            let want = lp_by_sorting(&opts, &values, room);
            prop_assert!((got - want).abs() < 1e-9, "partition {got}, sorting {want}");
            // The fractions describe the same solution.
            let used: f64 = scratch.fractions.iter().zip(&opts).map(|(f, o)| f * o.2).sum();
            let value: f64 = scratch.fractions.iter().zip(&values).map(|(f, v)| f * v).sum();
            prop_assert!(used <= room + 1e-9);
            prop_assert!((value - got).abs() < 1e-9);
        }

        /// Slot prices from any point bound the growth of any further set
        /// of covers, and are exact at the point they came from.
        #[test]
        fn term_prices_bound_every_growth(
            chosen in prop::collection::vec(0.0f64..3.0, 0..5),
            candidates in prop::collection::vec((0.0f64..3.0, 0.0f64..1.0), 0..8),
            subset in prop::collection::vec(any::<bool>(), 8),
            integral in any::<bool>(),
            upper in any::<bool>(),
            once in any::<bool>(),
        ) {
            let w: &'static Weights = if once { &ONCE } else { &WEIGHTS };
            let mut chosen = chosen;
            chosen.sort_by(|a, b| b.total_cmp(a));
            let mut fill: Vec<(f64, f64)> = chosen.iter().map(|&c| (c, 1.0)).collect();
            // The point: the candidates in `subset`, whole or in part.
            for (&(c, f), &inside) in candidates.iter().zip(&subset) {
                if inside {
                    fill.push((c, if integral { 1.0 } else { f }));
                }
            }
            let mut prices = TermPrices::new(w);
            let intercept = prices.set(&mut fill, &chosen, upper);
            let before = term_value(&chosen, w);
            // Every subset of candidates: bounded.
            for mask in 0u32..(1 << candidates.len()) {
                let mut all = chosen.clone();
                let mut bound = intercept;
                for (k, &(c, _)) in candidates.iter().enumerate() {
                    if mask & (1 << k) != 0 {
                        all.push(c);
                        bound += prices.slope(c);
                    }
                }
                let growth = term_value(&all, w) - before;
                prop_assert!(growth <= bound + 1e-9, "growth {growth} over bound {bound}");
            }
            // Priced at the chosen covers alone: marginal gains, no intercept.
            let mut alone = TermPrices::new(w);
            let mut own: Vec<(f64, f64)> = chosen.iter().map(|&c| (c, 1.0)).collect();
            prop_assert!(alone.set(&mut own, &chosen, true).abs() < 1e-9);
            for &(c, _) in &candidates {
                prop_assert!((alone.slope(c) - insert_gain(&chosen, c, w)).abs() < 1e-9);
            }
            if integral {
                let mut all = chosen.clone();
                let mut bound = intercept;
                for (&(c, _), &inside) in candidates.iter().zip(&subset) {
                    if inside {
                        all.push(c);
                        bound += prices.slope(c);
                    }
                }
                let growth = term_value(&all, w) - before;
                prop_assert!((growth - bound).abs() < 1e-9, "not exact: growth {growth}, bound {bound}");
            }
        }
    }

    proptest! {
        // 10,000 random instances against brute force.
        #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

        #[test]
        fn solver_finds_the_exact_optimum(p in arb_problem()) {
            let exact = brute_force(&p);
            let got = solve(&p);
            match (&exact, &got) {
                (None, None) => {}
                (Some(e), Some(g)) => {
                    prop_assert!(feasible(&p, &g.choice), "constraints held");
                    prop_assert!(g.used <= p.capacity, "budget never exceeded");
                    prop_assert!((g.value - e.value).abs() < 1e-6,
                        "optimum {} but found {} ({:?})", e.value, g.value, g.method);
                    let exact_method = matches!(g.method, Method::Exact { .. });
                    prop_assert!(exact_method, "method: {}", g.method);
                }
                _ => prop_assert!(false, "feasibility differs: brute force {exact:?}, solver {got:?}"),
            }
        }

        /// Leading a group keeps every constraint, makes the group lead, and
        /// is never worth more than the optimum.
        #[test]
        fn a_lead_holds_the_constraints(p in arb_problem(), lead in 0usize..3) {
            if let Some(from) = solve(&p) {
                if let Some(led) = lead_group(&p, &from, lead) {
                    prop_assert!(feasible(&p, &led.choice));
                    let mut count = [0usize; 3];
                    for (item, c) in p.items.iter().zip(&led.choice) {
                        if c.is_some() {
                            count[item.group] += 1;
                        }
                    }
                    prop_assert!((0..3).all(|g| count[g] <= count[lead]), "{count:?}");
                    prop_assert!(led.value <= from.value + 1e-6, "the optimum is an upper bound");
                }
            }
        }
    }
}
