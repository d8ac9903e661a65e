import SQLSyntax

// RENAME and SET SCHEMA of any object, and the object references that DROP,
// RENAME and SET SCHEMA share. The ALTER grammars of other objects parse their
// own `ALTER <type> <object>` prefix and call `parseRenameRest` /
// `parseSetSchemaRest` when RENAME / SET SCHEMA follows.

extension Parser {
    /// The rest of a `RenameStmt`, from RENAME. Current token: RENAME.
    ///
    /// ```
    /// RENAME TO new                                      -- any object
    /// RENAME [COLUMN] old TO new                         -- tables, views, materialized views, foreign tables
    /// RENAME CONSTRAINT old TO new                       -- tables, foreign tables, domains
    /// RENAME ATTRIBUTE old TO new [CASCADE | RESTRICT]   -- composite types
    /// ```
    /// `start` is the token index of ALTER. `RENAME VALUE` of enum types is not handled here.
    public mutating func parseRenameRest(
        objectType: SchemaObjectType, object: ObjectReference, ifExists: Bool, only: Bool = false, start: Int
    ) throws(ParseError) -> RenameStatement {
        try expect(.rename)
        if eat(.to) {
            return RenameStatement(
                objectType: objectType, object: object, newName: try parseColumnId(), ifExists: ifExists, only: only,
                span: span(from: start))
        }
        let memberType: SchemaObjectType
        switch objectType {
        case .table, .view, .materializedView, .foreignTable:
            if eat(.constraint) {
                memberType = .constraint
            } else {
                eat(.column)
                memberType = .column
            }
        case .type:
            try expect(.attribute)
            memberType = .attribute
        case .domain:
            try expect(.constraint)
            memberType = .domainConstraint
        default:
            throw expected("TO")
        }
        let memberStart = position
        let old = try parseColumnId()
        try expect(.to)
        let new = try parseColumnId()
        let behavior = memberType == .attribute ? parseDropBehavior() : nil
        let member = ObjectReference(
            name: QualifiedName([old], span: old.span), table: object.name, span: span(from: memberStart))
        return RenameStatement(
            objectType: memberType, relationType: objectType, object: member, newName: new, ifExists: ifExists,
            only: only,
            behavior: behavior, span: span(from: start))
    }

    /// The rest of an `AlterObjectSchemaStmt`: `SET SCHEMA new_schema`. Current token: SET.
    /// `start` is the token index of ALTER.
    public mutating func parseSetSchemaRest(
        objectType: SchemaObjectType, object: ObjectReference, ifExists: Bool, start: Int
    ) throws(ParseError) -> AlterObjectSchemaStatement {
        try expect(.set, .schema)
        let schema = try parseColumnId()
        return AlterObjectSchemaStatement(
            objectType: objectType, object: object, newSchema: schema, ifExists: ifExists, span: span(from: start))
    }

    /// An object named as DDL names objects of `objectType`:
    ///
    /// ```
    /// name [(argtype, ...)]             -- functions, procedures, routines, aggregates
    /// name ON table                     -- triggers, policies, rules (PostgreSQL)
    /// any_name                          -- everything else
    /// ```
    public mutating func parseObjectReference(_ objectType: SchemaObjectType) throws(ParseError) -> ObjectReference {
        let start = position
        if objectType.isRoutine {
            let name = try parseFunctionName()
            var arguments: [TypeName]?
            if at(.leftParen) {
                arguments =
                    objectType == .aggregate ? try parseAggregateArgumentTypes() : try parseRoutineArgumentTypes()
            }
            return ObjectReference(name: name, arguments: arguments, span: span(from: start))
        }
        if objectType.belongsToTable && dialect.triggersNamedOnTable {
            let id = try parseColumnId()
            try expect(.on)
            let table = try parseQualifiedName()
            return ObjectReference(name: QualifiedName([id], span: id.span), table: table, span: span(from: start))
        }
        return ObjectReference(name: try parseQualifiedName(), span: span(from: start))
    }

    /// `( [[mode] [name] type, ...] )`: the input argument types, OUT ones left out.
    private mutating func parseRoutineArgumentTypes() throws(ParseError) -> [TypeName] {
        try expect(.leftParen)
        var types: [TypeName] = []
        if eat(.rightParen) { return types }
        try nested { (p: inout Parser) throws(ParseError) in
            repeat {
                if let type = try p.parseRoutineArgument() { types.append(type) }
            } while p.eat(.comma)
        }
        try expect(.rightParen)
        return types
    }

    /// `aggr_args`: `(*)`, `(type, ...)`, `(ORDER BY type, ...)`, `(type, ... ORDER BY type, ...)`.
    private mutating func parseAggregateArgumentTypes() throws(ParseError) -> [TypeName] {
        try expect(.leftParen)
        var types: [TypeName] = []
        if atOperator("*") {
            advance()
            try expect(.rightParen)
            return types
        }
        try nested { (p: inout Parser) throws(ParseError) in
            if !p.at(.order) {
                repeat {
                    if let type = try p.parseRoutineArgument() { types.append(type) }
                } while p.eat(.comma)
            }
            if p.eat(.order, .by) {
                repeat {
                    if let type = try p.parseRoutineArgument() { types.append(type) }
                } while p.eat(.comma)
            }
        }
        try expect(.rightParen)
        return types
    }

    /// `func_arg`: `[IN | OUT | INOUT | VARIADIC] [name] type`; nil for an OUT argument.
    private mutating func parseRoutineArgument() throws(ParseError) -> TypeName? {
        var isOut = false
        if eat(.out) {
            isOut = true
        } else if eat(.inout) || eat(.variadic) || eat(.in) {
            // input arguments
        }
        // `name type` when a second word follows a plain name that cannot begin a multi-word type.
        if (isColumnId(current) || isTypeFunctionName(current)) && !startsMultiWordType(current) {
            let next = peek()
            let nameFollowed =
                (isColumnId(next) || isTypeFunctionName(next))
                && !(next.kind == .identifier
                    && (next.keyword == .array || next.keyword == .with || next.keyword == .without))
            if nameFollowed { advance() }
        }
        let type = try parseTypeName()
        if eat(.default) || eatOperator("=") {
            _ = try parseExpr()
        }
        return isOut ? nil : type
    }

    /// Whether `t` is the first word of a type spelled in several words (`double precision`).
    private func startsMultiWordType(_ t: Token) -> Bool {
        guard t.kind == .identifier, let k = t.keyword else { return false }
        switch k {
        case .double, .character, .char, .national, .nchar, .bit, .time, .timestamp, .interval, .varchar: return true
        default: return false
        }
    }
}
