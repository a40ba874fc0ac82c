//! Closing a page budget by the real layout. What an achievement costs on
//! a page cannot be known alone: where its lines wrap, where the page
//! breaks and what a role's heading takes depend on the whole résumé. So
//! the selection is made within a capacity in estimated lines, the résumé
//! is laid out, and the capacity is searched for the largest whose layout
//! still fits the pages asked for.
//!
//! The search is a secant on "pages taken" against the lines the selection
//! uses, calibrated by every layout, inside a bracket (largest capacity that
//! fits, smallest that overflows) that it bisects when the secant lands
//! outside. The same résumé is never laid out twice. Pure: selecting and
//! laying out come in through [`Pager`].

/// At most this many layouts per résumé; the best fit found so far wins.
pub const MAX_LAYOUTS: usize = 8;

/// At most this many selections per résumé (most repeat one already laid
/// out, and cost no layout).
const MAX_PROBES: usize = 40;

/// What the search needs: a selection within a capacity, and its layout.
pub trait Pager {
    /// A selection.
    type Candidate: Clone;
    /// What selecting or laying out can fail with.
    type Error;

    /// The selection within `capacity` estimated lines, or `None` when the
    /// rules cannot be met within it.
    fn select(&mut self, capacity: u32) -> Result<Option<Self::Candidate>, Self::Error>;

    /// The estimated lines it uses.
    fn used(&self, candidate: &Self::Candidate) -> u32;

    /// Whether two selections are the same résumé.
    fn same(&self, a: &Self::Candidate, b: &Self::Candidate) -> bool;

    /// Whether it holds every eligible achievement in full: more room
    /// would not change it.
    fn complete(&self, candidate: &Self::Candidate) -> bool;

    /// Lays it out: the pages it takes, as full pages plus the share of the
    /// last page's text area it reaches (1.93 is a second page 93% full).
    fn extent(&mut self, candidate: &Self::Candidate) -> Result<f64, Self::Error>;
}

/// How a search ended.
#[derive(Debug, Clone)]
pub struct Found<C> {
    /// The selection of the largest capacity that fits, with that capacity
    /// and its extent; `None` when nothing tried fits.
    pub best: Option<(C, u32, f64)>,
    /// Layouts made.
    pub layouts: usize,
    /// The extent of the smallest selection laid out that did not fit.
    pub overflow: Option<f64>,
    /// True when some capacity was too small for the rules.
    pub rules_need_more: bool,
    /// True when every capacity up to the ceiling fits: more room would add
    /// nothing, so what is left out is held out by the selection (its
    /// rules, stories told once), not by the page.
    pub saturated: bool,
}

