//! The integration tests, as one test binary (`cargo test --test cli`): one
//! module per area, run with the repository root as the working directory.
//! Filter by module, e.g. `cargo test --test cli eval:: -- --nocapture`.

mod harness;

#[path = "../../scripts/support/generate.rs"]
mod generate;

mod ats;
mod bad_input;
mod batch;
mod browser;
mod compose;
mod diff;
mod docx;
mod ecosystem;
mod engine_bugs;
mod errors;
mod eval;
mod hostile;
mod languages;
mod lexicon;
mod locale;
mod outputs;
mod pdf;
mod profiles;
mod properties;
mod score;
mod select;
mod snapshots;
mod solver_exact;
