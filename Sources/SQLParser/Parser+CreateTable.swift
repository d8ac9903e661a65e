import SQLSyntax

extension Parser {
    /// `CREATE TABLE`, `CREATE FOREIGN TABLE` and `CREATE TABLE ... AS`.
    /// Current token: TABLE, or FOREIGN of FOREIGN TABLE.
    ///
    /// ```
    /// CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name
    ///     ( [column_def | table_constraint | LIKE source [like_option ...]] [, ...] )
    ///     [INHERITS (parent, ...)] [PARTITION BY {RANGE | LIST | HASH} (key, ...)]
    ///     [USING method] [WITH (option, ...) | WITHOUT OIDS] [ON COMMIT ...] [TABLESPACE ts]
    /// CREATE ... TABLE [IF NOT EXISTS] name OF type [(column_options, ...)] ...
    /// CREATE ... TABLE [IF NOT EXISTS] name PARTITION OF parent [(column_options, ...)]
    ///     {FOR VALUES bound | DEFAULT} ...
    /// CREATE FOREIGN TABLE [IF NOT EXISTS] name (...) [INHERITS (...)] SERVER s [OPTIONS (...)]
    /// CREATE [TEMP] TABLE [IF NOT EXISTS] name (...) [WITHOUT ROWID | STRICT] [, ...]   -- SQLite
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createtable.html
    /// https://www.sqlite.org/lang_createtable.html
    mutating func parseCreateTable(_ m: CreateModifiers) throws(ParseError) -> StatementNode {
        if m.virtual { throw unsupported("CREATE VIRTUAL TABLE") }
        try rejectModifiers(m, allowing: [.temporary, .unlogged])
        let foreign = eat(.foreign)
        try expect(.table)
        let ifNotExists = eat(.if, .not, .exists)
        let name = try parseQualifiedName()
        let persistence: TablePersistence = m.temporary ? .temporary : (m.unlogged ? .unlogged : .permanent)
        if !foreign && createTableHasAs() {
            return .createTableAs(
                try parseCreateTableAsRest(
                    name: name, ifNotExists: ifNotExists, persistence: persistence, start: m.start))
        }
        var table = CreateTableStatement(name: name, ifNotExists: ifNotExists, persistence: persistence, span: .zero)
        var typed = false
        if at(.of) && !foreign {
            advance()
            table.ofType = try parseQualifiedName()
            typed = true
        } else if at(.partition, .of) {
            position += 2
            table.partitionOf = try parseQualifiedName()
            typed = true
        }
        if typed {
            if at(.leftParen) { table.elements = try parseTableElements(typed: true) }
            if table.partitionOf != nil { table.partitionBound = try parsePartitionBoundSpec() }
        } else {
            table.elements = try parseTableElements(typed: false)
            if eat(.inherits) { table.inherits = try parseQualifiedNameList() }
        }
        if foreign {
            try expect(.server)
            table.server = try parseColumnId()
            if at(.options) { table.foreignOptions = try parseForeignOptionList() }
        } else {
            if dialect.supportsWithoutRowid {
                try parseSQLiteTableOptions(&table)
            } else {
                if at(.partition, .by) { table.partitionBy = try parsePartitionSpec() }
                try parseTableStorageClauses(
                    accessMethod: &table.accessMethod, options: &table.options, withoutOids: &table.withoutOids,
                    onCommit: &table.onCommit, tablespace: &table.tablespace)
            }
        }
        table.span = span(from: m.start)
        return .createTable(table)
    }

    /// Whether an `AS` stands at parenthesis depth 0 ahead: `CREATE TABLE t [(a, b)] ... AS query`.
    /// A table definition never has one outside its parentheses.
    private func createTableHasAs() -> Bool {
        var depth = 0
        var i = position
        while i < limit {
            let t = tokens[i]
            if t.kind == .leftParen {
                depth += 1
            } else if t.kind == .rightParen {
                depth -= 1
            } else if depth == 0 && t.kind == .identifier && t.keyword == .as {
                return true
            }
            i += 1
        }
        return false
    }

