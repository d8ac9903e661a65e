import SQLSyntax

extension Parser {
    /// `ALTER TABLE | INDEX | VIEW | MATERIALIZED VIEW | FOREIGN TABLE`. Current token: ALTER.
    ///
    /// ```
    /// ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]
    /// ALTER TABLE [IF EXISTS] name {ATTACH PARTITION p {FOR VALUES ... | DEFAULT} | DETACH PARTITION p [...]}
    /// ALTER TABLE [IF EXISTS] [ONLY] name RENAME [COLUMN | CONSTRAINT] [a] TO b
    /// ALTER TABLE [IF EXISTS] name SET SCHEMA s
    /// ALTER TABLE ALL IN TABLESPACE ts [OWNED BY role, ...] SET TABLESPACE new [NOWAIT]
    /// ALTER INDEX [IF EXISTS] name {action, ... | ATTACH PARTITION i | [NO] DEPENDS ON EXTENSION e}
    /// ALTER TABLE name {RENAME [COLUMN] a TO b | RENAME TO t | ADD [COLUMN] def | DROP [COLUMN] c}  -- SQLite
    /// ```
    /// https://www.postgresql.org/docs/current/sql-altertable.html
    /// https://www.sqlite.org/lang_altertable.html
    mutating func parseAlterTable() throws(ParseError) -> StatementNode {
        let start = position
        try expect(.alter)
        let objectType: AlteredRelationType
        if eat(.table) {
            objectType = .table
        } else if eat(.index) {
            objectType = .index
        } else if eat(.view) {
            objectType = .view
        } else if eat(.materialized, .view) {
            objectType = .materializedView
        } else if eat(.foreign, .table) {
            objectType = .foreignTable
        } else {
            throw expected("TABLE, INDEX, VIEW, MATERIALIZED VIEW or FOREIGN TABLE")
        }
        if at(.all, .in, .tablespace) && objectType != .view && objectType != .foreignTable {
            return .alterTable(try parseAlterAllInTablespace(objectType, start: start))
        }
        let ifExists = eat(.if, .exists)
        var only = false
        let name: QualifiedName
        if objectType == .table || objectType == .foreignTable {
            (name, only) = try parseRelationExpr()
        } else {
            name = try parseQualifiedName()
        }
        let objectKind = objectType.schemaObjectType
        let reference = ObjectReference(name: name)
        if at(.rename) {
            return .rename(
                try parseRenameRest(
                    objectType: objectKind, object: reference, ifExists: ifExists, only: only, start: start))
        }
        if at(.set, .schema) {
            return .alterObjectSchema(
                try parseSetSchemaRest(objectType: objectKind, object: reference, ifExists: ifExists, start: start))
        }
        var statement = AlterTableStatement(
            objectType: objectType, name: name, ifExists: ifExists, only: only, actions: [], span: .zero)
        if at(.attach, .partition) || at(.detach, .partition) {
            statement.actions = [try parsePartitionCommand(objectType)]
        } else if (objectType == .index || objectType == .materializedView) && (at(.depends) || at(.no, .depends)) {
            let remove = eat(.no)
            try expect(.depends, .on, .extension)
            statement.actions = [.dependsOnExtension(try parseColumnId(), remove: remove)]
        } else {
            statement.actions = try commaSeparated { (p: inout Parser) throws(ParseError) in
                try p.parseAlterTableAction()
            }
        }
        statement.span = span(from: start)
        return .alterTable(statement)
    }

    /// `relation_expr`: `name | name * | ONLY name | ONLY (name)`.
    mutating func parseRelationExpr() throws(ParseError) -> (name: QualifiedName, only: Bool) {
        if eat(.only) {
            if eat(.leftParen) {
                let name = try parseQualifiedName()
                try expect(.rightParen)
                return (name, true)
            }
            return (try parseQualifiedName(), true)
        }
        let name = try parseQualifiedName()
        eatOperator("*")
        return (name, false)
    }

