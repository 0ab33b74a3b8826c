//! Deterministic synthetic book generator (for benchmarks and tests).
//!
//! ```text
//! cargo run --release --example gen_book -- OUT_DIR [--clients N] [--seed S] [--history N]
//! ```
//!
//! Writes a book that is valid per the format reference (docs/format.md): `rapport.yaml`,
//! `contractors/` and, per client, `client.yaml`, `contracts/`, `projects/`, `meetings/`,
//! `log/` and `invoices/` — about 55 YAML files per client of 0.3–2 KB each, with Russian
//! text. The output is byte-identical for the same arguments: all randomness comes from a
//! seeded splitmix64 stream per client, and no hash-map order leaks into the output.
//!
//! The book is realistic rather than clean: it parses and every reference resolves, but
//! some meetings have no report, some letters were never answered, some invoices are
//! unpaid — so the audit has something to find.
//!
//! With `--history N` the book is also a git repository of N commits with set dates
//! (from 2026-06-01, a day or so apart): the whole book first, then N − 1 small steps —
//! a project's deadline moved a week (every other one recorded under
//! `deadline_changes`, told the same day), a sent invoice re-dated, or a client's file
//! touched — for the benchmark of the audit's history checks. Commits are written
//! with git's plumbing (`update-index`, `write-tree`, `commit-tree`), without hooks or
//! the user's configuration, so the same arguments give the same commit IDs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rayon::prelude::*;

// ---------------------------------------------------------------------------------------
// Randomness and dates
// ---------------------------------------------------------------------------------------

/// splitmix64: tiny, fast, good enough, and fully specified (so the output never changes).
struct Rng(u64);

impl Rng {
    fn derive(seed: u64, a: u64, b: u64) -> Self {
        let mut r = Rng(seed
            ^ a.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    fn pick_str<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }

    /// Between `lo` and `hi` distinct indices from `0..n`, in ascending order.
    fn sample_k(&mut self, n: usize, lo: i64, hi: i64) -> Vec<usize> {
        let k = self.range(lo, hi) as usize;
        self.sample(n, k)
    }

    /// `k` distinct indices from `0..n`, in ascending order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below((n - i) as u64) as usize;
            idx.swap(i, j);
        }
        idx.truncate(k);
        idx.sort_unstable();
        idx
    }
}

/// A calendar date as days since 1970-01-01.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Date(i64);

impl Date {
    fn ymd(y: i64, m: i64, d: i64) -> Self {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe - 719_468)
    }

    fn civil(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    fn year(self) -> i64 {
        self.civil().0
    }

    fn add(self, days: i64) -> Self {
        Date(self.0 + days)
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    fn add_months(self, n: i64) -> Self {
        let (y, m, d) = self.civil();
        let total = y * 12 + (m - 1) + n;
        let (y2, m2) = (total.div_euclid(12), total.rem_euclid(12) + 1);
        let last = Date::ymd(y2 + (m2 / 12), m2 % 12 + 1, 1).add(-1).civil().2;
        Date::ymd(y2, m2, d.min(last))
    }

    fn between(rng: &mut Rng, lo: Date, hi: Date) -> Date {
        Date(rng.range(lo.0, hi.0.max(lo.0)))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.civil();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// A local date-time, minute precision.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct DateTime {
    date: Date,
    minute: i64,
}

impl DateTime {
    fn at(date: Date, h: i64, m: i64) -> Self {
        DateTime {
            date,
            minute: h * 60 + m,
        }
    }

    fn plus_minutes(self, mins: i64) -> Self {
        let total = self.date.0 * 1440 + self.minute + mins;
        DateTime {
            date: Date(total.div_euclid(1440)),
            minute: total.rem_euclid(1440),
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}

fn today() -> Date {
    Date::ymd(2026, 11, 27)
}

/// Russian public holidays (the non-working days of the production calendar), 2024–2027.
fn holidays() -> Vec<Date> {
    let mut v = Vec::new();
    for y in 2024..=2027 {
        for d in 1..=8 {
            v.push(Date::ymd(y, 1, d));
        }
        for (m, d) in [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)] {
            v.push(Date::ymd(y, m, d));
        }
    }
    v.sort();
    v
}

fn is_workday(d: Date, hol: &[Date]) -> bool {
    d.weekday() < 5 && hol.binary_search(&d).is_err()
}

/// Moves a moment that falls outside working hours (10:00–20:00 on a working day) to the
/// next working morning, keeping some of the minutes for variety.
fn in_hours(dt: DateTime, hol: &[Date]) -> DateTime {
    if is_workday(dt.date, hol) && (10 * 60..20 * 60).contains(&dt.minute) {
        return dt;
    }
    let date = if dt.minute < 10 * 60 {
        dt.date
    } else {
        dt.date.add(1)
    };
    DateTime {
        date: next_workday(date, hol),
        minute: 10 * 60 + dt.minute % 120,
    }
}

fn next_workday(mut d: Date, hol: &[Date]) -> Date {
    while !is_workday(d, hol) {
        d = d.add(1);
    }
    d
}

fn workday_between(rng: &mut Rng, lo: Date, hi: Date, hol: &[Date]) -> Date {
    let d = next_workday(Date::between(rng, lo, hi), hol);
    if d > hi && lo <= hi {
        // Ran past the end; walk back to a working day instead.
        let mut b = hi;
        while !is_workday(b, hol) && b > lo {
            b = b.add(-1);
        }
        b
    } else {
        d
    }
}

// ---------------------------------------------------------------------------------------
// YAML text helpers
// ---------------------------------------------------------------------------------------

/// Money in kopecks, written as a decimal with at most 2 places.
fn money(kop: i64) -> String {
    if kop % 100 == 0 {
        format!("{}", kop / 100)
    } else {
        format!("{}.{:02}", kop / 100, kop % 100)
    }
}

/// Money, sometimes as `125000.00` or as a quoted string (both are allowed by the format).
fn money_styled(rng: &mut Rng, kop: i64) -> String {
    match rng.below(20) {
        0 => format!("\"{}\"", money_2(kop)),
        1..=3 => money_2(kop),
        _ => money(kop),
    }
}

fn money_2(kop: i64) -> String {
    format!("{}.{:02}", kop / 100, kop % 100)
}

/// A double-quoted YAML string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A plain scalar where that is unambiguous (as a person would write it), else quoted.
fn p(s: &str) -> String {
    let Some(first) = s.chars().next() else {
        return "\"\"".to_string();
    };
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    let plain_ok = !first.is_ascii_digit()
        && !first.is_whitespace()
        && !"-?:,[]{}#&*!|>'\"%@`+.".contains(first)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.ends_with(' ')
        && !s.contains('\n')
        && !s.contains('"')
        && !reserved.iter().any(|r| s.eq_ignore_ascii_case(r));
    if plain_ok { s.to_string() } else { q(s) }
}

/// A literal block scalar (`|`) at the given indentation of its key.
fn block(out: &mut String, indent: usize, key: &str, lines: &[&str]) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}: |");
    for l in lines {
        let _ = writeln!(out, "{pad}  {l}");
    }
}

fn flow_list(ids: &[&str]) -> String {
    format!("[{}]", ids.join(", "))
}

fn sentences(rng: &mut Rng, pool: &[&str], lo: usize, hi: usize) -> String {
    let n = rng.range(lo as i64, hi as i64) as usize;
    let idx = rng.sample(pool.len(), n);
    let mut s = String::new();
    for (k, i) in idx.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(pool[*i]);
    }
    s
}

// ---------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------

const MALE: &[(&str, &str)] = &[
    ("Александр", "aleksandr"),
    ("Дмитрий", "dmitrii"),
    ("Максим", "maksim"),
    ("Сергей", "sergei"),
    ("Андрей", "andrei"),
    ("Алексей", "aleksei"),
    ("Артём", "artyom"),
    ("Илья", "ilya"),
    ("Кирилл", "kirill"),
    ("Михаил", "mikhail"),
    ("Никита", "nikita"),
    ("Матвей", "matvei"),
    ("Роман", "roman"),
    ("Егор", "egor"),
    ("Олег", "oleg"),
    ("Павел", "pavel"),
    ("Игорь", "igor"),
    ("Владимир", "vladimir"),
    ("Денис", "denis"),
    ("Евгений", "evgenii"),
];

const FEMALE: &[(&str, &str)] = &[
    ("Анна", "anna"),
    ("Мария", "mariya"),
    ("Елена", "elena"),
    ("Ольга", "olga"),
    ("Наталья", "natalya"),
    ("Екатерина", "ekaterina"),
    ("Татьяна", "tatyana"),
    ("Ирина", "irina"),
    ("Светлана", "svetlana"),
    ("Юлия", "yuliya"),
    ("Дарья", "darya"),
    ("Полина", "polina"),
    ("Ксения", "kseniya"),
    ("Алина", "alina"),
    ("Виктория", "viktoriya"),
    ("Марина", "marina"),
    ("Вера", "vera"),
    ("София", "sofiya"),
    ("Людмила", "lyudmila"),
    ("Алёна", "alyona"),
];

/// Masculine surnames; the feminine form appends "а" / "a".
const SURNAMES: &[(&str, &str)] = &[
    ("Иванов", "ivanov"),
    ("Смирнов", "smirnov"),
    ("Кузнецов", "kuznetsov"),
    ("Попов", "popov"),
    ("Васильев", "vasilev"),
    ("Петров", "petrov"),
    ("Соколов", "sokolov"),
    ("Михайлов", "mikhailov"),
    ("Новиков", "novikov"),
    ("Фёдоров", "fedorov"),
    ("Морозов", "morozov"),
    ("Волков", "volkov"),
    ("Алексеев", "alekseev"),
    ("Лебедев", "lebedev"),
    ("Семёнов", "semyonov"),
    ("Егоров", "egorov"),
    ("Павлов", "pavlov"),
    ("Козлов", "kozlov"),
    ("Степанов", "stepanov"),
    ("Николаев", "nikolaev"),
    ("Орлов", "orlov"),
    ("Андреев", "andreev"),
    ("Макаров", "makarov"),
    ("Никитин", "nikitin"),
    ("Захаров", "zakharov"),
    ("Зайцев", "zaitsev"),
    ("Соловьёв", "solovyov"),
    ("Борисов", "borisov"),
    ("Яковлев", "yakovlev"),
    ("Григорьев", "grigorev"),
    ("Романов", "romanov"),
    ("Воробьёв", "vorobyov"),
    ("Сергеев", "sergeev"),
    ("Кузьмин", "kuzmin"),
    ("Фролов", "frolov"),
    ("Белов", "belov"),
    ("Тихонов", "tikhonov"),
    ("Крылов", "krylov"),
    ("Жуков", "zhukov"),
    ("Комаров", "komarov"),
];