    /// `( element, ... )`: columns, table constraints and LIKE clauses; `()` is allowed.
    private mutating func parseTableElements(typed: Bool) throws(ParseError) -> [TableElement] {
        try expect(.leftParen)
        if eat(.rightParen) { return [] }
        var elements: [TableElement] = []
        try nested { (p: inout Parser) throws(ParseError) in
            repeat {
                try p.parseTableElement(typed: typed, into: &elements)
                // SQLite lets table constraints follow each other without a comma.
                while p.dialect.supportsConstraintConflictClause, case .constraint? = elements.last,
                    p.atTableConstraintStart
                {
                    elements.append(.constraint(try p.parseTableConstraint()))
                }
            } while p.eat(.comma)
        }
        try expect(.rightParen)
        return elements
    }

    private mutating func parseTableElement(typed: Bool, into elements: inout [TableElement]) throws(ParseError) {
        if atTableConstraintStart {
            elements.append(.constraint(try parseTableConstraint()))
        } else if !typed && at(.like) {
            elements.append(.like(try parseTableLikeClause()))
        } else {
            elements.append(.column(try parseColumnDefinition(typed: typed)))
        }
    }

    /// `LIKE source [{INCLUDING | EXCLUDING} {COMMENTS | COMPRESSION | CONSTRAINTS | DEFAULTS
    /// | GENERATED | IDENTITY | INDEXES | STATISTICS | STORAGE | ALL}] ...`.
    private mutating func parseTableLikeClause() throws(ParseError) -> TableLikeClause {
        let start = position
        try expect(.like)
        var like = TableLikeClause(source: try parseQualifiedName(), span: .zero)
        while at(.including) || at(.excluding) {
            let including = at(.including)
            advance()
            let word = current
            guard word.kind == .identifier, let option = TableLikeClause.Option(rawValue: text(word).lowercased())
            else {
                throw expected("a LIKE option")
            }
            advance()
            like.options.append(.init(option: option, including: including))
        }
        like.span = span(from: start)
        return like
    }

