import SQLSyntax

// VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW and COPY.

extension Parser {
    // MARK: VACUUM and ANALYZE

    /// ```
    /// VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(column, ...)], ...]
    /// VACUUM (option [value], ...) [table [(column, ...)], ...]
    /// SQLite: VACUUM [schema] [INTO 'file']
    /// ```
    /// https://www.postgresql.org/docs/current/sql-vacuum.html
    mutating func parseVacuum() throws(ParseError) -> MaintenanceStatement {
        let start = position
        try expect(.vacuum)
        var statement = MaintenanceStatement(command: .vacuum, span: .zero)
        if dialect.usesSQLiteMaintenanceSyntax {
            if !atEnd && !at(.into) { statement.targets = [MaintenanceTarget(name: QualifiedName([try parseColumnId()]))] }
            if eat(.into) { statement.into = try parseString() }
        } else {
            if at(.leftParen) {
                statement.options = try parseOptionList()
            } else {
                for word in [Keyword.full, .freeze, .verbose, .analyze, .analyse] where at(word) {
                    statement.options.append(OptionItem(name: word == .analyse ? "analyze" : word.text, span: current.span))
                    advance()
                }
            }
            statement.targets = try parseMaintenanceTargets()
        }
        statement.span = span(from: start)
        return statement
    }

    /// ```
    /// ANALYZE [VERBOSE] [table [(column, ...)], ...]
    /// ANALYZE (option [value], ...) [table [(column, ...)], ...]
    /// SQLite: ANALYZE [schema | [schema.]table_or_index]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-analyze.html
    mutating func parseAnalyze() throws(ParseError) -> MaintenanceStatement {
        let start = position
        advance()
        var statement = MaintenanceStatement(command: .analyze, span: .zero)
        if at(.leftParen) {
            statement.options = try parseOptionList()
        } else if at(.verbose) {
            statement.options = [OptionItem(name: "verbose", span: current.span)]
            advance()
        }
        statement.targets = try parseMaintenanceTargets()
        statement.span = span(from: start)
        return statement
    }

    /// `[table [(column, ...)], ...]`.
    private mutating func parseMaintenanceTargets() throws(ParseError) -> [MaintenanceTarget] {
        guard !atEnd else { return [] }
        return try commaSeparated { (p: inout Parser) throws(ParseError) in
            let name = try p.parseQualifiedName()
            let columns = try p.at(.leftParen) ? p.parseColumnList() : []
            return MaintenanceTarget(name: name, columns: columns)
        }
    }

    // MARK: CLUSTER

    /// ```
    /// CLUSTER [VERBOSE] [table [USING index]]
    /// CLUSTER (option [value], ...) [table [USING index]]
    /// CLUSTER [VERBOSE] index ON table
    /// ```
    /// https://www.postgresql.org/docs/current/sql-cluster.html
    mutating func parseCluster() throws(ParseError) -> MaintenanceStatement {
        let start = position
        try expect(.cluster)
        var statement = MaintenanceStatement(command: .cluster, span: .zero)
        if at(.leftParen) {
            statement.options = try parseOptionList()
        } else if at(.verbose) {
            statement.options = [OptionItem(name: "verbose", span: current.span)]
            advance()
        }
        if !atEnd {
            let name = try parseQualifiedName()
            if eat(.on) {
                // The pre-8.3 form names the index first.
                guard name.parts.count == 1, let index = name.parts.first else {
                    throw ParseError(.syntax, "expected an index name", span: name.span)
                }
                statement.clusterIndex = index
                statement.targets = [MaintenanceTarget(name: try parseQualifiedName())]
            } else {
                statement.targets = [MaintenanceTarget(name: name)]
                if eat(.using) { statement.clusterIndex = try parseColumnId() }
            }
        }
        statement.span = span(from: start)
        return statement
    }

    // MARK: REINDEX

    /// ```
    /// REINDEX [(option [value], ...)] { INDEX | TABLE | SCHEMA } [CONCURRENTLY] name
    /// REINDEX [(option [value], ...)] { DATABASE | SYSTEM } [CONCURRENTLY] [name]
    /// SQLite: REINDEX [collation | [schema.]table_or_index]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-reindex.html
    mutating func parseReindex() throws(ParseError) -> MaintenanceStatement {
        let start = position
        try expect(.reindex)
        var statement = MaintenanceStatement(command: .reindex, span: .zero)
        if dialect.usesSQLiteMaintenanceSyntax {
            if !atEnd { statement.targets = [MaintenanceTarget(name: try parseQualifiedName())] }
            statement.span = span(from: start)
            return statement
        }
        if at(.leftParen) { statement.options = try parseOptionList() }
        guard current.kind == .identifier, let word = current.keyword,
            [.index, .table, .schema, .database, .system].contains(word)
        else { throw expected("INDEX, TABLE, SCHEMA, DATABASE or SYSTEM") }
        advance()
        statement.reindexObject = word.text
        statement.concurrently = eat(.concurrently)
        switch word {
        case .index, .table:
            statement.targets = [MaintenanceTarget(name: try parseQualifiedName())]
        case .schema:
            statement.targets = [MaintenanceTarget(name: QualifiedName([try parseColumnId()]))]
        default:
            if !atEnd { statement.targets = [MaintenanceTarget(name: QualifiedName([try parseColumnId()]))] }
        }
        statement.span = span(from: start)
        return statement
    }