const BRANDS: &[(&str, &str)] = &[
    ("Альфа", "alfa"),
    ("Вектор", "vektor"),
    ("Сибирь", "sibir"),
    ("Волга", "volga"),
    ("Байкал", "baikal"),
    ("Орион", "orion"),
    ("Гранит", "granit"),
    ("Импульс", "impuls"),
    ("Меридиан", "meridian"),
    ("Полюс", "polyus"),
    ("Ладога", "ladoga"),
    ("Спектр", "spektr"),
    ("Феникс", "feniks"),
    ("Атлант", "atlant"),
    ("Зенит", "zenit"),
    ("Кедр", "kedr"),
    ("Мастер", "master"),
    ("Прогресс", "progress"),
    ("Ресурс", "resurs"),
    ("Эталон", "etalon"),
    ("Регион", "region"),
    ("Старт", "start"),
    ("Триумф", "triumf"),
    ("Урал", "ural"),
    ("Форвард", "forvard"),
    ("Квант", "kvant"),
    ("Лидер", "lider"),
    ("Магистраль", "magistral"),
    ("Нева", "neva"),
    ("Океан", "okean"),
    ("Пульсар", "pulsar"),
    ("Радуга", "raduga"),
    ("Сфера", "sfera"),
    ("Темп", "temp"),
    ("Уют", "uyut"),
    ("Факел", "fakel"),
    ("Цитадель", "tsitadel"),
    ("Эверест", "everest"),
    ("Янтарь", "yantar"),
    ("Северсталь", "severstal"),
    ("Горизонт", "gorizont"),
    ("Дельта", "delta"),
    ("Аврора", "avrora"),
    ("Берёзка", "beryozka"),
];

const BRAND_SUFFIX: &[(&str, &str)] = &[
    ("Групп", "grupp"),
    ("Трейд", "treid"),
    ("Софт", "soft"),
    ("Маркет", "market"),
    ("Строй", "stroi"),
    ("Логистик", "logistik"),
    ("Фуд", "fud"),
    ("Медиа", "media"),
    ("Девелопмент", "development"),
    ("Инвест", "invest"),
    ("Агро", "agro"),
    ("Тех", "tekh"),
    ("Фарм", "farm"),
    ("Моторс", "motors"),
    ("Дом", "dom"),
];

const CITIES: &[&str] = &[
    "г. Москва",
    "г. Санкт-Петербург",
    "г. Казань",
    "г. Екатеринбург",
    "г. Новосибирск",
    "г. Нижний Новгород",
    "г. Самара",
    "г. Краснодар",
    "г. Ростов-на-Дону",
    "г. Тюмень",
];

const STREETS: &[&str] = &[
    "ул. Ленина",
    "Садовая ул.",
    "пр-т Мира",
    "Лесная ул.",
    "ул. Гагарина",
    "Новослободская ул.",
    "наб. Обводного канала",
    "Профсоюзная ул.",
    "ул. Пушкина",
    "Заводская ул.",
    "Ленинградский пр-т",
    "ул. Большая Полянка",
];

const POSITIONS: &[&str] = &[
    "Генеральный директор",
    "Директор по маркетингу",
    "Маркетолог",
    "Бренд-менеджер",
    "Руководитель отдела продаж",
    "PR-менеджер",
    "Коммерческий директор",
    "Менеджер по рекламе",
    "Главный бухгалтер",
    "Руководитель digital-направления",
    "SMM-менеджер",
    "Продакт-менеджер",
    "Помощник генерального директора",
    "Руководитель отдела закупок",
];

const PROFILES: &[&str] = &[
    "Решения принимает быстро, но любит видеть цифры и сравнение вариантов.",
    "Предпочитает короткие письма с выводом в первом абзаце.",
    "Не любит звонки без предупреждения, лучше сначала написать в мессенджер.",
    "Внимательно проверяет макеты, замечает каждую запятую и каждый пиксель.",
    "Работает с нами с первого проекта и доверяет мнению креативного директора.",
    "Всё согласует с генеральным директором: закладывать на согласование два-три дня.",
    "Ценит инициативу, идеи лучше предлагать до того, как он попросит.",
    "Болезненно реагирует на перенос сроков, предупреждать заранее.",
    "Любит обсуждать задачи вживую, на встречах открыт к экспериментам.",
    "Каждый август в отпуске, на это время её замещает заместитель.",
    "Просит присылать отчёты в PDF, а не ссылками на таблицы.",
    "Раньше работал в крупном агентстве, хорошо понимает нашу кухню.",
    "Отвечает вечером, днём почти всегда на встречах.",
    "Важно, чтобы в письмах не было профессионального жаргона.",
    "Собирает обратную связь от всего отдела, поэтому правки приходят одним списком.",
    "Любит хороший кофе и не любит длинные презентации.",
];

const PROJECTS: &[(&str, &str)] = &[
    ("Редизайн сайта", "redesign"),
    ("Ведение соцсетей", "smm"),
    ("Запуск контекстной рекламы", "context-ads"),
    ("Фирменный стиль", "brand-identity"),
    ("Новогодняя кампания", "new-year"),
    ("Каталог продукции", "catalogue"),
    ("Видеоролик о компании", "company-video"),
    ("Стенд на выставке «Иннопром»", "innoprom-stand"),
    ("SEO-продвижение", "seo"),
    ("Лендинг для нового продукта", "landing"),
    ("Годовой отчёт", "annual-report"),
    ("Упаковка для новой линейки", "packaging"),
    ("Корпоративный календарь", "calendar"),
    ("Ребрендинг", "rebranding"),
    ("Мобильное приложение", "mobile-app"),
    ("Фотосъёмка продукции", "product-photo"),
    ("Конференция для дилеров", "dealer-conference"),
    ("PR-кампания к юбилею", "anniversary-pr"),
    ("Email-рассылки", "email-campaigns"),
    ("Наружная реклама", "outdoor"),
    ("Презентация для инвесторов", "investor-deck"),
    ("Сувенирная продукция", "merch"),
    ("Запуск маркетплейса", "marketplace"),
    ("Летняя акция", "summer-promo"),
];

const TASKS: &[(&str, &[&str])] = &[
    (
        "design",
        &[
            "Макет главной страницы",
            "Адаптив для мобильных",
            "Баннеры для рекламной кампании",
            "Обложка каталога",
            "Логотип, три варианта",
            "Иконки для раздела услуг",
            "Шаблон презентации",
        ],
    ),
    (
        "copy",
        &[
            "Тексты для главной страницы",
            "Сценарий ролика",
            "Пресс-релиз",
            "Посты на месяц",
            "Слоган и подзаголовки",
            "Описание товаров для каталога",
        ],
    ),
    (
        "dev",
        &[
            "Вёрстка главной страницы",
            "Интеграция с CRM",
            "Настройка аналитики",
            "Форма заявки",
            "Перенос сайта на новый хостинг",
            "Личный кабинет",
        ],
    ),
    (
        "creative",
        &[
            "Концепция кампании",
            "Креативная идея для ролика",
            "Три направления для ребрендинга",
            "Механика акции",
        ],
    ),
    (
        "production",
        &[
            "Съёмка ролика",
            "Печать тиража",
            "Изготовление стенда",
            "Фотосъёмка в студии",
            "Монтаж и цветокоррекция",
        ],
    ),
    (
        "other",
        &[
            "Согласовать смету с клиентом",
            "Собрать бриф",
            "Подготовить отчёт",
            "Организовать встречу с подрядчиком",
        ],
    ),
];

const TASK_DOCS: &[&str] = &[
    "ТЗ в папке проекта, раздел «Задачи»",
    "Задача поставлена письмом, ссылки на референсы внутри",
    "ТЗ на одну страницу: цель, аудитория, формат, сроки",
    "Бриф клиента плюс наши комментарии на полях",
];

const AGENDA: &[&str] = &[
    "Итоги прошлого месяца и ключевые цифры",
    "Статус работ по проекту",
    "Согласование макетов главной страницы",
    "Медиаплан на следующий квартал",
    "Бюджет и распределение по каналам",
    "Обратная связь по последней рассылке",
    "Сроки запуска и зависимости от клиента",
    "Новые задачи от отдела продаж",
    "Результаты A/B-теста баннеров",
    "Подготовка к выставке",
    "Продление договора и условия на следующий год",
    "Риски по срокам и план Б",
    "Требования юристов к текстам",
    "Кто согласует материалы со стороны клиента",
    "Идеи для новогодней кампании",
];

const DECISIONS: &[&str] = &[
    "Запускаем кампанию в понедельник, бюджет оставляем прежним.",
    "Второй вариант макета берём в работу с правками по цвету.",
    "Отчёты присылаем до пятого числа каждого месяца.",
    "Съёмку переносим на следующую неделю из-за погоды.",
    "Клиент сам готовит тексты для раздела «О компании».",
    "Согласующий со стороны клиента — директор по маркетингу.",
    "Увеличиваем бюджет на контекст на пятнадцать процентов.",
    "Отказываемся от наружной рекламы в этом квартале.",
    "Готовим два варианта сценария к следующей встрече.",
    "Продлеваем договор на год на тех же условиях.",
    "Еженедельный созвон по вторникам в одиннадцать.",
    "Тестовый запуск на одном регионе, затем масштабируем.",
];

const ACTIONS: &[&str] = &[
    "Прислать обновлённую смету",
    "Подготовить три варианта баннеров",
    "Согласовать тексты с юристами",
    "Отправить доступы к рекламному кабинету",
    "Собрать отзывы отдела продаж",
    "Забронировать студию для съёмки",
    "Подготовить отчёт за месяц",
    "Прислать фотографии продукции",
    "Выставить счёт на аванс",
    "Назначить встречу с генеральным директором",
    "Обновить медиаплан",
    "Проверить вёрстку на мобильных",
];

const NOTES: &[&str] = &[
    "Клиент доволен динамикой заявок, но просит больше целевых обращений.",
    "Обсудили сезонность: пик спроса ожидается в марте.",
    "Директор по маркетингу уходит в отпуск, на время отпуска вопросы решает заместитель.",
    "Есть риск задержки из-за согласования с головным офисом.",
    "Клиент упомянул, что рассматривает ещё одно агентство для SMM.",
    "Хорошая встреча, договорились о регулярном формате.",
    "Попросили прислать кейсы по похожим проектам.",
    "Нужно заранее предупредить о праздничных днях в мае.",
];

const SUBJECTS: &[(&str, &str)] = &[
    ("Согласование макетов", "makety"),
    ("Счёт на оплату", "schet"),
    ("Отчёт за месяц", "otchet"),
    ("Правки по текстам", "pravki"),
    ("Вопрос по срокам", "sroki"),
    ("Приглашение на встречу", "vstrecha"),
    ("Продление договора", "prodlenie"),
    ("Результаты кампании", "rezultaty"),
    ("Новый бриф", "brif"),
    ("Акт выполненных работ", "akt"),
    ("Статус проекта", "status"),
    ("Доступы к кабинетам", "dostupy"),
    ("Закрывающие документы", "dokumenty"),
    ("Идеи на следующий квартал", "idei"),
];

