import SQLSyntax

/// The words between CREATE and the object type: `CREATE OR REPLACE TEMP ...`.
public struct CreateModifiers: Hashable, Sendable {
    public var orReplace = false
    /// `TEMP`/`TEMPORARY` (and the obsolete `GLOBAL`/`LOCAL` before them).
    public var temporary = false
    public var unlogged = false
    public var unique = false
    public var materialized = false
    public var recursive = false
    /// `CREATE CONSTRAINT TRIGGER`.
    public var constraint = false
    /// SQLite `CREATE VIRTUAL TABLE`.
    public var virtual = false
    /// `CREATE [TRUSTED] [PROCEDURAL] LANGUAGE`.
    public var trusted = false
    /// Token index of `CREATE`, for spans.
    public var start = 0
    public init() {}
}

extension Parser {
    /// Parses one whole statement; the caller checks that every token was used.
    public mutating func parseStatement() throws(ParseError) -> StatementNode {
        let t = current
        if t.kind == .leftParen {
            return .select(try parseSelectStatement())
        }
        guard t.kind == .identifier, let keyword = t.keyword else {
            throw error("expected a statement")
        }
        switch keyword {
        case .select, .values, .table:
            return .select(try parseSelectStatement())
        case .with:
            return try parseWithStatement()
        case .insert:
            return .insert(try parseInsert(with: nil))
        case .replace where dialect.kind == .sqlite:
            return .insert(try parseInsert(with: nil))
        case .update:
            return .update(try parseUpdate(with: nil))
        case .delete:
            return .delete(try parseDelete(with: nil))
        case .merge:
            return .merge(try parseMerge(with: nil))
        case .create:
            return try parseCreate()
        case .alter:
            return try parseAlter()
        case .drop:
            return try parseDrop()
        case .truncate:
            return try parseTruncate()
        default:
            return try parseUtilityStatement()
        }
    }

    /// `WITH ... SELECT | INSERT | UPDATE | DELETE | MERGE`.
    mutating func parseWithStatement() throws(ParseError) -> StatementNode {
        let with = try parseWithClause()
        switch current.keyword {
        case .insert, .replace: return .insert(try parseInsert(with: with))
        case .update: return .update(try parseUpdate(with: with))
        case .delete: return .delete(try parseDelete(with: with))
        case .merge: return .merge(try parseMerge(with: with))
        default: return .select(try parseSelectStatement(with: with))
        }
    }

    /// `CREATE [OR REPLACE] [TEMP | UNLOGGED] [UNIQUE] [MATERIALIZED] ... object`.
    mutating func parseCreate() throws(ParseError) -> StatementNode {
        var m = CreateModifiers()
        m.start = position
        try expect(.create)
        if eat(.or) {
            try expect(.replace)
            m.orReplace = true
        }
        while true {
            if at(.global) || at(.local) {
                // `GLOBAL TEMP` / `LOCAL TEMP` are accepted and mean TEMP.
                if peekIs(1, .temp) || peekIs(1, .temporary) {
                    advance()
                    continue
                }
                break
            } else if eat(.temp) || eat(.temporary) {
                m.temporary = true
            } else if eat(.unlogged) {
                m.unlogged = true
            } else if eat(.unique) {
                m.unique = true
            } else if eat(.materialized) {
                m.materialized = true
            } else if eat(.recursive) {
                m.recursive = true
            } else if at(.constraint) && peekIs(1, .trigger) {
                advance()
                m.constraint = true
            } else if eat(.trusted) || eat(.procedural) {
                m.trusted = true
            } else if at(.identifier) && dialect.kind == .sqlite && text(current).lowercased() == "virtual" {
                advance()
                m.virtual = true
            } else {
                break
            }
        }
        if at(.table) || at(.foreign, .table) { return try parseCreateTable(m) }
        if at(.index) { return try parseCreateIndex(m) }
        return try parseCreateObject(m)
    }

    /// `ALTER object ...`: tables, indexes and views go to the ALTER TABLE grammar.
    mutating func parseAlter() throws(ParseError) -> StatementNode {
        if at(.alter, .table) || at(.alter, .index) || at(.alter, .view) || at(.alter, .materialized, .view)
            || at(.alter, .foreign, .table)
        {
            return try parseAlterTable()
        }
        return try parseAlterObject()
    }
}
