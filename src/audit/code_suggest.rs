//! Did-you-mean for rule codes (`rules:` in rapport.yaml, `audit --rule`, `rapport
//! rules CODE`). A code is a letter and two digits, so the string distances that suit
//! keys tie on most mistakes (`R1O` is one edit from R10, R11, R12 …). The usual
//! mistakes with codes are of another kind: a lower-case letter, a missing leading
//! zero, a letter O for a zero or an l for a one. Those are undone first; only when
//! that names no code is the general suggestion asked.

use crate::finding::Code;

/// The code `word` most likely meant, among `codes`.
pub fn suggest_code(word: &str, codes: &[Code]) -> Option<Code> {
    let normal = normalise(word);
    let texts: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
    codes
        .iter()
        .find(|c| **c == normal)
        .copied()
        .or_else(|| crate::yaml::suggest(word, &texts).and_then(Code::parse))
}

/// `word` with the usual slips undone: spaces, dashes and underscores dropped, the letter upper
/// case, look-alike letters in the number read as digits, a one-digit number padded.
fn normalise(word: &str) -> String {
    let word: String = word
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .collect();
    let mut chars = word.chars();
    let Some(letter) = chars.next() else {
        return String::new();
    };
    let digits: String = chars
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' | 'i' | '|' => '1',
            other => other,
        })
        .collect();
    let digits = if digits.len() == 1 && digits.chars().all(|c| c.is_ascii_digit()) {
        format!("0{digits}")
    } else {
        digits
    };
    format!("{}{digits}", letter.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::suggest_code;
    use crate::finding::Code;

    const CODES: &[Code] = &[
        Code::R01,
        Code::R02,
        Code::R06,
        Code::R10,
        Code::R11,
        Code::R12,
        Code::R20,
        Code::D01,
        Code::D10,
        Code::D11,
        Code::E03,
    ];

    #[test]
    fn look_alike_letters_are_read_as_digits() {
        assert_eq!(
            suggest_code("R1O", CODES),
            Some(Code::R10),
            "letter O for zero"
        );
        assert_eq!(suggest_code("RO6", CODES), Some(Code::R06));
        assert_eq!(
            suggest_code("R1l", CODES),
            Some(Code::R11),
            "letter l for one"
        );
        assert_eq!(
            suggest_code("DI0", CODES),
            Some(Code::D10),
            "capital I for one"
        );
    }

    #[test]
    fn case_padding_and_separators_are_undone() {
        assert_eq!(suggest_code("r06", CODES), Some(Code::R06));
        assert_eq!(
            suggest_code("R6", CODES),
            Some(Code::R06),
            "no leading zero"
        );
        assert_eq!(suggest_code("e3", CODES), Some(Code::E03));
        assert_eq!(suggest_code("R-20", CODES), Some(Code::R20));
        assert_eq!(suggest_code("d 11", CODES), Some(Code::D11));
    }

    #[test]
    fn other_mistakes_fall_back_to_the_general_suggestion() {
        // No slip to undo: the string distance decides, as for keys.
        let texts: Vec<&str> = CODES.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            suggest_code("D12", CODES),
            crate::yaml::suggest("D12", &texts).and_then(Code::parse)
        );
        assert_eq!(suggest_code("D12", CODES), Some(Code::D11));
        assert_eq!(suggest_code("nonsense", CODES), None);
        assert_eq!(suggest_code("", CODES), None);
        // A letter that names no family is not turned into one.
        assert_eq!(
            suggest_code("X06", CODES),
            crate::yaml::suggest("X06", &texts).and_then(Code::parse)
        );
    }
}
