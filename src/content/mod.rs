//! The achievement library: its format as files write it ([`file`]), the
//! library once loaded ([`model`]), its dates ([`date`]) and loading it from
//! YAML ([`load`]).

pub mod date;
pub mod file;
pub mod load;
pub mod model;

pub use date::{End, YearMonth};
pub use load::load;
pub use model::{Achievement, AchievementRef, Basics, Library, Role};
