import SQLSyntax

// GRANT, REVOKE and COMMENT ON.

extension Parser {
    // MARK: GRANT and REVOKE

    /// ```
    /// GRANT privileges ON [object_type] name, ... | ALL {TABLES | SEQUENCES | FUNCTIONS | ...} IN SCHEMA s, ...
    ///     TO role, ... [WITH GRANT OPTION] [GRANTED BY role]
    /// REVOKE [GRANT OPTION FOR] privileges ON ... FROM role, ... [GRANTED BY role] [CASCADE | RESTRICT]
    /// GRANT role, ... TO role, ... [WITH {ADMIN | INHERIT | SET} {OPTION | TRUE | FALSE}, ...] [GRANTED BY role]
    /// REVOKE [{ADMIN | INHERIT | SET} OPTION FOR] role, ... FROM role, ... [GRANTED BY role] [CASCADE | RESTRICT]
    /// privileges: ALL [PRIVILEGES] [(columns)] | privilege [(columns)], ...
    /// ```
    /// https://www.postgresql.org/docs/current/sql-grant.html
    mutating func parseGrant() throws(ParseError) -> GrantStatement {
        let start = position
        let isGrant = at(.grant)
        advance()
        var grantOption = false
        var roleOptions: [OptionItem] = []
        if !isGrant && peekIs(1, .option) && peekIs(2, .for) && isColumnLabel(current) {
            let word = identifier(current).value
            position += 3
            if word == "grant" || word == "admin" {
                grantOption = true
            } else {
                roleOptions.append(OptionItem(name: word, value: "false"))
            }
        }
        var privileges: [Privilege]
        if eat(.all) {
            eat(.privileges)
            privileges = [Privilege(name: "all", columns: try at(.leftParen) ? parseColumnList() : [])]
        } else {
            privileges = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parsePrivilege() }
        }
        var statement = GrantStatement(isGrant: isGrant, privileges: privileges, grantees: [], span: .zero)
        statement.grantOption = grantOption
        statement.roleOptions = roleOptions
        if eat(.on) {
            try parsePrivilegeTarget(&statement)
        } else {
            statement.isRoleGrant = true
        }
        if isGrant { try expect(.to) } else { try expect(.from) }
        statement.grantees = try commaSeparated { (p: inout Parser) throws(ParseError) in
            p.eat(.group)
            return try p.parseRoleSpec()
        }
        if isGrant && eat(.with) {
            if statement.isRoleGrant {
                let options = try commaSeparated { (p: inout Parser) throws(ParseError) -> OptionItem in
                    let start = p.position
                    let name = try p.parseColumnLabel().value
                    guard p.eat(.option) || p.eat(.true) || p.eat(.false) else { throw p.expected("OPTION, TRUE or FALSE") }
                    let value = p.previous.keyword == .false ? "false" : "true"
                    return OptionItem(name: name, value: value, span: p.span(from: start))
                }
                for option in options {
                    if option.name == "admin" {
                        statement.grantOption = option.value == "true"
                    } else {
                        statement.roleOptions.append(option)
                    }
                }
            } else {
                try expect(.grant, .option)
                statement.grantOption = true
            }
        }
        if eat(.granted, .by) { statement.grantedBy = try parseRoleSpec() }
        if !isGrant { statement.behavior = parseDropBehavior() }
        statement.span = span(from: start)
        return statement
    }

    /// `privilege [(columns)]`: a word such as SELECT, or `ALTER SYSTEM`; for role grants, a role.
    private mutating func parsePrivilege() throws(ParseError) -> Privilege {
        if eat(.alter, .system) { return Privilege(name: "alter system") }
        let t = current
        guard isColumnLabel(t) && !at(.on) && !at(.to) && !at(.from) else { throw expected("a privilege") }
        advance()
        let columns = try at(.leftParen) ? parseColumnList() : []
        return Privilege(name: identifier(t).value, columns: columns)
    }

    /// What follows `ON` in an object GRANT or REVOKE.
    private mutating func parsePrivilegeTarget(_ s: inout GrantStatement) throws(ParseError) {
        if eat(.all) {
            let inSchema: [Keyword: SchemaObjectType] = [
                .tables: .table, .sequences: .sequence, .functions: .function, .procedures: .procedure,
                .routines: .routine,
            ]
            guard at(.identifier), let word = current.keyword, let type = inSchema[word] else {
                throw expected("TABLES, SEQUENCES, FUNCTIONS, PROCEDURES or ROUTINES")
            }
            advance()
            try expect(.in, .schema)
            s.objectType = type
            s.allInSchema = true
            s.objects = try commaSeparated { (p: inout Parser) throws(ParseError) in
                let schema = try p.parseColumnId()
                return ObjectReference(name: QualifiedName([schema], span: schema.span))
            }
            return
        }
        if eat(.table) {
            s.objectType = .table
        } else if eat(.sequence) {
            s.objectType = .sequence
        } else if eat(.foreign, .data, .wrapper) {
            s.objectType = .foreignDataWrapper
        } else if eat(.foreign, .server) {
            s.objectType = .server
        } else if eat(.function) {
            s.objectType = .function
        } else if eat(.procedure) {
            s.objectType = .procedure
        } else if eat(.routine) {
            s.objectType = .routine
        } else if eat(.database) {
            s.objectType = .database
        } else if eat(.language) {
            s.objectType = .language
        } else if eat(.schema) {
            s.objectType = .schema
        } else if eat(.tablespace) {
            s.objectType = .tablespace
        } else if eat(.domain) {
            s.objectType = .domain
        } else if eat(.type) {
            s.objectType = .type
        } else if at(.large, .object) || at(.parameter) {
            throw unsupported("GRANT ON \(text(current).uppercased())")
        }
        let type = s.objectType
        s.objects = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseObjectReference(type) }
    }

    // MARK: COMMENT

    /// `COMMENT ON object_type name IS 'text' | NULL`, with `(arguments)` for routines
    /// and `ON table` for constraints, triggers, policies and rules.
    /// https://www.postgresql.org/docs/current/sql-comment.html
    mutating func parseComment() throws(ParseError) -> CommentStatement {
        let start = position
        try expect(.comment, .on)
        var objectType = try parseCommentObjectType()
        let objectStart = position
        let object: ObjectReference
        switch objectType {
        case .column:
            let name = try parseQualifiedName()
            guard name.parts.count >= 2, let column = name.parts.last else {
                throw ParseError(.syntax, "column name must be qualified", span: name.span)
            }
            let table = QualifiedName(Array(name.parts.dropLast()))
            object = ObjectReference(name: QualifiedName([column], span: column.span), table: table, span: name.span)
        case .constraint:
            let name = try parseColumnId()
            try expect(.on)
            let table: QualifiedName
            if eat(.domain) {
                objectType = .domainConstraint
                table = try parseTypeName().name
            } else {
                table = try parseQualifiedName()
            }
            object = ObjectReference(name: QualifiedName([name], span: name.span), table: table, span: span(from: objectStart))
        case .type, .domain:
            object = ObjectReference(name: try parseTypeName().name, span: span(from: objectStart))
        default:
            object = try parseObjectReference(objectType)
        }
        try expect(.is)
        var comment: String?
        if !eat(.null) { comment = try parseString() }
        return CommentStatement(objectType: objectType, object: object, text: comment, span: span(from: start))
    }

    /// The object type words of COMMENT ON.
    private mutating func parseCommentObjectType() throws(ParseError) -> SchemaObjectType {
        let multiWord: [([Keyword], SchemaObjectType)] = [
            ([.materialized, .view], .materializedView), ([.foreign, .table], .foreignTable),
            ([.foreign, .data, .wrapper], .foreignDataWrapper), ([.text, .search, .parser], .textSearchParser),
            ([.text, .search, .dictionary], .textSearchDictionary), ([.text, .search, .template], .textSearchTemplate),
            ([.text, .search, .configuration], .textSearchConfiguration), ([.access, .method], .accessMethod),
            ([.event, .trigger], .eventTrigger), ([.procedural, .language], .language),
        ]
        for (words, type) in multiWord where atKeywords(words) {
            position += words.count
            return type
        }
        guard current.kind == .identifier, let word = current.keyword else { throw expected("an object type") }
        let single: [Keyword: SchemaObjectType] = [
            .column: .column, .table: .table, .sequence: .sequence, .view: .view, .index: .index,
            .collation: .collation, .conversion: .conversion, .statistics: .statistics, .database: .database,
            .extension: .extension, .publication: .publication, .role: .role, .schema: .schema, .server: .server,
            .subscription: .subscription, .tablespace: .tablespace, .language: .language, .type: .type,
            .domain: .domain, .function: .function, .procedure: .procedure, .routine: .routine,
            .aggregate: .aggregate, .constraint: .constraint, .policy: .policy, .rule: .rule, .trigger: .trigger,
        ]
        if let type = single[word] {
            advance()
            return type
        }
        if [.operator, .cast, .transform, .large].contains(word) {
            throw unsupported("COMMENT ON \(word.text.uppercased())")
        }
        throw expected("an object type")
    }
}
