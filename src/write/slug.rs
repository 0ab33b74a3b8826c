//! IDs made from names, for imported contacts and clients: Cyrillic transliterated
//! as the book's own IDs are (`Зимняя кампания` → `zimnyaya-kampaniya`), everything
//! else that is not a latin letter or a digit turned into a hyphen, and a number added
//! when the ID is taken.

/// The latin spelling of one Cyrillic letter (lower case), or `None` for a letter
/// that is not Russian Cyrillic.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        _ => return None,
    })
}

/// `name` as an ID: `[a-z0-9][a-z0-9-]*`, at most 64 characters; `fallback` when
/// nothing of the name is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(l) = latin(c) {
            out.push_str(l);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut id: String = out.trim_matches('-').to_owned();
    if id.len() > 64 {
        id.truncate(64);
        id = id.trim_end_matches('-').to_owned();
    }
    if id.is_empty() {
        fallback.to_owned()
    } else {
        id
    }
}

/// `base`, or `base-2`, `base-3`… : the first that `taken` does not hold.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2u32..)
        .map(|n| {
            let suffix = format!("-{n}");
            let keep = base.len().min(64 - suffix.len());
            format!("{}{suffix}", base[..keep].trim_end_matches('-'))
        })
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_names_read_as_the_books_ids() {
        assert_eq!(slug("Зимняя кампания", "x"), "zimnyaya-kampaniya");
        assert_eq!(slug("Юлия Лапина", "x"), "yuliya-lapina");
        assert_eq!(slug("Щукин Артём", "x"), "shchukin-artem");
        assert_eq!(slug("Олег Кравцов", "x"), "oleg-kravtsov");
        assert_eq!(slug("ООО «Ромашка»", "x"), "ooo-romashka");
        assert_eq!(slug("Acme, Inc.", "x"), "acme-inc");
        assert_eq!(slug("  --  ", "contact"), "contact");
        assert_eq!(slug("Объявление", "x"), "obyavlenie");
        let long = "а".repeat(100);
        assert_eq!(slug(&long, "x").len(), 64);
    }

    #[test]
    fn a_taken_id_gets_a_number() {
        let taken = ["ivanov", "ivanov-2"];
        assert_eq!(unique("ivanov", |id| taken.contains(&id)), "ivanov-3");
        assert_eq!(unique("petrov", |id| taken.contains(&id)), "petrov");
        let long = "a".repeat(64);
        let id = unique(&long, |id| id == long);
        assert_eq!(id.len(), 64);
        assert!(id.ends_with("-2"));
    }
}
