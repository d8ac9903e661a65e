import SQLSyntax
import SchemaCatalog

/// A new object's name longer than 63 bytes, which PostgreSQL truncates.
struct IdentifierTooLong: StatementRule {
    static let metadata = RuleMetadata(
        id: "identifier-too-long",
        title: "Identifier longer than 63 bytes",
        category: .correctness, severity: .warning,
        summary: "PostgreSQL silently truncates identifiers to 63 bytes, so the object gets another name than the one written.",
        rationale: "Later statements and the application use the full name and miss the object, or two long names collide after truncation.",
        safeAlternative: "Use a name of at most 63 bytes.",
        bad: [RuleExample("CREATE TABLE \(String(repeating: "a", count: 64)) (id int);")],
        good: [RuleExample("CREATE TABLE \(String(repeating: "a", count: 63)) (id int);")],
        equivalents: [Equivalent(.squawk, "identifier-too-long")])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        var names: [Identifier] = []
        switch s.node {
        case .createTable(let t):
            names = [t.name.parts.last].compactMap { $0 } + t.columns.map(\.name) + t.constraints.compactMap(\.name)
        case .createIndex(let i): names = i.name?.parts.last.map { [$0] } ?? []
        case .createView(let v): names = v.name.parts.last.map { [$0] } ?? []
        case .createSequence(let q): names = q.name.parts.last.map { [$0] } ?? []
        case .alterTable(let a):
            for action in a.actions {
                if case .addColumn(let c, _) = action { names.append(c.name) }
                if case .addConstraint(let c) = action, let n = c.name { names.append(n) }
            }
        case .rename(let r): names = [r.newName]
        default: return []
        }
        return names.filter { $0.value.utf8.count > SQLName.maximumLength }.map { name in
            context.finding(
                s, "\"\(name.value)\" is \(name.value.utf8.count) bytes long; PostgreSQL truncates it to \"\(SQLName.truncated(name.value))\"",
                span: name.span.length > 0 ? name.span : nil)
        }
    }
}
