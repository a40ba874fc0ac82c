//! Stage 5, compounds: German and Dutch write a compound noun as one word
//! ("Zahlungsverkehr", "Datenbankentwicklung"), where English writes two
//! ("payment traffic", "database development"). Such a word is split into
//! parts the language knows as words of their own, so each part can meet
//! what the content says; the whole word stays a term too.
//!
//! Which words are known is the caller's to say (the lexicon answers from
//! the corpus); this stage only searches the splits.

/// Shortest part, in characters: shorter pieces ("bau", "art") are more
/// often a stray syllable than a word.
const MIN_PART: usize = 4;

/// Most parts a word is split into.
const MAX_PARTS: usize = 3;

/// Linking elements (German *Fugenelemente*) that may end a part before the
/// next one: "Zahlung**s**verkehr", "Bund**es**amt". A part is tried without
/// one first, so it reads as the word ("Zahlung", not "Zahlungs"). (The
/// plural links "-n", "-en" are left to the stemmer: "Daten" is a word.)
const LINKS: &[&str] = &["es", "s"];

/// The parts of `word` (normalised, lower-case), when it splits into two
/// or three parts that `known` accepts, each at least [`MIN_PART`]
/// characters; `None` for a word that does not split. The fewest parts win;
/// among those, the one whose last part (the head of a German compound) is
/// longest. Parts are returned without their linking element.
pub fn split<'w>(word: &'w str, known: &mut dyn FnMut(&str) -> bool) -> Option<Vec<&'w str>> {
    if word.chars().count() < 2 * MIN_PART {
        return None;
    }
    (2..=MAX_PARTS).find_map(|parts| split_into(word, parts, known))
}

/// `word` as exactly `parts` known parts, the longest head first.
fn split_into<'w>(
    word: &'w str,
    parts: usize,
    known: &mut dyn FnMut(&str) -> bool,
) -> Option<Vec<&'w str>> {
    if parts == 1 {
        return (word.chars().count() >= MIN_PART && known(word)).then(|| vec![word]);
    }
    // Cut points, leftmost first: the rest (holding the head) is longest.
    for (cut, _) in word.char_indices().skip(MIN_PART) {
        let (left, rest) = word.split_at(cut);
        if rest.chars().count() < MIN_PART * (parts - 1) {
            break;
        }
        let Some(tail) = split_into(rest, parts - 1, known) else {
            continue;
        };
        let head = LINKS
            .iter()
            .filter_map(|l| left.strip_suffix(l))
            .chain(std::iter::once(left))
            .find(|l| l.chars().count() >= MIN_PART && known(l));
        if let Some(head) = head {
            let mut out = vec![head];
            out.extend(tail);
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(words: &[&'static str]) -> impl Fn(&str) -> bool {
        let words = words.to_vec();
        move |w: &str| words.contains(&w)
    }

    #[test]
    fn a_compound_splits_into_known_words_and_drops_the_link() {
        let mut k = known(&[
            "zahlung",
            "verkehr",
            "datenbank",
            "daten",
            "bank",
            "entwicklung",
        ]);
        assert_eq!(
            split("zahlungsverkehr", &mut k),
            Some(vec!["zahlung", "verkehr"])
        );
        // Two parts beat three, though "daten" and "bank" are words too.
        assert_eq!(
            split("datenbankentwicklung", &mut k),
            Some(vec!["datenbank", "entwicklung"])
        );
    }

    #[test]
    fn three_parts_when_two_will_not_do() {
        let mut k = known(&["daten", "bank", "entwicklung"]);
        assert_eq!(
            split("datenbankentwicklung", &mut k),
            Some(vec!["daten", "bank", "entwicklung"])
        );
    }

    #[test]
    fn words_that_do_not_split_into_known_parts_stay_whole() {
        let mut k = known(&["verant", "team"]);
        assert_eq!(split("verantwortung", &mut k), None);
        // Too short to hold two parts of four letters.
        assert_eq!(split("teamlead", &mut known(&["tea", "mlead"])), None);
        assert_eq!(split("bau", &mut k), None);
    }

    #[test]
    fn parts_are_split_on_character_boundaries() {
        let mut k = known(&["prüfung", "qualität"]);
        assert_eq!(
            split("qualitätsprüfung", &mut k),
            Some(vec!["qualität", "prüfung"])
        );
    }
}