    // MARK: REFRESH

    /// `REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]`.
    /// https://www.postgresql.org/docs/current/sql-refreshmaterializedview.html
    mutating func parseRefresh() throws(ParseError) -> MaintenanceStatement {
        let start = position
        try expect(.refresh, .materialized, .view)
        var statement = MaintenanceStatement(command: .refresh, span: .zero)
        statement.concurrently = eat(.concurrently)
        statement.targets = [MaintenanceTarget(name: try parseQualifiedName())]
        if eat(.with, .data) {
            statement.withData = true
        } else if eat(.with, .no, .data) {
            statement.withData = false
        }
        statement.span = span(from: start)
        return statement
    }

    // MARK: COPY

    /// ```
    /// COPY [BINARY] table [(column, ...)] FROM { 'file' | PROGRAM 'cmd' | STDIN }
    ///     [[WITH] (option [value], ...) | legacy options] [WHERE condition]
    /// COPY { table [(column, ...)] | (query) } TO { 'file' | PROGRAM 'cmd' | STDOUT }
    ///     [[WITH] (option [value], ...) | legacy options]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-copy.html
    mutating func parseCopy() throws(ParseError) -> CopyStatement {
        let start = position
        try expect(.copy)
        var options: [OptionItem] = []
        if at(.binary) {
            options.append(OptionItem(name: "format", value: "binary", span: current.span))
            advance()
        }
        var table: QualifiedName?
        var columns: [Identifier] = []
        var query: StatementNode?
        if eat(.leftParen) {
            guard at(.select) || at(.with) || at(.values) || at(.table) || at(.insert) || at(.update) || at(.delete)
                || at(.merge) || at(.leftParen)
            else { throw expected("a query") }
            query = try nested { (p: inout Parser) throws(ParseError) in try p.parseStatement() }
            try expect(.rightParen)
        } else {
            table = try parseQualifiedName()
            if at(.leftParen) { columns = try parseColumnList() }
        }
        let isFrom: Bool
        if eat(.from) {
            if query != nil { throw ParseError(.syntax, "COPY FROM is not supported with a query", span: previous.span) }
            isFrom = true
        } else {
            try expect(.to)
            isFrom = false
        }
        let endpoint: CopyStatement.Endpoint
        if eat(.program) {
            endpoint = .program(try parseString())
        } else if eat(.stdin) {
            endpoint = .stdin
        } else if eat(.stdout) {
            endpoint = .stdout
        } else {
            endpoint = .file(try parseString())
        }
        if at(.using, .delimiters) || at(.delimiters) {
            eat(.using)
            advance()
            options.append(OptionItem(name: "delimiter", value: try parseString(), span: previous.span))
        }
        let hasWith = eat(.with)
        if at(.leftParen) {
            options += try parseOptionList()
        } else {
            options += try parseLegacyCopyOptions()
            if hasWith && options.isEmpty { throw expected("COPY options") }
        }
        var whereClause: Expr?
        if isFrom && eat(.where) {
            whereClause = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
        }
        return CopyStatement(
            table: table, columns: columns, query: query, isFrom: isFrom, endpoint: endpoint, options: options,
            whereClause: whereClause, span: span(from: start))
    }

    /// The pre-9.0 option words: `BINARY`, `FREEZE`, `CSV`, `HEADER`, `DELIMITER [AS] 'x'`,
    /// `NULL [AS] 'x'`, `QUOTE [AS] 'x'`, `ESCAPE [AS] 'x'`, `ENCODING 'x'`,
    /// `FORCE QUOTE {* | columns}`, `FORCE NOT NULL columns`, `FORCE NULL columns`.
    private mutating func parseLegacyCopyOptions() throws(ParseError) -> [OptionItem] {
        var options: [OptionItem] = []
        while true {
            let start = position
            if eat(.binary) {
                options.append(OptionItem(name: "format", value: "binary", span: span(from: start)))
            } else if eat(.csv) {
                options.append(OptionItem(name: "format", value: "csv", span: span(from: start)))
            } else if eat(.freeze) || eat(.header) {
                options.append(OptionItem(name: previous.keyword?.text ?? "", value: "true", span: span(from: start)))
            } else if eat(.delimiter) || eat(.null) || eat(.quote) || eat(.escape) || eat(.encoding) {
                let name = previous.keyword?.text ?? ""
                if name != "encoding" { eat(.as) }
                options.append(OptionItem(name: name, value: try parseString(), span: span(from: start)))
            } else if eat(.force) {
                let name: String
                if eat(.quote) {
                    name = "force_quote"
                } else if eat(.not, .null) {
                    name = "force_not_null"
                } else {
                    try expect(.null)
                    name = "force_null"
                }
                let value: String
                if name == "force_quote" && eatOperator("*") {
                    value = "*"
                } else {
                    value = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseColumnId().value }
                        .joined(separator: ", ")
                }
                options.append(OptionItem(name: name, value: value, span: span(from: start)))
            } else {
                return options
            }
        }
    }
}
