//! Lower case for matching words and headings, without the standard
//! library's Unicode case tables (about 8 kB of the gzipped bundle).
//!
//! Covers what section labels and case notes are written in: ASCII, the
//! Latin-1 and Latin Extended-A letters (Western and Central European
//! languages), Greek and Cyrillic. Any other letter is left as it is, which
//! only means a heading in another script must match its case exactly.

/// `c` in lower case, where this module covers it; else `c`.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let shifted = |by: u32| char::from_u32(u + by).unwrap_or(c);
    match u {
        0x41..=0x5A => shifted(0x20),
        // À..Þ, except ×
        0xC0..=0xDE if u != 0xD7 => shifted(0x20),
        // İ lowers to i (plus a combining dot, dropped here).
        0x130 => 'i',
        // Latin Extended-A: pairs with the capital first...
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => shifted(1),
        // ...or second.
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => shifted(1),
        0x178 => 'ÿ',
        // Greek Α..Ϋ (no capital at 0x3A2)
        0x391..=0x3AB if u != 0x3A2 => shifted(0x20),
        // Cyrillic Ѐ..Џ and А..Я
        0x400..=0x40F => shifted(0x50),
        0x410..=0x42F => shifted(0x20),
        _ => c,
    }
}

/// `s` in lower case (see `lower_char`).
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_where_it_covers() {
        let covered =
            |u: u32| matches!(u, 0x41..=0x5A | 0xC0..=0x17F | 0x391..=0x3AB | 0x400..=0x42F);
        for u in 0..=0x4FF_u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let std: Vec<char> = c.to_lowercase().collect();
            let ours = lower_char(c);
            if u == 0x130 {
                assert_eq!(ours, 'i');
            } else if covered(u) {
                assert_eq!(vec![ours], std, "U+{u:04X}");
            } else {
                // Never a wrong answer: unchanged where not covered.
                assert!(ours == c || vec![ours] == std, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn lowers_words_and_headings() {
        assert_eq!(
            lower("PLAN: Évaluation ÇA Ἀ Σ ДОМ"),
            "plan: évaluation ça Ἀ σ дом"
        );
        assert_eq!(lower("Ärger Łódź"), "ärger łódź");
    }
}
