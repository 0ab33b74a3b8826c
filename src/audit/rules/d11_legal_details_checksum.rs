//! D11: the agency's and the clients' ИНН, КПП, БИК and account numbers pass their
//! control digits.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, SETTINGS_FILE};
use crate::finding::Location;
use crate::i18n::Msg;
use crate::model::Waiver;
use crate::model::settings::{Bank, Legal};
use crate::msg;
use crate::yaml::YamlPath;

pub struct LegalDetailsChecksum;

meta! {
    /// ## Why
    /// The details printed on an invoice are what the client's accountant types into a
    /// payment order. A mistyped ИНН makes the invoice and the closing documents
    /// unacceptable; a mistyped account sends the money back days later, or somewhere
    /// else. Russian identifiers carry control digits precisely so that such typos can
    /// be caught before anyone pays: this rule checks them.
    ///
    /// ## What it reads
    /// `agency.legal` and `agency.bank` of rapport.yaml, and `legal` of every
    /// client.yaml (an absent value is not checked; filling them in is up to you):
    /// - `inn`: 10 digits (a company; the 10th is the control digit) or 12 (an
    ///   individual entrepreneur or a person; the 11th and 12th), weighted sums modulo
    ///   11, then 10.
    /// - `kpp`: 9 characters — 4 digits (the tax office), 2 digits or capital latin
    ///   letters (the reason), 3 digits. КПП has no control digit.
    /// - `bik`: 9 digits. БИК has no control digit.
    /// - `account` (расчётный счёт): 20 digits whose control key (the 9th digit) agrees
    ///   with the БИК: the last three digits of the БИК followed by the 20 digits,
    ///   weighted 7, 1, 3, …, sum to a multiple of 10 (for a БИК ending in 000, 001 or
    ///   002, a division of the Bank of Russia, the prefix is 0 and the БИК's 5th–6th
    ///   digits). Treasury accounts (starting with 03) are checked for 20 digits only.
    /// - `corr_account` (корр. счёт): 20 digits whose control key agrees with the БИК
    ///   prefixed as 0 and the БИК's 5th–6th digits; a bank's correspondent account
    ///   (30101…) ends with the last three digits of its БИК.
    /// The message names the digit expected, so a single typo can be found; a wrong
    /// expected digit may also mean the typo is elsewhere in the number (or in the БИК).
    ///
    /// ## How to fix
    /// Check the number against the source document (the client's card of details, the
    /// bank's letter, the ЕГРЮЛ extract) and correct it. Write these numbers quoted
    /// (`inn: "7707083893"`): some start with 0.
    ///
    /// ## How to waive
    /// On a client: `waive: [{rule: D11, reason: "…"}]` (e.g. a foreign company whose
    /// tax number is not an ИНН). rapport.yaml has no waivers: to silence the agency's
    /// findings, set `rules: {D11: off}`.
    code: D11,
    name: "legal-details-checksum",
    severity: Warning,
    summary: "ИНН, КПП, БИК and account numbers pass their control digits",
    thresholds: [],
}

/// Digits of `s`, if it is made of ASCII digits only and is `len` long.
fn digits(s: &str, len: usize) -> Option<Vec<u32>> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().map(|b| u32::from(b - b'0')).collect())
}

/// The control digit over `d` with `weights`: the weighted sum modulo 11, then 10.
fn inn_digit(d: &[u32], weights: &[u32]) -> u32 {
    d.iter().zip(weights).map(|(a, w)| a * w).sum::<u32>() % 11 % 10
}

/// What is wrong with an ИНН, if anything.
pub fn check_inn(inn: &str) -> Option<Msg> {
    let wrong = |place: &'static str, want: u32, got: u32| {
        msg!(
            "d11-inn-digit",
            inn = inn,
            place = crate::i18n::Arg::Word(place),
            want = want,
            got = got,
        )
    };
    if let Some(d) = digits(inn, 10) {
        let want = inn_digit(&d[..9], &[2, 4, 10, 3, 5, 9, 4, 6, 8]);
        return (want != d[9]).then(|| wrong("tenth", want, d[9]));
    }
    if let Some(d) = digits(inn, 12) {
        let first = inn_digit(&d[..10], &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
        // The second digit is computed over the first eleven as written.
        let second = inn_digit(&d[..11], &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
        if first != d[10] {
            return Some(wrong("eleventh", first, d[10]));
        }
        return (second != d[11]).then(|| wrong("twelfth", second, d[11]));
    }
    Some(msg!("d11-inn-length", inn = inn))
}

/// What is wrong with a КПП, if anything.
pub fn check_kpp(kpp: &str) -> Option<Msg> {
    let b = kpp.as_bytes();
    let ok = b.len() == 9
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4..6]
            .iter()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && b[6..].iter().all(u8::is_ascii_digit);
    (!ok).then(|| msg!("d11-kpp", kpp = kpp))
}

