//! Deterministic generated data for the benchmarks: achievement libraries of
//! any size and postings of any length, built from fixed word pools with a
//! small linear congruential generator (no randomness between runs).

#![allow(dead_code)]

use std::fmt::Write as _;

/// A tiny deterministic pseudo-random generator.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

const VERBS: &[&str] = &[
    "Led",
    "Built",
    "Designed",
    "Migrated",
    "Scaled",
    "Reduced",
    "Launched",
    "Automated",
    "Rewrote",
    "Shipped",
    "Owned",
    "Mentored",
    "Hired",
    "Cut",
    "Improved",
    "Introduced",
];
const OBJECTS: &[&str] = &[
    "the billing service",
    "a payments ledger",
    "the checkout flow",
    "our data pipeline",
    "the search API",
    "a fraud detection system",
    "the on-call rotation",
    "the mobile app",
    "an experimentation platform",
    "the design system",
    "the subscription platform",
    "a recommendation model",
    "the incident process",
    "the hiring pipeline",
    "the CI/CD pipeline",
    "a GraphQL gateway",
    "the notification service",
    "the warehouse models",
];
const TECH: &[&str] = &[
    "Go",
    "Kubernetes",
    "PostgreSQL",
    "Kafka",
    "Python",
    "Django",
    "React",
    "TypeScript",
    "Airflow",
    "Spark",
    "Redis",
    "AWS",
    "Terraform",
    "Swift",
    "Kotlin",
    "gRPC",
    "Snowflake",
    "dbt",
    "Datadog",
    "Celery",
    "Node.js",
    "Java",
    "Rust",
    "k8s",
    "Postgres",
];
const RESULTS: &[&str] = &[
    "cutting latency by",
    "raising conversion by",
    "saving",
    "lifting retention by",
    "reducing incidents by",
    "growing revenue by",
    "halving costs and saving",
    "improving reliability to",
    "increasing throughput by",
];
const FIGURES: &[&str] = &[
    "**35%**",
    "**$2M a year**",
    "**4x**",
    "**99.99%**",
    "**120k users**",
    "**18%**",
    "**3 weeks**",
];
const TAGS: &[&str] = &[
    "payments",
    "billing",
    "reliability",
    "leadership",
    "hiring",
    "data",
    "frontend",
    "mobile",
    "experimentation",
    "performance",
    "security",
    "architecture",
    "growth",
    "observability",
];

/// A content library (YAML) of `n` achievements, 20 per role.
pub fn library_yaml(n: usize, seed: u64) -> String {
    let mut r = Lcg::new(seed);
    let mut y = String::from("experience:\n");
    let roles = n.div_ceil(20);
    let mut made = 0;
    for role in 0..roles {
        // Fifty years of roles, then again: the loader refuses years before
        // 1900, and libraries of 1,000 and fewer keep their dates.
        let year = 2024 - (role % 50) as u32;
        let _ = write!(
            y,
            "  - title: Engineer {role}\n    start: {}\n    end: {}\n    achievements:\n",
            year - 1,
            year
        );
        for _ in 0..20.min(n - made) {
            let text = format!(
                "{} {} with {} and {}, {} {} across {} teams.",
                r.pick(VERBS),
                r.pick(OBJECTS),
                r.pick(TECH),
                r.pick(TECH),
                r.pick(RESULTS),
                r.pick(FIGURES),
                2 + r.next_u64() % 9
            );
            let _ = write!(
                y,
                "      - id: a{made}\n        text: \"{text}\"\n        short: \"{} {} with {}.\"\n        tags: [{}, {}]\n",
                r.pick(VERBS),
                r.pick(OBJECTS),
                r.pick(TECH),
                r.pick(TAGS),
                r.pick(TAGS)
            );
            made += 1;
        }
    }
    y
}

const POSTING_LINES: &[&str] = &[
    "You will design and build backend services in {t} and {t} that power {o}.",
    "Own {o} end to end, from architecture to on-call, with a focus on reliability.",
    "Experience with {t}, {t} and distributed systems at scale.",
    "Partner with product, design and data to ship {o} quickly and safely.",
    "Mentor engineers, lead incident reviews and raise the bar for code quality.",
    "Strong communication skills and a passion for building great teams.",
    "Nice to have: familiarity with {t}, payments, fraud prevention or experimentation.",
    "We offer competitive salary, equity, health insurance and a learning budget.",
];

/// A posting of about `words` words with recognisable sections.
pub fn posting(words: usize, seed: u64) -> String {
    let mut r = Lcg::new(seed);
    let mut s = String::from("Senior Backend Engineer, Payments Platform\n\n");
    let sections = [
        "About us",
        "What you'll do",
        "Requirements",
        "Nice to have",
        "Benefits",
    ];
    let mut count = 6;
    let mut i = 0;
    while count < words {
        if i % 8 == 0 {
            let _ = write!(s, "\n{}\n", sections[(i / 8) % sections.len()]);
        }
        let mut line = r.pick(POSTING_LINES).to_string();
        while line.contains("{t}") {
            line = line.replacen("{t}", r.pick(TECH), 1);
        }
        while line.contains("{o}") {
            line = line.replacen("{o}", r.pick(OBJECTS), 1);
        }
        count += line.split_whitespace().count();
        let _ = writeln!(s, "- {line}");
        i += 1;
    }
    s
}

/// The realistic 80-achievement library of the selection benchmark and the
/// exact-solver test: the evaluation library (55), the shipped content (22)
/// and 3 generated achievements.
pub fn library_80() -> tailor::content::Library {
    let library = realistic_library(3);
    assert_eq!(library.achievements().count(), 80);
    library
}

/// The evaluation library and the shipped content (77 achievements), plus
/// `generated` generated ones.
pub fn realistic_library(generated: usize) -> tailor::content::Library {
    use tailor::content::load::{Source, from_sources};
    let generated = library_yaml(generated, 3).replace("id: a", "id: generated-");
    from_sources(&[
        Source {
            path: "tests/eval/library.yaml".into(),
            text: include_str!("../../tests/eval/library.yaml").into(),
        },
        Source {
            path: "content/experience.yaml".into(),
            text: include_str!("../../content/experience.yaml").into(),
        },
        Source {
            path: "generated.yaml".into(),
            text: generated,
        },
    ])
    .expect("the library loads")
}

/// Word budgets of the selection sweep.
pub const SWEEP_BUDGETS: [u32; 6] = [150, 200, 300, 400, 500, 600];

/// One posting of the selection sweep, scored against a library.
pub struct SweepCase {
    pub name: String,
    pub scored: Vec<tailor::score::Scored>,
    pub keys: Vec<usize>,
}

/// Every posting in examples/ and tests/eval/postings, in name order,
/// analysed and scored against `index` (paths relative to the repository
/// root, where cargo runs tests and examples).
pub fn sweep_cases(index: &tailor::score::LibraryIndex) -> Vec<SweepCase> {
    use tailor::posting::Posting;
    let mut files: Vec<_> = ["examples", "tests/eval/postings"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("run from the repository root"))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a posting");
            let name = path.display().to_string();
            let posting = if name.ends_with(".html") {
                Posting::analyse_html(&name, &text)
            } else {
                Posting::analyse(&name, &text)
            };
            let keys = tailor::coverage::key_terms(&posting, index)
                .iter()
                .map(|k| k.index)
                .collect();
            SweepCase {
                scored: index.score(&posting),
                keys,
                name,
            }
        })
        .collect()
}