    /// `ALL IN TABLESPACE ts [OWNED BY role, ...] SET TABLESPACE new [NOWAIT]` (AlterTableMoveAllStmt).
    private mutating func parseAlterAllInTablespace(_ objectType: AlteredRelationType, start: Int) throws(ParseError)
        -> AlterTableStatement
    {
        try expect(.all, .in, .tablespace)
        let source = try parseColumnId()
        var move = AllInTablespace(tablespace: source)
        if eat(.owned, .by) {
            move.ownedBy = try commaSeparated { (p: inout Parser) throws(ParseError) -> Identifier in
                let t = p.current
                let role = try p.parseRoleSpec()
                if case .name(let id) = role { return id }
                return Identifier(p.text(t).lowercased(), span: t.span)
            }
        }
        try expect(.set, .tablespace)
        let target = try parseColumnId()
        move.nowait = eat(.nowait)
        return AlterTableStatement(
            objectType: objectType, name: QualifiedName([source], span: source.span),
            actions: [.setTablespace(target, nowait: move.nowait)],
            allInTablespace: move, span: span(from: start))
    }

    /// `ATTACH PARTITION name {FOR VALUES ... | DEFAULT}` (indexes: no bound) or
    /// `DETACH PARTITION name [CONCURRENTLY | FINALIZE]`.
    private mutating func parsePartitionCommand(_ objectType: AlteredRelationType) throws(ParseError)
        -> AlterTableAction
    {
        if eat(.attach, .partition) {
            let partition = try parseQualifiedName()
            if objectType == .index { return .attachPartition(partition, bound: nil) }
            return .attachPartition(partition, bound: try parsePartitionBoundSpec())
        }
        try expect(.detach, .partition)
        let partition = try parseQualifiedName()
        if eat(.concurrently) { return .detachPartition(partition, mode: .concurrently) }
        if eat(.finalize) { return .detachPartition(partition, mode: .finalize) }
        return .detachPartition(partition, mode: .normal)
    }

    /// One `alter_table_cmd`.
    private mutating func parseAlterTableAction() throws(ParseError) -> AlterTableAction {
        let t = current
        guard t.kind == .identifier, let word = t.keyword else { throw expected("an ALTER TABLE action") }
        switch word {
        case .add:
            advance()
            if !at(.column) && atTableConstraintStart {
                return .addConstraint(try parseTableConstraint())
            }
            eat(.column)
            let ifNotExists = eat(.if, .not, .exists)
            return .addColumn(try parseColumnDefinition(), ifNotExists: ifNotExists)
        case .drop:
            advance()
            if eat(.constraint) {
                let ifExists = eat(.if, .exists)
                let name = try parseColumnId()
                return .dropConstraint(name, ifExists: ifExists, behavior: parseDropBehavior())
            }
            eat(.column)
            let ifExists = eat(.if, .exists)
            let name = try parseColumnId()
            return .dropColumn(name, ifExists: ifExists, behavior: parseDropBehavior())
        case .alter:
            advance()
            if eat(.constraint) { return .alterConstraint(try parseAlterConstraint()) }
            eat(.column)
            let column: Identifier
            if at(TokenKind.integer) {
                column = Identifier(text(current), span: current.span)
                advance()
            } else {
                column = try parseColumnId()
            }
            return .alterColumn(column, try parseAlterColumnAction())
        case .validate:
            advance()
            try expect(.constraint)
            return .validateConstraint(try parseColumnId())
        case .set:
            return try parseAlterTableSet()
        case .reset:
            advance()
            return .resetOptions(try parseOptionList().map(\.name))
        case .cluster:
            advance()
            try expect(.on)
            return .clusterOn(try parseColumnId())
        case .owner:
            advance()
            try expect(.to)
            return .ownerTo(try parseRoleSpec())
        case .enable, .disable:
            return try parseEnableDisable()
        case .force:
            advance()
            try expect(.row, .level, .security)
            return .rowLevelSecurity(.force)
        case .no:
            advance()
            if eat(.force) {
                try expect(.row, .level, .security)
                return .rowLevelSecurity(.noForce)
            }
            try expect(.inherit)
            return .noInherit(try parseQualifiedName())
        case .inherit:
            advance()
            return .inherit(try parseQualifiedName())
        case .of:
            advance()
            return .of(try parseQualifiedName())
        case .not:
            advance()
            try expect(.of)
            return .notOf
        case .replica:
            advance()
            try expect(.identity)
            if eat(.default) { return .replicaIdentity(.default) }
            if eat(.full) { return .replicaIdentity(.full) }
            if eat(.nothing) { return .replicaIdentity(.nothing) }
            try expect(.using, .index)
            return .replicaIdentity(.usingIndex(try parseColumnId()))
        case .options:
            return .foreignOptions(try parseAlterForeignOptions())
        default:
            throw expected("an ALTER TABLE action")
        }
    }

