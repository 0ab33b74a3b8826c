//! R15: Never accept disrespect from the client (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// The client is a partner, not a master. Shouting, insults, calls at midnight,
    /// contempt for the team's work — accepted once, they become the norm of the
    /// relationship, and the team learns that its account manager will not stand up for
    /// it. Disrespect is stopped calmly and at once: name it, keep to the facts, and
    /// bring in the agency's management when it goes on.
    ///
    /// ## Self-check
    /// Did anything in my last talks with this client cross the line — and did I let it pass to keep the peace?
    ///
    /// ## Why it is manual
    /// Respect leaves no field in the book. Ask it after every difficult call or meeting, and tell your curator when the answer is yes twice.
    DisrespectAccepted,
    code: R15,
    name: "disrespect-accepted",
    summary: "Never accept disrespect from the client",
}
