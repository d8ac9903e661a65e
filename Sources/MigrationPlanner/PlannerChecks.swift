import Diagnostics

/// The findings the planner itself reports (not rules: they come from the phase
/// evidence), described for `switchgate explain` and the docs.
public struct PlannerCheck: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var title: String
    public var explanation: String

    public static let all: [PlannerCheck] = [
        PlannerCheck(
            id: "breaking-change", severity: .error, title: "A statement that fits no phase",
            explanation: """
                Applying the statement breaks a blue query (or, without blue queries, removes an object of S0 \
                that blue is assumed to use), and a green query needs it (or, without green queries, it creates \
                what green is assumed to use). No rollout order makes both versions work: split it into an \
                expand step that adds the new shape next to the old one, a backfill, and a contract step that \
                removes the old shape once blue is retired. See docs/phases.md.
                """),
        PlannerCheck(
            id: "blue-query-fails", severity: .error, title: "A blue query fails on the intermediate schema",
            explanation: """
                The version serving traffic runs the query against S1 (the baseline plus every expand, backfill \
                and breaking statement), and S1 refuses it with the SQLSTATE PostgreSQL (or SQLite) would raise. \
                The finding names the statement after which it stopped working: move it to a later migration \
                (contract) or rewrite it so both shapes exist while blue runs.
                """),
        PlannerCheck(
            id: "green-query-fails", severity: .error, title: "A green query fails on the intermediate or final schema",
            explanation: """
                The version being rolled out runs on S1 while blue still serves, and on S2 after contract. A green \
                query that S1 refuses needs something added in expand; one that S2 refuses uses something the \
                contract step drops or renames.
                """),
        PlannerCheck(
            id: "select-star-columns-change", severity: .warning, title: "SELECT * over a relation whose columns change",
            explanation: """
                The query binds on both schemas, but `*` expands to other columns after the migration: an \
                INSERT ... SELECT * or code that reads columns by position gets rows of another shape. Name the \
                columns the query needs.
                """),
    ]

    public static func named(_ id: String) -> PlannerCheck? { all.first { $0.id == id } }

    /// `switchgate explain` text.
    public var explain: String {
        "\(id) (\(severity.rawValue)): \(title)\n\n\(explanation)\n\nReported by the phase planner of `switchgate check` (docs/phases.md), not by a rule.\n"
    }
}
