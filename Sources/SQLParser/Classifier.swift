import SQLSyntax

/// Names a statement from its leading words alone, the way PostgreSQL's grammar
/// would name its node. Used for statements that are not modelled in full and for
/// statements with a syntax error, so every statement still has a kind.
struct Classifier {
    let source: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let dialect: Dialect

    func classify(_ range: Range<Int>) -> OtherStatement {
        var words: [Keyword?] = []
        var i = range.lowerBound
        while i < range.upperBound && words.count < 12 {
            let t = tokens[i]
            words.append(t.kind == .identifier ? t.keyword : nil)
            i += 1
        }
        let (kind, node) = name(words, range)
        return OtherStatement(kind: kind, postgresNode: node, names: objectNames(range))
    }

    /// The objects a statement names, read without its grammar: the first dotted
    /// name after the leading keywords (`CREATE ROLE admin` → admin,
    /// `ALTER AGGREGATE s.agg(int) ...` → s.agg), and every name after `ON`
    /// (`GRANT ... ON a, b TO ...`).
    func objectNames(_ range: Range<Int>) -> [QualifiedName] {
        var names: [QualifiedName] = []
        var i = range.lowerBound
        // Skip the leading keywords (and IF [NOT] EXISTS).
        while i < range.upperBound, tokens[i].kind == .identifier, let k = tokens[i].keyword,
            Classifier.leadingWords.contains(k)
        {
            i += 1
        }
        if let (name, _) = dottedName(at: i, range) { names.append(name) }
        var j = range.lowerBound
        while j < range.upperBound {
            if tokens[j].kind == .identifier && tokens[j].keyword == .on {
                var k = j + 1
                while k < range.upperBound, tokens[k].kind == .identifier, let kw = tokens[k].keyword,
                    [.table, .tables, .sequence, .function, .schema, .type, .all, .in, .insert, .update, .delete, .select,
                     .to, .do, .instead, .also].contains(kw)
                {
                    k += 1
                }
                while let (name, next) = dottedName(at: k, range) {
                    if !names.contains(name) { names.append(name) }
                    guard next < range.upperBound, tokens[next].kind == .comma else { break }
                    k = next + 1
                }
            }
            j += 1
        }
        return names
    }

    /// Words that open a statement before the name of the object it is about.
    static let leadingWords: Set<Keyword> = [
        .create, .alter, .drop, .or, .replace, .global, .local, .temp, .temporary, .unlogged, .unique, .materialized,
        .trusted, .procedural, .if, .not, .exists, .table, .role, .user, .group, .aggregate, .cast, .rule, .function,
        .procedure, .routine, .database, .tablespace, .extension, .schema, .type, .domain, .sequence, .index, .view,
        .trigger, .policy, .default, .privileges, .call, .explain, .operator, .class, .family, .collation, .text, .search,
        .configuration, .dictionary, .parser, .template, .foreign, .data, .wrapper, .server, .publication,
        .subscription, .statistics, .event, .language, .conversion, .access, .method, .transform, .large, .object,
        .mapping, .for, .security, .label, .owned, .by, .reassign, .import, .refresh, .concurrently, .constraint,
        .recursive, .prepare, .execute, .deallocate, .notify, .listen, .unlisten, .load, .lock, .in,
    ]

    /// `a.b.c` at token `i`, with the index after it.
    private func dottedName(at start: Int, _ range: Range<Int>) -> (QualifiedName, Int)? {
        var i = start
        var parts: [Identifier] = []
        while i < range.upperBound {
            let t = tokens[i]
            guard t.kind == .identifier || t.kind == .quotedIdentifier else { break }
            if t.kind == .identifier, let k = t.keyword, k.postgresCategory == .reserved { break }
            let parser = Parser(
                source: source, tokens: tokens, dialect: dialect, start: i, limit: range.upperBound, stackGuard: StackGuard(floor: 0))
            parts.append(parser.identifier(t))
            i += 1
            guard i + 1 < range.upperBound, tokens[i].kind == .dot else { break }
            i += 1
        }
        guard !parts.isEmpty else { return nil }
        return (QualifiedName(parts), i)
    }

    private func contains(_ range: Range<Int>, _ keyword: Keyword) -> Bool {
        tokens[range].contains { $0.kind == .identifier && $0.keyword == keyword }
    }

