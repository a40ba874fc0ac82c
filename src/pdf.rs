//! PDF output: the résumé's Typst markup (from `templates/resume.typ.hbs`)
//! laid out in-process by Typst, with the fonts bundled in the binary. No
//! browser, no network, no clock: the same markup gives the same bytes. The
//! layout also says how many pages the résumé takes and how full the last
//! one is, which is what a page budget is checked against.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use anyhow::{Result, anyhow, bail};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::layout::{Abs, Frame, FrameItem};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

/// The résumé's default face, bundled (`assets/fonts/`, SIL OFL): Liberation
/// Serif, whose metrics are Times New Roman's. Word and LibreOffice have
/// Times New Roman or an alias of it, so a DOCX naming it lays out line for
/// line as the PDF does, and the page a budget was fitted to holds there too.
pub const DEFAULT_FAMILY: &str = "Liberation Serif";

/// The default face's files.
const DEFAULT_FACES: [&[u8]; 4] = [
    include_bytes!("../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The font files Typst may use: the default face, and those bundled with
/// Typst (Libertinus Serif, New Computer Modern, DejaVu Sans Mono).
fn font_files() -> impl Iterator<Item = &'static [u8]> {
    DEFAULT_FACES.into_iter().chain(typst_assets::fonts())
}

/// The bundled fonts' book as `data/font-book.json` records it: per face
/// (in [`font_files`] order, then face order in each file), which file and
/// face it is and what Typst knows of it. Parsing every face to learn this
/// was a tenth of a compose; a run now parses only the faces it lays out
/// with (`the_font_book_is_fresh` keeps the file true).
const FONT_BOOK: &str = include_str!("../data/font-book.json");

/// One bundled face: its file (index into [`font_files`]), its index in
/// that file, and its info.
type BookEntry = (usize, u32, FontInfo);

/// [`FONT_BOOK`] read.
static ENTRIES: LazyLock<Vec<BookEntry>> = LazyLock::new(|| {
    serde_json::from_str(FONT_BOOK).expect("data/font-book.json is the book `font_book` writes")
});

/// What Typst knows of each bundled face, in book order.
fn bundled_infos() -> impl Iterator<Item = FontInfo> {
    ENTRIES.iter().map(|(_, _, info)| info.clone())
}

/// The bundled faces, each parsed on first use and shared after (a font is
/// a reference-counted handle on its bytes).
static FONTS: LazyLock<Vec<OnceLock<Option<Font>>>> =
    LazyLock::new(|| ENTRIES.iter().map(|_| OnceLock::new()).collect());

/// The bundled face `index` of the book.
fn bundled(index: usize) -> Option<Font> {
    let (file, face, _) = ENTRIES.get(index)?;
    FONTS[index]
        .get_or_init(|| {
            let data = font_files().nth(*file)?;
            Font::new(Bytes::new(data), *face)
        })
        .clone()
}

/// The bundled fonts' book as Typst builds it, every face parsed: what
/// `data/font-book.json` holds (`cargo run --example font-book >
/// data/font-book.json`).
pub fn font_book() -> String {
    let entries: Vec<BookEntry> = font_files()
        .enumerate()
        .flat_map(|(file, data)| {
            Font::iter(Bytes::new(data))
                .enumerate()
                .map(move |(face, font)| (file, face as u32, font.info().clone()))
        })
        .collect();
    let mut out = serde_json::to_string(&entries).expect("font infos serialise");
    out.push('\n');
    out
}

/// Typst's standard library, built and hashed once: building it per
/// compilation, and hashing it anew for the memo cache, was a tenth of a
/// batch's time.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The bundled fonts' book, built once.
static BOOK: LazyLock<LazyHash<FontBook>> =
    LazyLock::new(|| LazyHash::new(FontBook::from_infos(bundled_infos())));

/// What Typst sees of the world: the standard library, one source (the
/// résumé's markup), the bundled fonts and a profile's own. No files, no
/// packages, no clock (`datetime.today()` is an error): the same markup
/// gives the same bytes.
struct World {
    main: Source,
    /// The bundled book, or one with the profile's fonts after them.
    book: Cow<'static, LazyHash<FontBook>>,
    extra: Vec<Font>,
}

impl World {
    fn new(source: &str, extra: &[Font]) -> World {
        let book = if extra.is_empty() {
            Cow::Borrowed(&*BOOK)
        } else {
            Cow::Owned(LazyHash::new(FontBook::from_infos(
                bundled_infos().chain(extra.iter().map(|f| f.info().clone())),
            )))
        };
        World {
            main: Source::detached(source),
            book,
            extra: extra.to_vec(),
        }
    }
}

impl typst::World for World {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        match index.checked_sub(ENTRIES.len()) {
            None => bundled(index),
            Some(i) => self.extra.get(i).cloned(),
        }
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// True when `family` is one of the bundled fonts' (no system font needed).
pub fn is_bundled(family: &str) -> bool {
    ENTRIES
        .iter()
        .any(|(_, _, info)| info.family.eq_ignore_ascii_case(family))
}

/// Compilations a memoised result may go unused before it is dropped. A
/// page budget lays out a few near-identical résumés in a row, and each
/// reuses what the last one shaped; a batch keeps memory bounded. The
/// cache is shared by a batch's threads, whose compilations interleave.
/// Measured on a batch of 100 postings × 500 achievements (2 threads, CPU
/// of scoring, selection and layout): age 1 2.1–2.2 s, 3 2.2–2.4 s, 10
/// 2.7 s, 40 3.5 s; peak memory 97, 100, 112 and 151 MB. A bigger cache
/// costs more to look up than it saves. Over 1,000 real postings age 3
/// took 15.7 s, age 1 17.2 s.
const CACHE_AGE: usize = 3;

/// Where a laid-out résumé ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// Pages it takes.
    pub pages: usize,
    /// How far down the last page's text area the content reaches (0–1).
    pub fill: f64,
}

/// A laid-out résumé: its PDF and where it ends.
#[derive(Debug, Clone)]
pub struct Typeset {
    /// The PDF's bytes.
    pub pdf: Vec<u8>,
    /// Its pages and how full the last one is.
    pub layout: Layout,
}

/// The faces of a font family installed on this system (a profile's
/// `font`), in a fixed order; none for a bundled family. An error naming it
/// when there are none.
pub fn system_font(family: &str) -> Result<Vec<Font>> {
    if is_bundled(family) {
        return Ok(Vec::new());
    }
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut faces: Vec<_> = db
        .faces()
        .filter(|f| {
            f.families
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(family))
        })
        .map(|f| (f.post_script_name.clone(), f.index, f.id))
        .collect();
    // Directory order is the file system's: sort, for the same PDF.
    faces.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let fonts: Vec<Font> = faces
        .iter()
        .filter_map(|&(_, _, id)| {
            db.with_face_data(id, |data, index| {
                Font::new(Bytes::new(data.to_vec()), index)
            })
            .flatten()
        })
        .collect();
    if fonts.is_empty() {
        bail!(
            "font `{family}` is not installed on this system (`fc-list : family` lists those that are); install it, or remove `font:` from the profile for the bundled Liberation Serif"
        );
    }
    Ok(fonts)
}

