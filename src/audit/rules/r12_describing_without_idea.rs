//! R12: Do not start describing something before there is an idea (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// Words cannot stand in for an idea. A presentation, a concept note or a long
    /// letter written around an empty middle shows at once: the client reads paragraphs
    /// and finds nothing to say yes to. First find the idea — one sentence that makes
    /// the project — then describe it; if there is no idea yet, say so and say when there
    /// will be one.
    ///
    /// ## Self-check
    /// Can I state the idea in one sentence before I write the first paragraph describing it?
    ///
    /// ## Why it is manual
    /// Whether a text carries an idea is a judgement, not a date or a field. Ask it before writing any concept, presentation or proposal.
    DescribingWithoutIdea,
    code: R12,
    name: "describing-without-idea",
    summary: "Do not start describing something before there is an idea",
}
