//! Small helpers shared by the rules R17–R30: the names of people, text that says
//! nothing, and short quotes of comments for messages.

use crate::book::{Book, ClientBook};

/// Text that says nothing: absent, or only whitespace.
pub(super) fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

/// The name of a team member, if `id` is one.
pub(super) fn team_name<'a>(book: &'a Book, id: &str) -> Option<&'a str> {
    book.settings
        .as_ref()
        .and_then(|s| s.team.iter().find(|m| m.id == id))
        .map(|m| m.name.as_str())
}

/// The name of whoever `id` names — a team member, a contractor, or (with `client`)
/// a contact of that client — else the ID itself.
pub(super) fn person_name<'a>(
    book: &'a Book,
    client: Option<&'a ClientBook>,
    id: &'a str,
) -> &'a str {
    team_name(book, id)
        .or_else(|| book.contractor(id).map(|c| c.data.name.as_str()))
        .or_else(|| client.and_then(|c| c.contact(id)).map(|p| p.name.as_str()))
        .unwrap_or(id)
}

/// The client's display name, else its ID.
pub(super) fn client_name(client: &ClientBook) -> &str {
    client
        .client
        .as_ref()
        .map_or(client.id.as_str(), |c| c.data.name.as_str())
}

/// `«text»`, cut to `max` characters (with an ellipsis) and on one line.
pub(super) fn quote(text: &str, max: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        format!("«{line}»")
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("«{}…»", cut.trim_end())
    }
}

/// "1 day" / "5 days".
pub(super) fn days(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_and_on_one_line() {
        assert_eq!(
            quote("Поменять  цвет\nлоготипа", 40),
            "«Поменять цвет логотипа»"
        );
        assert_eq!(quote("абвгдежзик", 5), "«абвг…»");
        assert_eq!(
            quote("абвг дежзик", 6),
            "«абвг…»",
            "no space before the ellipsis"
        );
    }

    #[test]
    fn blank_text() {
        assert!(is_blank(None));
        assert!(is_blank(Some("  \n")));
        assert!(!is_blank(Some("план Б")));
    }

    #[test]
    fn day_counts() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(3), "3 days");
    }
}