const SUMMARIES: &[&str] = &[
    "Клиент просит перенести созвон на четверг.",
    "Отправили обновлённые макеты, ждём комментариев до конца недели.",
    "Уточнили, кто со стороны клиента согласует финальную версию.",
    "Клиент прислал правки по текстам, часть из них противоречит брифу.",
    "Обсудили бюджет на следующий месяц, клиент готов увеличить на десять процентов.",
    "Напомнили об оплате счёта, бухгалтерия обещала оплатить в пятницу.",
    "Передали отчёт за месяц, клиент доволен ростом заявок.",
    "Клиент спрашивает, можно ли ускорить запуск на неделю.",
    "Договорились о встрече в офисе клиента.",
    "Клиент недоволен качеством фотографий, просит переснять часть кадров.",
    "Отправили акт и счёт, оригиналы уйдут почтой.",
    "Клиент поделился планами на следующий год, есть интерес к видео.",
    "Обсудили замену подрядчика по печати.",
    "Попросили прислать логотипы партнёров в векторе.",
    "Клиент подтвердил, что бриф понят правильно.",
    "Выяснили, что юристы клиента не успевают проверить тексты к сроку.",
    "Предложили два варианта механики акции, клиент выбрал второй.",
    "Сообщили о переносе съёмки, клиент согласен.",
    "Бухгалтерия клиента просит указывать номер договора в назначении платежа.",
    "Клиент переслал письмо от своего руководителя с вопросами по стратегии.",
    "Договорились, что финальную версию утверждает генеральный директор.",
    "Клиент просит добавить в отчёт данные по звонкам из колл-трекинга.",
    "Обсудили, как мы будем работать в праздничные дни.",
    "Клиент спросил про стоимость дополнительной съёмки, пообещали прислать оценку.",
    "Уточнили требования площадки к размерам баннеров.",
    "Клиент сообщил, что меняется контактное лицо по проекту.",
    "Прислали ссылку на черновик презентации, ждём комментарии.",
    "Клиент напомнил про обещанный отчёт по конкурентам.",
    "Согласовали график публикаций на следующий месяц.",
    "Клиент просит созвониться до обеда, после обеда у него совет директоров.",
];

const FEEDBACK: &[(&str, &str)] = &[
    (
        "Логотип крупнее",
        "Увеличили на двадцать процентов, проверили на мобильных.",
    ),
    (
        "Заменить фото на главной",
        "Подобрали три варианта из фотобанка.",
    ),
    (
        "Слишком много текста в первом экране",
        "Сократили до двух предложений.",
    ),
    (
        "Цвет кнопки не из брендбука",
        "Исправили на фирменный синий.",
    ),
    (
        "Добавить телефон в шапку",
        "Добавили, кликабельный на мобильных.",
    ),
    (
        "Шрифт в заголовках выглядит несерьёзно",
        "Объяснили выбор, клиент согласился оставить.",
    ),
    (
        "Убрать упоминание конкурентов",
        "Убрали из всех материалов.",
    ),
    (
        "Хотим видео вместо баннера",
        "Это вне сметы, предложили отдельную оценку.",
    ),
    ("Поменять порядок блоков", "Переставили, как просили."),
    (
        "Тон текста слишком официальный",
        "Переписали проще, без канцелярита.",
    ),
];

const DECLINED: &[(&str, &str)] = &[
    (
        "Сделать ещё пять вариантов логотипа",
        "Сверх сметы, три варианта уже согласованы.",
    ),
    (
        "Запустить рекламу без модерации текстов юристами",
        "Риск блокировки и штрафа.",
    ),
    (
        "Перенести запуск на выходные",
        "Нет поддержки площадки в выходные.",
    ),
    (
        "Использовать фото из интернета",
        "Нет прав на использование.",
    ),
];

const PLAN_B: &[&str] = &[
    "Если клиент не успеет с текстами, запускаем с временными текстами от нашего копирайтера.",
    "Резервный подрядчик по печати уже предупреждён.",
    "При задержке согласования сдвигаем запуск, а не сокращаем тестирование.",
    "Держим запасную студию на соседнюю дату.",
];

const TIED_TO: &[&str] = &[
    "открытие выставки",
    "запуск продаж новой линейки",
    "совет директоров",
    "начало сезона",
    "новогодние праздники",
    "отчётная конференция",
];

const PLACES_IN_PERSON: &[&str] = &[
    "офис клиента, переговорная на третьем этаже",
    "наш офис",
    "кафе рядом с офисом клиента",
    "производство клиента",
];

const PLACES_VIDEO: &[&str] = &["Zoom", "Яндекс Телемост", "Контур.Толк", "Google Meet"];

const MEETING_KINDS: &[&str] = &[
    "sync",
    "status",
    "review",
    "kickoff",
    "workshop",
    "presentation",
    "planning",
    "quarterly",
    "brief",
    "retro",
];

const BANKS: &[(&str, &str, &str)] = &[
    ("ПАО Сбербанк", "044525225", "30101810400000000225"),
    ("АО «Тинькофф Банк»", "044525974", "30101810145250000974"),
    ("АО «Альфа-Банк»", "044525593", "30101810200000000593"),
    ("Банк ВТБ (ПАО)", "044525187", "30101810700000000187"),
];

struct Service {
    id: &'static str,
    name: &'static str,
    unit: &'static str,
    price_rub: i64,
    items: &'static [&'static str],
}

const SERVICES: &[Service] = &[
    Service {
        id: "smm",
        name: "Ведение соцсетей",
        unit: "мес.",
        price_rub: 85_000,
        items: &[
            "Ведение сообществ",
            "Контент-план и публикации",
            "Таргетированная реклама",
        ],
    },
    Service {
        id: "context",
        name: "Контекстная реклама",
        unit: "мес.",
        price_rub: 60_000,
        items: &["Настройка и ведение кампаний", "Аудит рекламного кабинета"],
    },
    Service {
        id: "seo",
        name: "SEO-продвижение",
        unit: "мес.",
        price_rub: 70_000,
        items: &["Поисковое продвижение", "Технический аудит сайта"],
    },
    Service {
        id: "web-design",
        name: "Дизайн сайта",
        unit: "шт.",
        price_rub: 45_000,
        items: &[
            "Дизайн главной страницы",
            "Дизайн внутренней страницы",
            "UI-кит",
        ],
    },
    Service {
        id: "web-dev",
        name: "Разработка сайта",
        unit: "ч",
        price_rub: 3_500,
        items: &["Вёрстка", "Программирование", "Интеграция с CRM"],
    },
    Service {
        id: "branding",
        name: "Фирменный стиль",
        unit: "проект",
        price_rub: 450_000,
        items: &["Разработка логотипа", "Брендбук", "Фирменный стиль"],
    },
    Service {
        id: "copywriting",
        name: "Копирайтинг",
        unit: "тыс. знаков",
        price_rub: 1_500,
        items: &["Тексты для сайта", "Статьи для блога", "Пресс-релиз"],
    },
    Service {
        id: "video",
        name: "Видеопродакшн",
        unit: "ролик",
        price_rub: 280_000,
        items: &["Имиджевый ролик", "Ролик для соцсетей", "Монтаж"],
    },
    Service {
        id: "photo",
        name: "Фотосъёмка",
        unit: "смена",
        price_rub: 45_000,
        items: &["Предметная съёмка", "Репортажная съёмка"],
    },
    Service {
        id: "print",
        name: "Полиграфия",
        unit: "тираж",
        price_rub: 60_000,
        items: &["Печать каталога", "Печать листовок", "Визитки"],
    },
    Service {
        id: "events",
        name: "Организация мероприятий",
        unit: "мероприятие",
        price_rub: 500_000,
        items: &["Организация конференции", "Корпоративное мероприятие"],
    },
    Service {
        id: "pr",
        name: "PR-сопровождение",
        unit: "мес.",
        price_rub: 120_000,
        items: &["PR-сопровождение", "Публикации в СМИ"],
    },
];

// ---------------------------------------------------------------------------------------
// The agency (rapport.yaml) and contractors
// ---------------------------------------------------------------------------------------

struct Member {
    id: &'static str,
    name: &'static str,
    role: &'static str,
}

const TEAM: &[Member] = &[
    Member {
        id: "sokolova",
        name: "Мария Соколова",
        role: "manager",
    },
    Member {
        id: "orlov",
        name: "Дмитрий Орлов",
        role: "account",
    },
    Member {
        id: "lebedeva",
        name: "Екатерина Лебедева",
        role: "account",
    },
    Member {
        id: "kozlov",
        name: "Артём Козлов",
        role: "account",
    },
    Member {
        id: "belova",
        name: "Ирина Белова",
        role: "account",
    },
    Member {
        id: "novikov",
        name: "Илья Новиков",
        role: "designer",
    },
    Member {
        id: "zaitseva",
        name: "Полина Зайцева",
        role: "designer",
    },
    Member {
        id: "frolova",
        name: "Дарья Фролова",
        role: "copywriter",
    },
    Member {
        id: "grigorev",
        name: "Максим Григорьев",
        role: "creative",
    },
    Member {
        id: "stepanov",
        name: "Кирилл Степанов",
        role: "developer",
    },
    Member {
        id: "yakovleva",
        name: "Алина Яковлева",
        role: "developer",
    },
    Member {
        id: "romanov",
        name: "Павел Романов",
        role: "producer",
    },
];

const CURATORS: &[(&str, &str, &str)] = &[
    (
        "kuznetsov",
        "Сергей Кузнецов",
        "s.kuznetsov@rapport-agency.ru",
    ),
    ("morozova", "Ольга Морозова", "o.morozova@rapport-agency.ru"),
    ("andreev", "Владимир Андреев", "v.andreev@rapport-agency.ru"),
];

fn team_with_role(role: &str) -> Vec<&'static str> {
    TEAM.iter()
        .filter(|m| m.role == role)
        .map(|m| m.id)
        .collect()
}

fn team_email(id: &str) -> String {
    format!("{id}@rapport-agency.ru")
}

fn phone(rng: &mut Rng) -> String {
    format!(
        "+7 9{:02} {:03}-{:02}-{:02}",
        rng.below(100),
        rng.below(1000),
        rng.below(100),
        rng.below(100)
    )
}

fn digits(rng: &mut Rng, n: usize) -> String {
    let mut s = String::with_capacity(n);
    s.push(char::from(b'1' + rng.below(9) as u8));
    for _ in 1..n {
        s.push(char::from(b'0' + rng.below(10) as u8));
    }
    s
}

/// A 10-digit INN of a legal entity, with a valid control digit.
fn inn(rng: &mut Rng) -> String {
    let mut s = digits(rng, 9);
    let w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    let sum: u32 = s.bytes().zip(w).map(|(b, w)| u32::from(b - b'0') * w).sum();
    s.push(char::from(b'0' + (sum % 11 % 10) as u8));
    s
}

/// A 13-digit OGRN with a valid control digit.
fn ogrn(rng: &mut Rng) -> String {
    let mut s = format!("1{}", &digits(rng, 12)[1..]);
    let n: u64 = s.bytes().fold(0, |a, b| a * 10 + u64::from(b - b'0'));
    s.push(char::from(b'0' + (n % 11 % 10) as u8));
    s
}

/// A 20-digit settlement account (40702810…) whose control key matches the bank's BIK.
fn bank_account(rng: &mut Rng, bik: &str) -> String {
    let mut acc: Vec<u8> = format!("40702810{}", digits(rng, 12)).into_bytes();
    acc[8] = b'0';
    let all: Vec<u8> = bik.bytes().skip(6).chain(acc.iter().copied()).collect();
    let w = [7u32, 1, 3];
    let sum: u32 = all
        .iter()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * w[i % 3] % 10)
        .sum();
    // The key sits at position 11 of the 23 digits (weight 3): 3 × key ≡ −sum (mod 10).
    acc[8] = b'0' + (((10 - sum % 10) % 10 * 7) % 10) as u8;
    String::from_utf8(acc).unwrap_or_default()
}

