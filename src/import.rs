//! Importing a JSON Resume document (JSON or YAML, schema 1.0) into the
//! content format. Every highlight becomes an achievement with a stable id
//! derived from its text; work, volunteering and projects become roles;
//! what the content format cannot hold is reported, never silently dropped.
//! Pure: text in, YAML and a report out.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use crate::content::YearMonth;

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The content file (YAML).
    pub yaml: String,
    /// Roles and achievements written.
    pub roles: usize,
    /// Achievements written.
    pub achievements: usize,
    /// What was not kept, or kept in another form, one line each.
    pub notes: Vec<String>,
}

fn s(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// "2014-06-29", "2023-04" or "2014" to the content format's YYYY-MM / YYYY.
/// A one-digit month ("2014-6-1") is padded, as people write it so.
fn date(v: &Value, key: &str) -> Option<String> {
    let d = s(v, key)?;
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y] => Some(y.to_string()),
        [y, m, ..] if m.len() == 1 => Some(format!("{y}-0{m}")),
        [y, m, ..] => Some(format!("{y}-{m}")),
        _ => None,
    }
}

/// `v[key]` as a date the content format reads. One the loader would refuse
/// is left out with a note, so that one odd date never stops the import.
fn checked_date(v: &Value, key: &str, place: &str, notes: &mut Vec<String>) -> Option<YearMonth> {
    let d = date(v, key)?;
    match YearMonth::parse(&d) {
        Ok(ym) => Some(ym),
        Err(e) => {
            notes.push(format!("{place}.{key}: {e}; not kept"));
            None
        }
    }
}

/// Stands in for an `end:` value in the serialized YAML and is replaced by a
/// comment there: serde_yaml writes no comments, and a role's position in
/// the output text is otherwise hard to find. No date or `present` looks
/// like it, so only the line written for it can match.
fn end_marker(n: usize) -> String {
    format!("TAILOR-IMPORT-END-BEFORE-START-{n}")
}

/// A stable id: the text's first words, then a short hash of the whole.
fn id_for(text: &str, taken: &mut BTreeSet<String>) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    let hash = &crate::manifest::hash(text.as_bytes())[..6];
    let base = if words.is_empty() {
        format!("a-{hash}")
    } else {
        format!("{}-{hash}", words.join("-"))
    };
    let mut id = base.clone();
    let mut n = 1;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}