    /// `qualified_name [, ...]` inside parentheses.
    private mutating func parseQualifiedNameList() throws(ParseError) -> [QualifiedName] {
        try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseQualifiedName() }
    }

    /// `PARTITION BY {RANGE | LIST | HASH} (col | (expr) | func(...) [COLLATE c] [opclass], ...)`.
    private mutating func parsePartitionSpec() throws(ParseError) -> PartitionSpec {
        let start = position
        try expect(.partition, .by)
        let word = current
        guard isColumnId(word), let strategy = PartitionSpec.Strategy(rawValue: identifier(word).value) else {
            throw expected("RANGE, LIST or HASH")
        }
        advance()
        let keys = try parenthesized { (p: inout Parser) throws(ParseError) -> IndexElement in
            let key = try p.parseIndexKey(ordering: false)
            return key.element
        }
        return PartitionSpec(strategy: strategy, keys: keys, span: span(from: start))
    }

    /// ```
    /// FOR VALUES IN (expr, ...) | FOR VALUES FROM (datum, ...) TO (datum, ...)
    /// | FOR VALUES WITH (MODULUS m, REMAINDER r) | DEFAULT
    /// ```
    mutating func parsePartitionBoundSpec() throws(ParseError) -> PartitionBound {
        if eat(.default) { return .default }
        try expect(.for, .values)
        if eat(.in) {
            return .list(try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseExpr() })
        }
        if eat(.from) {
            let from = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseRangeDatum() }
            try expect(.to)
            let to = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseRangeDatum() }
            return .range(from: from, to: to)
        }
        if eat(.with) {
            var modulus: Int?
            var remainder: Int?
            try expect(.leftParen)
            repeat {
                let word = current
                let name = try parseColumnId()
                let value = try parseSignedInteger()
                switch name.value {
                case "modulus" where modulus == nil: modulus = value
                case "remainder" where remainder == nil: remainder = value
                default:
                    throw ParseError(
                        .syntax, "unrecognized hash partition bound specification \"\(name.value)\"", span: word.span)
                }
            } while eat(.comma)
            try expect(.rightParen)
            guard let modulus, let remainder else {
                throw ParseError(
                    .syntax, "a hash partition bound needs both MODULUS and REMAINDER", span: previous.span)
            }
            return .hash(modulus: modulus, remainder: remainder)
        }
        throw expected("IN, FROM or WITH")
    }

    private mutating func parseRangeDatum() throws(ParseError) -> PartitionRangeDatum {
        let ends = peek().kind == .comma || peek().kind == .rightParen
        if ends && eat(.minvalue) { return .minValue }
        if ends && eat(.maxvalue) { return .maxValue }
        return .value(try parseExpr())
    }

    /// `[USING method] [WITH (options) | WITHOUT OIDS] [ON COMMIT ...] [TABLESPACE ts]`.
    private mutating func parseTableStorageClauses(
        accessMethod: inout Identifier?, options: inout [OptionItem], withoutOids: inout Bool,
        onCommit: inout OnCommitAction?, tablespace: inout Identifier?
    ) throws(ParseError) {
        if eat(.using) { accessMethod = try parseColumnId() }
        if at(.with) && peek().kind == .leftParen {
            advance()
            options = try parseOptionList()
        } else if eat(.without, .oids) {
            withoutOids = true
        }
        if eat(.on, .commit) {
            if eat(.drop) {
                onCommit = .drop
            } else if eat(.delete, .rows) {
                onCommit = .deleteRows
            } else {
                try expect(.preserve, .rows)
                onCommit = .preserveRows
            }
        }
        if eat(.tablespace) { tablespace = try parseColumnId() }
    }

    /// SQLite's `table-options`: `WITHOUT ROWID | STRICT`, comma-separated.
    private mutating func parseSQLiteTableOptions(_ table: inout CreateTableStatement) throws(ParseError) {
        guard at(.without) || at(.strict) else { return }
        repeat {
            if eat(.without) {
                guard at(.identifier) && text(current).lowercased() == "rowid" else { throw expected("ROWID") }
                advance()
                table.withoutRowid = true
            } else if eat(.strict) {
                table.strict = true
            } else {
                throw expected("WITHOUT ROWID or STRICT")
            }
        } while eat(.comma)
    }

    /// After the name of `CREATE TABLE name`: `[(col, ...)] [USING m] [WITH (...)]
    /// [ON COMMIT ...] [TABLESPACE ts] AS query [WITH [NO] DATA]`.
    private mutating func parseCreateTableAsRest(
        name: QualifiedName, ifNotExists: Bool, persistence: TablePersistence, start: Int
    ) throws(ParseError) -> CreateTableAsStatement {
        var columns: [Identifier] = []
        if at(.leftParen) { columns = try parseColumnList() }
        var accessMethod: Identifier?
        var options: [OptionItem] = []
        var withoutOids = false
        var onCommit: OnCommitAction?
        var tablespace: Identifier?
        try parseTableStorageClauses(
            accessMethod: &accessMethod, options: &options, withoutOids: &withoutOids, onCommit: &onCommit,
            tablespace: &tablespace)
        try expect(.as)
        if at(.execute) { throw unsupported("CREATE TABLE ... AS EXECUTE") }
        let query = try parseSelectStatement()
        var withData = true
        if eat(.with) {
            withData = !eat(.no)
            try expect(.data)
        }
        return CreateTableAsStatement(
            name: name, ifNotExists: ifNotExists, persistence: persistence, columns: columns,
            accessMethod: accessMethod,
            options: options, onCommit: onCommit, tablespace: tablespace, query: query, withData: withData,
            span: span(from: start))
    }
}