fn address(rng: &mut Rng) -> String {
    format!(
        "{}, {}, д. {}, оф. {}",
        rng.pick(CITIES),
        rng.pick(STREETS),
        rng.range(1, 120),
        rng.range(1, 450)
    )
}

fn rapport_yaml(rng: &mut Rng, hol: &[Date]) -> String {
    let mut o = String::with_capacity(6000);
    o.push_str("# Настройки книги: агентство, команда, услуги, правила.\n");
    o.push_str("agency:\n  name: Рапорт\n  legal:\n");
    let _ = writeln!(o, "    name: {}", q("ООО «Рапорт Коммуникации»"));
    let _ = writeln!(o, "    inn: \"{}\"", inn(rng));
    let _ = writeln!(o, "    kpp: \"{}\"", digits(rng, 9));
    let _ = writeln!(o, "    ogrn: \"{}\"", ogrn(rng));
    let _ = writeln!(
        o,
        "    address: {}",
        q("г. Москва, ул. Большая Полянка, д. 7, оф. 12")
    );
    let (bank, bik, corr) = BANKS[0];
    let _ = writeln!(o, "  bank:\n    name: {}", p(bank));
    let _ = writeln!(o, "    bik: \"{bik}\"");
    let _ = writeln!(o, "    account: \"{}\"", bank_account(rng, bik));
    let _ = writeln!(o, "    corr_account: \"{corr}\"");
    o.push_str("  signatory: Соколова М. А., генеральный директор\n");
    o.push_str("  email: hello@rapport-agency.ru\n");
    o.push_str("  phone: \"+7 495 123-45-67\"\n");
    o.push_str("  address: \"г. Москва, ул. Большая Полянка, д. 7\"\n");
    o.push_str("currency: RUB\nlocale: ru\ntimezone: Europe/Moscow\nvat: 22\n");
    o.push_str("workweek: [mon, tue, wed, thu, fri]\n");
    o.push_str("workday:\n  start: \"10:00\"\n  end: \"19:00\"\n");
    o.push_str("holidays:\n");
    for d in hol {
        let _ = writeln!(o, "  - {d}");
    }
    o.push_str("invoice:\n  number: \"{year}-{seq:04}\"\n  payment_days: 5\n");
    o.push_str("  prices_include_vat: true\n");
    // The agency began keeping acts of work done this November: older invoices need
    // none (D13), as in a book that took up acts when rapport learnt them.
    o.push_str("act:\n  since: 2026-11-01\n");
    o.push_str("team:\n");
    for m in TEAM {
        let _ = writeln!(
            o,
            "  - id: {}\n    name: {}\n    role: {}",
            m.id, m.name, m.role
        );
        let _ = writeln!(o, "    email: {}", team_email(m.id));
        let _ = writeln!(o, "    phone: \"{}\"", phone(rng));
    }
    o.push_str("curators:\n");
    for (id, name, email) in CURATORS {
        let _ = writeln!(o, "  - id: {id}\n    name: {name}\n    email: {email}");
    }
    o.push_str("services:\n");
    for s in SERVICES {
        let _ = writeln!(o, "  - id: {}\n    name: {}", s.id, p(s.name));
        let _ = writeln!(o, "    unit: {}\n    price: {}", p(s.unit), s.price_rub);
    }
    o
}

struct Contractor {
    id: String,
    kind: &'static str,
}

const CONTRACTOR_KINDS: &[(&str, &str, &str)] = &[
    // (task kind it can take, name prefix, id prefix)
    ("design", "Студия дизайна", "design"),
    ("production", "Типография", "print"),
    ("production", "Видеопродакшн", "video"),
    ("production", "Фотостудия", "photo"),
    ("dev", "Веб-студия", "web"),
    ("copy", "Бюро переводов", "translate"),
];

fn contractors(rng: &mut Rng, n: usize) -> Vec<(Contractor, String)> {
    let mut used = BTreeSet::new();
    let mut out = Vec::new();
    while out.len() < n {
        let freelancer = rng.chance(40);
        let (kind, id, name, contact);
        let (first, _) = *rng.pick(MALE);
        let (sur, sur_lat) = *rng.pick(SURNAMES);
        if freelancer {
            kind = *rng.pick(&["design", "copy", "dev", "production", "creative"]);
            id = format!("fl-{sur_lat}");
            name = format!("{first} {sur} (фриланс)");
            contact = format!("{first} {sur}");
        } else {
            let (k, prefix, idp) = *rng.pick(CONTRACTOR_KINDS);
            let (brand, brand_lat) = *rng.pick(BRANDS);
            kind = k;
            id = format!("{brand_lat}-{idp}");
            name = format!("{prefix} «{brand}»");
            contact = format!("{first} {sur}");
        }
        if !used.insert(id.clone()) {
            continue;
        }
        let mut o = String::with_capacity(600);
        let _ = writeln!(o, "name: {}", q(&name));
        let services: &[&str] = match kind {
            "design" => &["дизайн", "иллюстрации", "вёрстка макетов"],
            "copy" => &["тексты", "редактура", "переводы"],
            "dev" => &["вёрстка", "разработка", "поддержка сайтов"],
            "creative" => &["концепции", "сценарии"],
            _ => &["печать", "съёмка", "постпродакшн"],
        };
        let k = rng.range(1, services.len() as i64) as usize;
        let _ = writeln!(o, "services: {}", flow_list(&services[..k]));
        let _ = writeln!(o, "contact: {contact}");
        let ch = *rng.pick(&["email", "phone", "messenger", "messenger"]);
        let _ = writeln!(o, "preferred_channel: {ch}");
        let _ = writeln!(o, "email: {}@example.ru", id.replace('-', "."));
        let _ = writeln!(o, "phone: \"{}\"", phone(rng));
        if rng.chance(70) {
            let _ = writeln!(o, "messenger: \"@{}\"", id.replace('-', "_"));
        }
        let note = sentences(
            rng,
            &[
                "Надёжные, сроки держат.",
                "Дороже рынка, но качество стабильное.",
                "Нужна предоплата пятьдесят процентов.",
                "Работают по договору, закрывающие документы присылают вовремя.",
                "В пиковые месяцы загружены, бронировать за две недели.",
                "Хорошо работают с крупными тиражами.",
                "Отвечают только в рабочее время.",
            ],
            1,
            3,
        );
        let _ = writeln!(o, "notes: {}", p(&note));
        out.push((Contractor { id, kind }, o));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Phase 1: the plan of every client (what needs book-wide numbering)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Lead,
    Active,
    Paused,
    Former,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Lead => "lead",
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Former => "former",
        }
    }
}

struct ContractPlan {
    signed: Date,
    start: Date,
    end: Date,
    /// Index of the parent contract, for supplements.
    parent: Option<usize>,
    number: String,
    id: String,
}

struct ClientPlan {
    idx: usize,
    id: String,
    brand: &'static str,
    suffix: &'static str,
    domain: String,
    status: Status,
    since: Date,
    act_start: Date,
    act_end: Date,
    contracts: Vec<ContractPlan>,
    /// (date, number)
    invoices: Vec<(Date, String)>,
}

fn plan_clients(seed: u64, n: usize) -> Vec<ClientPlan> {
    let t = today();
    let hol = holidays();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let mut plans = Vec::with_capacity(n);
    for idx in 0..n {
        let mut rng = Rng::derive(seed, idx as u64, 1);
        let (brand, brand_lat) = *rng.pick(BRANDS);
        let (suffix, suffix_lat) = *rng.pick(BRAND_SUFFIX);
        let base = format!("{brand_lat}-{suffix_lat}");
        let count = used.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            base.clone()
        } else {
            format!("{base}-{count}")
        };
        let domain = format!("{}.ru", id.replace('-', ""));
        let status = match rng.below(100) {
            0..=69 => Status::Active,
            70..=79 => Status::Lead,
            80..=89 => Status::Paused,
            _ => Status::Former,
        };
        let since = match status {
            Status::Lead => Date::between(&mut rng, Date::ymd(2026, 5, 1), Date::ymd(2026, 9, 1)),
            _ => Date::between(&mut rng, Date::ymd(2018, 1, 1), Date::ymd(2025, 6, 30)),
        };
        let act_start = since.max(Date::ymd(2024, 1, 15));
        let act_end = match status {
            Status::Active | Status::Lead => t,
            Status::Paused => {
                Date::between(&mut rng, Date::ymd(2026, 4, 1), Date::ymd(2026, 9, 30))
            }
            Status::Former => {
                Date::between(&mut rng, Date::ymd(2024, 10, 1), Date::ymd(2026, 3, 31))
            }
        }
        .max(act_start.add(150));

        // Contracts: a chain of yearly contracts, sometimes with a supplement.
        let n_contracts = rng.range(1, 3) as usize;
        let mut contracts: Vec<ContractPlan> = Vec::new();
        // Nothing is signed after today or after the client's activity ended.
        let horizon = act_end.min(t);
        let mut start = act_start.add(rng.range(0, 20));
        while contracts.len() < n_contracts {
            let parent = contracts.iter().rposition(|c| c.parent.is_none());
            let can_renew = contracts.is_empty() || start <= horizon;
            let window = parent.map(|p| {
                let (ps, pe) = (contracts[p].start, contracts[p].end);
                (ps.add(30), pe.add(-90).min(horizon))
            });
            let can_supplement = window.is_some_and(|(lo, hi)| lo <= hi);
            if can_supplement && (!can_renew || rng.chance(35)) {
                let (Some(parent), Some((lo, hi))) = (parent, window) else {
                    break;
                };
                let s = Date::between(&mut rng, lo, hi);
                contracts.push(ContractPlan {
                    signed: s.add(-rng.range(1, 10)),
                    start: s,
                    end: contracts[parent].end,
                    parent: Some(parent),
                    number: String::new(),
                    id: String::new(),
                });
            } else if can_renew {
                let end = start.add_months(12).add(-1);
                contracts.push(ContractPlan {
                    signed: start.add(-rng.range(2, 25)),
                    start,
                    end,
                    parent: None,
                    number: String::new(),
                    id: String::new(),
                });
                start = end.add(1);
            } else {
                break;
            }
        }

        // Invoices over the active period (never in the future).
        let n_inv = rng.range(6, 10) as usize;
        let inv_end = act_end.min(t);
        let mut inv_dates: Vec<Date> = (0..n_inv)
            .map(|_| workday_between(&mut rng, act_start.add(25), inv_end, &hol))
            .collect();
        inv_dates.sort();

        plans.push(ClientPlan {
            idx,
            id,
            brand,
            suffix,
            domain,
            status,
            since,
            act_start,
            act_end,
            contracts,
            invoices: inv_dates.into_iter().map(|d| (d, String::new())).collect(),
        });
    }

    // Book-wide contract numbers, per year of signing, in signing order: "17/2025".
    let mut keys: Vec<(Date, usize, usize)> = Vec::new();
    for p in &plans {
        for (k, c) in p.contracts.iter().enumerate() {
            if c.parent.is_none() {
                keys.push((c.signed, p.idx, k));
            }
        }
    }
    keys.sort();
    let mut seq: BTreeMap<i64, u32> = BTreeMap::new();
    for (d, ci, k) in keys {
        let y = d.year();
        let s = seq.entry(y).or_insert(0);
        *s += 1;
        let c = &mut plans[ci].contracts[k];
        c.number = format!("{s}/{y}");
        c.id = format!("{y}-{s:03}");
    }
    for p in &mut plans {
        let mut sup_count: BTreeMap<usize, u32> = BTreeMap::new();
        for k in 0..p.contracts.len() {
            if let Some(parent) = p.contracts[k].parent {
                let n = sup_count.entry(parent).or_insert(0);
                *n += 1;
                let (pn, pid) = (
                    p.contracts[parent].number.clone(),
                    p.contracts[parent].id.clone(),
                );
                p.contracts[k].number = format!("{pn}-ДС{n}");
                p.contracts[k].id = format!("{pid}-ds{n}");
            }
        }
    }

    // Book-wide invoice numbers "{year}-{seq:04}", per year of the invoice date.
    let mut keys: Vec<(Date, usize, usize)> = Vec::new();
    for p in &plans {
        for (k, (d, _)) in p.invoices.iter().enumerate() {
            keys.push((*d, p.idx, k));
        }
    }
    keys.sort();
    let mut seq: BTreeMap<i64, u32> = BTreeMap::new();
    for (d, ci, k) in keys {
        let y = d.year();
        let s = seq.entry(y).or_insert(0);
        *s += 1;
        plans[ci].invoices[k].1 = format!("{y}-{s:04}");
    }
    plans
}

