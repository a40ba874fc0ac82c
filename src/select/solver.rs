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
//! the selection grows; that makes marginal gains a valid upper bound for
//! branch and bound.
//!
//! **Constraints.** Capacity (the budget); forced items (pins); per-group
//! (per-role) minimum and maximum counts and cost caps; sets of which at
//! least one item must be chosen (required tags).
//!
//! **Method.** Greedy + local search gives a first solution; branch and
//! bound, with the linear relaxation of the multiple-choice knapsack over
//! marginal gains as its bound, proves or improves it. Beyond
//! [`EXACT_MAX_ITEMS`] items, or past [`NODE_LIMIT`] nodes, the greedy +
//! local-search answer stands, and the method says so.

use std::fmt;

/// Decay of a term's value with each further cover.
pub const DELTA: f64 = 0.5;
/// Largest problem (items with any value) solved exactly.
pub const EXACT_MAX_ITEMS: usize = 200;
/// Rounds of multiplier updates per bound.
const BOUND_ROUNDS: usize = 2;
/// Most branch-and-bound nodes before the search stops.
pub const NODE_LIMIT: u64 = 100_000;

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
                write!(f, "exact (branch and bound, {nodes} nodes)")
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

fn weight(k: usize) -> f64 {
    DELTA.powi(k.min(60) as i32)
}

