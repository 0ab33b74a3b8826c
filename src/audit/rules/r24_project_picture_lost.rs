//! R24: Keep the full picture of the project in your head and go into its details (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// The account manager is the one person who sees the whole project: the goal, the
    /// budget, the deadlines, every task and who holds it, what the client said last
    /// week. And he goes into the details: he reads the layout, counts the estimate,
    /// checks the text. Knowing only the big picture, he promises the impossible; knowing
    /// only details, he misses the deadline.
    ///
    /// ## Self-check
    /// Could I, right now and without looking, tell the client where every task of this project stands, what is left of the budget, and what the next risk is?
    ///
    /// ## Why it is manual
    /// Knowing a project is not a fact in the book — although a book kept up to date (D08) is what makes it possible. Ask it before every status call.
    ProjectPictureLost,
    code: R24,
    name: "project-picture-lost",
    summary: "Keep the full picture of the project in your head and go into its details",
}
