//! A job posting, analysed: its title and sections, and the distinct terms it
//! asks for, in the order they first appear, with how often they stand in
//! each section. Pure: reading the file is `input`'s job.

use std::collections::HashMap;

use serde::Serialize;

use crate::analysis::{self, TermKind};
use crate::html;
use crate::lexicon;
use crate::sections::{self, SectionKind};

/// At most this many terms implied by the title, the strongest (on the
/// real evaluation set: 60 loses nothing against all, 40 loses 0.005).
const MAX_IMPLIED: usize = 60;

/// One distinct term of a posting.
#[derive(Debug, Clone, Serialize)]
pub struct PostingTerm {
    /// Matching key (see [`analysis::Term::key`]).
    pub key: String,
    /// How the posting first wrote it, for display.
    pub display: String,
    /// Word, technology token or phrase.
    pub kind: TermKind,
    /// Occurrences in the posting.
    pub count: u32,
    /// Occurrences per section, indexed like [`SectionKind::ALL`].
    #[serde(skip)]
    pub by_section: [u32; SectionKind::ALL.len()],
    /// How strongly the job title implies the term, from real postings
    /// ([`lexicon::implied_by_title`]); 0 when it does not. A term with no
    /// occurrence (`count` 0) is asked for through the title alone.
    pub implied: f64,
}

impl PostingTerm {
    /// The sections it stands in, with its count in each, most important first.
    pub fn sections(&self) -> impl Iterator<Item = (SectionKind, u32)> + '_ {
        SectionKind::ALL
            .iter()
            .zip(self.by_section)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (*k, n))
    }
}

/// A section as found, for reports.
#[derive(Debug, Clone, Serialize)]
pub struct SectionInfo {
    /// What it is.
    pub kind: SectionKind,
    /// Its heading, if it had one.
    pub heading: Option<String>,
}

/// An analysed posting.
#[derive(Debug, Clone, Serialize)]
pub struct Posting {
    /// A name for the posting (its file name, or "stdin").
    pub name: String,
    /// The job title, when one was found.
    pub title: Option<String>,
    /// The sections found, in order (consecutive blocks of one kind merged).
    pub sections: Vec<SectionInfo>,
    /// Distinct terms in first-appearance order.
    pub terms: Vec<PostingTerm>,
}

impl Posting {
    /// Analyses plain-text or Markdown posting text. First-appearance order
    /// keeps every later step independent of hash order.
    pub fn analyse(name: &str, text: &str) -> Posting {
        let structure = sections::sectionise(text);
        let mut terms: Vec<PostingTerm> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut infos: Vec<SectionInfo> = Vec::new();
        for block in &structure.blocks {
            if infos
                .last()
                .is_none_or(|s| s.kind != block.kind || s.heading != block.heading)
            {
                infos.push(SectionInfo {
                    kind: block.kind,
                    heading: block.heading.clone(),
                });
            }
            let section = block.kind.index();
            for t in analysis::analyse(&block.text) {
                let i = match at.get(&t.key) {
                    Some(&i) => i,
                    None => {
                        at.insert(t.key.clone(), terms.len());
                        terms.push(PostingTerm {
                            key: t.key,
                            display: t.surface,
                            kind: t.kind,
                            count: 0,
                            by_section: [0; SectionKind::ALL.len()],
                            implied: 0.0,
                        });
                        terms.len() - 1
                    }
                };
                terms[i].count += 1;
                terms[i].by_section[section] += 1;
            }
        }
        // What the title implies: a payments title asks for ledgers and
        // merchants even where the text does not say so.
        let title = SectionKind::Title.index();
        let mut implied: Vec<(&'static str, f64)> = Vec::new();
        for t in terms.iter().filter(|t| t.by_section[title] > 0) {
            for &(b, a) in lexicon::implied_by_title(&t.key) {
                match implied.iter_mut().find(|(k, _)| *k == b) {
                    Some((_, v)) => *v = v.max(a),
                    None => implied.push((b, a)),
                }
            }
        }
        // The strongest only: weak ties add cost and noise, not signal.
        implied.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
        implied.truncate(MAX_IMPLIED);
        for (b, a) in implied {
            match at.get(b) {
                Some(&i) => terms[i].implied = a,
                None => {
                    at.insert(b.to_string(), terms.len());
                    terms.push(PostingTerm {
                        key: b.to_string(),
                        display: b.to_string(),
                        kind: if b.contains(' ') {
                            TermKind::Phrase
                        } else if lexicon::is_tech(b) {
                            TermKind::Tech
                        } else {
                            TermKind::Word
                        },
                        count: 0,
                        by_section: [0; SectionKind::ALL.len()],
                        implied: a,
                    });
                }
            }
        }
        Posting {
            name: name.to_string(),
            title: structure.title,
            sections: infos,
            terms,
        }
    }

    /// Analyses an HTML posting as a reader sees it (see
    /// [`html::posting_text`]): page chrome and markup removed, title,
    /// headings and lists kept.
    pub fn analyse_html(name: &str, html: &str) -> Posting {
        Posting::analyse(name, &html::posting_text(html))
    }

    /// True when the posting has no terms at all (nothing to match).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// The sections that describe the job itself.
const JOB_SECTIONS: [SectionKind; 4] = [
    SectionKind::Requirements,
    SectionKind::Responsibilities,
    SectionKind::NiceToHave,
    SectionKind::General,
];

/// For the title table's generator: each posting's distinct title keys and
/// distinct keys of the sections that describe the job (requirements,
/// responsibilities, nice-to-have, general), sorted.
pub fn title_and_body(texts: &[String]) -> Vec<(Vec<String>, Vec<String>)> {
    texts
        .iter()
        .map(|text| {
            let p = Posting::analyse("corpus", text);
            let mut title = Vec::new();
            let mut body = Vec::new();
            for t in &p.terms {
                if t.by_section[SectionKind::Title.index()] > 0 {
                    title.push(t.key.clone());
                }
                if JOB_SECTIONS.iter().any(|k| t.by_section[k.index()] > 0) {
                    body.push(t.key.clone());
                }
            }
            title.sort();
            body.sort();
            (title, body)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_counted_once_each_in_order() {
        let p = Posting::analyse("p", "Payments engineer. Payment systems, payments!");
        let keys: Vec<&str> = p.terms.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys[0], "payment");
        assert_eq!(p.terms[0].count, 3);
        assert_eq!(p.terms[0].display, "payments");
    }

    #[test]
    fn terms_know_their_sections() {
        let p = Posting::analyse(
            "p",
            "Payments Engineer\n\nRequirements:\n- Kafka\n\nBenefits\n- Kafka swag\n",
        );
        assert_eq!(p.title.as_deref(), Some("Payments Engineer"));
        let kafka = p.terms.iter().find(|t| t.key == "kafka").unwrap();
        let s: Vec<_> = kafka.sections().collect();
        assert_eq!(
            s,
            vec![(SectionKind::Requirements, 1), (SectionKind::Benefits, 1)]
        );
        let pay = p.terms.iter().find(|t| t.key == "payment").unwrap();
        assert_eq!(pay.sections().next(), Some((SectionKind::Title, 1)));
    }
}
