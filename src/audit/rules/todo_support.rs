//! Pieces the rules' to-dos share (`Rule::todo`), as catalog arguments.

use crate::i18n::Arg;
use crate::msg;
use crate::wording;

/// ` «…»` after what it names (a subject, a task's title), cut to 60 characters;
/// nothing when there is none.
pub fn quoted(text: Option<&str>) -> Arg {
    text.map_or(Arg::Text(String::new()), |t| {
        Arg::from(msg!("todo-quoted", text = wording::quote(t, 60)))
    })
}

/// How to reach a person: their phone and email as the book writes them, or that the
/// book has neither.
pub fn reach(phone: Option<&str>, email: Option<&str>) -> Arg {
    if [phone, email]
        .into_iter()
        .flatten()
        .all(|s| s.trim().is_empty())
    {
        Arg::from(msg!("todo-no-reach"))
    } else {
        Arg::Text(wording::reach(phone, email))
    }
}
