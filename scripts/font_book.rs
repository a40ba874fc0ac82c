//! Prints `data/font-book.json`: what Typst knows of each bundled font
//! face, so that a run parses only the faces it lays out with. Run after
//! changing the bundled fonts or upgrading Typst:
//!
//! ```text
//! cargo run --example font-book > data/font-book.json
//! ```

fn main() {
    print!("{}", tailor::pdf::font_book());
}
