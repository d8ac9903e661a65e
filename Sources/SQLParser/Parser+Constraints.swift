import SQLSyntax

// Column definitions and column / table constraints, shared by CREATE TABLE and
// ALTER TABLE. PostgreSQL's `columnDef`, `ColQualList`, `TableConstraint` and
// `ConstraintAttributeSpec`; SQLite's `column-def`, `column-constraint` and
// `table-constraint` (https://www.sqlite.org/lang_createtable.html).

extension Parser {
    // MARK: Columns

    /// ```
    /// ColId Typename [STORAGE s] [COMPRESSION c] [OPTIONS (...)] [column_constraint ...]
    /// ColId [WITH OPTIONS] [column_constraint ...]      -- typed: PARTITION OF / OF type
    /// name [type] [column_constraint ...]               -- SQLite
    /// ```
    mutating func parseColumnDefinition(typed: Bool = false) throws(ParseError) -> ColumnDefinition {
        let start = position
        let name = try parseColumnId()
        var column = ColumnDefinition(name: name, type: nil, span: .zero)
        if typed {
            eat(.with, .options)
        } else if !dialect.columnTypeOptional || startsColumnType {
            column.type = try parseTypeName()
            if eat(.storage) { column.storage = try parseStorageMode() }
            if eat(.compression) { column.compression = try parseCompressionMethod() }
            if at(.options) { column.foreignOptions = try parseForeignOptionList() }
        }
        try parseColumnConstraints(into: &column)
        column.span = span(from: start)
        return column
    }

    /// Whether a SQLite column's type starts here (rather than a constraint or the end).
    private var startsColumnType: Bool {
        let t = current
        guard t.kind == .identifier || t.kind == .quotedIdentifier || t.kind == .string else { return false }
        return !atColumnConstraintStart
    }

    private var atColumnConstraintStart: Bool {
        switch current.keyword {
        case .constraint, .not, .null, .unique, .primary, .check, .default, .references, .generated, .collate:
            return current.kind == .identifier
        case .as:
            return current.kind == .identifier && peek().kind == .leftParen
        default:
            return false
        }
    }

    /// `PLAIN | EXTERNAL | EXTENDED | MAIN | DEFAULT`, lower case.
    mutating func parseStorageMode() throws(ParseError) -> String {
        if eat(.default) { return "default" }
        return try parseColumnId().value
    }

    /// A compression method name or `DEFAULT`, lower case.
    mutating func parseCompressionMethod() throws(ParseError) -> String {
        if eat(.default) { return "default" }
        return try parseColumnId().value
    }

    /// `ColQualList`: constraints, `COLLATE` and constraint attributes in any order.
    /// Attributes (`DEFERRABLE`, `INITIALLY ...`) apply to the constraint before them.
    mutating func parseColumnConstraints(into column: inout ColumnDefinition) throws(ParseError) {
        while true {
            let start = position
            var name: Identifier?
            if eat(.constraint) { name = try parseColumnId() }
            if var constraint = try parseColumnConstraintBody() {
                constraint.name = name
                constraint.span = span(from: start)
                column.constraints.append(constraint)
                continue
            }
            if name != nil { throw expected("a constraint") }
            if eat(.collate) {
                column.collation = try parseQualifiedName()
                continue
            }
            if atConstraintAttribute(allowNotValid: false) {
                guard var last = column.constraints.popLast() else {
                    throw error("constraint attribute \(text(current).uppercased()) has no constraint to apply to")
                }
                try parseConstraintAttributes(&last, allowNotValid: false)
                last.span = last.span.union(span(from: start))
                column.constraints.append(last)
                continue
            }
            return
        }
    }

