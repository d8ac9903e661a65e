import SQLSyntax

// CREATE TRIGGER: PostgreSQL's (calls a function) and SQLite's (statements inline).

extension Parser {
    /// PostgreSQL:
    /// ```
    /// CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name { BEFORE | AFTER | INSTEAD OF } event [OR ...]
    ///     ON table [FROM referenced_table]
    ///     [NOT DEFERRABLE | [DEFERRABLE] [INITIALLY IMMEDIATE | INITIALLY DEFERRED]]
    ///     [REFERENCING { OLD | NEW } TABLE [AS] name ...]
    ///     [FOR [EACH] { ROW | STATEMENT }] [WHEN (condition)]
    ///     EXECUTE { FUNCTION | PROCEDURE } function_name (arguments)
    /// event: INSERT | UPDATE [OF column, ...] | DELETE | TRUNCATE
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createtrigger.html
    ///
    /// SQLite:
    /// ```
    /// CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE | AFTER | INSTEAD OF]
    ///     { DELETE | INSERT | UPDATE [OF column, ...] } ON table [FOR EACH ROW] [WHEN expr]
    ///     BEGIN statement; ... END
    /// ```
    /// https://www.sqlite.org/lang_createtrigger.html
    mutating func parseCreateTrigger(_ m: CreateModifiers) throws(ParseError) -> CreateTriggerStatement {
        try expect(.trigger)
        if dialect.triggerBodiesInline { return try parseInlineTrigger(m) }
        let name = try parseColumnId()
        let timing = try parseTriggerTiming()
        guard let timing else { throw expected("BEFORE, AFTER or INSTEAD OF") }
        var events = [try parseTriggerEvent()]
        while eat(.or) { events.append(try parseTriggerEvent()) }
        try expect(.on)
        let table = try parseQualifiedName()
        var statement = CreateTriggerStatement(
            name: QualifiedName([name]), orReplace: m.orReplace, constraint: m.constraint, timing: timing,
            events: events, table: table, span: .zero)
        if m.constraint {
            if eat(.from) { statement.referencedTable = try parseQualifiedName() }
            try parseTriggerDeferrability(&statement)
        }
        if eat(.referencing) {
            repeat {
                let isNew: Bool
                if eat(.new) {
                    isNew = true
                } else {
                    try expect(.old)
                    isNew = false
                }
                if at(.row) { throw error("ROW variable naming in the REFERENCING clause is not supported") }
                try expect(.table)
                eat(.as)
                statement.transitionTables.append(TransitionTable(isNew: isNew, name: try parseColumnId()))
            } while at(.new) || at(.old)
        }
        if eat(.for) {
            eat(.each)
            if eat(.row) {
                statement.forEachRow = true
            } else {
                try expect(.statement)
            }
        }
        if eat(.when) { statement.when = try parseParenthesizedExpr() }
        try expect(.execute)
        if !eat(.function) { try expect(.procedure) }
        statement.function = try parseFunctionName()
        try expect(.leftParen)
        if !at(.rightParen) {
            statement.functionArguments = try commaSeparated { (p: inout Parser) throws(ParseError) in
                try p.parseTriggerArgument()
            }
        }
        try expect(.rightParen)
        statement.span = span(from: m.start)
        return statement
    }

    /// `BEFORE | AFTER | INSTEAD OF`, or nil when none is written.
    private mutating func parseTriggerTiming() throws(ParseError) -> CreateTriggerStatement.Timing? {
        if eat(.before) { return .before }
        if eat(.after) { return .after }
        if eat(.instead) {
            try expect(.of)
            return .insteadOf
        }
        return nil
    }

    /// `INSERT | UPDATE [OF column, ...] | DELETE | TRUNCATE`.
    private mutating func parseTriggerEvent() throws(ParseError) -> TriggerEvent {
        if eat(.insert) { return TriggerEvent(kind: .insert) }
        if eat(.delete) { return TriggerEvent(kind: .delete) }
        if !dialect.triggerBodiesInline && eat(.truncate) { return TriggerEvent(kind: .truncate) }
        guard eat(.update) else { throw expected("INSERT, UPDATE or DELETE") }
        var columns: [Identifier] = []
        if eat(.of) {
            columns = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseColumnId() }
        }
        return TriggerEvent(kind: .update, columns: columns)
    }

    /// `ConstraintAttributeSpec` of a constraint trigger.
    private mutating func parseTriggerDeferrability(_ s: inout CreateTriggerStatement) throws(ParseError) {
        while true {
            if eat(.deferrable) {
                s.deferrable = true
            } else if eat(.not, .deferrable) {
                s.deferrable = false
            } else if eat(.initially) {
                if eat(.deferred) {
                    s.initiallyDeferred = true
                    s.deferrable = true
                } else {
                    try expect(.immediate)
                    s.initiallyDeferred = false
                }
            } else {
                return
            }
        }
    }

    /// `TriggerFuncArg`: a number, a string or any word, kept as a string.
    private mutating func parseTriggerArgument() throws(ParseError) -> String {
        let t = current
        switch t.kind {
        case .integer, .decimal:
            advance()
            return text(t)
        case .string, .escapeString, .unicodeString, .dollarString:
            return try parseString()
        case .identifier, .quotedIdentifier:
            advance()
            return identifier(t).value
        default:
            throw expected("a trigger argument")
        }
    }

    /// SQLite's trigger, after the word TRIGGER.
    private mutating func parseInlineTrigger(_ m: CreateModifiers) throws(ParseError) -> CreateTriggerStatement {
        let ifNotExists = eat(.if, .not, .exists)
        let name = try parseQualifiedName()
        let timing = try parseTriggerTiming()
        let event = try parseTriggerEvent()
        try expect(.on)
        let table = try parseQualifiedName()
        var statement = CreateTriggerStatement(
            name: name, temporary: m.temporary, ifNotExists: ifNotExists, timing: timing, events: [event],
            table: table, forEachRow: true, span: .zero)
        if eat(.for) { try expect(.each, .row) }
        if eat(.when) { statement.when = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() } }
        try expect(.begin)
        repeat {
            guard at(.insert) || at(.replace) || at(.update) || at(.delete) || at(.select) || at(.with)
                || at(.values)
            else { throw expected("INSERT, UPDATE, DELETE or SELECT") }
            let start = position
            let node = try nested { (p: inout Parser) throws(ParseError) in try p.parseStatement() }
            statement.body.append(Statement(node: node, span: span(from: start)))
            try expect(.semicolon)
        } while !at(.end)
        try expect(.end)
        statement.span = span(from: m.start)
        return statement
    }
}
