import SQLSyntax

// CREATE / ALTER of schema objects other than tables and indexes: the dispatch,
// views, schemas, extensions and policies. Shared small grammars (option lists,
// roles, numbers) are in Parser+Options.swift.

extension Parser {
    /// `CREATE` of anything but TABLE and INDEX. Current token: the object word.
    mutating func parseCreateObject(_ m: CreateModifiers) throws(ParseError) -> StatementNode {
        let t = current
        guard t.kind == .identifier, let word = t.keyword else { throw expected("an object type") }
        switch word {
        case .view:
            try rejectModifiers(m, allowing: m.materialized ? [.unlogged] : [.orReplace, .temporary, .recursive])
            return .createView(try parseCreateView(m))
        case .sequence:
            try rejectModifiers(m, allowing: [.temporary, .unlogged])
            return .createSequence(try parseCreateSequence(m))
        case .type:
            try rejectModifiers(m, allowing: [])
            return .createType(try parseCreateType(m))
        case .domain:
            try rejectModifiers(m, allowing: [])
            return .createDomain(try parseCreateDomain(m))
        case .schema:
            try rejectModifiers(m, allowing: [])
            return .createSchema(try parseCreateSchema(m))
        case .extension:
            try rejectModifiers(m, allowing: [])
            return .createExtension(try parseCreateExtension(m))
        case .function, .procedure:
            try rejectModifiers(m, allowing: [.orReplace])
            return .createFunction(try parseCreateFunction(m))
        case .trigger:
            try rejectModifiers(m, allowing: dialect.triggerBodiesInline ? [.temporary] : [.orReplace, .constraint])
            return .createTrigger(try parseCreateTrigger(m))
        case .policy:
            try rejectModifiers(m, allowing: [])
            return .createPolicy(try parseCreatePolicy(m))
        case .foreign where peekIs(1, .table):
            return try parseCreateTable(m)
        case .rule, .statistics, .role, .user, .group, .database, .tablespace, .aggregate, .operator, .collation,
            .text, .cast, .language, .foreign, .server, .publication, .subscription, .conversion, .default, .access,
            .transform, .event:
            // Valid PostgreSQL objects this parser does not model: the classifier names them.
            throw unsupported("CREATE \(word.text.uppercased())")
        default:
            throw expected("an object type")
        }
    }

    /// `ALTER` of anything but tables, indexes and views. Current token: ALTER.
    mutating func parseAlterObject() throws(ParseError) -> StatementNode {
        let object = peek()
        guard object.kind == .identifier, let word = object.keyword else {
            advance()
            throw expected("an object type")
        }
        switch word {
        case .sequence: return try parseAlterSequence()
        case .type: return try parseAlterType()
        case .domain: return try parseAlterDomain()
        case .policy: return try parseAlterPolicy()
        default: return try parseAlterGenericObject()
        }
    }

    /// `ALTER object_type name RENAME TO new | SET SCHEMA s` for the objects whose other
    /// ALTER forms are not modelled (functions, triggers, schemas, extensions, ...).
    private mutating func parseAlterGenericObject() throws(ParseError) -> StatementNode {
        let start = position
        advance()
        let objectTypes: [([Keyword], SchemaObjectType)] = [
            ([.function], .function), ([.procedure], .procedure), ([.routine], .routine), ([.aggregate], .aggregate),
            ([.trigger], .trigger), ([.event, .trigger], .eventTrigger), ([.rule], .rule), ([.schema], .schema),
            ([.extension], .extension), ([.collation], .collation), ([.conversion], .conversion),
            ([.statistics], .statistics), ([.text, .search, .parser], .textSearchParser),
            ([.text, .search, .dictionary], .textSearchDictionary), ([.text, .search, .template], .textSearchTemplate),
            ([.text, .search, .configuration], .textSearchConfiguration),
            ([.foreign, .data, .wrapper], .foreignDataWrapper), ([.server], .server), ([.language], .language),
            ([.procedural, .language], .language), ([.publication], .publication), ([.subscription], .subscription),
            ([.database], .database), ([.role], .role), ([.group], .role), ([.tablespace], .tablespace),
        ]
        let wordText = text(current).uppercased()
        guard let match = objectTypes.first(where: { atKeywords($0.0) }) else {
            let unmodelled: Set<Keyword> = [.default, .system, .user, .large, .operator, .text, .foreign]
            if let word = current.keyword, unmodelled.contains(word) { throw unsupported("ALTER \(wordText)") }
            throw expected("an object type")
        }
        let objectType = match.1
        position += match.0.count
        // `ALTER USER MAPPING`, `ALTER ROLE ALL SET`... are not renames; anything unreadable
        // here is a form this parser does not model rather than an error.
        let reference: ObjectReference
        do {
            reference = try parseObjectReference(objectType)
        } catch {
            throw unsupported("ALTER \(wordText)")
        }
        if at(.rename) {
            return .rename(try parseRenameRest(objectType: objectType, object: reference, ifExists: false, start: start))
        }
        if at(.set, .schema) {
            return .alterObjectSchema(
                try parseSetSchemaRest(objectType: objectType, object: reference, ifExists: false, start: start))
        }
        throw unsupported("ALTER \(wordText)")
    }

