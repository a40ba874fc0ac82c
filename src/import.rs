//! Importing a JSON Resume document (JSON or YAML, schema 1.0) into the
//! content format. Every highlight becomes an achievement with a stable id
//! derived from its text; work, volunteering and projects become roles;
//! what the content format cannot hold is reported, never silently dropped.
//! Pure: text in, YAML and a report out.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

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
fn date(v: &Value, key: &str) -> Option<String> {
    let d = s(v, key)?;
    let parts: Vec<&str> = d.split('-').collect();
    match parts.as_slice() {
        [y] => Some(y.to_string()),
        [y, m, ..] => Some(format!("{y}-{m}")),
        _ => None,
    }
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
                (Some(label), Some(url)) => links.push(json!({"label": label, "url": url})),
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
            if let Some(d) = date(w, "startDate") {
                role.insert("start".into(), Value::String(d));
            }
            match date(w, "endDate") {
                Some(d) => role.insert("end".into(), Value::String(d)),
                None if role.contains_key("start") => {
                    role.insert("end".into(), Value::String("present".into()))
                }
                None => None,
            };
            let summary: Vec<String> = [s(w, "description"), s(w, "summary")]
                .into_iter()
                .flatten()
                .collect();
            if !summary.is_empty() {
                role.insert("summary".into(), Value::String(summary.join(" — ")));
            }
            if s(w, "url").is_some() {
                notes.push(format!("{section}[{i}].url: not kept (roles have no url)"));
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
            if items.is_empty() {
                // A role needs an achievement: its summary stands in.
                match role.get("summary").and_then(Value::as_str) {
                    Some(text) => {
                        let text = text.to_string();
                        notes.push(format!("{section}[{i}] `{title}` has no highlights: its summary became its achievement"));
                        items.push(json!({"id": id_for(&text, &mut taken), "text": text}));
                    }
                    None => {
                        notes.push(format!(
                            "{section}[{i}] `{title}` has no highlights or summary: not kept"
                        ));
                        continue;
                    }
                }
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
            if let Some(d) = date(e, "startDate") {
                m.insert("start".into(), Value::String(d));
            }
            if let Some(d) = date(e, "endDate") {
                m.insert("end".into(), Value::String(d));
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
    let yaml = serde_yaml::to_string(&Value::Object(out)).map_err(|e| e.to_string())?;
    Ok(Imported {
        yaml: format!(
            "# yaml-language-server: $schema=../schemas/content.schema.json\n# Imported from a JSON Resume document by `tailor import`.\n{yaml}"
        ),
        roles: roles.len(),
        achievements,
        notes,
    })
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
    fn dates_lose_their_day() {
        let v = json!({"a": "2014-06-29", "b": "2023-04", "c": "2014"});
        assert_eq!(date(&v, "a").as_deref(), Some("2014-06"));
        assert_eq!(date(&v, "b").as_deref(), Some("2023-04"));
        assert_eq!(date(&v, "c").as_deref(), Some("2014"));
    }
}
