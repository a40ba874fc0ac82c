//! Prints `data/alias-keys.tsv`: the built-in alias groups of
//! `data/aliases.txt` with their entries' matching keys, so that a run does
//! not analyse the table at start. Run after editing `data/aliases.txt`:
//!
//! ```text
//! cargo run --example alias-keys > data/alias-keys.tsv
//! ```

fn main() {
    print!("{}", tailor::lexicon::alias_keys_table());
}
