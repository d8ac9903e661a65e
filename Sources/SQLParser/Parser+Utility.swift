import SQLSyntax

// Utility statements: the dispatch, SET / RESET / SHOW, transaction control,
// LOCK, DO and SQLite's PRAGMA. GRANT and COMMENT are in Parser+Grant.swift;
// VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH and COPY in Parser+Maintenance.swift.

extension Dialect {
    /// SQLite triggers hold their statements (`BEGIN ... END`); PostgreSQL's call a function.
    var triggerBodiesInline: Bool { kind == .sqlite }
    /// SQLite's `PRAGMA name = value`.
    var supportsPragma: Bool { kind == .sqlite }
    /// SQLite's `BEGIN DEFERRED | IMMEDIATE | EXCLUSIVE`.
    var supportsTransactionLockModes: Bool { kind == .sqlite }
    /// `CREATE VIEW IF NOT EXISTS` (PostgreSQL takes IF NOT EXISTS on materialized views only).
    var supportsViewIfNotExists: Bool { kind == .sqlite }
    /// SQLite's `VACUUM [schema] INTO 'file'` and `REINDEX name` without an object type.
    var usesSQLiteMaintenanceSyntax: Bool { kind == .sqlite }
}

extension Parser {
    /// Every statement that does not start with a query, DML, CREATE, ALTER, DROP or TRUNCATE word.
    mutating func parseUtilityStatement() throws(ParseError) -> StatementNode {
        let t = current
        guard t.kind == .identifier, let word = t.keyword else { throw error("expected a statement") }
        switch word {
        case .comment: return .comment(try parseComment())
        case .grant, .revoke: return .grant(try parseGrant())
        case .vacuum: return .maintenance(try parseVacuum())
        case .analyze, .analyse: return .maintenance(try parseAnalyze())
        case .cluster: return .maintenance(try parseCluster())
        case .reindex: return .maintenance(try parseReindex())
        case .refresh: return .maintenance(try parseRefresh())
        case .lock: return .lock(try parseLock())
        case .set, .reset, .show: return .setVariable(try parseSetVariable())
        case .begin, .start, .commit, .end, .rollback, .abort, .savepoint, .release:
            return .transaction(try parseTransaction())
        case .prepare where peekIs(1, .transaction):
            return .transaction(try parseTransaction())
        case .do: return .doBlock(try parseDo())
        case .copy: return .copy(try parseCopy())
        case .pragma where dialect.supportsPragma: return .pragma(try parsePragma())
        case .explain, .call, .notify, .listen, .unlisten, .prepare, .execute, .deallocate, .discard, .checkpoint,
            .security, .reassign, .import, .load, .close, .declare, .fetch, .move, .attach, .detach:
            throw unsupported(word.text.uppercased())
        default:
            throw error("expected a statement, found '\(text(t))'")
        }
    }

    // MARK: SET, RESET, SHOW