    /// Whether the next tokens are these keywords (array form of `at(_:...)`).
    func atKeywords(_ keywords: [Keyword]) -> Bool {
        for (i, k) in keywords.enumerated() where !peekIs(i, k) { return false }
        return true
    }

    // MARK: Modifiers

    enum CreateModifier: String {
        case orReplace = "OR REPLACE"
        case temporary = "TEMPORARY"
        case unlogged = "UNLOGGED"
        case unique = "UNIQUE"
        case recursive = "RECURSIVE"
        case constraint = "CONSTRAINT"
        case trusted = "TRUSTED"
        case virtual = "VIRTUAL"
    }

    /// Fails on the object word when a modifier the object does not take was written
    /// (`CREATE UNIQUE VIEW`, `CREATE TEMP FUNCTION`).
    func rejectModifiers(_ m: CreateModifiers, allowing allowed: Set<CreateModifier>) throws(ParseError) {
        let present: [(Bool, CreateModifier)] = [
            (m.orReplace, .orReplace), (m.temporary, .temporary), (m.unlogged, .unlogged), (m.unique, .unique),
            (m.recursive, .recursive), (m.constraint, .constraint), (m.trusted, .trusted), (m.virtual, .virtual),
        ]
        let object = (m.materialized ? "MATERIALIZED " : "") + text(current).uppercased()
        for (written, modifier) in present where written && !allowed.contains(modifier) {
            throw error("\(modifier.rawValue) cannot be used with CREATE \(object)")
        }
        if m.materialized && !at(.view) {
            throw error("MATERIALIZED cannot be used with CREATE \(text(current).uppercased())")
        }
    }

    // MARK: Views

    /// ```
    /// CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name [(columns)] [WITH (options)]
    ///     AS query [WITH [CASCADED | LOCAL] CHECK OPTION]
    /// CREATE MATERIALIZED VIEW [IF NOT EXISTS] name [(columns)] [USING method]
    ///     [WITH (options)] [TABLESPACE ts] AS query [WITH [NO] DATA]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createview.html
    mutating func parseCreateView(_ m: CreateModifiers) throws(ParseError) -> CreateViewStatement {
        try expect(.view)
        let ifNotExists = (m.materialized || dialect.supportsViewIfNotExists) && eat(.if, .not, .exists)
        let name = try parseQualifiedName()
        var columns: [Identifier] = []
        if at(.leftParen) { columns = try parseColumnList() }
        if m.recursive && columns.isEmpty { throw expected("a column list for a recursive view") }
        var accessMethod: Identifier?
        var tablespace: Identifier?
        if m.materialized && eat(.using) { accessMethod = try parseColumnId() }
        var options: [OptionItem] = []
        if eat(.with) { options = try parseOptionList() }
        if m.materialized && eat(.tablespace) { tablespace = try parseColumnId() }
        try expect(.as)
        let query = try nested { (p: inout Parser) throws(ParseError) in try p.parseSelectStatement() }
        var checkOption: CreateViewStatement.CheckOption?
        var withData: Bool?
        if m.materialized {
            if eat(.with, .data) {
                withData = true
            } else if eat(.with, .no, .data) {
                withData = false
            }
        } else if at(.with) {
            advance()
            if eat(.local) {
                checkOption = .local
            } else {
                eat(.cascaded)
                checkOption = .cascaded
            }
            try expect(.check, .option)
        }
        return CreateViewStatement(
            name: name, columns: columns, query: query, materialized: m.materialized, orReplace: m.orReplace,
            temporary: m.temporary, recursive: m.recursive, ifNotExists: ifNotExists, options: options,
            accessMethod: accessMethod, tablespace: tablespace, checkOption: checkOption, withData: withData,
            span: span(from: m.start))
    }

    // MARK: Schemas and extensions

    /// ```
    /// CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [element ...]
    /// CREATE SCHEMA [IF NOT EXISTS] AUTHORIZATION role [element ...]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createschema.html
    mutating func parseCreateSchema(_ m: CreateModifiers) throws(ParseError) -> CreateSchemaStatement {
        try expect(.schema)
        let ifNotExists = eat(.if, .not, .exists)
        var name: Identifier?
        if !at(.authorization) { name = try parseColumnId() }
        var authorization: RoleSpec?
        if eat(.authorization) { authorization = try parseRoleSpec() }
        var elements: [Statement] = []
        if !atEnd {
            guard at(.create) || at(.grant) else { throw expected("CREATE or GRANT") }
            if ifNotExists { throw error("CREATE SCHEMA IF NOT EXISTS cannot include schema elements") }
            elements = try parseSchemaElements()
        }
        return CreateSchemaStatement(
            name: name, authorization: authorization, ifNotExists: ifNotExists, elements: elements,
            span: span(from: m.start))
    }

