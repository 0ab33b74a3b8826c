use super::*;

fn d(s: &str) -> NaiveDate {
    crate::model::time::parse_date(s).expect("test date")
}

#[test]
fn russian_counts_take_one_few_and_many() {
    let files = |n: i64| msg!("audit-files", n = n).render(Lang::Ru);
    let said: Vec<String> = [1, 2, 5, 11, 21, 22, 25, 111, 0]
        .into_iter()
        .map(files)
        .collect();
    assert_eq!(
        said,
        [
            "1 файл",
            "2 файла",
            "5 файлов",
            "11 файлов",
            "21 файл",
            "22 файла",
            "25 файлов",
            "111 файлов",
            "0 файлов"
        ]
    );
}

#[test]
fn english_counts_take_one_and_other() {
    let errors = |n: i64| msg!("audit-errors", n = n).render(Lang::En);
    assert_eq!(errors(1), "1 error");
    assert_eq!(errors(0), "0 errors");
    assert_eq!(errors(21), "21 errors");
}

#[test]
fn a_nested_message_is_worded_in_the_same_language() {
    let inner = msg!("audit-errors", n = 3);
    let outer = msg!(
        "audit-waiver-lapsed",
        finding = inner,
        until = Arg::Date {
            date: d("2026-11-30"),
            today: d("2026-11-27")
        }
    );
    assert_eq!(
        outer.render(Lang::Ru),
        "3 ошибки (исключение истекло 30 ноября)"
    );
    assert_eq!(
        outer.render(Lang::En),
        "3 errors (its waiver lapsed on 2026-11-30)"
    );
}

#[test]
fn days_near_today_go_without_their_year() {
    let today = d("2026-11-27");
    assert_eq!(day_ru(d("2026-12-03"), today), "3 декабря");
    assert_eq!(day_ru(d("2027-01-10"), today), "10 января 2027 г.");
    assert_eq!(day_ru(d("2026-06-30"), today), "30 июня 2026 г.");
}

#[test]
fn an_unknown_message_or_argument_is_reported_not_a_panic() {
    let (text, problems) = catalog::format_checked(Lang::Ru, &msg!("no-such-message"));
    assert_eq!(text, "no-such-message");
    assert_eq!(problems.len(), 2, "{problems:?}");
    let (_, problems) = catalog::format_checked(Lang::En, &msg!("audit-errors"));
    assert!(
        problems.iter().all(|p| p.contains("Unknown variable: $n")) && !problems.is_empty(),
        "{problems:?}"
    );
}
