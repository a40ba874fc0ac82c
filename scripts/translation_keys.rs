//! Prints `data/translation-keys.tsv`: the matching key of every entry of
//! `data/translations.txt`, read as a posting in its language reads it, so
//! that a run does not analyse the table. Run after editing
//! `data/translations.txt` or regenerating the background tables (which
//! say which words read as English loanwords):
//!
//! ```text
//! cargo run --example translation-keys > data/translation-keys.tsv
//! ```

fn main() {
    print!("{}", tailor::lexicon::translation_keys_table());
}
