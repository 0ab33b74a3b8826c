//! R16: You teach the client, not he you (manual: not read from data).

manual_rule! {
    /// ## Meaning
    /// The agency is hired for its expertise. The account manager leads: explains how
    /// the work is done and why, proposes the next steps, brings in knowledge of the
    /// market and the audience. When the client starts dictating the process, the
    /// layouts and the solutions, the agency has become his pair of hands — and will be
    /// judged as one.
    ///
    /// ## Self-check
    /// In this project, who proposed the last important decision — me, with reasons, or the client, with me following?
    ///
    /// ## Why it is manual
    /// Who leads a relationship is a judgement over many touches, not a fact in one file. Ask it at every milestone of a project.
    ClientTeachesAgency,
    code: R16,
    name: "client-teaches-agency",
    summary: "You teach the client, not he you",
}