    /// The `CREATE ...` and `GRANT ...` elements of CREATE SCHEMA, up to the end of the statement.
    ///
    /// Elements are not separated by `;`, so each is cut at the next CREATE or GRANT outside
    /// parentheses (both words are reserved) and parsed on its own, as if it were a statement.
    private mutating func parseSchemaElements() throws(ParseError) -> [Statement] {
        var starts = [position]
        var level = 0
        for i in (position + 1)..<Swift.max(position + 1, limit) {
            let t = tokens[i]
            switch t.kind {
            case .leftParen: level += 1
            case .rightParen: level -= 1
            case .identifier where level == 0 && (t.keyword == .create || t.keyword == .grant): starts.append(i)
            default: break
            }
        }
        var elements: [Statement] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : limit
            var element = Parser(source: source, tokens: tokens, dialect: dialect, start: start, limit: end, stackGuard: stackGuard)
            element.depth = depth + 1
            let node = try element.parseStatement()
            guard element.atEnd else { throw element.expected("the end of the schema element") }
            position = end
            elements.append(Statement(node: node, span: span(from: start)))
        }
        return elements
    }

    /// `CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]`.
    /// https://www.postgresql.org/docs/current/sql-createextension.html
    mutating func parseCreateExtension(_ m: CreateModifiers) throws(ParseError) -> CreateExtensionStatement {
        try expect(.extension)
        let ifNotExists = eat(.if, .not, .exists)
        let name = try parseColumnId()
        eat(.with)
        var schema: Identifier?
        var version: String?
        var cascade = false
        while !atEnd {
            if eat(.schema) {
                schema = try parseColumnId()
            } else if eat(.version) {
                version = try parseNameOrString()
            } else if eat(.cascade) {
                cascade = true
            } else if at(.from) {
                throw error("CREATE EXTENSION ... FROM is no longer supported")
            } else {
                throw expected("SCHEMA, VERSION or CASCADE")
            }
        }
        return CreateExtensionStatement(
            name: name, ifNotExists: ifNotExists, schema: schema, version: version, cascade: cascade,
            span: span(from: m.start))
    }

    // MARK: Policies

    /// ```
    /// CREATE POLICY name ON table [AS PERMISSIVE | RESTRICTIVE]
    ///     [FOR ALL | SELECT | INSERT | UPDATE | DELETE] [TO role, ...]
    ///     [USING (expr)] [WITH CHECK (expr)]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createpolicy.html
    mutating func parseCreatePolicy(_ m: CreateModifiers) throws(ParseError) -> CreatePolicyStatement {
        try expect(.policy)
        let name = try parseColumnId()
        try expect(.on)
        let table = try parseQualifiedName()
        var permissive = true
        if eat(.as) {
            let word = current.kind == .identifier ? text(current).lowercased() : ""
            guard word == "permissive" || word == "restrictive" else { throw expected("PERMISSIVE or RESTRICTIVE") }
            advance()
            permissive = word == "permissive"
        }
        var command: CreatePolicyStatement.Command?
        if eat(.for) {
            guard let c = current.keyword.flatMap({ CreatePolicyStatement.Command(rawValue: $0.text) }),
                at(.identifier)
            else { throw expected("ALL, SELECT, INSERT, UPDATE or DELETE") }
            advance()
            command = c
        }
        var statement = CreatePolicyStatement(name: name, table: table, permissive: permissive, command: command, span: .zero)
        try parsePolicyClauses(&statement)
        statement.span = span(from: m.start)
        return statement
    }

    /// `[TO role, ...] [USING (expr)] [WITH CHECK (expr)]`.
    private mutating func parsePolicyClauses(_ statement: inout CreatePolicyStatement) throws(ParseError) {
        if eat(.to) {
            statement.roles = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseRoleSpec() }
        }
        if eat(.using) { statement.using = try parseParenthesizedExpr() }
        if eat(.with, .check) { statement.withCheck = try parseParenthesizedExpr() }
    }

    /// `ALTER POLICY name ON table [TO roles] [USING (expr)] [WITH CHECK (expr)]`.
    /// https://www.postgresql.org/docs/current/sql-alterpolicy.html
    mutating func parseAlterPolicy() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.alter, .policy)
        let name = try parseColumnId()
        try expect(.on)
        let table = try parseQualifiedName()
        if at(.rename) {
            let reference = ObjectReference(name: QualifiedName([name], span: name.span), table: table)
            return .rename(try parseRenameRest(objectType: .policy, object: reference, ifExists: false, start: start))
        }
        var statement = CreatePolicyStatement(name: name, table: table, isAlter: true, span: .zero)
        try parsePolicyClauses(&statement)
        if statement.roles.isEmpty && statement.using == nil && statement.withCheck == nil {
            throw expected("TO, USING or WITH CHECK")
        }
        statement.span = span(from: start)
        return .createPolicy(statement)
    }
}
