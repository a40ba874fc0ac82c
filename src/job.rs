//! Job postings as JSON Resume job documents (`--job posting.json`): the
//! structure maps onto posting sections as Markdown the sectioner reads —
//! qualifications and skill keywords are requirements, responsibilities are
//! responsibilities, the description and company are "about", the salary is
//! salary. Pure.

use std::fmt::Write as _;

use serde::Deserialize;

/// The fields of a JSON Resume job document that matching uses; others
/// (dates, location details, meta) are accepted and ignored.
#[derive(Debug, Deserialize)]
struct Job {
    title: Option<String>,
    company: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    description: Option<String>,
    remote: Option<String>,
    salary: Option<String>,
    experience: Option<String>,
    #[serde(default)]
    responsibilities: Vec<String>,
    #[serde(default)]
    qualifications: Vec<String>,
    #[serde(default)]
    skills: Vec<Skill>,
}

#[derive(Debug, Deserialize)]
struct Skill {
    name: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

/// The posting text for a JSON Resume job document; the error says what is
/// wrong and where.
pub fn to_posting_text(json: &str) -> Result<String, String> {
    let job: Job = serde_json::from_str(json).map_err(|e| {
        format!(
            "not a JSON Resume job document (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    let mut s = String::new();
    if let Some(t) = &job.title {
        let _ = writeln!(s, "# {t}\n");
    }
    let facts: Vec<&str> = [&job.company, &job.kind, &job.remote, &job.experience]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !facts.is_empty() {
        let _ = writeln!(s, "## About the company\n\n{}\n", facts.join(" · "));
    }
    if let Some(d) = &job.description {
        let _ = writeln!(s, "## About the role\n\n{d}\n");
    }
    if !job.responsibilities.is_empty() {
        let _ = writeln!(s, "## Responsibilities\n");
        for r in &job.responsibilities {
            let _ = writeln!(s, "- {r}");
        }
        s.push('\n');
    }
    let keywords: Vec<&String> = job.skills.iter().flat_map(|k| &k.keywords).collect();
    if !job.qualifications.is_empty() || !keywords.is_empty() {
        let _ = writeln!(s, "## Requirements\n");
        for q in &job.qualifications {
            let _ = writeln!(s, "- {q}");
        }
        for sk in &job.skills {
            if let Some(n) = &sk.name {
                let _ = writeln!(s, "- {n}");
            }
            for k in &sk.keywords {
                let _ = writeln!(s, "- {k}");
            }
        }
        s.push('\n');
    }
    if let Some(pay) = &job.salary {
        let _ = writeln!(s, "## Salary\n\n{pay}");
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::Posting;
    use crate::sections::SectionKind;

    #[test]
    fn sections_follow_the_structure() {
        let text = to_posting_text(
            r#"{"title": "Web Developer", "company": "Example", "description": "Build apps.",
                "responsibilities": ["Maintain web applications"],
                "qualifications": ["3+ years with JavaScript"],
                "skills": [{"name": "Frontend", "keywords": ["React", "Node.js"]}],
                "salary": "100000", "meta": {"canonical": "x"}}"#,
        )
        .unwrap();
        let p = Posting::analyse("job.json", &text);
        assert_eq!(p.title.as_deref(), Some("Web Developer"));
        let section = |k: &str| {
            p.terms
                .iter()
                .find(|t| t.key == k)
                .map(crate::score::main_section)
        };
        assert_eq!(section("react"), Some(SectionKind::Requirements));
        assert_eq!(section("node.js"), Some(SectionKind::Requirements));
        assert_eq!(section("maintain"), Some(SectionKind::Responsibilities));
    }

    #[test]
    fn errors_say_where() {
        let e = to_posting_text("{\"title\": 3}").unwrap_err();
        assert!(
            e.contains("line 1, column") && e.contains("invalid type"),
            "{e}"
        );
    }
}