    /// One `ColConstraintElem`, or nil when none starts here.
    private mutating func parseColumnConstraintBody() throws(ParseError) -> ConstraintDefinition? {
        let kind: ConstraintKind
        var constraint = ConstraintDefinition(kind: .null, span: .zero)
        if at(.not, .null) {
            position += 2
            kind = .notNull(column: nil)
            if eat(.no, .inherit) { constraint.noInherit = true }
        } else if eat(.null) {
            kind = .null
        } else if eat(.unique) {
            var key = KeyConstraint()
            key.nullsNotDistinct = try parseNullsDistinct()
            try parseIndexParameters(&key)
            kind = .unique(key)
        } else if at(.primary) {
            try expect(.primary, .key)
            var key = KeyConstraint()
            if dialect.supportsConstraintConflictClause {
                if eat(.asc) { key.descending = false } else if eat(.desc) { key.descending = true }
                constraint.onConflict = try parseConstraintConflictClause()
                key.autoincrement = eat(.autoincrement)
            }
            try parseIndexParameters(&key)
            kind = .primaryKey(key)
        } else if eat(.check) {
            kind = .check(try parseConstraintCheckBody())
            if eat(.no, .inherit) { constraint.noInherit = true }
        } else if eat(.default) {
            kind = .default(try parseExpr(restricted: true))
        } else if at(.generated) || (at(.as) && peek().kind == .leftParen) {
            kind = try parseGeneratedColumn()
        } else if at(.references) {
            kind = .foreignKey(try parseReferences(columns: []))
        } else {
            return nil
        }
        constraint.kind = kind
        if constraint.onConflict == nil { constraint.onConflict = try parseConstraintConflictClause() }
        return constraint
    }

    /// `CHECK (expr)`, after CHECK.
    private mutating func parseConstraintCheckBody() throws(ParseError) -> Expr {
        try expect(.leftParen)
        let expr = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
        try expect(.rightParen)
        return expr
    }

    /// ```
    /// GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]
    /// GENERATED ALWAYS AS (expr) [STORED | VIRTUAL]
    /// AS (expr) [STORED | VIRTUAL]                      -- SQLite
    /// ```
    private mutating func parseGeneratedColumn() throws(ParseError) -> ConstraintKind {
        var always = true
        var when = current
        if eat(.generated) {
            when = current
            always = try parseGeneratedWhen()
            try expect(.as)
            if eat(.identity) {
                return .identity(always: always, options: try parseIdentityOptions())
            }
        } else {
            try expect(.as)
        }
        guard always else {
            throw ParseError(.syntax, "a generated column must be GENERATED ALWAYS", span: when.span)
        }
        try expect(.leftParen)
        let expr = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
        try expect(.rightParen)
        var storage = GeneratedColumnStorage.virtual
        if eat(.stored) { storage = .stored } else if eat(.virtual) { storage = .virtual }
        return .generated(expr, storage: storage)
    }

    /// `ALWAYS` (true) | `BY DEFAULT` (false).
    mutating func parseGeneratedWhen() throws(ParseError) -> Bool {
        if eat(.always) { return true }
        if eat(.by) {
            try expect(.default)
            return false
        }
        throw expected("ALWAYS or BY DEFAULT")
    }

    /// `[( SeqOptElem ... )]` of an identity column (options separated by spaces).
    mutating func parseIdentityOptions() throws(ParseError) -> [SequenceOption] {
        guard eat(.leftParen) else { return [] }
        var options: [SequenceOption] = []
        try nested { (p: inout Parser) throws(ParseError) in
            while !p.at(.rightParen) && !p.atEnd { options.append(try p.parseSequenceOption()) }
        }
        if options.isEmpty { throw expected("a sequence option") }
        try expect(.rightParen)
        return options
    }

    /// SQLite `ON CONFLICT ROLLBACK | ABORT | FAIL | IGNORE | REPLACE`.
    private mutating func parseConstraintConflictClause() throws(ParseError) -> ConflictResolution? {
        guard dialect.supportsConstraintConflictClause, at(.on, .conflict) else { return nil }
        position += 2
        return try parseConflictResolution()
    }

    /// `NULLS [NOT] DISTINCT` → true when NOT; nil when absent.
    mutating func parseNullsDistinct() throws(ParseError) -> Bool? {
        guard at(.nulls) && (peekIs(1, .distinct) || (peekIs(1, .not) && peekIs(2, .distinct))) else { return nil }
        advance()
        let not = eat(.not)
        try expect(.distinct)
        return not
    }

