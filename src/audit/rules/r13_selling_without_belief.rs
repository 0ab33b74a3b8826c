//! R13: Always believe in what you sell (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// A client hears doubt before he hears arguments. If you do not believe in the
    /// work, the service or the price you are selling, he will not either — and he will
    /// be right to ask why you are selling it. Either find what is truly good in it and
    /// sell that, or change the offer until you can stand behind it.
    ///
    /// ## Self-check
    /// Would I buy this myself, at this price, for this goal — and can I say what exactly is good in it?
    ///
    /// ## Why it is manual
    /// Belief is not data. Ask it before every estimate, proposal and presentation you send.
    SellingWithoutBelief,
    code: R13,
    name: "selling-without-belief",
    summary: "Always believe in what you sell",
}