/// Converts a JSON Resume document (already parsed) into content YAML.
pub fn import(doc: &Value) -> Result<Imported, String> {
    if !doc.is_object() {
        return Err("a JSON Resume document is an object".into());
    }
    let mut notes = Vec::new();
    let mut taken = BTreeSet::new();
    // Comments for the written file, each replacing its `end_marker`.
    let mut fixes: Vec<String> = Vec::new();
    let mut out = Map::new();

    if let Some(b) = doc.get("basics") {
        let mut basics = Map::new();
        for (from, to) in [
            ("name", "name"),
            ("label", "headline"),
            ("email", "email"),
            ("phone", "phone"),
        ] {
            if let Some(v) = s(b, from) {
                basics.insert(to.into(), Value::String(v));
            }
        }
        if let Some(loc) = b.get("location") {
            let parts: Vec<String> = ["address", "postalCode", "city", "region", "countryCode"]
                .iter()
                .filter_map(|k| s(loc, k))
                .map(|p| p.replace('\n', ", "))
                .collect();
            if !parts.is_empty() {
                basics.insert("location".into(), Value::String(parts.join(", ")));
            }
        }
        let mut links = Vec::new();
        if let Some(url) = s(b, "url") {
            links.push(json!({"label": "Website", "url": url}));
        }
        for p in b
            .get("profiles")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match (s(p, "network").or_else(|| s(p, "username")), s(p, "url")) {
                (Some(label), Some(url)) => {
                    // A link has a label and a url: with a network as the label,
                    // the username survives only when the url spells it.
                    if let (Some(_), Some(user)) = (s(p, "network"), s(p, "username")) {
                        if !url.to_lowercase().contains(&user.to_lowercase()) {
                            notes.push(format!(
                                "basics.profiles: `{label}` username `{user}`: not kept (a link is a label and a url)"
                            ));
                        }
                    }
                    links.push(json!({"label": label, "url": url}))
                }
                _ => notes.push(format!(
                    "basics.profiles: `{}` has no url; not kept",
                    s(p, "network").unwrap_or_default()
                )),
            }
        }
        if !links.is_empty() {
            basics.insert("links".into(), Value::Array(links));
        }
        if s(b, "image").is_some() {
            notes.push("basics.image: not kept (the content format has no photo)".into());
        }
        if let Some(summary) = s(b, "summary") {
            out.insert("summary".into(), Value::String(summary));
        }
        out.insert("basics".into(), Value::Object(basics));
    }

    // The document's language, where its `meta` says it ("de", "de-DE",
    // "German"): the content's texts are in it.
    if let Some(said) = doc
        .get("meta")
        .and_then(|m| s(m, "language").or_else(|| s(m, "lang")))
    {
        let primary = said.split(['-', '_']).next().unwrap_or_default();
        match crate::analysis::Lang::from_code(primary) {
            Some(lang) => {
                out.insert("lang".into(), Value::String(lang.code().into()));
            }
            None => notes.push(format!(
                "meta.language `{said}`: not one of the languages tailor reads ({}); the content is written as English (no `lang:`)",
                crate::analysis::Lang::known_codes()
            )),
        }
    }

    let mut roles = Vec::new();
    let mut achievements = 0;
    // (section, title key, organisation key, title suffix, tag)
    let kinds = [
        ("work", "position", "name", "", None),
        (
            "volunteer",
            "position",
            "organization",
            " (volunteer)",
            Some("volunteer"),
        ),
        ("projects", "name", "entity", " (project)", Some("project")),
    ];
    for (section, title_key, org_key, suffix, tag) in kinds {
        for (i, w) in doc
            .get(section)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let title = s(w, title_key)
                .or_else(|| s(w, org_key))
                .unwrap_or_else(|| format!("{section} {}", i + 1));
            let mut role = Map::new();
            role.insert("title".into(), Value::String(format!("{title}{suffix}")));
            if let Some(org) = s(w, org_key) {
                role.insert("company".into(), Value::String(org));
            }
            if let Some(loc) = s(w, "location") {
                role.insert("location".into(), Value::String(loc));
            }
            let place = format!("{section}[{i}]");
            let start = checked_date(w, "startDate", &place, &mut notes);
            let mut end = checked_date(w, "endDate", &place, &mut notes);
            if let (Some(st), Some(e)) = (start, end) {
                // The loader refuses such a role; leaving the end out keeps the
                // rest of the file importable, and the marker says what to fix.
                if e.last_month() < st.first_month() {
                    notes.push(format!(
                        "{place} `{title}`: endDate {e} is before startDate {st}; imported without an end date, marked `# tailor: fix` in the file"
                    ));
                    fixes.push(format!(
                        "# tailor: fix: endDate {e} is before startDate {st} in the JSON Resume; correct the dates and restore `end:`\n# end: {e}"
                    ));
                    role.insert("end".into(), Value::String(end_marker(fixes.len() - 1)));
                    end = None;
                }
            }
            if let Some(d) = start {
                role.insert("start".into(), Value::String(d.to_string()));
            }
            match end {
                Some(d) => {
                    role.insert("end".into(), Value::String(d.to_string()));
                }
                None if start.is_some()
                    && !role.contains_key("end")
                    && s(w, "endDate").is_none() =>
                {
                    role.insert("end".into(), Value::String("present".into()));
                }
                None => {}
            }
            let description = s(w, "description");
            let summary = s(w, "summary");
            if s(w, "url").is_some() {
                notes.push(format!("{section}[{i}].url: not kept (roles have no url)"));
            }
            if let Some(kind) = s(w, "type") {
                notes.push(format!(
                    "{section}[{i}].type `{kind}`: not kept (roles have no type)"
                ));
            }
            let held: Vec<&str> = w
                .get("roles")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .collect();
            if !held.is_empty() {
                notes.push(format!(
                    "{section}[{i}].roles ({}): not kept (a role has one title)",
                    held.join(", ")
                ));
            }
            let mut tags: Vec<Value> = tag.into_iter().map(|t| Value::String(t.into())).collect();
            for k in w
                .get("keywords")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                tags.push(Value::String(k.to_lowercase()));
            }
            let mut items = Vec::new();
            for h in w
                .get("highlights")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let text = h.trim();
                if text.is_empty() {
                    continue;
                }
                let mut a = Map::new();
                a.insert("id".into(), Value::String(id_for(text, &mut taken)));
                a.insert("text".into(), Value::String(text.to_string()));
                if !tags.is_empty() {
                    a.insert("tags".into(), Value::Array(tags.clone()));
                }
                items.push(Value::Object(a));
            }
            let role_summary = if items.is_empty() {
                // A role needs an achievement: its summary (else its
                // description) stands in, and is then not also the role's
                // summary, or the résumé would print it twice.
                let (from, text, rest) = match (summary, description) {
                    (Some(sm), d) => ("summary", sm, d),
                    (None, Some(d)) => ("description", d, None),
                    (None, None) => {
                        notes.push(format!(
                            "{section}[{i}] `{title}` has no highlights or summary: not kept"
                        ));
                        continue;
                    }
                };
                notes.push(format!(
                    "{section}[{i}] `{title}` has no highlights: its {from} became its achievement"
                ));
                let mut a = Map::new();
                a.insert("id".into(), Value::String(id_for(&text, &mut taken)));
                a.insert("text".into(), Value::String(text));
                if !tags.is_empty() {
                    a.insert("tags".into(), Value::Array(tags.clone()));
                }
                items.push(Value::Object(a));
                rest
            } else {
                let both: Vec<String> = [description, summary].into_iter().flatten().collect();
                (!both.is_empty()).then(|| both.join(" — "))
            };
            if let Some(text) = role_summary {
                role.insert("summary".into(), Value::String(text));
            }
            achievements += items.len();
            role.insert("achievements".into(), Value::Array(items));
            roles.push(Value::Object(role));
        }
    }
    if !roles.is_empty() {
        out.insert("experience".into(), Value::Array(roles.clone()));
    }

    let education: Vec<Value> = doc
        .get("education")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, e)| {
            let Some(institution) = s(e, "institution") else {
                notes.push(format!("education[{i}] has no institution: not kept"));
                return None;
            };
            let mut m = Map::new();
            m.insert("institution".into(), Value::String(institution));
            let degree: Vec<String> = [s(e, "studyType"), s(e, "area")]
                .into_iter()
                .flatten()
                .collect();
            if !degree.is_empty() {
                m.insert("degree".into(), Value::String(degree.join(", ")));
            }
            let place = format!("education[{i}]");
            if let Some(d) = checked_date(e, "startDate", &place, &mut notes) {
                m.insert("start".into(), Value::String(d.to_string()));
            }
            if let Some(d) = checked_date(e, "endDate", &place, &mut notes) {
                m.insert("end".into(), Value::String(d.to_string()));
            }
            for k in ["score", "url", "courses"] {
                if e.get(k)
                    .is_some_and(|v| !v.is_null() && v != "" && v != &json!([]))
                {
                    notes.push(format!("education[{i}].{k}: not kept"));
                }
            }
            Some(Value::Object(m))
        })
        .collect();
    if !education.is_empty() {
        out.insert("education".into(), Value::Array(education));
    }

    let skills: Vec<Value> = doc
        .get("skills")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|g| {
            let name = s(g, "name")?;
            let keywords: Vec<Value> = g
                .get("keywords")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if s(g, "level").is_some() {
                notes.push(format!("skills `{name}`: level not kept"));
            }
            Some(json!({"name": name, "keywords": keywords}))
        })
        .collect();
    if !skills.is_empty() {
        out.insert("skills".into(), Value::Array(skills));
    }

    for section in [
        "awards",
        "certificates",
        "publications",
        "languages",
        "interests",
        "references",
    ] {
        let n = doc
            .get(section)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        if n > 0 {
            notes.push(format!(
                "{section}: {n} entr{} not kept (the content format has no {section} section)",
                if n == 1 { "y" } else { "ies" }
            ));
        }
    }
    if achievements == 0 {
        return Err("the document has no work, volunteering or project entries with highlights or summaries; there is nothing to tailor".into());
    }
    let mut yaml = serde_yaml::to_string(&Value::Object(out)).map_err(|e| e.to_string())?;
    for (n, fix) in fixes.iter().enumerate() {
        yaml = replace_marker(&yaml, &end_marker(n), fix);
    }
    Ok(Imported {
        // No `yaml-language-server` schema line: import writes no schema
        // file, and a relative path would dangle wherever --out points.
        yaml: format!(
            "# Imported from a JSON Resume document by `tailor import`.\n# For editor completion, save `tailor schema content` as a file and add a\n# yaml-language-server `$schema` line pointing at it (README, \"Editor completion\").\n{yaml}"
        ),
        roles: roles.len(),
        achievements,
        notes,
    })
}

