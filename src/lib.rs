//! `tailor` tailors a résumé to a job posting: it scores every achievement in
//! a YAML library against the posting, selects the best set that fits a length
//! budget, and renders it through handlebars templates.
//!
//! The core ([`analysis`], [`posting`], [`score`], [`select`]) is pure: plain
//! data in, plain data out, no I/O. Loading ([`content`], [`input`]) and
//! rendering/writing ([`render`], [`output`], [`write`]) sit at the edges.
//! [`engine::Engine`] is the one API that tailors and renders; [`cmd`] glues
//! it to the commands that [`cli`] declares.

pub mod analysis;
pub mod ats;
pub mod batch;
pub mod cli;
pub mod cmd;
pub mod content;
pub mod coverage;
pub mod diff;
pub mod docx;
pub mod engine;
pub mod format;
pub mod html;
pub mod import;
pub mod input;
pub mod job;
pub mod jsonresume;
pub mod lexicon;
pub mod lint;
pub mod locale;
pub mod manifest;
pub mod output;
pub mod pdf;
pub mod plain_text;
pub mod posting;
pub mod profile;
pub mod render;
pub mod report;
pub mod score;
pub mod sections;
pub mod select;
pub mod tailored;
pub mod text;
pub mod typst_text;
pub mod write;
pub mod yaml;
