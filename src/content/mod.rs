//! The achievement library: its format ([`model`]), its dates ([`date`]) and
//! loading it from YAML ([`load`]).

pub mod date;
pub mod load;
pub mod model;

pub use date::{End, YearMonth};
pub use load::load;
pub use model::{Achievement, AchievementRef, Basics, Library, Role};
