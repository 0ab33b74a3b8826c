//! R25: Do not take people for fools (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// Clients, colleagues and contractors notice excuses, vague answers, padded
    /// estimates and hidden delays — always, sooner or later. Treat everyone as at least
    /// as smart as you: tell the truth about problems, explain instead of obscuring,
    /// and never count on anyone not checking.
    ///
    /// ## Self-check
    /// Is there anything I told a client, colleague or contractor this week that I would not want them to check?
    ///
    /// ## Why it is manual
    /// Honesty is not a field in the book. Ask it at the end of every week.
    PeopleTakenForFools,
    code: R25,
    name: "people-taken-for-fools",
    summary: "Do not take people for fools",
}