/// What is wrong with a БИК, if anything.
pub fn check_bik(bik: &str) -> Option<Msg> {
    digits(bik, 9).is_none().then(|| msg!("d11-bik", bik = bik))
}

/// Weights of the account key over the 3-digit prefix and the 20 digits.
const KEY_WEIGHTS: [u32; 3] = [7, 1, 3];

/// The control key (9th digit) that makes `prefix` + `account` check out.
fn expected_key(prefix: &[u32], account: &[u32]) -> u32 {
    let sum: u32 = prefix
        .iter()
        .chain(account)
        .enumerate()
        .filter(|(i, _)| *i != 3 + 8)
        .map(|(i, d)| d * KEY_WEIGHTS[i % 3] % 10)
        .sum();
    // The key's weight is 3, and 3 × 3 ≡ 9 ≡ −1 (mod 10): the key is 3 × sum mod 10.
    sum * 3 % 10
}

/// The account's key prefix from the БИК: its last three digits, or "0" and its 5th–6th
/// digits for a division of the Bank of Russia.
fn account_prefix(bik: &[u32]) -> [u32; 3] {
    let last = [bik[6], bik[7], bik[8]];
    if last[0] == 0 && last[1] == 0 && last[2] <= 2 {
        [0, bik[4], bik[5]]
    } else {
        last
    }
}

/// What is wrong with a settlement account under `bik` (when the БИК is valid).
pub fn check_account(account: &str, bik: Option<&str>) -> Option<Msg> {
    let Some(d) = digits(account, 20) else {
        return Some(msg!(
            "d11-account-length",
            kind = "account",
            account = account
        ));
    };
    let b = bik.and_then(|b| digits(b, 9))?;
    if account.starts_with("03") {
        return None;
    }
    let want = expected_key(&account_prefix(&b), &d);
    let bik = bik.unwrap_or_default();
    (want != d[8]).then(|| {
        msg!(
            "d11-account-key",
            kind = "account",
            account = account,
            bik = bik,
            want = want,
            got = d[8],
        )
    })
}

/// What is wrong with a correspondent account under `bik` (when the БИК is valid).
pub fn check_corr_account(corr: &str, bik: Option<&str>) -> Option<Msg> {
    let Some(d) = digits(corr, 20) else {
        return Some(msg!("d11-account-length", kind = "corr", account = corr));
    };
    let bik = bik?;
    let b = digits(bik, 9)?;
    let want = expected_key(&[0, b[4], b[5]], &d);
    if want != d[8] {
        return Some(msg!(
            "d11-account-key",
            kind = "corr",
            account = corr,
            bik = bik,
            want = want,
            got = d[8],
        ));
    }
    (corr.starts_with("30101") && corr[17..] != bik[6..])
        .then(|| msg!("d11-corr-tail", corr = corr, bik = bik, tail = &bik[6..]))
}

/// Checks one party's legal details and bank, reporting at `base` in `file`.
fn check(
    out: &mut Out,
    file: &str,
    waive: &[Waiver],
    legal: Option<(&Legal, YamlPath)>,
    bank: Option<(&Bank, YamlPath)>,
) {
    let mut emit = |path: YamlPath, message: Msg, help: Msg| {
        out.emit(file, waive, Location::value(path), message)
            .help(help);
    };
    let typo = || msg!("d11-typo-help");
    if let Some((legal, base)) = legal {
        if let Some(m) = legal.inn.as_deref().and_then(check_inn) {
            emit(base.clone().key("inn"), m, typo());
        }
        if let Some(m) = legal.kpp.as_deref().and_then(check_kpp) {
            emit(base.clone().key("kpp"), m, typo());
        }
    }
    if let Some((bank, base)) = bank {
        let bik = bank.bik.as_deref();
        if let Some(m) = bik.and_then(check_bik) {
            emit(base.clone().key("bik"), m, typo());
        }
        if let Some(m) = bank.account.as_deref().and_then(|a| check_account(a, bik)) {
            emit(base.clone().key("account"), m, msg!("d11-account-help"));
        }
        if let Some(m) = bank
            .corr_account
            .as_deref()
            .and_then(|a| check_corr_account(a, bik))
        {
            emit(base.clone().key("corr_account"), m, msg!("d11-corr-help"));
        }
    }
}