    /// `SET {TABLESPACE ts | LOGGED | UNLOGGED | ACCESS METHOD m | WITHOUT CLUSTER | WITHOUT OIDS | (options)}`.
    private mutating func parseAlterTableSet() throws(ParseError) -> AlterTableAction {
        try expect(.set)
        if eat(.tablespace) { return .setTablespace(try parseColumnId(), nowait: false) }
        if eat(.logged) { return .setLogged(true) }
        if eat(.unlogged) { return .setLogged(false) }
        if eat(.access, .method) {
            if eat(.default) { return .setAccessMethod(nil) }
            return .setAccessMethod(try parseColumnId())
        }
        if eat(.without, .cluster) { return .setWithoutCluster }
        if eat(.without, .oids) { return .setWithoutOids }
        if at(.leftParen) { return .setOptions(try parseOptionList()) }
        if at(.schema) { throw error("SET SCHEMA cannot be combined with other actions") }
        throw expected("TABLESPACE, LOGGED, UNLOGGED, ACCESS METHOD, WITHOUT or '('")
    }

    /// `ENABLE [REPLICA | ALWAYS] {TRIGGER t | TRIGGER ALL | TRIGGER USER | RULE r | ROW LEVEL SECURITY}`
    /// and `DISABLE {TRIGGER ... | RULE r | ROW LEVEL SECURITY}`.
    private mutating func parseEnableDisable() throws(ParseError) -> AlterTableAction {
        let enable = at(.enable)
        advance()
        if eat(.row, .level, .security) { return .rowLevelSecurity(enable ? .enable : .disable) }
        var firing: TriggerFiring = enable ? .origin : .disabled
        if enable {
            if eat(.replica) {
                firing = .replica
            } else if eat(.always) {
                firing = .always
            }
        }
        if eat(.rule) { return .rule(try parseColumnId(), firing) }
        try expect(.trigger)
        // ALL and USER only go with plain ENABLE / DISABLE.
        if firing == .origin || firing == .disabled {
            if eat(.all) { return .trigger(.all, firing) }
            if eat(.user) { return .trigger(.user, firing) }
        }
        return .trigger(.named(try parseColumnId()), firing)
    }

    /// After `ALTER CONSTRAINT`: `name [[NOT] DEFERRABLE] [INITIALLY ...] [[NOT] ENFORCED] [[NO] INHERIT]`.
    private mutating func parseAlterConstraint() throws(ParseError) -> AlterConstraint {
        var change = AlterConstraint(name: try parseColumnId())
        var attributes = ConstraintDefinition(kind: .null, span: .zero)
        var wroteSomething = false
        while true {
            if eat(.inherit) {
                change.inherit = true
            } else if eat(.no, .inherit) {
                change.inherit = false
            } else if at(.deferrable) || at(.initially) || at(.enforced) || at(.not, .deferrable) || at(.not, .enforced)
            {
                try parseConstraintAttributes(&attributes, allowNotValid: false)
            } else {
                break
            }
            wroteSomething = true
        }
        if !wroteSomething { throw expected("a constraint attribute") }
        change.deferrable = attributes.deferrable
        change.initiallyDeferred = attributes.initiallyDeferred
        change.enforced = attributes.enforced
        return change
    }

