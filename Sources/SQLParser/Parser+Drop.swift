import SQLSyntax

extension Parser {
    /// `DROP ...`. Current token: DROP.
    ///
    /// ```
    /// DROP {TABLE | VIEW | MATERIALIZED VIEW | INDEX [CONCURRENTLY] | FOREIGN TABLE | SEQUENCE | TYPE
    ///     | DOMAIN | COLLATION | CONVERSION | STATISTICS | TEXT SEARCH {PARSER | DICTIONARY | TEMPLATE
    ///     | CONFIGURATION} | SCHEMA | EXTENSION | ACCESS METHOD | EVENT TRIGGER | FOREIGN DATA WRAPPER
    ///     | [PROCEDURAL] LANGUAGE | PUBLICATION | SERVER} [IF EXISTS] name, ... [CASCADE | RESTRICT]
    /// DROP {FUNCTION | PROCEDURE | ROUTINE | AGGREGATE} [IF EXISTS] name [(argtypes)], ... [CASCADE | RESTRICT]
    /// DROP {TRIGGER | POLICY | RULE} [IF EXISTS] name ON table [CASCADE | RESTRICT]
    /// DROP DATABASE [IF EXISTS] name [[WITH] (FORCE)]
    /// DROP {ROLE | USER | GROUP} [IF EXISTS] name, ...
    /// DROP OWNED BY role, ... [CASCADE | RESTRICT]
    /// DROP TABLESPACE [IF EXISTS] name
    /// DROP SUBSCRIPTION [IF EXISTS] name [CASCADE | RESTRICT]
    /// DROP {TABLE | INDEX | VIEW | TRIGGER} [IF EXISTS] [schema.]name                       -- SQLite
    /// ```
    /// https://www.postgresql.org/docs/current/sql-droptable.html and siblings
    /// https://www.sqlite.org/lang_droptable.html
    mutating func parseDrop() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.drop)
        let objectType = try parseDropObjectType()
        var statement = DropStatement(objectType: objectType, objects: [], span: .zero)
        if objectType == .index && dialect.supportsConcurrentIndex { statement.concurrently = eat(.concurrently) }
        if objectType == .owned {
            try expect(.by)
            statement.objects = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseRoleReference()
            }
            statement.behavior = parseDropBehavior()
            statement.span = span(from: start)
            return .drop(statement)
        }
        statement.ifExists = eat(.if, .exists)
        switch objectType {
        case .trigger, .policy, .rule, .database, .tablespace, .subscription:
            // One object only.
            statement.objects = [try parseObjectReference(objectType)]
        case .role:
            statement.objects = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseRoleReference()
            }
        default:
            statement.objects = try commaSeparated { (p: inout Parser) throws(ParseError) in
                try p.parseObjectReference(objectType)
            }
        }
        switch objectType {
        case .database:
            if at(.with) || at(.leftParen) {
                eat(.with)
                let options = try parenthesized { (p: inout Parser) throws(ParseError) -> Bool in
                    let word = try p.parseColumnId()
                    guard word.value == "force" else {
                        throw ParseError(
                            .syntax, "unrecognized DROP DATABASE option \"\(word.value)\"", span: word.span)
                    }
                    return true
                }
                statement.force = !options.isEmpty
            }
        case .role, .tablespace:
            break
        default:
            statement.behavior = parseDropBehavior()
        }
        statement.span = span(from: start)
        return .drop(statement)
    }

    /// The object-type words after DROP.
    private mutating func parseDropObjectType() throws(ParseError) -> SchemaObjectType {
        let t = current
        guard t.kind == .identifier, let word = t.keyword else { throw expected("an object type") }
        advance()
        switch word {
        case .table: return .table
        case .view: return .view
        case .index: return .index
        case .sequence: return .sequence
        case .type: return .type
        case .domain: return .domain
        case .schema: return .schema
        case .extension: return .extension
        case .function: return .function
        case .procedure: return .procedure
        case .routine: return .routine
        case .aggregate: return .aggregate
        case .trigger: return .trigger
        case .policy: return .policy
        case .rule: return .rule
        case .collation: return .collation
        case .conversion: return .conversion
        case .statistics: return .statistics
        case .publication: return .publication
        case .server: return .server
        case .subscription: return .subscription
        case .database: return .database
        case .role, .user, .group:
            if word == .user && at(.mapping) { throw unsupported("DROP USER MAPPING") }
            return .role
        case .tablespace: return .tablespace
        case .owned: return .owned
        case .language: return .language
        case .procedural:
            try expect(.language)
            return .language
        case .materialized:
            try expect(.view)
            return .materializedView
        case .event:
            try expect(.trigger)
            return .eventTrigger
        case .access:
            try expect(.method)
            return .accessMethod
        case .foreign:
            if eat(.table) { return .foreignTable }
            try expect(.data, .wrapper)
            return .foreignDataWrapper
        case .text:
            try expect(.search)
            if eat(.parser) { return .textSearchParser }
            if eat(.dictionary) { return .textSearchDictionary }
            if eat(.template) { return .textSearchTemplate }
            if eat(.configuration) { return .textSearchConfiguration }
            throw expected("PARSER, DICTIONARY, TEMPLATE or CONFIGURATION")
        case .operator, .cast, .transform:
            throw unsupported("DROP \(word.text.uppercased())")
        default:
            position -= 1
            throw expected("an object type")
        }
    }

    /// A role in DROP ROLE / DROP OWNED BY, as a one-part name (`current_user` for CURRENT_USER).
    private mutating func parseRoleReference() throws(ParseError) -> ObjectReference {
        let t = current
        let id: Identifier
        switch try parseRoleSpec() {
        case .name(let name): id = name
        default: id = Identifier(text(t).lowercased(), span: t.span)
        }
        return ObjectReference(name: QualifiedName([id], span: id.span))
    }

    /// `TRUNCATE [TABLE] [ONLY] name [*], ... [RESTART | CONTINUE IDENTITY] [CASCADE | RESTRICT]`.
    /// Current token: TRUNCATE.
    /// https://www.postgresql.org/docs/current/sql-truncate.html
    mutating func parseTruncate() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.truncate)
        eat(.table)
        let tables = try commaSeparated { (p: inout Parser) throws(ParseError) -> TruncateStatement.Target in
            let (name, only) = try p.parseRelationExpr()
            return TruncateStatement.Target(name: name, only: only)
        }
        var restart = false
        if eat(.restart, .identity) {
            restart = true
        } else {
            eat(.continue, .identity)
        }
        let behavior = parseDropBehavior()
        return .truncate(
            TruncateStatement(tables: tables, restartIdentity: restart, behavior: behavior, span: span(from: start)))
    }
}
