//! R18: We sell a product and render a service at the same time (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// The client buys the result — a campaign, a site, a pack design — and lives
    /// through the way it was made: the answers, the reports, the deadlines, the tone.
    /// A great product delivered with poor service loses the client as surely as a poor
    /// product; good service does not save a bad product either. Both are the account
    /// manager's job.
    ///
    /// ## Self-check
    /// If the client judged us only by how working with us felt this month — answers, reports, deadlines, tone — would he renew?
    ///
    /// ## Why it is manual
    /// How the service felt is not a field; rules R01, R02, R06 and R14 measure parts of it. Ask the whole question at each report to the curator.
    ProductWithoutService,
    code: R18,
    name: "product-without-service",
    summary: "We sell a product and render a service at the same time",
}