impl Rule for LegalDetailsChecksum {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn client(&self, _cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {
        let Some(e) = &client.client else {
            return;
        };
        let legal = e
            .data
            .legal
            .as_ref()
            .map(|l| (l, YamlPath::root().key("legal")));
        check(out, &e.file, &e.data.waive, legal, None);
    }

    fn book(&self, cx: &Cx<'_>, out: &mut Out) {
        let Some(s) = &cx.book.settings else {
            return;
        };
        let agency = YamlPath::root().key("agency");
        let legal = s
            .agency
            .legal
            .as_ref()
            .map(|l| (l, agency.clone().key("legal")));
        let bank = s
            .agency
            .bank
            .as_ref()
            .map(|b| (b, agency.clone().key("bank")));
        check(out, SETTINGS_FILE, &[], legal, bank);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The checks as the English audit words them.
    fn check_inn(inn: &str) -> Option<String> {
        super::check_inn(inn).map(|m| m.render(crate::i18n::Lang::En))
    }
    fn check_kpp(kpp: &str) -> Option<String> {
        super::check_kpp(kpp).map(|m| m.render(crate::i18n::Lang::En))
    }
    fn check_bik(bik: &str) -> Option<String> {
        super::check_bik(bik).map(|m| m.render(crate::i18n::Lang::En))
    }
    fn check_account(account: &str, bik: Option<&str>) -> Option<String> {
        super::check_account(account, bik).map(|m| m.render(crate::i18n::Lang::En))
    }
    fn check_corr_account(corr: &str, bik: Option<&str>) -> Option<String> {
        super::check_corr_account(corr, bik).map(|m| m.render(crate::i18n::Lang::En))
    }

    #[test]
    fn inn_control_digits() {
        // Real, published ИНН: Сбербанк, Яндекс; 12-digit from the ФНС example.
        for ok in ["7707083893", "7736207543", "500100732259", "7707526016"] {
            assert_eq!(check_inn(ok), None, "{ok}");
        }
        assert_eq!(
            check_inn("7707083894").as_deref(),
            Some("ИНН 7707083894 fails its check: the control digit (the 10th) should be 3, not 4")
        );
        assert_eq!(
            check_inn("500100732268").as_deref(),
            Some(
                "ИНН 500100732268 fails its check: the 11th digit (the first control digit) \
                 should be 5, not 6"
            )
        );
        assert_eq!(
            check_inn("500100732250").as_deref(),
            Some(
                "ИНН 500100732250 fails its check: the 12th digit (the second control digit) \
                 should be 9, not 0"
            )
        );
        for bad in ["770708389", "77070838933", "77070838a3", "", " 7707083893"] {
            assert!(
                check_inn(bad).is_some_and(|m| m.contains("is not 10 digits")),
                "{bad}"
            );
        }
    }

    #[test]
    fn kpp_and_bik_formats() {
        for ok in ["770701001", "7707AB001", "773601001"] {
            assert_eq!(check_kpp(ok), None, "{ok}");
        }
        for bad in [
            "77070100",
            "7707ab001",
            "A70701001",
            "7707010011",
            "77070100Z",
        ] {
            assert!(check_kpp(bad).is_some(), "{bad}");
        }
        assert_eq!(check_bik("044525225"), None);
        assert!(check_bik("04452522").is_some());
        assert!(check_bik("04452522x").is_some());
    }

    #[test]
    fn accounts_agree_with_the_bik() {
        // Сбербанк's correspondent account; the example agency's bank.
        assert_eq!(
            check_corr_account("30101810400000000225", Some("044525225")),
            None
        );
        assert_eq!(
            check_corr_account("30101810600000000999", Some("044525999")),
            None
        );
        assert_eq!(
            check_account("40702810348757491186", Some("044525999")),
            None
        );
        assert_eq!(
            check_account("40702810348757491187", Some("044525999")).as_deref(),
            Some(
                "р/с 40702810348757491187 does not match БИК 044525999: its control key (the \
                 9th digit) should be 6, not 3"
            )
        );
        // The expected key makes the number check out.
        assert_eq!(
            check_account("40702810648757491187", Some("044525999")),
            None
        );
        assert!(
            check_corr_account("30101810500000000225", Some("044525225"))
                .is_some_and(|m| m.contains("should be 4, not 5"))
        );
        assert!(check_account("4070281034875749118", Some("044525999")).is_some());
        // Without a valid БИК only the length is checked.
        assert_eq!(check_account("40702810348757491187", None), None);
        assert_eq!(check_account("40702810348757491187", Some("bad")), None);
        // Treasury accounts: length only.
        assert_eq!(
            check_account("03100643000000017300", Some("004525988")),
            None
        );
    }

    #[test]
    fn a_corr_account_ends_with_the_bik() {
        // A valid key, but the last digits belong to another bank.
        let corr = "30101810400000000225";
        let bik = "044525999";
        let b = digits(bik, 9).expect("bik");
        let d = digits(corr, 20).expect("corr");
        if expected_key(&[0, b[4], b[5]], &d) == d[8] {
            assert!(
                check_corr_account(corr, Some(bik)).is_some_and(|m| m.contains("(999)")),
                "{:?}",
                check_corr_account(corr, Some(bik))
            );
        }
    }

    #[test]
    fn every_single_digit_typo_in_an_account_is_caught() {
        let good = "40702810348757491186";
        for pos in 0..20 {
            for digit in b'0'..=b'9' {
                let mut bytes = good.as_bytes().to_vec();
                if bytes[pos] == digit {
                    continue;
                }
                bytes[pos] = digit;
                let typo = String::from_utf8(bytes).expect("ascii");
                assert!(check_account(&typo, Some("044525999")).is_some(), "{typo}");
            }
        }
    }
}