// ---------------------------------------------------------------------------------------
// Phase 2: one client's files
// ---------------------------------------------------------------------------------------

struct Book {
    seed: u64,
    hol: Vec<Date>,
    contractors: Vec<Contractor>,
}

struct ContactInfo {
    id: String,
    birthday: Option<(i64, i64)>,
}

struct ProjectInfo {
    id: String,
    start: Date,
    end: Date,
}

struct Out {
    files: usize,
    bytes: u64,
    sizes: Vec<usize>,
}

impl Out {
    fn write(&mut self, path: &Path, text: &str) -> Result<()> {
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        self.files += 1;
        self.bytes += text.len() as u64;
        if path.extension().is_some_and(|e| e == "yaml") {
            self.sizes.push(text.len());
        }
        Ok(())
    }
}

fn waive(o: &mut String, indent: usize, rng: &mut Rng, rule: &str) {
    let reasons = [
        "Клиент сам попросил не присылать отчёты по этому проекту.",
        "Согласовано с куратором: исключение на время переезда клиента.",
        "Особый порядок, описан в договоре.",
    ];
    let pad = " ".repeat(indent);
    let _ = writeln!(
        o,
        "{pad}waive:\n{pad}  - rule: {rule}\n{pad}    reason: {}",
        q(rng.pick_str(&reasons))
    );
}