    /// `[INCLUDE (cols)] [WITH (options)] [USING INDEX TABLESPACE ts]`.
    private mutating func parseIndexParameters(_ key: inout KeyConstraint) throws(ParseError) {
        if eat(.include) { key.include = try parseColumnList() }
        if at(.with) && peek().kind == .leftParen {
            advance()
            key.options = try parseOptionList()
        }
        if at(.using, .index, .tablespace) {
            position += 3
            key.tablespace = try parseColumnId()
        }
    }

    // MARK: Foreign keys

    /// `REFERENCES table [(cols)] [MATCH FULL | PARTIAL | SIMPLE]
    /// [ON DELETE action] [ON UPDATE action]`, after the referencing columns.
    private mutating func parseReferences(columns: [Identifier]) throws(ParseError) -> ForeignKeyConstraint {
        try expect(.references)
        var fk = ForeignKeyConstraint(columns: columns, referencedTable: try parseQualifiedName())
        if at(.leftParen) { fk.referencedColumns = try parseKeyColumnList(allowPeriod: true).columns }
        while true {
            if eat(.match) {
                guard fk.match == nil else { throw error("MATCH given twice") }
                if eat(.full) {
                    fk.match = .full
                } else if eat(.partial) {
                    fk.match = .partial
                } else if eat(.simple) {
                    fk.match = .simple
                } else if dialect.supportsConstraintConflictClause {
                    fk.match = .other(try parseColumnId().value)
                } else {
                    throw expected("FULL, PARTIAL or SIMPLE")
                }
            } else if at(.on, .delete) {
                position += 2
                guard fk.onDelete == nil else { throw error("ON DELETE given twice") }
                fk.onDelete = try parseReferentialAction()
            } else if at(.on, .update) {
                position += 2
                guard fk.onUpdate == nil else { throw error("ON UPDATE given twice") }
                fk.onUpdate = try parseReferentialAction()
            } else {
                return fk
            }
        }
    }

    /// `NO ACTION | RESTRICT | CASCADE | SET NULL [(cols)] | SET DEFAULT [(cols)]`.
    private mutating func parseReferentialAction() throws(ParseError) -> ReferentialAction {
        if eat(.no, .action) { return .noAction }
        if eat(.restrict) { return .restrict }
        if eat(.cascade) { return .cascade }
        if eat(.set) {
            if eat(.null) { return .setNull(at(.leftParen) ? try parseColumnList() : []) }
            if eat(.default) { return .setDefault(at(.leftParen) ? try parseColumnList() : []) }
            throw expected("NULL or DEFAULT")
        }
        throw expected("NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT")
    }

    // MARK: Table constraints

    /// Whether a table constraint (rather than a column) starts here.
    var atTableConstraintStart: Bool {
        guard current.kind == .identifier else { return false }
        switch current.keyword {
        case .constraint, .check, .unique, .primary, .foreign: return true
        case .exclude: return peekIs(1, .using) || peek().kind == .leftParen
        case .not: return peekIs(1, .null) && dialect.kind == .postgres
        default: return false
        }
    }