    /// ```
    /// SET [SESSION | LOCAL] name { TO | = } { value [, ...] | DEFAULT }
    /// SET [SESSION | LOCAL] name FROM CURRENT
    /// SET [SESSION | LOCAL] TIME ZONE { value | LOCAL | DEFAULT }
    /// SET [SESSION | LOCAL] { ROLE | SESSION AUTHORIZATION } { name | DEFAULT | NONE }
    /// SET [SESSION | LOCAL] TRANSACTION mode [, ...]
    /// SET SESSION CHARACTERISTICS AS TRANSACTION mode [, ...]
    /// SET CONSTRAINTS { ALL | name [, ...] } { DEFERRED | IMMEDIATE }
    /// RESET { name | ALL | TIME ZONE | SESSION AUTHORIZATION | TRANSACTION ISOLATION LEVEL }
    /// SHOW { name | ALL | TIME ZONE | SESSION AUTHORIZATION | TRANSACTION ISOLATION LEVEL }
    /// ```
    /// https://www.postgresql.org/docs/current/sql-set.html
    mutating func parseSetVariable() throws(ParseError) -> SetVariableStatement {
        let start = position
        if eat(.reset) || eat(.show) {
            let isShow = previous.keyword == .show
            var name = try parseSpecialVariableName()
            if name == nil { name = try parseVariableName() }
            return SetVariableStatement(action: isShow ? .show : .reset, name: name ?? "", span: span(from: start))
        }
        try expect(.set)
        if eat(.constraints) {
            var values: [String]
            if eat(.all) {
                values = ["all"]
            } else {
                values = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseQualifiedName().dotted }
            }
            if eat(.deferred) {
                values.append("deferred")
            } else {
                try expect(.immediate)
                values.append("immediate")
            }
            return SetVariableStatement(action: .setConstraints, name: "constraints", values: values, span: span(from: start))
        }
        if eat(.session, .characteristics) {
            try expect(.as, .transaction)
            let modes = try parseTransactionModes()
            guard !modes.isEmpty else { throw expected("a transaction mode") }
            return SetVariableStatement(action: .set, name: "session characteristics", values: modes, span: span(from: start))
        }
        var scope: SetVariableStatement.Scope?
        if !at(.session, .authorization) {
            if eat(.local) {
                scope = .local
            } else if eat(.session) {
                scope = .session
            }
        }
        var statement = try parseSetRest()
        statement.scope = scope
        statement.span = span(from: start)
        return statement
    }

    /// What follows `SET [SESSION | LOCAL]` (also the `SET` option of CREATE FUNCTION).
    mutating func parseSetRest() throws(ParseError) -> SetVariableStatement {
        if eat(.transaction) {
            if eat(.snapshot) {
                return SetVariableStatement(action: .set, name: "transaction snapshot", values: [try parseString()], span: .zero)
            }
            let modes = try parseTransactionModes()
            guard !modes.isEmpty else { throw expected("a transaction mode") }
            return SetVariableStatement(action: .set, name: "transaction", values: modes, span: .zero)
        }
        if eat(.time, .zone) {
            if eat(.default) || eat(.local) {
                return SetVariableStatement(action: .setDefault, name: "timezone", span: .zero)
            }
            return SetVariableStatement(action: .set, name: "timezone", values: [try parseZoneValue()], span: .zero)
        }
        if eat(.session, .authorization) {
            if eat(.default) { return SetVariableStatement(action: .setDefault, name: "session_authorization", span: .zero) }
            return SetVariableStatement(action: .set, name: "session_authorization", values: [try parseNameOrString()], span: .zero)
        }
        if eat(.role) {
            return SetVariableStatement(action: .set, name: "role", values: [try parseNameOrString()], span: .zero)
        }
        if eat(.names) {
            if eat(.default) || atEnd { return SetVariableStatement(action: .setDefault, name: "client_encoding", span: .zero) }
            return SetVariableStatement(action: .set, name: "client_encoding", values: [try parseNameOrString()], span: .zero)
        }
        if at(.schema) && peek().kind == .string {
            advance()
            return SetVariableStatement(action: .set, name: "search_path", values: [try parseString()], span: .zero)
        }
        if at(.catalog) && peek().kind == .string {
            advance()
            return SetVariableStatement(action: .set, name: "catalog", values: [try parseString()], span: .zero)
        }
        if eat(.xml, .option) {
            guard eat(.document) || eat(.content) else { throw expected("DOCUMENT or CONTENT") }
            return SetVariableStatement(action: .set, name: "xmloption", values: [previous.keyword?.text ?? ""], span: .zero)
        }
        let name = try parseVariableName()
        if eat(.from, .current) { return SetVariableStatement(action: .setFromCurrent, name: name, span: .zero) }
        guard eat(.to) || eatOperator("=") else { throw expected("TO or '='") }
        if eat(.default) { return SetVariableStatement(action: .setDefault, name: name, span: .zero) }
        return SetVariableStatement(action: .set, name: name, values: try parseVariableValues(), span: .zero)
    }

    /// The multi-word names of RESET and SHOW; nil for a plain name.
    private mutating func parseSpecialVariableName() throws(ParseError) -> String? {
        if eat(.all) { return "all" }
        if eat(.time, .zone) { return "timezone" }
        if eat(.session, .authorization) { return "session_authorization" }
        if eat(.transaction, .isolation, .level) { return "transaction_isolation" }
        return nil
    }

    /// `var_name`: `name [. name ...]`, folded to lower case.
    mutating func parseVariableName() throws(ParseError) -> String {
        var name = try parseColumnId().value
        while eat(.dot) { name += "." + (try parseColumnId().value) }
        return name
    }

    /// `var_list`: `value [, value ...]`; each a string, a name, a number, `ON`, `TRUE` or `FALSE`.
    mutating func parseVariableValues() throws(ParseError) -> [String] {
        try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseVariableValue() }
    }

    private mutating func parseVariableValue() throws(ParseError) -> String {
        if atString { return try parseString() }
        if atOperator("-") || atOperator("+") || at(TokenKind.integer) || at(TokenKind.decimal) {
            return try parseNumericText()
        }
        let t = current
        if eat(.on) || eat(.true) || eat(.false) { return t.keyword?.text ?? "" }
        guard isColumnId(t) || isTypeFunctionName(t) else { throw expected("a value") }
        advance()
        return identifier(t).value
    }

    /// `zone_value`: a string, a name, a number, or `INTERVAL 'value' [fields]`.
    private mutating func parseZoneValue() throws(ParseError) -> String {
        if at(.interval) {
            let start = position
            _ = try parseTypeName()
            _ = try parseString()
            while at(.year) || at(.month) || at(.day) || at(.hour) || at(.minute) || at(.second) || at(.to) {
                advance()
            }
            return text(span(from: start))
        }
        return try parseVariableValue()
    }

    // MARK: Transactions

    /// ```
    /// BEGIN [WORK | TRANSACTION] [mode [, ...]]       START TRANSACTION [mode [, ...]]
    /// COMMIT | END [WORK | TRANSACTION] [AND [NO] CHAIN]
    /// ROLLBACK | ABORT [WORK | TRANSACTION] [AND [NO] CHAIN]
    /// SAVEPOINT name    RELEASE [SAVEPOINT] name    ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name
    /// PREPARE TRANSACTION 'id'    COMMIT PREPARED 'id'    ROLLBACK PREPARED 'id'
    /// SQLite: BEGIN [DEFERRED | IMMEDIATE | EXCLUSIVE] [TRANSACTION]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-begin.html, https://www.sqlite.org/lang_transaction.html
    mutating func parseTransaction() throws(ParseError) -> TransactionStatement {
        let start = position
        let word = current.keyword
        advance()
        var statement = TransactionStatement(action: .begin, span: .zero)
        switch word {
        case .begin:
            if dialect.supportsTransactionLockModes, eat(.deferred) || eat(.immediate) || eat(.exclusive) {
                statement.modes = [previous.keyword?.text ?? ""]
            }
            _ = eat(.work) || eat(.transaction)
            if !dialect.supportsTransactionLockModes { statement.modes = try parseTransactionModes() }
        case .start:
            try expect(.transaction)
            statement.modes = try parseTransactionModes()
        case .commit, .end:
            statement.action = .commit
            if word == .commit && eat(.prepared) {
                statement.action = .commitPrepared
                statement.transactionId = try parseString()
            } else {
                _ = eat(.work) || eat(.transaction)
                statement.chain = try parseChain()
            }
        case .rollback, .abort:
            statement.action = .rollback
            if word == .rollback && eat(.prepared) {
                statement.action = .rollbackPrepared
                statement.transactionId = try parseString()
            } else {
                _ = eat(.work) || eat(.transaction)
                if word == .rollback && eat(.to) {
                    eat(.savepoint)
                    statement.action = .rollbackToSavepoint
                    statement.savepoint = try parseColumnId()
                } else {
                    statement.chain = try parseChain()
                }
            }
        case .savepoint:
            statement.action = .savepoint
            statement.savepoint = try parseColumnId()
        case .release:
            statement.action = .releaseSavepoint
            eat(.savepoint)
            statement.savepoint = try parseColumnId()
        default:
            // PREPARE TRANSACTION 'id'.
            try expect(.transaction)
            statement.action = .prepare
            statement.transactionId = try parseString()
        }
        statement.span = span(from: start)
        return statement
    }

    /// `[AND [NO] CHAIN]`.
    private mutating func parseChain() throws(ParseError) -> Bool {
        guard eat(.and) else { return false }
        let chain = !eat(.no)
        try expect(.chain)
        return chain
    }

    /// `transaction_mode_list`: modes separated by commas or spaces, in lower case.
    mutating func parseTransactionModes() throws(ParseError) -> [String] {
        var modes: [String] = []
        while true {
            if eat(.isolation, .level) {
                if eat(.serializable) {
                    modes.append("isolation level serializable")
                } else if eat(.repeatable, .read) {
                    modes.append("isolation level repeatable read")
                } else if eat(.read, .committed) {
                    modes.append("isolation level read committed")
                } else if eat(.read, .uncommitted) {
                    modes.append("isolation level read uncommitted")
                } else {
                    throw expected("an isolation level")
                }
            } else if eat(.read, .only) {
                modes.append("read only")
            } else if eat(.read, .write) {
                modes.append("read write")
            } else if eat(.deferrable) {
                modes.append("deferrable")
            } else if eat(.not, .deferrable) {
                modes.append("not deferrable")
            } else {
                if !modes.isEmpty && previous.kind == .comma { throw expected("a transaction mode") }
                return modes
            }
            eat(.comma)
        }
    }

    // MARK: LOCK

    /// `LOCK [TABLE] [ONLY] name [*] [, ...] [IN lockmode MODE] [NOWAIT]`.
    /// https://www.postgresql.org/docs/current/sql-lock.html
    mutating func parseLock() throws(ParseError) -> LockStatement {
        let start = position
        try expect(.lock)
        eat(.table)
        let tables = try commaSeparated { (p: inout Parser) throws(ParseError) -> LockStatement.Target in
            if p.eat(.only) {
                if p.eat(.leftParen) {
                    let name = try p.parseQualifiedName()
                    try p.expect(.rightParen)
                    return LockStatement.Target(name: name, only: true)
                }
                return LockStatement.Target(name: try p.parseQualifiedName(), only: true)
            }
            let name = try p.parseQualifiedName()
            p.eatOperator("*")
            return LockStatement.Target(name: name)
        }
        var mode: String?
        if eat(.in) {
            mode = try parseLockMode()
            try expect(.mode)
        }
        let nowait = eat(.nowait)
        return LockStatement(tables: tables, mode: mode, nowait: nowait, span: span(from: start))
    }

    /// `ACCESS SHARE | ROW SHARE | ROW EXCLUSIVE | SHARE UPDATE EXCLUSIVE | SHARE
    /// | SHARE ROW EXCLUSIVE | EXCLUSIVE | ACCESS EXCLUSIVE`, upper case.
    private mutating func parseLockMode() throws(ParseError) -> String {
        if eat(.access, .share) { return "ACCESS SHARE" }
        if eat(.access, .exclusive) { return "ACCESS EXCLUSIVE" }
        if eat(.row, .share) { return "ROW SHARE" }
        if eat(.row, .exclusive) { return "ROW EXCLUSIVE" }
        if eat(.share, .update, .exclusive) { return "SHARE UPDATE EXCLUSIVE" }
        if eat(.share, .row, .exclusive) { return "SHARE ROW EXCLUSIVE" }
        if eat(.share) { return "SHARE" }
        if eat(.exclusive) { return "EXCLUSIVE" }
        throw expected("a lock mode")
    }

    // MARK: DO

    /// `DO [LANGUAGE lang] code` (the language may also come after the code).
    /// https://www.postgresql.org/docs/current/sql-do.html
    mutating func parseDo() throws(ParseError) -> DoStatement {
        let start = position
        try expect(.do)
        var language: String?
        var body: String?
        while !atEnd {
            if eat(.language) {
                guard language == nil else { throw error("conflicting or redundant options") }
                language = try parseNameOrString().lowercased()
            } else if atString {
                guard body == nil else { throw error("conflicting or redundant options") }
                body = try parseString()
            } else {
                throw expected("a string or LANGUAGE")
            }
        }
        guard let body else { throw expected("the code of the DO block") }
        return DoStatement(language: language, body: body, span: span(from: start))
    }

    // MARK: PRAGMA

    /// `PRAGMA [schema.]name [= value | (value)]`.
    /// https://www.sqlite.org/pragma.html
    mutating func parsePragma() throws(ParseError) -> PragmaStatement {
        let start = position
        try expect(.pragma)
        var schema: Identifier?
        var name = try parseColumnLabel()
        if eat(.dot) {
            schema = name
            name = try parseColumnLabel()
        }
        var value: String?
        if eatOperator("=") {
            value = try parsePragmaValue()
        } else if eat(.leftParen) {
            value = try parsePragmaValue()
            try expect(.rightParen)
        }
        return PragmaStatement(schema: schema, name: name, value: value, span: span(from: start))
    }

    /// A signed number, a name or a string.
    private mutating func parsePragmaValue() throws(ParseError) -> String {
        if atOperator("-") || atOperator("+") || at(TokenKind.integer) || at(TokenKind.decimal) {
            return try parseNumericText()
        }
        if atString { return try parseString() }
        let t = current
        guard t.kind == .identifier || t.kind == .quotedIdentifier else { throw expected("a pragma value") }
        advance()
        return identifier(t).value
    }
}
