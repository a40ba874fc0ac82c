//! Time grows linearly with posting size: analysing and scoring 1, 2 and
//! 4 MB postings, the 4 MB one takes well under the 16× a quadratic
//! algorithm would (a ratio with a generous bound, not a speed test).

use std::time::Instant;

use tailor::posting::Posting;
use tailor::score::LibraryIndex;

fn posting(bytes: usize) -> String {
    let base = include_str!("../examples/backend-platform.txt");
    let mut s = String::with_capacity(bytes + base.len());
    let mut i = 0;
    while s.len() < bytes {
        // Vary the text a little so the vocabulary grows as real text does.
        s.push_str(&base.replace("Platform", &format!("Platform{}", i % 997)));
        i += 1;
    }
    s
}

#[test]
fn time_grows_linearly_with_posting_size() {
    let lib = tailor::content::load(std::path::Path::new("content")).unwrap();
    let index = LibraryIndex::build(&lib);
    let time = |mb: usize| {
        let text = posting(mb * 1024 * 1024);
        (0..2)
            .map(|_| {
                let t = Instant::now();
                let p = Posting::analyse("p", &text);
                let _ = index.score(&p);
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let (t1, t2, t4) = (time(1), time(2), time(4));
    eprintln!(
        "1 MB {t1:.3} s, 2 MB {t2:.3} s, 4 MB {t4:.3} s; 4 MB / 1 MB = {:.1}",
        t4 / t1
    );
    assert!(
        t4 / t1 < 8.0,
        "4 MB took {:.1}× as long as 1 MB (linear: 4, quadratic: 16)",
        t4 / t1
    );
    assert!(t2 / t1 < 4.0, "2 MB took {:.1}× as long as 1 MB", t2 / t1);
}