    /// `[CONSTRAINT name] ConstraintElem ConstraintAttributeSpec`.
    ///
    /// ```
    /// CHECK (expr) | NOT NULL col
    /// UNIQUE [NULLS [NOT] DISTINCT] (cols [WITHOUT OVERLAPS]) index_parameters | UNIQUE USING INDEX i
    /// PRIMARY KEY (cols [WITHOUT OVERLAPS]) index_parameters | PRIMARY KEY USING INDEX i
    /// EXCLUDE [USING m] (element WITH op, ...) index_parameters [WHERE (pred)]
    /// FOREIGN KEY (cols) REFERENCES table [(cols)] [MATCH ...] [ON DELETE ...] [ON UPDATE ...]
    /// ```
    mutating func parseTableConstraint() throws(ParseError) -> ConstraintDefinition {
        let start = position
        var name: Identifier?
        if eat(.constraint) { name = try parseColumnId() }
        var constraint = ConstraintDefinition(name: name, kind: .null, span: .zero)
        if eat(.check) {
            constraint.kind = .check(try parseConstraintCheckBody())
        } else if at(.not, .null) {
            position += 2
            constraint.kind = .notNull(column: try parseColumnId())
        } else if eat(.unique) {
            var key = KeyConstraint()
            key.nullsNotDistinct = try parseNullsDistinct()
            try parseKeyBody(&key, constraint: &constraint)
            constraint.kind = .unique(key)
        } else if eat(.primary) {
            try expect(.key)
            var key = KeyConstraint()
            try parseKeyBody(&key, constraint: &constraint)
            constraint.kind = .primaryKey(key)
        } else if eat(.exclude) {
            constraint.kind = .exclusion(try parseExclusionBody())
        } else if eat(.foreign) {
            try expect(.key)
            let columns = try parseKeyColumnList(allowPeriod: true).columns
            constraint.kind = .foreignKey(try parseReferences(columns: columns))
        } else {
            throw expected("CHECK, UNIQUE, PRIMARY KEY, EXCLUDE or FOREIGN KEY")
        }
        if constraint.onConflict == nil { constraint.onConflict = try parseConstraintConflictClause() }
        try parseConstraintAttributes(&constraint, allowNotValid: true)
        constraint.span = span(from: start)
        return constraint
    }

    /// After `UNIQUE [NULLS ...]` / `PRIMARY KEY`: `USING INDEX name` or `(cols) index_parameters`.
    private mutating func parseKeyBody(_ key: inout KeyConstraint, constraint: inout ConstraintDefinition)
        throws(ParseError)
    {
        if at(.using, .index) && !peekIs(2, .tablespace) {
            position += 2
            key.usingIndex = try parseColumnId()
            return
        }
        let list = try parseKeyColumnList(allowPeriod: false)
        key.columns = list.columns
        key.withoutOverlaps = list.withoutOverlaps
        key.autoincrement = list.autoincrement
        try parseIndexParameters(&key)
    }

    /// `(col, ...)` of a key. PostgreSQL 18 allows `WITHOUT OVERLAPS` on the last key
    /// column and `PERIOD` before the last foreign-key column; SQLite allows
    /// `COLLATE`, `ASC`/`DESC` per column and `AUTOINCREMENT` at the end.
    private mutating func parseKeyColumnList(allowPeriod: Bool) throws(ParseError) -> (
        columns: [Identifier], withoutOverlaps: Bool, autoincrement: Bool
    ) {
        try expect(.leftParen)
        var columns: [Identifier] = []
        var withoutOverlaps = false
        var autoincrement = false
        repeat {
            if allowPeriod && at(.period) && isColumnId(peek()) { advance() }
            columns.append(try parseColumnId())
            if dialect.supportsConstraintConflictClause {
                if eat(.collate) { _ = try parseQualifiedName() }
                if !eat(.asc) { eat(.desc) }
            }
        } while eat(.comma)
        if eat(.without, .overlaps) { withoutOverlaps = true }
        if dialect.supportsConstraintConflictClause && eat(.autoincrement) { autoincrement = true }
        try expect(.rightParen)
        return (columns, withoutOverlaps, autoincrement)
    }

    /// After EXCLUDE: `[USING method] (element WITH op, ...) index_parameters [WHERE (pred)]`.
    private mutating func parseExclusionBody() throws(ParseError) -> ExclusionConstraint {
        var method: Identifier?
        if eat(.using) { method = try parseColumnId() }
        let elements = try parenthesized { (p: inout Parser) throws(ParseError) -> ExclusionElement in
            let key = try p.parseIndexKey(ordering: true)
            try p.expect(.with)
            return ExclusionElement(key: key, operator: try p.parseExclusionOperator())
        }
        var key = KeyConstraint()
        try parseIndexParameters(&key)
        var exclusion = ExclusionConstraint(
            method: method, elements: elements, include: key.include, options: key.options, tablespace: key.tablespace)
        if eat(.where) {
            try expect(.leftParen)
            exclusion.predicate = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
            try expect(.rightParen)
        }
        return exclusion
    }