/// Replaces the line `end: MARKER` with `comment` (one or more `#` lines) at
/// that line's indentation, so the written file keeps the note beside the
/// role it concerns and stays valid YAML.
fn replace_marker(yaml: &str, marker: &str, comment: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + comment.len());
    let wanted = format!("end: {marker}");
    for line in yaml.split_inclusive('\n') {
        // Never `- end: …`: keys are written sorted and every role has
        // `achievements`, so `end` never opens a role's sequence item.
        if line.trim() == wanted {
            let indent = " ".repeat(line.len() - line.trim_start().len());
            for c in comment.lines() {
                out.push_str(&indent);
                out.push_str(c);
                out.push('\n');
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_unique() {
        let mut taken = BTreeSet::new();
        let a = id_for("Cut latency by 40%", &mut taken);
        let b = id_for("Cut latency by 40%", &mut taken);
        assert!(a.starts_with("cut-latency-by-40-"), "{a}");
        assert_eq!(b, format!("{a}-2"));
        assert_eq!(
            id_for("Cut latency by 40%", &mut BTreeSet::new()),
            a,
            "the same text, the same id"
        );
    }

    #[test]
    fn the_documents_language_becomes_the_contents() {
        let work = json!([{"name": "Acme", "position": "Entwicklerin", "highlights": ["Kosten um 10 % gesenkt."]}]);
        let (imported, lib) =
            import_and_load(&json!({"meta": {"language": "de-DE"}, "work": work.clone()}));
        assert!(imported.yaml.contains("\nlang: de\n"), "{}", imported.yaml);
        assert_eq!(lib.lang, crate::analysis::Lang::De);
        let (imported, lib) =
            import_and_load(&json!({"meta": {"language": "ja"}, "work": work.clone()}));
        assert!(!imported.yaml.contains("lang:"), "{}", imported.yaml);
        assert_eq!(lib.lang, crate::analysis::Lang::En);
        assert!(
            imported
                .notes
                .iter()
                .any(|n| n.starts_with("meta.language `ja`")),
            "{:?}",
            imported.notes
        );
        let (imported, _) = import_and_load(&json!({"work": work}));
        assert!(!imported.yaml.contains("lang:"), "{}", imported.yaml);
    }

    #[test]
    fn dates_lose_their_day() {
        let v = json!({"a": "2014-06-29", "b": "2023-04", "c": "2014"});
        assert_eq!(date(&v, "a").as_deref(), Some("2014-06"));
        assert_eq!(date(&v, "b").as_deref(), Some("2023-04"));
        assert_eq!(date(&v, "c").as_deref(), Some("2014"));
    }

    /// Imports `doc` and loads the result as `tailor check` would.
    fn import_and_load(doc: &Value) -> (Imported, crate::content::Library) {
        let imported = import(doc).unwrap();
        let lib = crate::content::load::from_sources(&[crate::content::load::Source {
            path: "resume.yaml".into(),
            text: imported.yaml.clone(),
        }])
        .unwrap_or_else(|e| panic!("{e:#}\n{}", imported.yaml));
        (imported, lib)
    }

    #[test]
    fn end_date_before_start_date_imports_and_marks_the_entry() {
        let doc = json!({"work": [
            {"name": "Acme", "position": "Engineer", "startDate": "2019-05-01",
             "endDate": "2018-03-01", "highlights": ["Shipped the thing."]},
            {"name": "Initech", "position": "Analyst", "startDate": "2015",
             "endDate": "2017", "highlights": ["Filed the reports."]}
        ]});
        let (imported, lib) = import_and_load(&doc);
        let note = imported
            .notes
            .iter()
            .find(|n| n.contains("before startDate"))
            .expect("a note for the entry");
        assert!(
            note.starts_with("work[0] `Engineer`: endDate 2018-03 is before startDate 2019-05"),
            "{note}"
        );
        assert!(
            imported.yaml.contains(
                "# tailor: fix: endDate 2018-03 is before startDate 2019-05 in the JSON Resume"
            ),
            "{}",
            imported.yaml
        );
        assert!(
            imported.yaml.contains("# end: 2018-03\n"),
            "{}",
            imported.yaml
        );
        assert!(
            !imported.yaml.contains("TAILOR-IMPORT"),
            "{}",
            imported.yaml
        );
        let acme = &lib.experience[0];
        assert_eq!(
            acme.start.map(|d| d.to_string()).as_deref(),
            Some("2019-05")
        );
        assert!(
            acme.end.is_none(),
            "the wrong end is left out, not made `present`"
        );
        let initech = &lib.experience[1];
        assert_eq!(initech.end.map(|d| d.to_string()).as_deref(), Some("2017"));
    }

    #[test]
    fn summary_only_work_entry_is_an_achievement_not_also_the_role_summary() {
        let doc = json!({"work": [
            {"name": "Quietly", "position": "Contractor", "startDate": "2016-01",
             "summary": "Short contract on search."},
            {"name": "Acme", "position": "Engineer", "description": "A rocket company",
             "summary": "Built launch software."}
        ]});
        let (imported, lib) = import_and_load(&doc);
        let contractor = &lib.experience[0];
        assert_eq!(contractor.summary, None);
        assert_eq!(contractor.achievements.len(), 1);
        assert_eq!(contractor.achievements[0].text, "Short contract on search.");
        // With a description too, the summary is the achievement and the
        // description stays the role's summary: each text appears once.
        let acme = &lib.experience[1];
        assert_eq!(acme.summary.as_deref(), Some("A rocket company"));
        assert_eq!(acme.achievements[0].text, "Built launch software.");
        assert_eq!(imported.yaml.matches("Built launch software.").count(), 1);
        assert!(imported.notes.iter().any(|n| {
            n.contains("`Contractor` has no highlights: its summary became its achievement")
        }));
    }

    #[test]
    fn project_roles_type_and_profile_username_are_listed_as_not_kept() {
        let doc = json!({
            "basics": {"profiles": [
                {"network": "Twitter", "username": "neutralthoughts", "url": "https://www.twitter.com"},
                {"network": "GitHub", "username": "rhendriks", "url": "https://github.com/RHendriks"}
            ]},
            "projects": [{"name": "Miss Direction", "highlights": ["Won an award."],
                          "roles": ["Team lead", "Designer"], "type": "application"}]
        });
        let (imported, lib) = import_and_load(&doc);
        let notes = imported.notes.join("\n");
        assert!(
            notes.contains("projects[0].roles (Team lead, Designer): not kept"),
            "{notes}"
        );
        assert!(
            notes.contains("projects[0].type `application`: not kept"),
            "{notes}"
        );
        assert!(
            notes.contains("basics.profiles: `Twitter` username `neutralthoughts`: not kept"),
            "{notes}"
        );
        // A username the url spells is kept there, so it is not reported.
        assert!(!notes.contains("rhendriks"), "{notes}");
        assert_eq!(lib.basics.links.len(), 2);
    }

    #[test]
    fn written_file_has_no_dangling_schema_reference() {
        let doc = json!({"work": [{"position": "Engineer", "highlights": ["Did it."]}]});
        let (imported, _) = import_and_load(&doc);
        assert!(!imported.yaml.contains("../schemas"), "{}", imported.yaml);
        assert!(!imported.yaml.contains("$schema="), "{}", imported.yaml);
        assert!(
            imported.yaml.contains("`tailor schema content`"),
            "{}",
            imported.yaml
        );
    }

    #[test]
    fn dates_the_loader_refuses_are_left_out_with_a_note() {
        let doc = json!({"work": [
            {"position": "Engineer", "startDate": "2014-6-1", "endDate": "Summer 2019",
             "highlights": ["Did it."]}
        ]});
        let (imported, lib) = import_and_load(&doc);
        let role = &lib.experience[0];
        assert_eq!(
            role.start.map(|d| d.to_string()).as_deref(),
            Some("2014-06")
        );
        assert!(
            role.end.is_none(),
            "an unreadable end is not made `present`"
        );
        assert!(
            imported
                .notes
                .iter()
                .any(|n| n.starts_with("work[0].endDate: invalid date `Summer 2019`")),
            "{:?}",
            imported.notes
        );
    }
}