/// Lays `source` (Typst markup) out, without writing the PDF; `fonts` are
/// besides the bundled ones.
pub fn layout(source: &str, fonts: &[Font]) -> Result<Layout> {
    Ok(measure(&compile(source, fonts)?))
}

/// Lays `source` out and writes the PDF's bytes; writing them to a file is
/// the caller's (atomic) job.
pub fn typeset(source: &str, fonts: &[Font]) -> Result<Typeset> {
    let document = compile(source, fonts)?;
    let options = typst_pdf::PdfOptions {
        // A fixed identifier and no timestamp: byte-identical files.
        ident: Smart::Custom("tailor".into()),
        creator: Smart::Custom(Some("tailor".into())),
        timestamp: None,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|d| anyhow!("cannot write the PDF: {}", messages(&d)))?;
    Ok(Typeset {
        pdf,
        layout: measure(&document),
    })
}

fn compile(source: &str, fonts: &[Font]) -> Result<PagedDocument> {
    let compiled = typst::compile::<PagedDocument>(&World::new(source, fonts));
    comemo::evict(CACHE_AGE);
    // A family Typst does not know falls back silently: say so instead.
    if let Some(w) = compiled
        .warnings
        .iter()
        .find(|w| w.message.contains("unknown font family"))
    {
        bail!(
            "the PDF template asks for a font Typst cannot find: {} (check the profile's `font`)",
            w.message
        );
    }
    compiled.output.map_err(|d| {
        let why = messages(&d);
        anyhow!(
            "the PDF template does not lay out: {why} (check a --templates override of resume.typ.hbs or its partials)"
        )
    })
}