/// Value gained by adding `c` to a term whose chosen contributions are
/// `list` (sorted, largest first).
fn insert_gain(list: &[f64], c: f64) -> f64 {
    let p = list.partition_point(|&x| x >= c);
    let mut g = weight(p) * c;
    for (k, &x) in list.iter().enumerate().skip(p) {
        g += (weight(k + 1) - weight(k)) * x;
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
        .map(|l| {
            l.sort_by(|a, b| b.total_cmp(a));
            l.iter()
                .enumerate()
                .map(|(k, &x)| weight(k) * x)
                .sum::<f64>()
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
        let item = &self.p.items[i];
        let c = item.options[o].cost;
        let g = item.group;
        self.used + c <= self.p.capacity
            && self.count[g] < self.p.group_max[g]
            && self.cost[g].saturating_add(c) <= self.p.group_cap[g]
    }

    fn gain(&self, i: usize, o: usize) -> f64 {
        let opt = &self.p.items[i].options[o];
        opt.own
            + opt
                .terms
                .iter()
                .map(|&(t, c)| insert_gain(&self.lists[t as usize], c))
                .sum::<f64>()
    }

    fn add(&mut self, i: usize, o: usize) {
        let item = &self.p.items[i];
        self.value += item.options[o].own;
        for &(t, c) in &item.options[o].terms {
            let list = &mut self.lists[t as usize];
            self.value += insert_gain(list, c);
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
            self.value -= insert_gain(list, c);
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
        let mut best: Option<(f64, usize, usize)> = None;
        for i in items {
            if self.choice[i].is_some() {
                continue;
            }
            for o in 0..self.p.items[i].options.len() {
                if !self.fits(i, o) {
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

/// Greedy + local search: forced items, then group minimums and required
/// sets, then the best gain per cost while anything fits; then swaps and
/// phrasing changes while they improve the value. `None` when the greedy
/// pass cannot meet the constraints (the problem may still be feasible).
fn greedy(p: &Problem) -> Option<State<'_>> {
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
    for g in 0..p.group_min.len() {
        while s.count[g] < p.group_min[g] {
            let (i, o) = s.best_addition((0..n).filter(|&i| p.items[i].group == g), true)?;
            s.add(i, o);
        }
    }
    for set in &p.requires {
        if !set.iter().any(|&i| s.choice[i].is_some()) {
            let (i, o) = s.best_addition(set.iter().copied(), true)?;
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
        if !improved || s.value <= before + EPS {
            break;
        }
    }
}

/// Solves the problem: the optimum when it can be proven within the limits,
/// otherwise the best found, with the method saying which. `None` when no
/// choice meets the constraints.
pub fn solve(p: &Problem) -> Option<Solution> {
    let start = greedy(p).filter(|s| s.is_feasible());
    let candidates = p
        .items
        .iter()
        .filter(|it| it.forced || it.options.iter().any(|o| !o.terms.is_empty()))
        .count();
    if candidates > EXACT_MAX_ITEMS {
        if let Some(s) = start {
            return Some(s.solution(Method::GreedyLarge { items: candidates }));
        }
    }
    let mut bb = BranchAndBound::new(p);
    if let Some(s) = &start {
        bb.best = Some(s.solution(Method::Exact { nodes: 0 }));
    }
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
    /// Items in branching order: forced first, then by best standalone value
    /// per cost.
    order: Vec<usize>,
    best: Option<Solution>,
    nodes: u64,
    // Scratch space for the bound, kept between nodes.
    scratch_opts: Vec<(usize, usize, f64, f64, usize, usize)>,
    scratch_terms: Vec<(u32, f64)>,
    rem: Vec<Vec<f64>>,
    cap: Vec<f64>,
    mu: Vec<f64>,
    supply: Vec<f64>,
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
            rem: vec![Vec::new(); p.n_terms],
            cap: vec![0.0; p.n_terms],
            mu: vec![1.0; p.n_terms],
            supply: vec![0.0; p.n_terms],
            touched: Vec::new(),
            values: Vec::new(),
            lp: LpScratch::default(),
        }
    }

    fn best_value(&self) -> f64 {
        self.best.as_ref().map_or(f64::NEG_INFINITY, |b| b.value)
    }

    /// Upper bound on what the undecided items (from `depth` on) can add.
    ///
    /// An option's gain splits into its own value (exactly additive) and its
    /// diminishing-returns part `d_t` per term.
    /// For any set R of further options, term t's diminishing part grows by
    /// at most `min(Σ_R d_t, cap_t)`, where `cap_t` is its growth if every
    /// remaining item went in (monotonicity). As `min(A, B) ≤ μA + (1−μ)B`
    /// for any μ in [0, 1], each choice of per-term multipliers μ gives a
    /// valid bound: the LP relaxation of the multiple-choice knapsack with
    /// option values `own + Σ μ_t d_t`, plus `Σ (1−μ_t) cap_t`. Starting from
    /// μ = 1 (plain marginal gains), terms the LP over-supplies get μ = 0;
    /// the smallest bound found is returned.
    fn bound(&mut self, s: &State, depth: usize) -> f64 {
        let p = self.p;
        let room = f64::from(p.capacity - s.used);
        // Options that can still go in: (item slot, cost, own part, d terms).
        self.scratch_opts.clear();
        self.scratch_terms.clear();
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
                let own = opt.own;
                for &(t, c) in &opt.terms {
                    let d = insert_gain(&s.lists[t as usize], c);
                    if d > EPS {
                        self.scratch_terms.push((t, d));
                    }
                    // Every contribution that could still go in, for the caps
                    // (options of one item are exclusive, so this only ever
                    // over-estimates, which keeps the bound valid).
                    self.rem[t as usize].push(c);
                }
                self.scratch_opts.push((
                    i,
                    o,
                    f64::from(opt.cost),
                    own,
                    start,
                    self.scratch_terms.len(),
                ));
            }
        }
        // cap_t: growth of the diminishing part if all remaining went in.
        self.touched.clear();
        for t in 0..p.n_terms {
            if self.rem[t].is_empty() {
                continue;
            }
            let rem = &mut self.rem[t];
            rem.sort_unstable_by(|a, b| b.total_cmp(a));
            let cur = &s.lists[t];
            let before: f64 = cur.iter().enumerate().map(|(k, &x)| weight(k) * x).sum();
            // The merged list's value, by a two-way merge of sorted lists.
            let (mut i, mut j, mut k, mut after) = (0, 0, 0, 0.0);
            while (i < cur.len() || j < rem.len()) && k < 60 {
                let x = if j >= rem.len() || (i < cur.len() && cur[i] >= rem[j]) {
                    i += 1;
                    cur[i - 1]
                } else {
                    j += 1;
                    rem[j - 1]
                };
                after += weight(k) * x;
                k += 1;
            }
            self.cap[t] = (after - before).max(0.0);
            self.mu[t] = 1.0;
            self.touched.push(t);
            rem.clear();
        }

        let mut best = f64::INFINITY;
        for _round in 0..BOUND_ROUNDS {
            // Option values under the current multipliers.
            self.values.clear();
            for &(_, _, _, own, a, b) in &self.scratch_opts {
                let v = own
                    + self.scratch_terms[a..b]
                        .iter()
                        .map(|&(t, d)| self.mu[t as usize] * d)
                        .sum::<f64>();
                self.values.push(v);
            }
            let lp = lp_mckp(&self.scratch_opts, &self.values, room, &mut self.lp);
            let fractions = &self.lp.fractions;
            let caps: f64 = self
                .touched
                .iter()
                .map(|&t| (1.0 - self.mu[t]) * self.cap[t])
                .sum();
            best = best.min(lp + caps);
            // Terms the LP supplies beyond their cap get μ = 0.
            for &t in &self.touched {
                self.supply[t] = 0.0;
            }
            for (k, &(_, _, _, _, a, b)) in self.scratch_opts.iter().enumerate() {
                if fractions[k] > 0.0 {
                    for &(t, d) in &self.scratch_terms[a..b] {
                        self.supply[t as usize] += fractions[k] * d;
                    }
                }
            }
            let mut changed = false;
            for &t in &self.touched {
                if self.mu[t] > 0.0 && self.supply[t] > self.cap[t] + EPS {
                    self.mu[t] = 0.0;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        best
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

/// Buffers reused by [`lp_mckp`] across calls.
#[derive(Default)]
struct LpScratch {
    /// (from option, to option, cost, value) per hull segment.
    segments: Vec<(Option<usize>, usize, f64, f64)>,
    points: Vec<usize>,
    hull: Vec<usize>,
    /// Each option's fraction in the LP optimum.
    fractions: Vec<f64>,
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
            segments.push((prev, j, opts[j].2 - c0, values[j] - v0));
            prev = Some(j);
        }
        k = end;
    }
    segments.sort_unstable_by(|a, b| {
        let da = a.3 / a.2.max(1e-12);
        let db = b.3 / b.2.max(1e-12);
        db.total_cmp(&da)
    });
    fractions.clear();
    fractions.resize(opts.len(), 0.0);
    let mut left = room;
    let mut total = 0.0;
    for &(from, to, c, v) in segments.iter() {
        let f = if c <= left { 1.0 } else { (left / c).max(0.0) };
        if f <= 0.0 {
            break;
        }
        total += f * v;
        left -= f * c;
        // Moving along the hull shifts weight from `from` to `to`.
        if let Some(from) = from {
            fractions[from] -= f;
        }
        fractions[to] += f;
        if f < 1.0 {
            break;
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
        let first = insert_gain(&l, 1.0);
        l.push(1.0);
        let second = insert_gain(&l, 1.0);
        assert_eq!(first, 1.0);
        assert_eq!(second, DELTA);
        // Inserting a larger value demotes the existing one.
        assert!((insert_gain(&[1.0], 2.0) - (2.0 - (1.0 - DELTA) * 1.0)).abs() < 1e-12);
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
        )
            .prop_map(|(items, capacity, mins, maxs, caps, require)| {
                let n = items.len();
                let mut p = Problem::new(items, capacity, 5, 3);
                p.group_min = mins;
                p.group_max = maxs;
                p.group_cap = caps.into_iter().map(|c| c.unwrap_or(u32::MAX)).collect();
                if let Some(set) = require {
                    let set: Vec<usize> = set.into_iter().filter(|&i| i < n).collect();
                    if !set.is_empty() {
                        p.requires.push(set);
                    }
                }
                p
            })
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
    }
}