    /// What follows `ALTER [COLUMN] name`.
    ///
    /// ```
    /// [SET DATA] TYPE type [COLLATE c] [USING expr] | SET DEFAULT expr | DROP DEFAULT
    /// | {SET | DROP} NOT NULL | SET EXPRESSION AS (expr) | DROP EXPRESSION [IF EXISTS]
    /// | ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]
    /// | {SET GENERATED ... | SET sequence_option | RESTART [[WITH] n]} ...
    /// | DROP IDENTITY [IF EXISTS] | SET STATISTICS {n | DEFAULT} | SET (options) | RESET (options)
    /// | SET STORAGE mode | SET COMPRESSION method | OPTIONS (...)
    /// ```
    private mutating func parseAlterColumnAction() throws(ParseError) -> AlterColumnAction {
        if at(.type) || at(.set, .data) {
            if eat(.set) { try expect(.data) }
            try expect(.type)
            let type = try parseTypeName()
            let collation = try parseCollateClause()
            var using: Expr?
            if eat(.using) { using = try parseExpr() }
            return .setDataType(type, collation: collation, using: using)
        }
        if eat(.drop) {
            if eat(.default) { return .dropDefault }
            if eat(.not, .null) { return .dropNotNull }
            if eat(.expression) { return .dropExpression(ifExists: eat(.if, .exists)) }
            if eat(.identity) { return .dropIdentity(ifExists: eat(.if, .exists)) }
            throw expected("DEFAULT, NOT NULL, EXPRESSION or IDENTITY")
        }
        if eat(.add) {
            try expect(.generated)
            let always = try parseGeneratedWhen()
            try expect(.as, .identity)
            return .addIdentity(always: always, options: try parseIdentityOptions())
        }
        if eat(.reset) { return .resetOptions(try parseOptionList().map(\.name)) }
        if at(.options) { return .foreignOptions(try parseAlterForeignOptions()) }
        if at(.set) {
            if eat(.set, .default) { return .setDefault(try parseExpr()) }
            if eat(.set, .not, .null) { return .setNotNull }
            if eat(.set, .expression) {
                try expect(.as)
                try expect(.leftParen)
                let expr = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
                try expect(.rightParen)
                return .setExpression(expr)
            }
            if eat(.set, .statistics) {
                if eat(.default) { return .setStatistics(nil) }
                return .setStatistics(try parseSignedInteger())
            }
            if eat(.set, .storage) { return .setStorage(try parseStorageMode()) }
            if eat(.set, .compression) { return .setCompression(try parseCompressionMethod()) }
            if peek().kind == .leftParen {
                advance()
                return .setOptions(try parseOptionList())
            }
        }
        if at(.set) || at(.restart) { return try parseIdentityChanges() }
        throw expected("an ALTER COLUMN action")
    }

    /// `{SET GENERATED {ALWAYS | BY DEFAULT} | SET sequence_option | RESTART [[WITH] n]} ...`.
    private mutating func parseIdentityChanges() throws(ParseError) -> AlterColumnAction {
        var generatedAlways: Bool?
        var options: [SequenceOption] = []
        while at(.set) || at(.restart) {
            if at(.restart) {
                options.append(try parseSequenceOption())
                continue
            }
            advance()
            if eat(.generated) {
                generatedAlways = try parseGeneratedWhen()
            } else {
                if at(.restart) { throw expected("a sequence option") }
                options.append(try parseSequenceOption())
            }
        }
        return .setIdentity(generatedAlways: generatedAlways, options: options)
    }
}

extension AlteredRelationType {
    /// The same kind of object as DROP / RENAME / SET SCHEMA name it.
    var schemaObjectType: SchemaObjectType {
        switch self {
        case .table: return .table
        case .index: return .index
        case .view: return .view
        case .materializedView: return .materializedView
        case .foreignTable: return .foreignTable
        case .sequence: return .sequence
        case .type: return .type
        }
    }
}
