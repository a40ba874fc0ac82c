//! The tailored résumé as a JSON Resume document (schema 1.0), so that any
//! JSON Resume theme can render it. The tailor manifest rides in
//! `meta.tailor`, put there by [`crate::manifest::embed_json`]. Pure.

use serde_json::{Map, Value, json};

use crate::content::{End, Library};
use crate::render::ResumeView;
use crate::select::{Phrasing, Selection};
use crate::text::plain;

fn put(map: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
        map.insert(key.to_string(), Value::String(v));
    }
}

/// The JSON Resume document for a selection, with the view's tailored
/// headline, summary and skills; its `meta` awaits the manifest.
pub fn document(library: &Library, selection: &Selection, view: &ResumeView) -> Value {
    let b = &view.basics;
    let mut basics = Map::new();
    put(&mut basics, "name", b.name.clone());
    put(&mut basics, "label", b.headline.clone());
    put(&mut basics, "email", b.email.clone());
    put(&mut basics, "phone", b.phone.clone());
    put(&mut basics, "summary", view.summary.as_deref().map(plain));
    if let Some(loc) = &b.location {
        basics.insert("location".into(), json!({ "address": loc }));
    }
    if !b.links.is_empty() {
        basics.insert(
            "profiles".into(),
            Value::Array(
                b.links
                    .iter()
                    .map(|l| json!({"network": l.label, "url": l.url}))
                    .collect(),
            ),
        );
    }
    let work: Vec<Value> = library
        .roles_by_recency()
        .into_iter()
        .filter(|r| !selection.hidden_roles.contains(r))
        .map(|r| {
            let role = &library.experience[r];
            let mut w = Map::new();
            w.insert("position".into(), Value::String(role.title.clone()));
            put(&mut w, "name", role.company.clone());
            put(&mut w, "location", role.location.clone());
            put(&mut w, "startDate", role.start.map(|s| s.to_string()));
            if let Some(End::Date(d)) = role.end {
                w.insert("endDate".into(), Value::String(d.to_string()));
            }
            put(&mut w, "summary", role.summary.as_deref().map(plain));
            let highlights: Vec<Value> = selection
                .chosen
                .iter()
                .filter(|c| c.at.role == r)
                .map(|c| {
                    let a = library.achievement(c.at);
                    let shown = match c.phrasing {
                        Phrasing::Short => a.short.as_deref().unwrap_or(&a.text),
                        Phrasing::Text => &a.text,
                    };
                    Value::String(plain(shown))
                })
                .collect();
            w.insert("highlights".into(), Value::Array(highlights));
            Value::Object(w)
        })
        .collect();
    let education: Vec<Value> = library
        .education
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("institution".into(), Value::String(e.institution.clone()));
            put(&mut m, "studyType", e.degree.clone());
            put(&mut m, "startDate", e.start.map(|s| s.to_string()));
            if let Some(End::Date(d)) = e.end {
                m.insert("endDate".into(), Value::String(d.to_string()));
            }
            Value::Object(m)
        })
        .collect();
    let skills: Vec<Value> = view
        .skills
        .iter()
        .map(|g| json!({"name": g.name, "keywords": g.keywords}))
        .collect();
    json!({
        "basics": basics,
        "work": work,
        "education": education,
        "skills": skills,
        "meta": {
            "version": "v1.0.0",
        },
    })
}