fn gen_client(plan: &ClientPlan, book: &Book, root: &Path) -> Result<Out> {
    let mut rng = Rng::derive(book.seed, plan.idx as u64, 2);
    let hol = &book.hol;
    let t = today();
    let dir = root.join("clients").join(&plan.id);
    for sub in ["contracts", "projects", "meetings", "log", "invoices"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    let mut out = Out {
        files: 0,
        bytes: 0,
        sizes: Vec::new(),
    };
    let accounts = team_with_role("account");
    let manager = *rng.pick(&accounts);

    // --- client.yaml -------------------------------------------------------------------
    let mut o = String::with_capacity(2500);
    let display = format!("{} {}", plan.brand, plan.suffix);
    let form = *rng.pick(&["ООО", "ООО", "ООО", "АО", "ПАО"]);
    let _ = writeln!(o, "name: {display}");
    let _ = writeln!(o, "legal:\n  name: {}", q(&format!("{form} «{display}»")));
    let _ = writeln!(o, "  inn: \"{}\"", inn(&mut rng));
    let _ = writeln!(o, "  kpp: \"{}\"", digits(&mut rng, 9));
    let _ = writeln!(o, "  ogrn: \"{}\"", ogrn(&mut rng));
    let _ = writeln!(o, "  address: {}", q(&address(&mut rng)));
    if plan.status != Status::Active || rng.chance(30) {
        let _ = writeln!(o, "status: {}", plan.status.as_str());
    }
    let key = plan.status != Status::Lead && rng.chance(20);
    if key {
        o.push_str("key: true\n");
    } else if rng.chance(15) {
        o.push_str("key: false\n");
    }
    let _ = writeln!(o, "manager: {manager}");
    if key && rng.chance(95) {
        let _ = writeln!(o, "curator: {}", rng.pick(CURATORS).0);
    }
    let _ = writeln!(o, "since: {}", plan.since);
    if rng.chance(25) {
        let _ = writeln!(o, "contact_every_days: {}", rng.pick(&[7, 14, 21, 30]));
    }
    if rng.chance(15) {
        let (f, _) = *rng.pick(FEMALE);
        let (s, _) = *rng.pick(SURNAMES);
        let (b, _) = *rng.pick(BRANDS);
        let _ = writeln!(o, "referred_by: {}", q(&format!("{f} {s}а, «{b}»")));
    }
    let svc = rng.sample_k(SERVICES.len(), 1, 3);
    let svc_ids: Vec<&str> = svc.iter().map(|&i| SERVICES[i].id).collect();
    let _ = writeln!(o, "services: {}", flow_list(&svc_ids));
    if rng.chance(10) {
        let _ = writeln!(o, "x-crm-id: {}", rng.range(10_000, 99_999));
    }
    o.push_str("contacts:\n");
    let n_contacts = rng.range(2, 5) as usize;
    let mut contacts: Vec<ContactInfo> = Vec::new();
    let mut approver_given = false;
    while contacts.len() < n_contacts {
        let female = rng.chance(55);
        let (first, first_lat) = *rng.pick(if female { FEMALE } else { MALE });
        let (sur, sur_lat) = *rng.pick(SURNAMES);
        let (sur, sur_lat) = if female {
            (format!("{sur}а"), format!("{sur_lat}a"))
        } else {
            (sur.to_string(), sur_lat.to_string())
        };
        let id = format!("{first_lat}-{sur_lat}");
        if contacts.iter().any(|c| c.id == id) {
            continue;
        }
        let _ = writeln!(o, "  - id: {id}\n    name: {first} {sur}");
        let _ = writeln!(o, "    position: {}", p(rng.pick_str(POSITIONS)));
        let _ = writeln!(
            o,
            "    email: {}.{sur_lat}@{}",
            &first_lat[..1],
            plan.domain
        );
        if rng.chance(85) {
            let _ = writeln!(o, "    phone: \"{}\"", phone(&mut rng));
        }
        let mut birthday = None;
        if rng.chance(80) {
            let (m, d) = (rng.range(1, 12), rng.range(1, 28));
            birthday = Some((m, d));
            if rng.chance(30) {
                let _ = writeln!(o, "    birthday: --{m:02}-{d:02}");
            } else {
                let _ = writeln!(
                    o,
                    "    birthday: {:04}-{m:02}-{d:02}",
                    rng.range(1962, 1999)
                );
            }
        }
        if rng.chance(60) {
            let ch = *rng.pick(&["email", "phone", "messenger", "in_person"]);
            let _ = writeln!(o, "    preferred_channel: {ch}");
        }
        let approver = !approver_given || rng.chance(15);
        if approver {
            o.push_str("    approver: true\n");
            approver_given = true;
        }
        // We make a point of knowing the people who accept our work.
        if rng.chance(if approver { 95 } else { 60 }) {
            let text = sentences(&mut rng, PROFILES, 1, 3);
            if text.len() > 160 && rng.chance(50) {
                o.push_str("    profile: >\n");
                for part in text.split(". ") {
                    let _ = writeln!(o, "      {}", part.trim_end_matches('.').to_owned() + ".");
                }
            } else {
                let _ = writeln!(o, "    profile: {}", p(&text));
            }
        }
        contacts.push(ContactInfo { id, birthday });
    }
    if rng.chance(1) {
        waive(&mut o, 0, &mut rng, "R01");
    }
    out.write(&dir.join("client.yaml"), &o)?;
    let contact_ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();

    // --- contracts ---------------------------------------------------------------------
    let vat_override = if rng.chance(10) {
        Some(*rng.pick(&["none", "0", "10"]))
    } else {
        None
    };
    // Each contract's billing plan, to tie invoices to its entries (`planned:`): a
    // tidy book issues what it planned. Takes nothing from the random stream.
    let mut billing_plans: BTreeMap<String, Vec<(Date, bool)>> = BTreeMap::new();
    for (k, c) in plan.contracts.iter().enumerate() {
        let mut o = String::with_capacity(900);
        let _ = writeln!(o, "number: {}", q(&c.number));
        if let Some(par) = c.parent {
            let _ = writeln!(
                o,
                "title: {}",
                q("Дополнительное соглашение: расширение объёма работ")
            );
            let _ = writeln!(o, "kind: supplement\nparent: {}", plan.contracts[par].id);
        } else {
            let title = *rng.pick(&[
                "Договор оказания рекламных услуг",
                "Договор на комплексное маркетинговое сопровождение",
                "Договор возмездного оказания услуг",
                "Рамочный договор на производство рекламных материалов",
            ]);
            let _ = writeln!(o, "title: {}", p(title));
            if rng.chance(30) {
                o.push_str("kind: contract\n");
            }
        }
        let _ = writeln!(
            o,
            "signed: {}\nstart: {}\nend: {}",
            c.signed, c.start, c.end
        );
        let value = rng.range(500, 2000) * 1_000_000;
        if rng.chance(50) {
            let _ = writeln!(o, "value: {}", money_styled(&mut rng, value));
        }
        if let Some(v) = vat_override {
            let _ = writeln!(o, "vat: {v}");
        }
        let next = plan.contracts[k + 1..].iter().find(|n| n.parent.is_none());
        let ended = c.end < t;
        let former = plan.status == Status::Former;
        let status = if c.parent.is_some() {
            None
        } else if former && ended {
            Some(if next.is_none() {
                "terminated"
            } else {
                "closed"
            })
        } else if ended && next.is_some() {
            Some("closed")
        } else {
            None
        };
        let mut auto = false;
        if c.parent.is_none() {
            if let Some(n) = next {
                let _ = writeln!(o, "renewal:\n  auto: false\n  notice_days: 30");
                let _ = writeln!(
                    o,
                    "  decision: renew\n  decided: {}\n  next: {}",
                    c.end.add(-rng.range(20, 45)),
                    n.id
                );
            } else if c.end < plan.act_end.min(t) || rng.chance(45) {
                // Work went on after the term: the contract prolonged itself.
                auto = true;
                o.push_str("renewal:\n  auto: true\n  term_months: 12\n  notice_days: 30\n");
            } else if rng.chance(50) {
                o.push_str("renewal:\n  auto: false\n  notice_days: 30\n");
                if former {
                    let _ = writeln!(
                        o,
                        "  decision: terminate\n  decided: {}",
                        c.end.min(plan.act_end).add(-rng.range(10, 40))
                    );
                }
            }
        }
        match status {
            Some(s) => {
                let _ = writeln!(o, "status: {s}");
            }
            None if ended && !auto && c.parent.is_none() && rng.chance(50) => {
                o.push_str("status: closed\n");
            }
            None if rng.chance(20) => o.push_str("status: active\n"),
            None => {}
        }
        if rng.chance(60) {
            o.push_str("billing:\n");
            let mut d = c.start.add(rng.range(3, 10));
            for i in 0..rng.range(1, 3) {
                billing_plans
                    .entry(c.id.clone())
                    .or_default()
                    .push((d, false));
                let _ = writeln!(o, "  - date: {d}");
                let _ = writeln!(o, "    amount: {}", money(rng.range(50, 800) * 100_000));
                let note = if i == 0 {
                    "Аванс"
                } else {
                    "Оплата по акту"
                };
                let _ = writeln!(o, "    note: {note}");
                d = d.add(rng.range(30, 90));
            }
        }
        out.write(&dir.join("contracts").join(format!("{}.yaml", c.id)), &o)?;
    }
    let contract_number_for = |d: Date| -> &str {
        plan.contracts
            .iter()
            .filter(|c| c.parent.is_none())
            .find(|c| c.start <= d && d <= c.end)
            .or(plan.contracts.first())
            .map(|c| c.number.as_str())
            .unwrap_or_default()
    };
    let contract_for = |d: Date| -> &str {
        plan.contracts
            .iter()
            .filter(|c| c.parent.is_none())
            .find(|c| c.start <= d && d <= c.end)
            .or(plan.contracts.first())
            .map(|c| c.id.as_str())
            .unwrap_or_default()
    };

    // --- projects ----------------------------------------------------------------------
    let n_projects = rng.range(2, 5) as usize;
    let mut projects: Vec<ProjectInfo> = Vec::new();
    for (k, pi) in rng
        .sample(PROJECTS.len(), n_projects)
        .into_iter()
        .enumerate()
    {
        let (title, slug) = PROJECTS[pi];
        // An open deal in the sales pipeline: every project of a lead, and now and then the
        // newest project of an active client.
        let pipeline = plan.status == Status::Lead
            || (plan.status == Status::Active && k + 1 == n_projects && rng.chance(40));
        // Work in progress now: usually one project of an active client.
        let current = !pipeline && plan.status == Status::Active && k == 0 && rng.chance(70);
        let start = if pipeline {
            workday_between(&mut rng, t.add(-20), t.add(45), hol)
        } else if current {
            workday_between(&mut rng, t.add(-100), t.add(-25), hol)
        } else {
            workday_between(&mut rng, plan.act_start, plan.act_end.add(-30), hol)
        };
        let deadline = start.add(rng.range(25, 120));
        let mut o = String::with_capacity(3000);
        let _ = writeln!(o, "title: {}", p(title));
        let _ = writeln!(o, "contract: {}", contract_for(start));
        let stage = if pipeline {
            *rng.pick(&["lead", "estimate", "estimate", "negotiation"])
        } else if deadline < t {
            match rng.below(20) {
                0 | 1 => "lost",
                2 => "cancelled",
                _ => "done",
            }
        } else if start > t.add(-20) {
            *rng.pick(&["lead", "estimate", "negotiation", "active"])
        } else {
            "active"
        };
        let stage = if plan.status == Status::Former && stage == "active" {
            "done"
        } else {
            stage
        };
        let _ = writeln!(o, "stage: {stage}");
        let stage_since = match stage {
            "done" | "lost" | "cancelled" => deadline.min(t),
            "active" => start,
            _ => start.min(t).add(-rng.range(0, 25)),
        };
        let _ = writeln!(o, "stage_since: {stage_since}");
        if rng.chance(80) {
            let _ = writeln!(o, "approver: {}", contact_ids[0]);
        }
        let _ = writeln!(o, "start: {start}\ndeadline: {deadline}");
        if rng.chance(85) {
            let _ = writeln!(o, "deadline_tied_to: {}", p(rng.pick_str(TIED_TO)));
        }
        if rng.chance(30) {
            let _ = writeln!(o, "plan_b: {}", p(rng.pick_str(PLAN_B)));
        }
        if rng.chance(90) {
            o.push_str("brief:\n");
            if rng.chance(30) {
                let rel = format!("briefs/{slug}.md");
                let _ = writeln!(o, "  doc: {rel}");
                std::fs::create_dir_all(dir.join("briefs"))?;
                let text = format!(
                    "# Бриф: {title}\n\nКлиент: {display}\n\n## Цель\n\n{}\n\n## Аудитория\n\n{}\n",
                    sentences(&mut rng, SUMMARIES, 2, 4),
                    sentences(&mut rng, NOTES, 1, 3)
                );
                out.write(&dir.join(&rel), &text)?;
            } else {
                let _ = writeln!(o, "  doc: https://disk.example.ru/{}/{slug}/brief", plan.id);
            }
            let confirmed = start.add(-rng.range(1, 7));
            if confirmed <= t && rng.chance(92) {
                let _ = writeln!(o, "  confirmed: {confirmed}");
            }
        }
        o.push_str("estimate:\n");
        let mut total = 0i64;
        for si in rng.sample_k(SERVICES.len(), 2, 4) {
            let s = &SERVICES[si];
            let qty = if s.unit == "ч" {
                rng.range(10, 120)
            } else {
                rng.range(1, 4)
            };
            let price = s.price_rub * rng.range(80, 130) / 100 / 500 * 500 * 100;
            total += qty * price;
            let _ = writeln!(o, "  - item: {}", p(rng.pick_str(s.items)));
            let _ = writeln!(o, "    qty: {qty}\n    unit: {}", p(s.unit));
            let _ = writeln!(o, "    price: {}", money_styled(&mut rng, price));
            if rng.chance(70) {
                let _ = writeln!(o, "    service: {}", s.id);
            }
        }
        let _ = writeln!(o, "budget: {}", money(total / 100_000 * 100_000 + 100_000));
        let done_by = deadline.min(t);
        if start < t && rng.chance(50) {
            o.push_str("costs:\n");
            for _ in 0..rng.range(1, 3) {
                let _ = writeln!(o, "  - date: {}", Date::between(&mut rng, start, done_by));
                let _ = writeln!(o, "    amount: {}", money(rng.range(5, 150) * 100_000));
                let prod: Vec<&Contractor> = book
                    .contractors
                    .iter()
                    .filter(|c| c.kind == "production")
                    .collect();
                let c = *rng.pick(&prod);
                let _ =
                    writeln!(
                        o,
                        "    what: {}",
                        p(rng.pick_str(&[
                            "Печать",
                            "Съёмка",
                            "Аренда студии",
                            "Фотобанк",
                            "Доставка"
                        ]))
                    );
                let _ = writeln!(o, "    contractor: {}", c.id);
            }
        }
        if start < t && rng.chance(12) {
            let to = deadline;
            let from = deadline.add(-rng.range(7, 30));
            let decided = Date::between(&mut rng, start, from.add(-1).max(start)).min(t);
            let _ = writeln!(o, "deadline_changes:\n  - from: {from}\n    to: {to}");
            let _ = writeln!(o, "    decided: {decided}");
            if rng.chance(80) {
                let _ = writeln!(
                    o,
                    "    client_told: {}",
                    decided.add(rng.range(0, 3)).min(t)
                );
            }
            let _ = writeln!(
                o,
                "    reason: {}",
                p("Клиент задержал согласование текстов")
            );
        }
        if start < t && rng.chance(10) {
            let (req, why) = *rng.pick(DECLINED);
            let d = Date::between(&mut rng, start, done_by);
            let _ = writeln!(o, "declined:\n  - date: {d}\n    request: {}", p(req));
            let _ = writeln!(o, "    reason: {}", p(why));
            if rng.chance(80) {
                let _ = writeln!(o, "    explained: {}", d.add(rng.range(0, 2)).min(t));
            }
        }
        o.push_str("tasks:\n");
        let mut kind_counts: BTreeMap<&str, usize> = BTreeMap::new();
        for _ in 0..rng.range(3, 8) {
            let (kind, titles) = *rng.pick(TASKS);
            let n = kind_counts.entry(kind).or_insert(0);
            *n += 1;
            let tstart = Date::between(&mut rng, start, deadline.add(-7));
            let due = next_workday(tstart.add(rng.range(2, 20)), hol).min(deadline);
            let due = due.max(tstart);
            let _ = writeln!(
                o,
                "  - id: {kind}-{n}\n    title: {}",
                p(rng.pick_str(titles))
            );
            let assignee = match kind {
                "design" | "dev" | "production" | "copy" if rng.chance(25) => {
                    let cs: Vec<&Contractor> =
                        book.contractors.iter().filter(|c| c.kind == kind).collect();
                    if cs.is_empty() {
                        manager
                    } else {
                        rng.pick(&cs).id.as_str()
                    }
                }
                "design" => *rng.pick(&team_with_role("designer")),
                "dev" => *rng.pick(&team_with_role("developer")),
                "copy" => *rng.pick(&team_with_role("copywriter")),
                "creative" => *rng.pick(&team_with_role("creative")),
                "production" => *rng.pick(&team_with_role("producer")),
                _ => manager,
            };
            let _ = writeln!(o, "    assignee: {assignee}\n    kind: {kind}");
            let _ = writeln!(o, "    start: {tstart}\n    due: {due}");
            if rng.chance(if due > t { 85 } else { 40 }) {
                let _ = writeln!(o, "    tied_to: {}", p(rng.pick_str(TIED_TO)));
            }
            if rng.chance(90) {
                let _ = writeln!(o, "    task_doc: {}", p(rng.pick_str(TASK_DOCS)));
            }
            if kind == "design" && tstart <= t && rng.chance(90) {
                let _ = writeln!(o, "    copy_ready: {}", tstart.add(rng.range(-5, 0)));
            }
            if tstart <= t && rng.chance(92) {
                let _ = writeln!(
                    o,
                    "    acknowledged: {}",
                    tstart.add(if rng.chance(85) { 0 } else { 1 }).min(t)
                );
            }
            if due <= t && rng.chance(if due < t.add(-14) { 97 } else { 80 }) {
                let done = (due.add(rng.range(-4, 1))).max(tstart).min(t);
                let _ = writeln!(o, "    done: {done}");
            }
            if rng.chance(1) {
                waive(&mut o, 4, &mut rng, "R04");
            }
        }
        let mut d = start.add(rng.range(7, 20));
        if rng.chance(45) && d <= t {
            o.push_str("feedback:\n");
            for _ in 0..rng.range(1, 2) {
                if d > t {
                    break;
                }
                let _ = writeln!(o, "  - date: {d}\n    from: {}", rng.pick(&contact_ids));
                o.push_str("    comments:\n");
                for fi in rng.sample_k(FEEDBACK.len(), 1, 3) {
                    let (text, resp) = FEEDBACK[fi];
                    let _ = writeln!(o, "      - text: {}", p(text));
                    if d.add(3) <= t && rng.chance(95) {
                        let _ = writeln!(o, "        response: {}", p(resp));
                        let _ = writeln!(o, "        resolved: {}", d.add(rng.range(1, 5)).min(t));
                        let res = *rng.pick(&["accepted", "accepted", "clarified", "declined"]);
                        let _ = writeln!(o, "        resolution: {res}");
                        if res == "clarified" || (res == "declined" && rng.chance(90)) {
                            let _ =
                                writeln!(o, "        clarified_with: {}", rng.pick(&contact_ids));
                        }
                    }
                }
                d = d.add(rng.range(7, 21));
            }
        }
        let mut id = slug.to_string();
        if projects.iter().any(|p| p.id == id) {
            id = format!("{slug}-{}", start.year());
        }
        out.write(&dir.join("projects").join(format!("{id}.yaml")), &o)?;
        projects.push(ProjectInfo {
            id,
            start,
            end: deadline,
        });
    }
    let project_at = |rng: &mut Rng, d: Date| -> Option<&str> {
        let live: Vec<&ProjectInfo> = projects
            .iter()
            .filter(|p| p.start <= d && d <= p.end.add(14))
            .collect();
        if live.is_empty() || rng.chance(20) {
            None
        } else {
            Some(rng.pick(&live).id.as_str())
        }
    };

    // --- meetings ----------------------------------------------------------------------
    let mut used_ids: BTreeSet<String> = BTreeSet::new();
    let n_meetings = rng.range(12, 20);
    let mut meeting_dates: Vec<Date> = (0..n_meetings)
        .map(|i| {
            if plan.status == Status::Active && i < 2 && rng.chance(60) {
                workday_between(&mut rng, t.add(1), t.add(21), hol)
            } else {
                workday_between(&mut rng, plan.act_start, plan.act_end.min(t), hol)
            }
        })
        .collect();
    meeting_dates.sort();
    let agency_staff: Vec<&str> = TEAM.iter().map(|m| m.id).collect();
    for d in meeting_dates {
        let at = DateTime::at(d, rng.range(10, 17), *rng.pick(&[0, 0, 30]));
        let kind = *rng.pick(MEETING_KINDS);
        let mut id = format!("{d}-{kind}");
        let mut n = 2;
        while used_ids.contains(&id) {
            id = format!("{d}-{kind}-{n}");
            n += 1;
        }
        used_ids.insert(id.clone());
        let past = at.date <= t;
        let mut o = String::with_capacity(1500);
        let format = *rng.pick(&["video", "video", "in_person", "call"]);
        let _ = writeln!(o, "at: {at}\nformat: {format}");
        match format {
            "in_person" => {
                let _ = writeln!(o, "place: {}", p(rng.pick_str(PLACES_IN_PERSON)));
            }
            "video" if rng.chance(70) => {
                let _ = writeln!(o, "place: {}", p(rng.pick_str(PLACES_VIDEO)));
            }
            _ => {}
        }
        if let Some(pid) = project_at(&mut rng, d) {
            let _ = writeln!(o, "project: {pid}");
        }
        let cl = rng.sample_k(contact_ids.len(), 1, 3);
        let cl: Vec<&str> = cl.iter().map(|&i| contact_ids[i]).collect();
        let mut ag = vec![manager];
        for i in rng.sample_k(agency_staff.len(), 0, 2) {
            if agency_staff[i] != manager {
                ag.push(agency_staff[i]);
            }
        }
        if rng.chance(50) {
            let _ = writeln!(
                o,
                "attendees:\n  client: {}\n  agency: {}",
                flow_list(&cl),
                flow_list(&ag)
            );
        } else {
            o.push_str("attendees:\n  client:\n");
            for c in &cl {
                let _ = writeln!(o, "    - {c}");
            }
            o.push_str("  agency:\n");
            for a in &ag {
                let _ = writeln!(o, "    - {a}");
            }
        }
        if past && rng.chance(4) {
            let _ = writeln!(o, "late_minutes: {}", rng.range(3, 25));
        }
        o.push_str("agenda:\n");
        for i in rng.sample_k(AGENDA.len(), 2, 5) {
            let _ = writeln!(o, "  - {}", p(AGENDA[i]));
        }
        if past {
            if rng.chance(65) {
                let text = sentences(&mut rng, NOTES, 1, 3);
                if rng.chance(50) {
                    let lines: Vec<&str> = text.split_inclusive(". ").map(str::trim).collect();
                    block(&mut o, 0, "notes", &lines);
                } else {
                    let _ = writeln!(o, "notes: {}", p(&text));
                }
            }
            o.push_str("decisions:\n");
            for i in rng.sample_k(DECISIONS.len(), 1, 4) {
                let _ = writeln!(o, "  - {}", p(DECISIONS[i]));
            }
            o.push_str("actions:\n");
            for i in rng.sample_k(ACTIONS.len(), 1, 3) {
                let owner = if rng.chance(70) {
                    *rng.pick(&ag)
                } else {
                    *rng.pick(&cl)
                };
                let due = next_workday(d.add(rng.range(2, 10)), hol);
                let _ = writeln!(
                    o,
                    "  - what: {}\n    owner: {owner}\n    due: {due}",
                    p(ACTIONS[i])
                );
                if due <= t.add(3) && rng.chance(if due < t.add(-14) { 96 } else { 75 }) {
                    let _ = writeln!(o, "    done: {}", due.add(rng.range(-2, 3)).max(d).min(t));
                }
            }
            if rng.chance(95) {
                let sent = in_hours(at.plus_minutes(rng.range(60, 60 * 30)), hol);
                let sent = if sent.date > t {
                    at.plus_minutes(60)
                } else {
                    sent
                };
                let _ = writeln!(o, "report:\n  sent: {sent}\n  to: {}", flow_list(&cl));
            } else if rng.chance(10) {
                waive(&mut o, 0, &mut rng, "R02");
            }
        }
        out.write(&dir.join("meetings").join(format!("{id}.yaml")), &o)?;
    }

    // --- log ---------------------------------------------------------------------------
    let n_log = rng.range(19, 31);
    let mut log_times: Vec<(DateTime, Option<usize>)> = Vec::with_capacity(n_log as usize);
    let log_end = plan.act_end.min(t);
    for _ in 0..n_log {
        // Now and then a birthday greeting on the contact's birthday.
        if rng.chance(6) {
            let with_bd: Vec<usize> = (0..contacts.len())
                .filter(|&i| contacts[i].birthday.is_some())
                .collect();
            if let Some(&ci) = with_bd.get(rng.below(with_bd.len().max(1) as u64) as usize)
                && let Some((m, dd)) = contacts[ci].birthday
            {
                let y = rng.range(plan.act_start.year(), log_end.year());
                let d = Date::ymd(y, m, dd);
                if d >= plan.act_start && d <= log_end {
                    log_times.push((
                        DateTime::at(d, rng.range(9, 11), rng.range(0, 59)),
                        Some(ci),
                    ));
                    continue;
                }
            }
        }
        let d = Date::between(&mut rng, plan.act_start, log_end);
        let h = if is_workday(d, hol) {
            rng.range(9, 19)
        } else {
            rng.range(11, 21)
        };
        log_times.push((DateTime::at(d, h, rng.range(0, 59)), None));
    }
    log_times.sort_by_key(|(at, _)| *at);
    for (at, birthday_of) in log_times {
        let mut o = String::with_capacity(900);
        let (id_tail, channel);
        if let Some(ci) = birthday_of {
            channel = *rng.pick(&["email", "messenger", "call"]);
            id_tail = "birthday".to_string();
            let _ = writeln!(o, "at: {at}\nchannel: {channel}\ndirection: out");
            let _ = writeln!(o, "contact: {}", contacts[ci].id);
            let _ = writeln!(o, "subject: {}", p("Поздравление с днём рождения"));
            let _ = writeln!(
                o,
                "summary: {}",
                p("Поздравили от всей команды, отправили открытку и цветы.")
            );
            o.push_str("topic: birthday\n");
        } else {
            channel = *rng.pick(&[
                "email",
                "email",
                "email",
                "call",
                "messenger",
                "messenger",
                "letter",
            ]);
            let direction = if rng.chance(50) { "in" } else { "out" };
            let (subject, subj_slug) = *rng.pick(SUBJECTS);
            id_tail = format!("{channel}-{subj_slug}");
            let _ = writeln!(o, "at: {at}\nchannel: {channel}\ndirection: {direction}");
            let _ = writeln!(o, "contact: {}", rng.pick(&contact_ids));
            if channel != "call" || rng.chance(50) {
                let _ = writeln!(o, "subject: {}", p(subject));
            }
            let missed = direction == "in" && channel == "call" && rng.chance(20);
            let summary = if missed {
                "Пропущенный звонок, перезвонили и обсудили вопрос клиента.".to_string()
            } else {
                sentences(&mut rng, SUMMARIES, 4, 9)
            };
            if summary.len() > 500 && rng.chance(40) {
                let lines: Vec<&str> = summary.split_inclusive(". ").map(str::trim).collect();
                block(&mut o, 0, "summary", &lines);
            } else {
                let _ = writeln!(o, "summary: {}", p(&summary));
            }
            if direction == "in" {
                if missed {
                    o.push_str("missed: true\n");
                }
                if rng.chance(2) {
                    o.push_str("chasing: true\n");
                } else if rng.chance(5) {
                    o.push_str("chasing: false\n");
                }
                if channel != "call" || missed {
                    // Mostly answered within hours; a slow answer is usually announced.
                    let quick = rng.chance(88);
                    let mut base = at;
                    if !quick {
                        let ack = in_hours(at.plus_minutes(rng.range(5, 60)), hol);
                        if ack.date <= t && rng.chance(60) {
                            let _ = writeln!(o, "acknowledged: {ack}");
                            base = ack;
                        }
                    }
                    let delay = if quick {
                        rng.range(15, 150)
                    } else {
                        rng.range(180, 60 * 30)
                    };
                    let reply = if quick && is_workday(at.date, hol) && at.minute < 19 * 60 {
                        // Answered the same working day.
                        let r = at.plus_minutes(delay);
                        let last = DateTime::at(at.date, 18, 55).max(at.plus_minutes(5));
                        if r.date != at.date || r > last {
                            last
                        } else {
                            r
                        }
                    } else {
                        in_hours(base.plus_minutes(delay), hol)
                    };
                    if rng.chance(97) && reply.date <= t {
                        let _ = writeln!(o, "replied: {reply}");
                    }
                }
            }
            if let Some(pid) = project_at(&mut rng, at.date) {
                let _ = writeln!(o, "project: {pid}");
            }
        }
        let mut id = format!("{}-{id_tail}", at.date);
        let mut n = 2;
        while used_ids.contains(&id) {
            id = format!("{}-{id_tail}-{n}", at.date);
            n += 1;
        }
        used_ids.insert(id.clone());
        out.write(&dir.join("log").join(format!("{id}.yaml")), &o)?;
    }

    // --- invoices ----------------------------------------------------------------------
    for (d, number) in &plan.invoices {
        let d = *d;
        let mut o = String::with_capacity(900);
        let _ = writeln!(o, "number: {}", q(number));
        let _ = writeln!(o, "date: {d}");
        if rng.chance(40) {
            let _ = writeln!(o, "due: {}", d.add(*rng.pick(&[5, 10, 14, 30])));
        }
        let contract = contract_for(d);
        let _ = writeln!(o, "contract: {contract}");
        // The earliest entry of its contract's plan due by now and not issued yet.
        if let Some(entries) = billing_plans.get_mut(contract)
            && let Some((n, entry)) = entries
                .iter_mut()
                .enumerate()
                .find(|(_, (due, tied))| !*tied && *due <= d)
        {
            entry.1 = true;
            let _ = writeln!(o, "planned: {}", n + 1);
        }
        let proj = project_at(&mut rng, d);
        if let Some(pid) = proj {
            let _ = writeln!(o, "project: {pid}");
        }
        o.push_str("lines:\n");
        let mut total = 0i64;
        for si in rng.sample_k(SERVICES.len(), 1, 5) {
            let s = &SERVICES[si];
            let qty = if s.unit == "ч" {
                rng.range(4, 80)
            } else {
                rng.range(1, 3)
            };
            let price = s.price_rub * rng.range(80, 130) / 100 * 100 + *rng.pick(&[0, 0, 0, 50]);
            total += qty * price;
            let item = format!(
                "{} за {} {} г. по договору № {}",
                rng.pick_str(s.items),
                month_name(d),
                d.year(),
                contract_number_for(d)
            );
            let _ = writeln!(o, "  - item: {}", p(&item));
            if qty != 1 || rng.chance(50) {
                let _ = writeln!(o, "    qty: {qty}");
            }
            let _ = writeln!(
                o,
                "    unit: {}\n    price: {}",
                p(s.unit),
                money_styled(&mut rng, price)
            );
        }
        let mut net_vat = false;
        if rng.chance(8) {
            o.push_str("vat: 22\nprices_include_vat: false\n");
            net_vat = true;
        }
        if net_vat {
            total += (total * 22 + 50) / 100;
        }
        let recent = d > t.add(-20);
        let status = if recent && rng.chance(15) {
            "draft"
        } else if rng.chance(3) {
            "cancelled"
        } else {
            "issued"
        };
        if status != "issued" || rng.chance(20) {
            let _ = writeln!(o, "status: {status}");
        }
        if status != "draft" {
            let _ = writeln!(o, "sent: {}", d.add(rng.range(0, 2)).min(t));
        }
        if status == "issued" && rng.chance(if d < t.add(-60) { 97 } else { 80 }) {
            let first = d.add(rng.range(1, 20));
            if first <= t {
                o.push_str("payments:\n");
                let split = rng.chance(20);
                let part = if split { total / 2 } else { total };
                let _ = writeln!(
                    o,
                    "  - date: {first}\n    amount: {}",
                    money_styled(&mut rng, part)
                );
                let _ = writeln!(o, "    ref: \"п/п № {}\"", rng.range(100, 9999));
                let second = first.add(rng.range(5, 30));
                if split && second <= t {
                    let _ = writeln!(
                        o,
                        "  - date: {second}\n    amount: {}",
                        money_styled(&mut rng, total - part)
                    );
                    let _ = writeln!(o, "    ref: \"п/п № {}\"", rng.range(100, 9999));
                }
            }
        }
        out.write(&dir.join("invoices").join(format!("{number}.yaml")), &o)?;
    }

    // A Markdown note now and then: not part of the book's data, must be ignored.
    if rng.chance(10) {
        let text = format!("# {display}\n\n{}\n", sentences(&mut rng, NOTES, 2, 4));
        out.write(&dir.join("notes.md"), &text)?;
    }
    Ok(out)
}

fn month_name(d: Date) -> &'static str {
    const M: [&str; 12] = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    M[(d.civil().1 - 1) as usize]
}

