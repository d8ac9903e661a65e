import SQLSyntax

// Sequences, user-defined types and domains.

extension Parser {
    // MARK: Sequences

    /// `CREATE [TEMP | UNLOGGED] SEQUENCE [IF NOT EXISTS] name [option ...]`.
    /// https://www.postgresql.org/docs/current/sql-createsequence.html
    mutating func parseCreateSequence(_ m: CreateModifiers) throws(ParseError) -> CreateSequenceStatement {
        try expect(.sequence)
        let ifNotExists = eat(.if, .not, .exists)
        let name = try parseQualifiedName()
        var options: [SequenceOption] = []
        while !atEnd { options.append(try parseSequenceOption()) }
        return CreateSequenceStatement(
            name: name, options: options, ifNotExists: ifNotExists, temporary: m.temporary, unlogged: m.unlogged,
            span: span(from: m.start))
    }

    /// `ALTER SEQUENCE [IF EXISTS] name option ...` (`AlterSeqStmt`).
    /// https://www.postgresql.org/docs/current/sql-altersequence.html
    mutating func parseAlterSequence() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.alter, .sequence)
        let ifExists = eat(.if, .exists)
        let name = try parseQualifiedName()
        let reference = ObjectReference(name: name)
        if at(.rename) {
            return .rename(try parseRenameRest(objectType: .sequence, object: reference, ifExists: ifExists, start: start))
        }
        if at(.set, .schema) {
            return .alterObjectSchema(
                try parseSetSchemaRest(objectType: .sequence, object: reference, ifExists: ifExists, start: start))
        }
        // PostgreSQL parses these as ALTER TABLE on the sequence.
        var action: AlterTableAction?
        if eat(.owner, .to) {
            action = .ownerTo(try parseRoleSpec())
        } else if eat(.set, .logged) {
            action = .setLogged(true)
        } else if eat(.set, .unlogged) {
            action = .setLogged(false)
        } else if at(.set) || at(.reset) {
            throw unsupported("ALTER SEQUENCE \(text(current).uppercased())")
        }
        if let action {
            return .alterTable(
                AlterTableStatement(
                    objectType: .sequence, name: name, ifExists: ifExists, actions: [action], span: span(from: start)))
        }
        var options = [try parseSequenceOption()]
        while !atEnd { options.append(try parseSequenceOption()) }
        return .alterSequence(AlterSequenceStatement(name: name, options: options, ifExists: ifExists, span: span(from: start)))
    }

    /// One `SeqOptElem`; also used by identity columns (`GENERATED ... AS IDENTITY (options)`).
    ///
    /// ```
    /// AS type | INCREMENT [BY] n | MINVALUE n | NO MINVALUE | MAXVALUE n | NO MAXVALUE
    /// | START [WITH] n | RESTART [[WITH] n] | CACHE n | [NO] CYCLE | OWNED BY t.c | OWNED BY NONE
    /// | SEQUENCE NAME name | LOGGED | UNLOGGED
    /// ```
    mutating func parseSequenceOption() throws(ParseError) -> SequenceOption {
        guard current.kind == .identifier, let word = current.keyword else { throw expected("a sequence option") }
        switch word {
        case .as:
            advance()
            return .type(try parseTypeName())
        case .increment:
            advance()
            eat(.by)
            return .increment(try parseNumericText())
        case .minvalue:
            advance()
            return .minValue(try parseNumericText())
        case .maxvalue:
            advance()
            return .maxValue(try parseNumericText())
        case .start:
            advance()
            eat(.with)
            return .start(try parseNumericText())
        case .restart:
            advance()
            if eat(.with) { return .restart(try parseNumericText()) }
            if atOperator("-") || atOperator("+") || at(TokenKind.integer) || at(TokenKind.decimal) {
                return .restart(try parseNumericText())
            }
            return .restart(nil)
        case .cache:
            advance()
            return .cache(try parseNumericText())
        case .cycle:
            advance()
            return .cycle(true)
        case .no:
            advance()
            if eat(.minvalue) { return .minValue(nil) }
            if eat(.maxvalue) { return .maxValue(nil) }
            if eat(.cycle) { return .cycle(false) }
            throw expected("MINVALUE, MAXVALUE or CYCLE")
        case .owned:
            advance()
            try expect(.by)
            let target = try parseQualifiedName()
            if target.parts.count == 1, let only = target.parts.first, !only.quoted, only.value == "none" {
                return .ownedBy(nil)
            }
            return .ownedBy(target)
        case .sequence:
            advance()
            try expect(.name)
            return .sequenceName(try parseQualifiedName())
        case .logged:
            advance()
            return .logged(true)
        case .unlogged:
            advance()
            return .logged(false)
        default:
            throw expected("a sequence option")
        }
    }

    // MARK: Types

    /// ```
    /// CREATE TYPE name AS ENUM ('label', ...)
    /// CREATE TYPE name AS (attribute type [COLLATE c], ...)
    /// CREATE TYPE name AS RANGE (SUBTYPE = type, ...)
    /// CREATE TYPE name (INPUT = f, OUTPUT = g, ...)
    /// CREATE TYPE name
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createtype.html
    mutating func parseCreateType(_ m: CreateModifiers) throws(ParseError) -> CreateTypeStatement {
        try expect(.type)
        let name = try parseQualifiedName()
        let definition: CreateTypeStatement.Definition
        if eat(.as) {
            if eat(.enum) {
                try expect(.leftParen)
                var labels: [String] = []
                if !at(.rightParen) {
                    labels = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseString() }
                }
                try expect(.rightParen)
                definition = .enumeration(labels)
            } else if eat(.range) {
                definition = .range(try parseOptionList())
            } else {
                try expect(.leftParen)
                var attributes: [TypeAttribute] = []
                if !at(.rightParen) {
                    attributes = try nested { (p: inout Parser) throws(ParseError) in
                        try p.commaSeparated { (q: inout Parser) throws(ParseError) in try q.parseTypeAttribute() }
                    }
                }
                try expect(.rightParen)
                definition = .composite(attributes)
            }
        } else if at(.leftParen) {
            definition = .base(try parseOptionList())
        } else {
            definition = .shell
        }
        return CreateTypeStatement(name: name, definition: definition, span: span(from: m.start))
    }

    /// `name type [COLLATE collation]`.
    mutating func parseTypeAttribute() throws(ParseError) -> TypeAttribute {
        let start = position
        let name = try parseColumnId()
        let type = try parseTypeName()
        let collation = try parseCollateClause()
        return TypeAttribute(name: name, type: type, collation: collation, span: span(from: start))
    }

    /// ```
    /// ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE | AFTER 'w']
    /// ALTER TYPE name RENAME VALUE 'a' TO 'b'
    /// ALTER TYPE name {ADD | DROP | ALTER} ATTRIBUTE ... [, ...]
    /// ALTER TYPE name OWNER TO role
    /// ALTER TYPE name SET (property = value, ...)
    /// ```
    /// https://www.postgresql.org/docs/current/sql-altertype.html
    mutating func parseAlterType() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.alter, .type)
        let name = try parseQualifiedName()
        let action: AlterTypeStatement.Action
        if eat(.add, .value) {
            let ifNotExists = eat(.if, .not, .exists)
            let value = try parseString()
            var position: AlterTypeStatement.ValuePosition?
            if eat(.before) {
                position = .before(try parseString())
            } else if eat(.after) {
                position = .after(try parseString())
            }
            action = .addValue(value, ifNotExists: ifNotExists, position: position)
        } else if eat(.rename, .value) {
            let from = try parseString()
            try expect(.to)
            action = .renameValue(from: from, to: try parseString())
        } else if at(.rename) {
            return .rename(
                try parseRenameRest(objectType: .type, object: ObjectReference(name: name), ifExists: false, start: start))
        } else if at(.set, .schema) {
            return .alterObjectSchema(
                try parseSetSchemaRest(objectType: .type, object: ObjectReference(name: name), ifExists: false, start: start))
        } else if eat(.owner) {
            try expect(.to)
            action = .owner(try parseRoleSpec())
        } else if at(.set) && peek().kind == .leftParen {
            advance()
            action = .setOptions(try parseOptionList())
        } else if at(.add) || at(.drop) || at(.alter) {
            action = .attributes(try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseTypeAttributeAction() })
        } else {
            throw expected("ADD, DROP, ALTER, RENAME, OWNER or SET")
        }
        return .alterType(AlterTypeStatement(name: name, action: action, span: span(from: start)))
    }

    /// `ADD ATTRIBUTE a type | DROP ATTRIBUTE [IF EXISTS] a | ALTER ATTRIBUTE a [SET DATA] TYPE t`,
    /// each with an optional `COLLATE` (ADD, ALTER) and `CASCADE | RESTRICT`.
    mutating func parseTypeAttributeAction() throws(ParseError) -> TypeAttributeAction {
        if eat(.add) {
            try expect(.attribute)
            let attribute = try parseTypeAttribute()
            return .add(attribute, behavior: parseDropBehavior())
        }
        if eat(.drop) {
            try expect(.attribute)
            let ifExists = eat(.if, .exists)
            let name = try parseColumnId()
            return .drop(name, ifExists: ifExists, behavior: parseDropBehavior())
        }
        try expect(.alter)
        try expect(.attribute)
        let name = try parseColumnId()
        if eat(.set) { try expect(.data) }
        try expect(.type)
        let type = try parseTypeName()
        let collation = try parseCollateClause()
        return .alterType(name, type: type, collation: collation, behavior: parseDropBehavior())
    }

    // MARK: Domains

    /// `CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT expr] [[CONSTRAINT n] NOT NULL | NULL | CHECK (expr)] ...`.
    /// https://www.postgresql.org/docs/current/sql-createdomain.html
    mutating func parseCreateDomain(_ m: CreateModifiers) throws(ParseError) -> CreateDomainStatement {
        try expect(.domain)
        let name = try parseQualifiedName()
        eat(.as)
        let type = try parseTypeName()
        var statement = CreateDomainStatement(name: name, type: type, span: .zero)
        while !atEnd {
            if eat(.collate) {
                statement.collation = try parseQualifiedName()
            } else if eat(.default) {
                statement.defaultValue = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
            } else {
                statement.constraints.append(try parseDomainConstraint(allowNull: true))
            }
        }
        statement.span = span(from: m.start)
        return statement
    }

    /// `[CONSTRAINT name] NOT NULL | NULL | CHECK (expr) [NOT VALID]`.
    mutating func parseDomainConstraint(allowNull: Bool) throws(ParseError) -> DomainConstraint {
        let start = position
        var name: Identifier?
        if eat(.constraint) { name = try parseColumnId() }
        let body: DomainConstraint.Body
        if eat(.not, .null) {
            body = .notNull
        } else if allowNull && eat(.null) {
            body = .null
        } else if eat(.check) {
            body = .check(try parseParenthesizedExpr())
            if eat(.no) { try expect(.inherit) }
        } else if at(.unique) || at(.primary) || at(.references) || at(.exclude) || at(.foreign) {
            throw error("\(text(current).uppercased()) constraints are not possible for domains")
        } else {
            throw expected(allowNull ? "NOT NULL, NULL, CHECK, DEFAULT or COLLATE" : "CHECK or NOT NULL")
        }
        let notValid = eat(.not, .valid)
        return DomainConstraint(name: name, body: body, notValid: notValid, span: span(from: start))
    }

    /// ```
    /// ALTER DOMAIN name {SET DEFAULT expr | DROP DEFAULT}
    /// ALTER DOMAIN name {SET | DROP} NOT NULL
    /// ALTER DOMAIN name ADD constraint [NOT VALID]
    /// ALTER DOMAIN name DROP CONSTRAINT [IF EXISTS] c [CASCADE | RESTRICT]
    /// ALTER DOMAIN name VALIDATE CONSTRAINT c
    /// ALTER DOMAIN name OWNER TO role
    /// ```
    /// https://www.postgresql.org/docs/current/sql-alterdomain.html
    mutating func parseAlterDomain() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.alter, .domain)
        let name = try parseQualifiedName()
        let action: AlterDomainStatement.Action
        if eat(.set, .default) {
            action = .setDefault(try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() })
        } else if eat(.drop, .default) {
            action = .setDefault(nil)
        } else if eat(.set, .not, .null) {
            action = .setNotNull(true)
        } else if eat(.drop, .not, .null) {
            action = .setNotNull(false)
        } else if eat(.add) {
            action = .addConstraint(try parseDomainConstraint(allowNull: false))
        } else if eat(.drop, .constraint) {
            let ifExists = eat(.if, .exists)
            let constraint = try parseColumnId()
            action = .dropConstraint(constraint, ifExists: ifExists, behavior: parseDropBehavior())
        } else if eat(.validate, .constraint) {
            action = .validateConstraint(try parseColumnId())
        } else if eat(.owner, .to) {
            action = .owner(try parseRoleSpec())
        } else if at(.rename) {
            return .rename(
                try parseRenameRest(objectType: .domain, object: ObjectReference(name: name), ifExists: false, start: start))
        } else if at(.set, .schema) {
            return .alterObjectSchema(
                try parseSetSchemaRest(objectType: .domain, object: ObjectReference(name: name), ifExists: false, start: start))
        } else {
            throw expected("SET, DROP, ADD, VALIDATE, OWNER or RENAME")
        }
        return .alterDomain(AlterDomainStatement(name: name, action: action, span: span(from: start)))
    }
}
