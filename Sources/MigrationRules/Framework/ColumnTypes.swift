import SQLSyntax

/// A column type written by a statement: in CREATE TABLE, ADD COLUMN or ALTER COLUMN TYPE.
///
/// A class: every column-type rule is handed each one, and a copy of the syntax
/// it holds (the column's whole definition) was a retain per field.
final class WrittenColumnType: Sendable {
    let column: Identifier
    let type: TypeName
    let definition: ColumnDefinition?
    /// `type.baseName`, lower-cased once for all the rules.
    let baseName: String

    init(column: Identifier, type: TypeName, definition: ColumnDefinition? = nil) {
        self.column = column
        self.type = type
        self.definition = definition
        self.baseName = type.baseName
    }
}

extension MigrationStatement {
    /// The column types this statement declares.
    var writtenColumnTypes: [WrittenColumnType] {
        switch node {
        case .createTable(let t):
            return t.columns.compactMap { c in c.type.map { WrittenColumnType(column: c.name, type: $0, definition: c) } }
        case .alterTable(let a) where a.objectType == .table || a.objectType == .foreignTable:
            return a.actions.compactMap { action in
                switch action {
                case .addColumn(let c, _): return c.type.map { WrittenColumnType(column: c.name, type: $0, definition: c) }
                case .alterColumn(let name, .setDataType(let type, _, _)): return WrittenColumnType(column: name, type: type)
                default: return nil
                }
            }
        default:
            return []
        }
    }
}

/// The shared shape of the "prefer type X" rules.
protocol ColumnTypeRule: StatementRule {
    /// The message for a column whose type this rule objects to, or nil.
    func complaint(_ written: WrittenColumnType, _ context: RuleContext) -> String?
}

extension ColumnTypeRule {
    /// Column types are written in schema changes only.
    static var readsDataStatements: Bool { false }

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        findings(s, s.writtenColumnTypes, context)
    }

    /// The statements that write column types, found once for all these rules.
    func check(_ context: RuleContext) -> [Finding] {
        context.columnTypes.flatMap { findings(context.analysis.statements[$0.statement], $0.types, context) }
    }

    private func findings(_ s: MigrationStatement, _ types: [WrittenColumnType], _ context: RuleContext) -> [Finding] {
        types.compactMap { written in
            complaint(written, context).map { message in
                context.finding(s, message, span: written.type.span.length > 0 ? written.type.span : nil)
            }
        }
    }
}