    /// Whether `keywords` occur in this order, adjacent, anywhere in the statement.
    private func containsSequence(_ range: Range<Int>, _ keywords: [Keyword]) -> Bool {
        guard range.count >= keywords.count else { return false }
        var i = range.lowerBound
        while i + keywords.count <= range.upperBound {
            var ok = true
            for (j, k) in keywords.enumerated() where tokens[i + j].keyword != k || tokens[i + j].kind != .identifier {
                ok = false
                break
            }
            if ok { return true }
            i += 1
        }
        return false
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func name(_ w: [Keyword?], _ range: Range<Int>) -> (StatementKind, String) {
        func at(_ i: Int) -> Keyword? { i < w.count ? w[i] : nil }
        if tokens[range.lowerBound].kind == .leftParen { return (.select, "SelectStmt") }
        switch at(0) {
        case .select, .values, .table: return (.select, "SelectStmt")
        case .with:
            for k in [Keyword.insert, .update, .delete, .merge] where contains(range, k) {
                // The first data-changing word after the CTEs decides; a good-enough guess.
                switch k {
                case .insert: return (.insert, "InsertStmt")
                case .update: return (.update, "UpdateStmt")
                case .delete: return (.delete, "DeleteStmt")
                default: return (.merge, "MergeStmt")
                }
            }
            return (.select, "SelectStmt")
        case .insert: return (.insert, "InsertStmt")
        case .replace: return (.insert, "InsertStmt")
        case .update: return (.update, "UpdateStmt")
        case .delete: return (.delete, "DeleteStmt")
        case .merge: return (.merge, "MergeStmt")
        case .copy: return (.copy, "CopyStmt")
        case .create: return createName(w, range)
        case .alter: return alterName(w, range)
        case .drop:
            switch at(1) {
            case .database: return (.drop, "DropdbStmt")
            case .role, .user, .group: return (.drop, "DropRoleStmt")
            case .owned: return (.drop, "DropOwnedStmt")
            case .tablespace: return (.drop, "DropTableSpaceStmt")
            case .subscription: return (.drop, "DropSubscriptionStmt")
            default:
                if at(1) == .user && at(2) == .mapping { return (.drop, "DropUserMappingStmt") }
                return (.drop, "DropStmt")
            }
        case .truncate: return (.truncate, "TruncateStmt")
        case .comment: return (.comment, "CommentStmt")
        case .security: return (.securityLabel, "SecLabelStmt")
        case .grant, .revoke:
            let isRevoke = at(0) == .revoke
            // GRANT role TO user has no ON.
            if !contains(range, .on) { return (.grantRole, "GrantRoleStmt") }
            return (isRevoke ? .revoke : .grant, "GrantStmt")
        case .vacuum: return (.vacuum, "VacuumStmt")
        case .analyze, .analyse: return (.analyze, "VacuumStmt")
        case .cluster: return (.cluster, "ClusterStmt")
        case .reindex: return (.reindex, "ReindexStmt")
        case .lock: return (.lock, "LockStmt")
        case .set:
            if at(1) == .constraints { return (.set, "ConstraintsSetStmt") }
            if at(1) == .transaction || (at(1) == .session && at(2) == .characteristics) {
                return (.set, "VariableSetStmt")
            }
            if at(1) == .role || at(1) == .session { return (.set, "VariableSetStmt") }
            return (.set, "VariableSetStmt")
        case .reset: return (.reset, "VariableSetStmt")
        case .show: return (.show, "VariableShowStmt")
        case .begin, .start: return (.begin, "TransactionStmt")
        case .commit, .end: return (.commit, "TransactionStmt")
        case .rollback, .abort: return (.rollback, "TransactionStmt")
        case .savepoint: return (.savepoint, "TransactionStmt")
        case .release: return (.releaseSavepoint, "TransactionStmt")
        case .prepare:
            if at(1) == .transaction { return (.transaction, "TransactionStmt") }
            return (.prepare, "PrepareStmt")
        case .do: return (.doBlock, "DoStmt")
        case .call: return (.call, "CallStmt")
        case .explain: return (.explain, "ExplainStmt")
        case .execute: return (.execute, "ExecuteStmt")
        case .deallocate: return (.deallocate, "DeallocateStmt")
        case .notify: return (.notify, "NotifyStmt")
        case .listen: return (.listen, "ListenStmt")
        case .unlisten: return (.unlisten, "UnlistenStmt")
        case .discard: return (.discard, "DiscardStmt")
        case .checkpoint: return (.checkpoint, "CheckPointStmt")
        case .refresh: return (.refreshMaterializedView, "RefreshMatViewStmt")
        case .reassign: return (.reassignOwned, "ReassignOwnedStmt")
        case .import: return (.importForeignSchema, "ImportForeignSchemaStmt")
        case .load: return (.unknown, "LoadStmt")
        case .pragma: return (.pragma, "PragmaStmt")
        case .attach: return (.attach, "AttachStmt")
        case .detach: return (.detach, "DetachStmt")
        case .close: return (.unknown, "ClosePortalStmt")
        case .declare: return (.unknown, "DeclareCursorStmt")
        case .fetch, .move: return (.unknown, "FetchStmt")
        default: return (.unknown, "Unknown")
        }
    }

    private func createName(_ w: [Keyword?], _ range: Range<Int>) -> (StatementKind, String) {
        var i = 1
        func at(_ i: Int) -> Keyword? { i < w.count ? w[i] : nil }
        if at(i) == .or && at(i + 1) == .replace { i += 2 }
        while let k = at(i), [.global, .local, .temp, .temporary, .unlogged, .unique, .trusted, .procedural].contains(k) { i += 1 }
        switch at(i) {
        case .table:
            if containsSequence(range, [.as]) && !contains(range, .partition) && !tokensHaveParenBeforeAs(range) {
                return (.createTableAs, "CreateTableAsStmt")
            }
            return (.createTable, "CreateStmt")
        case .index: return (.createIndex, "IndexStmt")
        case .view, .recursive: return (.createView, "ViewStmt")
        case .materialized: return (.createMaterializedView, "CreateTableAsStmt")
        case .sequence: return (.createSequence, "CreateSeqStmt")
        case .type:
            if containsSequence(range, [.as, .enum]) { return (.createType, "CreateEnumStmt") }
            if containsSequence(range, [.as, .range]) { return (.createType, "CreateRangeStmt") }
            if containsSequence(range, [.as]) { return (.createType, "CompositeTypeStmt") }
            return (.createType, "DefineStmt")
        case .domain: return (.createDomain, "CreateDomainStmt")
        case .schema: return (.createSchema, "CreateSchemaStmt")
        case .extension: return (.createExtension, "CreateExtensionStmt")
        case .function, .procedure: return (.createFunction, "CreateFunctionStmt")
        case .trigger, .constraint: return (.createTrigger, "CreateTrigStmt")
        case .event: return (.createEventTrigger, "CreateEventTrigStmt")
        case .policy: return (.createPolicy, "CreatePolicyStmt")
        case .rule: return (.createRule, "RuleStmt")
        case .statistics: return (.createStatistics, "CreateStatsStmt")
        case .role, .user, .group:
            if at(i) == .user && at(i + 1) == .mapping { return (.createOther, "CreateUserMappingStmt") }
            return (.createRole, "CreateRoleStmt")
        case .database: return (.createDatabase, "CreatedbStmt")
        case .tablespace: return (.createOther, "CreateTableSpaceStmt")
        case .aggregate, .operator, .collation, .text: return (.createOther, "DefineStmt")
        case .cast: return (.createOther, "CreateCastStmt")
        case .language: return (.createOther, "CreatePLangStmt")
        case .foreign:
            if at(i + 1) == .table { return (.createTable, "CreateForeignTableStmt") }
            return (.createOther, "CreateFdwStmt")
        case .server: return (.createOther, "CreateForeignServerStmt")
        case .publication: return (.createOther, "CreatePublicationStmt")
        case .subscription: return (.createOther, "CreateSubscriptionStmt")
        case .conversion, .default: return (.createOther, "CreateConversionStmt")
        case .access: return (.createOther, "CreateAmStmt")
        case .transform: return (.createOther, "CreateTransformStmt")
        default:
            if dialect.kind == .sqlite { return (.createTable, "CreateStmt") }
            return (.createOther, "Unknown")
        }
    }

    /// `CREATE TABLE t (a int) AS ...` is not valid; `CREATE TABLE t (a, b) AS SELECT` is.
    /// A column list is allowed, so only look for `AS` after the name or its list.
    private func tokensHaveParenBeforeAs(_ range: Range<Int>) -> Bool {
        // CREATE TABLE name [ (cols) ] AS ...: the AS sits at paren depth 0.
        var depth = 0
        for i in range {
            let t = tokens[i]
            if t.kind == .leftParen { depth += 1 } else if t.kind == .rightParen { depth -= 1 } else if depth == 0,
                t.kind == .identifier, t.keyword == .as
            {
                return false
            }
        }
        return true
    }

    private func alterName(_ w: [Keyword?], _ range: Range<Int>) -> (StatementKind, String) {
        func at(_ i: Int) -> Keyword? { i < w.count ? w[i] : nil }
        let renames = contains(range, .rename)
        let setSchema = containsSequence(range, [.set, .schema])
        let owner = containsSequence(range, [.owner, .to])
        let object = at(1)
        if object == .type && (containsSequence(range, [.rename, .value]) || containsSequence(range, [.add, .value])) {
            return (.alterType, "AlterEnumStmt")
        }
        let tableLike: Set<Keyword?> = [.table, .index, .view, .materialized, .foreign, .sequence]
        if tableLike.contains(object) {
            if renames { return (.rename, "RenameStmt") }
            if setSchema { return (.alterObjectSchema, "AlterObjectSchemaStmt") }
            if containsSequence(range, [.all, .in, .tablespace]) { return (.alterTable, "AlterTableMoveAllStmt") }
            if containsSequence(range, [.depends, .on, .extension]) { return (.alterTable, "AlterObjectDependsStmt") }
            if object == .sequence && !owner { return (.alterSequence, "AlterSeqStmt") }
            return (object == .index ? .alterIndex : .alterTable, "AlterTableStmt")
        }
        if renames { return (.rename, "RenameStmt") }
        if setSchema && object != .database && object != .role && object != .user {
            return (.alterObjectSchema, "AlterObjectSchemaStmt")
        }
        if owner { return (.alterOwner, "AlterOwnerStmt") }
        switch object {
        case .type:
            if containsSequence(range, [.add, .value]) || containsSequence(range, [.rename, .value]) {
                return (.alterType, "AlterEnumStmt")
            }
            if contains(range, .attribute) { return (.alterType, "AlterTableStmt") }
            return (.alterType, "AlterTypeStmt")
        case .domain: return (.alterDomain, "AlterDomainStmt")
        case .function, .procedure, .routine: return (.alterFunction, "AlterFunctionStmt")
        case .extension:
            if at(3) == .add || at(3) == .drop { return (.alterExtension, "AlterExtensionContentsStmt") }
            return (.alterExtension, "AlterExtensionStmt")
        case .policy: return (.alterPolicy, "AlterPolicyStmt")
        case .role, .user, .group:
            if contains(range, .set) || contains(range, .reset) { return (.alterRole, "AlterRoleSetStmt") }
            return (.alterRole, "AlterRoleStmt")
        case .database:
            if contains(range, .set) || contains(range, .reset) { return (.alterDatabase, "AlterDatabaseSetStmt") }
            return (.alterDatabase, "AlterDatabaseStmt")
        case .default: return (.alterDefaultPrivileges, "AlterDefaultPrivilegesStmt")
        case .system: return (.alterOther, "AlterSystemStmt")
        case .trigger: return (.alterTrigger, "RenameStmt")
        case .schema: return (.alterSchema, "AlterOwnerStmt")
        case .event: return (.alterOther, "AlterEventTrigStmt")
        case .publication: return (.alterOther, "AlterPublicationStmt")
        case .subscription: return (.alterOther, "AlterSubscriptionStmt")
        case .statistics: return (.alterOther, "AlterStatsStmt")
        case .collation: return (.alterOther, "AlterCollationStmt")
        case .operator: return (.alterOther, "AlterOperatorStmt")
        case .server: return (.alterOther, "AlterForeignServerStmt")
        case .tablespace: return (.alterOther, "AlterTableSpaceOptionsStmt")
        case .large: return (.alterOther, "AlterOwnerStmt")
        default: return (.alterOther, "Unknown")
        }
    }
}