/// Searches capacities for the largest whose selection fits in `pages`
/// (1.0 is one full page, 1.5 one and a half), starting from the estimate
/// `start` of a layout of `lines_per_page` estimated lines.
pub fn search<P: Pager>(
    pager: &mut P,
    pages: f64,
    start: u32,
    lines_per_page: u32,
) -> Result<Found<P::Candidate>, P::Error> {
    let per_page = f64::from(lines_per_page.max(1));
    // The estimate can be off, but not by half: beyond this, more room is
    // not what is missing.
    let ceiling = (2.0 * pages * per_page).ceil() as u32 + start;
    let line = 1.0 / per_page; // an estimated line, in pages
    let mut rate = line; // pages per estimated line, as measured
    let mut seen: Vec<(P::Candidate, f64)> = Vec::new();
    let mut best: Option<(P::Candidate, u32, f64)> = None;
    let mut lo: Option<u32> = None; // largest capacity that fits
    let mut floor: Option<u32> = None; // largest capacity too small for the rules
    let mut hi: Option<u32> = None; // smallest capacity that overflows
    let mut overflow: Option<(u32, f64)> = None;
    let mut last: Option<(u32, f64)> = None;
    let mut step = 1u32;
    let mut capacity = start;
    for _ in 0..MAX_PROBES {
        let Some(candidate) = pager.select(capacity)? else {
            floor = floor.max(Some(capacity));
            match next_in(
                floor,
                hi,
                capacity.saturating_add(step.max(lines_per_page / 4)),
            ) {
                Some(c) => {
                    capacity = c;
                    continue;
                }
                None => break,
            }
        };
        let used = pager.used(&candidate);
        let (extent, repeat) = match seen.iter().find(|(s, _)| pager.same(s, &candidate)) {
            Some((_, e)) => (*e, true),
            None if seen.len() == MAX_LAYOUTS => break,
            None => {
                let e = pager.extent(&candidate)?;
                seen.push((candidate.clone(), e));
                (e, false)
            }
        };
        let fits = extent <= pages + 1e-9;
        // Calibrate by the secant between the last two different résumés
        // that fit, when it is not wild; the estimate's own line height
        // until then. An overflow says little: what moves to the next page
        // moves whole, with its heading.
        if let Some((u0, e0)) = last.filter(|(u0, e0)| *u0 != used && fits && *e0 <= pages) {
            let r = (extent - e0) / (f64::from(used) - f64::from(u0));
            if r > line / 3.0 && r < line * 3.0 {
                rate = r;
            }
        }
        last = Some((used, extent));
        if fits {
            lo = lo.max(Some(capacity));
            // A larger capacity that gives the same résumé keeps the first.
            if !repeat && best.as_ref().is_none_or(|b| capacity > b.1) {
                let complete = pager.complete(&candidate);
                best = Some((candidate, capacity, extent));
                // Everything is in, or less than a line is left: more room
                // could only swap a phrasing, not fill the page further.
                if complete || pages - extent < line {
                    break;
                }
            }
        } else {
            hi = Some(hi.map_or(capacity, |h| h.min(capacity)));
            if overflow.is_none_or(|(u, _)| used < u) {
                overflow = Some((used, extent));
            }
        }
        // The same résumé again: its capacity was not what limited it, so
        // step further each time.
        step = if repeat { step.saturating_mul(2) } else { 1 };
        let target = f64::from(used) + (pages - extent) / rate;
        let wanted = if fits {
            (target.floor().max(0.0) as u32).max(capacity.saturating_add(step))
        } else if capacity == 0 {
            break;
        } else {
            (target.round().max(0.0) as u32).min(capacity.saturating_sub(step))
        };
        match next_in(lo.max(floor), hi.or(Some(ceiling)), wanted) {
            Some(c) => capacity = c,
            None => break,
        }
    }
    let saturated = best.is_some() && hi.is_none() && lo.is_some_and(|l| l + 1 >= ceiling);
    Ok(Found {
        best,
        layouts: seen.len(),
        overflow: overflow.map(|(_, e)| e),
        rules_need_more: floor.is_some(),
        saturated,
    })
}