fn messages(diagnostics: &[typst::diag::SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Pages, and the lowest point anything reaches on the last page, as a
/// share of its text area. The text area is taken to have the margin the
/// first page's content starts at, top and bottom.
fn measure(document: &PagedDocument) -> Layout {
    let pages = document.pages();
    let Some(last) = pages.last() else {
        return Layout {
            pages: 0,
            fill: 0.0,
        };
    };
    let height = last.frame.height();
    let top = pages
        .first()
        .and_then(|p| extent(&p.frame, Abs::zero()).map(|(t, _)| t))
        .unwrap_or(Abs::zero());
    let area = height - top - top;
    let fill = match extent(&last.frame, Abs::zero()) {
        Some((_, bottom)) if area > Abs::zero() => ((bottom - top) / area).clamp(0.0, 1.0),
        _ => 0.0,
    };
    Layout {
        pages: pages.len(),
        fill,
    }
}

/// The top and bottom of what `frame` draws, offset by `dy`.
fn extent(frame: &Frame, dy: Abs) -> Option<(Abs, Abs)> {
    let mut span: Option<(Abs, Abs)> = None;
    let mut add = |t: Abs, b: Abs| {
        span = Some(span.map_or((t, b), |(t0, b0)| (t0.min(t), b0.max(b))));
    };
    for (pos, item) in frame.items() {
        let y = dy + pos.y;
        match item {
            FrameItem::Group(g) => {
                if let Some((t, b)) = extent(&g.frame, y) {
                    add(t, b);
                }
            }
            // A text run sits on its baseline: it reaches up by its ascent
            // and down by its descent (about 0.8 and 0.25 of its size).
            FrameItem::Text(t) => add(y - t.size * 0.8, y + t.size * 0.25),
            FrameItem::Shape(s, _) => {
                let bbox = s.bbox(true);
                add(y + bbox.min.y, y + bbox.max.y);
            }
            FrameItem::Image(_, size, _) => add(y, y + size.y),
            _ => {}
        }
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_book_is_fresh() {
        assert!(
            font_book() == FONT_BOOK,
            "data/font-book.json is stale: run `cargo run --example font-book > data/font-book.json`"
        );
    }

    #[test]
    fn a_bundled_face_is_parsed_as_the_book_says() {
        let book = &*BOOK;
        let index = book
            .select(DEFAULT_FAMILY.to_lowercase().as_str(), Default::default())
            .expect("the default face is in the book");
        let font = bundled(index).expect("it parses");
        assert_eq!(font.info(), book.info(index).unwrap());
        assert!(bundled(ENTRIES.len()).is_none());
    }

    const PAGE: &str =
        "#set page(paper: \"a4\", margin: 20mm)\n#set text(font: \"Liberation Serif\")\n";

    #[test]
    fn the_same_markup_gives_the_same_bytes() {
        let source = format!("{PAGE}= Ada\nLed the move.");
        let a = typeset(&source, &[]).unwrap();
        let b = typeset(&source, &[]).unwrap();
        assert!(a.pdf.starts_with(b"%PDF"));
        assert_eq!(a.pdf, b.pdf);
        assert_eq!(a.layout.pages, 1);
    }

    #[test]
    fn the_layout_says_how_full_the_last_page_is() {
        let short = layout(&format!("{PAGE}One line."), &[]).unwrap();
        let long = layout(
            &format!("{PAGE}{}", "A line of text. #parbreak()\n".repeat(30)),
            &[],
        )
        .unwrap();
        let over = layout(
            &format!("{PAGE}{}", "A line of text. #parbreak()\n".repeat(60)),
            &[],
        )
        .unwrap();
        assert_eq!((short.pages, long.pages, over.pages), (1, 1, 2));
        assert!(short.fill < 0.1, "{short:?}");
        assert!(long.fill > short.fill && long.fill < 1.0, "{long:?}");
    }

    #[test]
    fn broken_markup_is_an_error_not_a_panic() {
        let err = layout("#let x = (", &[]).unwrap_err();
        assert!(format!("{err:#}").contains("does not lay out"), "{err:#}");
    }
}