    /// `any_operator`: `=`, `&&`, `schema.op`, or `OPERATOR(schema.op)`.
    private mutating func parseExclusionOperator() throws(ParseError) -> String {
        if at(Keyword.operator) && peek().kind == .leftParen {
            position += 2
            var parts: [String] = []
            while isColumnLabel(current) && peek().kind == .dot {
                parts.append(identifier(current).value)
                position += 2
            }
            guard at(TokenKind.operator) else { throw expected("an operator") }
            parts.append(text(current))
            advance()
            try expect(.rightParen)
            return parts.joined(separator: ".")
        }
        var parts: [String] = []
        while isColumnId(current) && peek().kind == .dot {
            parts.append(identifier(current).value)
            position += 2
        }
        guard at(TokenKind.operator) else { throw expected("an operator") }
        parts.append(text(current))
        advance()
        return parts.joined(separator: ".")
    }

    // MARK: Constraint attributes

    private func atConstraintAttribute(allowNotValid: Bool) -> Bool {
        guard current.kind == .identifier else { return false }
        switch current.keyword {
        case .deferrable, .initially, .enforced: return true
        case .not: return peekIs(1, .deferrable) || peekIs(1, .enforced) || (allowNotValid && peekIs(1, .valid))
        case .no: return allowNotValid && peekIs(1, .inherit)
        default: return false
        }
    }

    /// `ConstraintAttributeSpec`: `[NOT] DEFERRABLE`, `INITIALLY {DEFERRED | IMMEDIATE}`,
    /// `[NOT] ENFORCED`, and for table constraints `NOT VALID`, `NO INHERIT`.
    mutating func parseConstraintAttributes(_ c: inout ConstraintDefinition, allowNotValid: Bool) throws(ParseError) {
        while atConstraintAttribute(allowNotValid: allowNotValid) {
            if eat(.deferrable) {
                c.deferrable = true
            } else if eat(.not, .deferrable) {
                c.deferrable = false
            } else if eat(.initially) {
                if eat(.deferred) {
                    c.initiallyDeferred = true
                } else {
                    try expect(.immediate)
                    c.initiallyDeferred = false
                }
            } else if eat(.enforced) {
                c.enforced = true
            } else if eat(.not, .enforced) {
                c.enforced = false
            } else if eat(.not, .valid) {
                c.notValid = true
            } else if eat(.no, .inherit) {
                c.noInherit = true
            }
        }
    }

    // MARK: Foreign-table options

    /// `OPTIONS (name 'value', ...)`.
    mutating func parseForeignOptionList() throws(ParseError) -> [OptionItem] {
        try expect(.options)
        return try parenthesized { (p: inout Parser) throws(ParseError) -> OptionItem in
            let start = p.position
            let name = try p.parseColumnLabel().value
            return OptionItem(name: name, value: try p.parseString(), span: p.span(from: start))
        }
    }

    /// `OPTIONS ([ADD | SET | DROP] name ['value'], ...)` of ALTER.
    mutating func parseAlterForeignOptions() throws(ParseError) -> [ForeignOptionChange] {
        try expect(.options)
        return try parenthesized { (p: inout Parser) throws(ParseError) -> ForeignOptionChange in
            if p.eat(.drop) {
                return ForeignOptionChange(operation: .drop, name: try p.parseColumnLabel().value, value: nil)
            }
            var operation = ForeignOptionChange.Operation.add
            // `SET` and `ADD` are also valid option names: they are operations only when a name follows.
            if p.at(.set) && p.isColumnLabel(p.peek()) {
                p.advance()
                operation = .set
            } else if p.at(.add) && p.isColumnLabel(p.peek()) {
                p.advance()
            }
            let name = try p.parseColumnLabel().value
            return ForeignOptionChange(operation: operation, name: name, value: try p.parseString())
        }
    }
}