// ---------------------------------------------------------------------------------------

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_book: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut out_dir: Option<PathBuf> = None;
    let mut clients = 2000usize;
    let mut seed = 20_261_127u64;
    let mut history = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => {
                clients = args.next().context("--clients needs a number")?.parse()?;
            }
            "--seed" => seed = args.next().context("--seed needs a number")?.parse()?,
            "--history" => {
                history = args.next().context("--history needs a number")?.parse()?;
            }
            "-h" | "--help" => {
                println!("usage: gen_book OUT_DIR [--clients N] [--seed S] [--history N]");
                return Ok(());
            }
            s if s.starts_with('-') => bail!("unknown option {s}"),
            s => {
                if out_dir.is_some() {
                    bail!("more than one OUT_DIR");
                }
                out_dir = Some(PathBuf::from(s));
            }
        }
    }
    let Some(root) = out_dir else {
        bail!("usage: gen_book OUT_DIR [--clients N] [--seed S] [--history N]");
    };
    generate(&root, clients, seed)?;
    if history > 0 {
        commit_history(&root, history, seed)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// A git history (`--history N`)
// ---------------------------------------------------------------------------------------

/// Runs git in `root` with no user or system configuration, a fixed author, and both
/// dates set to `date` (when given); its standard output.
fn git(root: &Path, args: &[&str], date: Option<&str>, input: Option<&str>) -> Result<String> {
    use std::io::Write as _;
    let mut cmd = std::process::Command::new("git");
    cmd.current_dir(root)
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "gen_book")
        .env("GIT_AUTHOR_EMAIL", "gen_book@example.test")
        .env("GIT_COMMITTER_NAME", "gen_book")
        .env("GIT_COMMITTER_EMAIL", "gen_book@example.test")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(date) = date {
        cmd.env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let mut child = cmd.spawn().context("gen_book --history needs git")?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.unwrap_or_default().as_bytes())?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        bail!(
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The sorted YAML files of `dir` whose text has a line starting with `key`.
fn files_with(dir: &Path, key: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.lines().any(|l| l.starts_with(key))))
        .collect();
    found.sort();
    found
}

