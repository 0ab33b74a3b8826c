//! R11: Fight for an idea to the end only when you are 100% sure of it (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// Defending an idea against the client's doubts spends trust: the agency's and
    /// yours. Spend it only on an idea you are completely sure of — one that answers the
    /// brief, that you can explain in the client's own terms, and that you would stake
    /// your name on. An idea you half believe in is better improved or dropped than
    /// pushed; pushing it and losing teaches the client to overrule you next time.
    ///
    /// ## Self-check
    /// Am I fighting for this idea because I am sure it serves the client's goal — could I prove it in his terms — or because it is ours and I do not want to lose?
    ///
    /// ## Why it is manual
    /// Conviction leaves no trace in the book: no field records how sure the account manager was. Ask it before every presentation and every dispute over an idea.
    FightingForUnsureIdea,
    code: R11,
    name: "fighting-for-unsure-idea",
    summary: "Fight for an idea to the end only when you are 100% sure of it",
}