/// `wanted`, if it lies strictly between `lo` and `hi`; else the middle of
/// that open interval; `None` when no whole number is left in it.
fn next_in(lo: Option<u32>, hi: Option<u32>, wanted: u32) -> Option<u32> {
    let above = |c: u32| lo.is_none_or(|l| c > l);
    let below = |c: u32| hi.is_none_or(|h| c < h);
    if above(wanted) && below(wanted) {
        return Some(wanted);
    }
    let l = lo.map_or(0, |l| l.saturating_add(1));
    let h = match hi {
        Some(0) => return None,
        Some(h) => h - 1,
        None => wanted.max(l),
    };
    (l <= h).then(|| l + (h - l) / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A résumé of `n` bullets of known real heights (in pages), selected
    /// greedily within a capacity in estimated lines that are off by a
    /// factor, like the line estimate is against a real font.
    struct Fake {
        /// Per bullet: estimated lines, real share of a page.
        bullets: Vec<(u32, f64)>,
        fixed: f64,
        layouts: usize,
        min_bullets: usize,
        /// What the rules let in, whatever the room.
        max_bullets: usize,
    }

    impl Pager for Fake {
        type Candidate = usize;
        type Error = ();
        fn select(&mut self, capacity: u32) -> Result<Option<usize>, ()> {
            let mut used = 0;
            let mut n = 0;
            for &(lines, _) in self.bullets.iter().take(self.max_bullets) {
                if used + lines > capacity {
                    break;
                }
                used += lines;
                n += 1;
            }
            Ok((n >= self.min_bullets).then_some(n))
        }
        fn used(&self, n: &usize) -> u32 {
            self.bullets[..*n].iter().map(|b| b.0).sum()
        }
        fn same(&self, a: &usize, b: &usize) -> bool {
            a == b
        }
        fn complete(&self, n: &usize) -> bool {
            *n == self.bullets.len()
        }
        fn extent(&mut self, n: &usize) -> Result<f64, ()> {
            self.layouts += 1;
            Ok(self.fixed + self.bullets[..*n].iter().map(|b| b.1).sum::<f64>())
        }
    }

    fn fake(count: usize, real_lines_per_page: f64) -> Fake {
        Fake {
            // Bullets of 1–3 estimated lines; really 0.8 of that.
            bullets: (0..count)
                .map(|i| {
                    let lines = 1 + (i as u32 * 7) % 3;
                    (lines, 0.8 * f64::from(lines) / real_lines_per_page)
                })
                .collect(),
            fixed: 0.3,
            layouts: 0,
            min_bullets: 0,
            max_bullets: usize::MAX,
        }
    }

    #[test]
    fn finds_the_largest_selection_that_fits_in_a_few_layouts() {
        for (estimate, pages) in [(20, 1.0), (60, 1.0), (35, 2.0), (5, 1.5)] {
            let mut f = fake(80, 54.0);
            let found = search(&mut f, pages, estimate, 54).unwrap();
            let (n, _, extent) = found.best.unwrap();
            assert!(extent <= pages + 1e-9, "{extent}");
            // One more bullet would not fit, or less than a line is left.
            let next = extent + f.bullets[n].1;
            assert!(
                next > pages || pages - extent < 1.0 / 54.0,
                "{estimate} {pages}: stopped at {extent}, {next} fits"
            );
            assert!(found.layouts <= MAX_LAYOUTS && f.layouts == found.layouts);
            assert!(
                found.layouts <= 6,
                "{estimate} {pages}: {} layouts",
                found.layouts
            );
        }
    }

    #[test]
    fn stops_once_everything_is_in() {
        let mut f = fake(5, 54.0);
        let found = search(&mut f, 1.0, 30, 54).unwrap();
        assert_eq!(found.best.unwrap().0, 5);
        assert_eq!(found.layouts, 1);
    }

    #[test]
    fn rules_that_hold_the_rest_out_are_told_apart_from_room() {
        // Regression: a posting matching almost nothing left two of a
        // story's tellings out at any room; the page stayed 86% full and
        // was reported neither full nor complete.
        let mut f = fake(40, 54.0);
        f.max_bullets = 8;
        let found = search(&mut f, 1.0, 20, 54).unwrap();
        assert_eq!(found.best.as_ref().unwrap().0, 8);
        assert!(found.saturated);
        assert_eq!(found.layouts, 1, "the same résumé is laid out once");
        let mut f = fake(40, 54.0);
        assert!(!search(&mut f, 1.0, 20, 54).unwrap().saturated);
    }

    #[test]
    fn says_when_nothing_fits() {
        let mut f = fake(10, 54.0);
        f.fixed = 1.2;
        let found = search(&mut f, 1.0, 30, 54).unwrap();
        assert!(found.best.is_none());
        assert!(found.overflow.unwrap() >= 1.2);
        assert!(found.layouts <= MAX_LAYOUTS);
    }

    #[test]
    fn rules_that_need_more_room_are_told_apart() {
        let mut f = fake(40, 54.0);
        f.fixed = 0.9;
        f.min_bullets = 12;
        let found = search(&mut f, 1.0, 10, 54).unwrap();
        assert!(found.best.is_none());
        assert!(found.rules_need_more);
    }

    #[test]
    fn next_stays_inside_the_bracket() {
        assert_eq!(next_in(Some(3), Some(10), 5), Some(5));
        assert_eq!(next_in(Some(3), Some(10), 12), Some(6));
        assert_eq!(next_in(Some(3), Some(4), 12), None);
        assert_eq!(next_in(None, Some(0), 0), None);
        assert_eq!(next_in(None, None, 7), Some(7));
    }
}