/// `text` with the date after `key` (a top-level line `KEY YYYY-MM-DD`) moved by
/// `days`; the old and the new date.
fn shift_date(text: &str, key: &str, days: i64) -> Option<(String, NaiveDate, NaiveDate)> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut moved = None;
    for line in text.split_inclusive('\n') {
        if moved.is_none()
            && let Some(rest) = line.strip_prefix(key)
            && let Ok(old) = NaiveDate::parse_from_str(rest.trim(), "%Y-%m-%d")
        {
            let new = old + chrono::Duration::days(days);
            out.push_str(&format!("{key} {new}\n"));
            moved = Some((old, new));
        } else {
            out.push_str(line);
        }
    }
    moved.map(|(old, new)| (out, old, new))
}

/// Makes `root` a git repository of `steps` commits (see the module's comment).
fn commit_history(root: &Path, steps: usize, seed: u64) -> Result<()> {
    let t0 = Instant::now();
    let start = NaiveDate::from_ymd_opt(2026, 6, 1).context("a date")?;
    let date_of = |k: usize| {
        let day = start + chrono::Duration::days((k * 170 / steps.max(1)) as i64);
        format!("{day}T12:00:00+03:00")
    };
    git(root, &["init", "-q", "."], None, None)?;
    git(root, &["add", "-A"], None, None)?;
    let tree = git(root, &["write-tree"], None, None)?;
    let mut head = git(
        root,
        &["commit-tree", &tree, "-m", "The book"],
        Some(&date_of(0)),
        None,
    )?;
    let mut clients: Vec<PathBuf> = std::fs::read_dir(root.join("clients"))?
        .flatten()
        .map(|e| e.path())
        .collect();
    clients.sort();
    let (mut moves, mut recorded, mut redated) = (0, 0, 0);
    for k in 1..steps {
        let mut rng = Rng::derive(seed, 0x4849_5354, k as u64);
        let client = rng.pick(&clients).clone();
        let date = date_of(k);
        let day = &date[..10];
        let kind = rng.below(10);
        let mut changed: Option<(PathBuf, String)> = None;
        if kind < 5 {
            if let Some(file) = files_with(&client.join("projects"), "deadline: ").first() {
                let text = std::fs::read_to_string(file)?;
                if let Some((mut text, old, new)) = shift_date(&text, "deadline:", 7) {
                    moves += 1;
                    if rng.chance(50) {
                        recorded += 1;
                        let entry = format!(
                            "  - {{from: {old}, to: {new}, decided: {day}, client_told: {day}}}\n"
                        );
                        match text.find("\ndeadline_changes:\n") {
                            Some(at) => {
                                let at = at + "\ndeadline_changes:\n".len();
                                text.insert_str(at, &entry);
                            }
                            None => text.push_str(&format!("deadline_changes:\n{entry}")),
                        }
                    }
                    changed = Some((file.clone(), text));
                }
            }
        } else if kind < 6
            && let Some(file) = files_with(&client.join("invoices"), "sent: ").first()
        {
            let text = std::fs::read_to_string(file)?;
            if let Some((text, ..)) = shift_date(&text, "date:", 1) {
                redated += 1;
                changed = Some((file.clone(), text));
            }
        }
        let (file, text) = match changed {
            Some(c) => c,
            None => {
                let file = client.join("client.yaml");
                let text = std::fs::read_to_string(&file)?;
                (file, format!("{text}# checked {day}\n"))
            }
        };
        std::fs::write(&file, text)?;
        let rel = file
            .strip_prefix(root)
            .context("a file of the book")?
            .to_string_lossy()
            .into_owned();
        git(root, &["update-index", "--", &rel], None, None)?;
        let tree = git(root, &["write-tree"], None, None)?;
        head = git(
            root,
            &[
                "commit-tree",
                &tree,
                "-p",
                &head,
                "-m",
                &format!("Step {k}"),
            ],
            Some(&date),
            None,
        )?;
    }
    git(root, &["update-ref", "HEAD", &head], None, None)?;
    println!(
        "gen_book: a history of {steps} commits ({moves} deadlines moved, {recorded} of them recorded; {redated} sent invoices re-dated) in {:.2} s",
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Writes a book of `clients` clients from `seed` into the empty or missing folder
/// `root`, and prints what it wrote. (Also called by tests, which include this file
/// as a module: `tests/export_sqlite.rs`.)
pub fn generate(root: &Path, clients: usize, seed: u64) -> Result<()> {
    if root.exists() {
        if !root.is_dir() {
            bail!("{} exists and is not a folder", root.display());
        }
        if std::fs::read_dir(root)?.next().is_some() {
            bail!("{} is not empty; refusing to write into it", root.display());
        }
    }
    let t0 = Instant::now();
    std::fs::create_dir_all(root.join("contractors"))?;
    std::fs::create_dir_all(root.join("clients"))?;

    let hol = holidays();
    let mut rng = Rng::derive(seed, u64::MAX, 0);
    let mut total = Out {
        files: 0,
        bytes: 0,
        sizes: Vec::new(),
    };
    total.write(&root.join("rapport.yaml"), &rapport_yaml(&mut rng, &hol))?;
    let mut contractor_ids = Vec::new();
    for (c, text) in contractors(&mut rng, 50) {
        total.write(
            &root.join("contractors").join(format!("{}.yaml", c.id)),
            &text,
        )?;
        contractor_ids.push(c);
    }
    let plans = plan_clients(seed, clients);
    let book = Book {
        seed,
        hol,
        contractors: contractor_ids,
    };
    let outs: Vec<Out> = plans
        .par_iter()
        .map(|p| gen_client(p, &book, root))
        .collect::<Result<_>>()?;
    for o in outs {
        total.files += o.files;
        total.bytes += o.bytes;
        total.sizes.extend(o.sizes);
    }
    let yaml = total.sizes.len();
    total.sizes.sort_unstable();
    let pct = |q: usize| total.sizes.get(yaml * q / 100).copied().unwrap_or(0);
    let yaml_bytes: usize = total.sizes.iter().sum();
    println!(
        "gen_book: {} clients, {} files ({} yaml, {} other), {} bytes ({} yaml; mean {} B, p5 {} B, p95 {} B) in {:.2} s -> {}",
        clients,
        total.files,
        yaml,
        total.files - yaml,
        total.bytes,
        yaml_bytes,
        yaml_bytes / yaml.max(1),
        pct(5),
        pct(95),
        t0.elapsed().as_secs_f64(),
        root.display()
    );
    Ok(())
}
