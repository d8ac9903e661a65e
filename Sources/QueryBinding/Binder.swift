import Diagnostics
import SQLParser
import SQLSyntax
import SchemaCatalog

/// Resolves application queries against one schema, by the server's rules, and
/// says whether each would work there — with the SQLSTATE the server would raise
/// when it would not — and which schema objects each depends on.
///
/// PostgreSQL rules apply unless the catalog's dialect is SQLite. Binding follows
/// the order of PostgreSQL's parse analysis (FROM, target list, WHERE, HAVING,
/// ORDER BY, GROUP BY, ...; for INSERT the target, its columns, the source, ON
/// CONFLICT, RETURNING) and stops at the first failure, as the server does, so
/// the code it reports is the one the server would report first.
///
/// Decisions (see `docs/query-binding.md`):
/// - Built-in functions, operators and types are assumed to exist; a function
///   that is neither built in nor in the catalog fails with 42883 (unless the
///   catalog has an extension whose contents are not modelled).
/// - Types are checked where a schema change makes a query fail: comparisons and
///   assignments between known, incompatible types (42883, 42804), and string
///   literals read as an enum, integer or boolean (22P02).
/// - DDL given as a query is applied to a copy of the catalog: it binds exactly
///   when replay accepts it. Other utility statements (SET, BEGIN, ...) bind.
public struct Binder: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Binds one query read from a query source.
    public func bind(_ query: Query) -> BindingResult {
        guard let statement = query.statement else {
            return BindingResult(problems: [
                BindingProblem(code: SQLState.syntaxError, message: query.parseError ?? "syntax error", span: query.span)
            ])
        }
        // Spans are the file's; `sql` starts at the statement's first byte.
        return bind(statement, source: Array(query.sql.utf8), base: query.span.start)
    }

    /// Binds a parsed statement; `source` is the text its spans point into.
    public func bind(_ statement: Statement, source: String) -> BindingResult {
        bind(statement, source: Array(source.utf8), base: 0)
    }

    /// Parses `sql` (every statement in it) and binds the first statement; for tests.
    public func bind(sql: String) -> BindingResult {
        let parsed = SQLParser(dialect: catalog.dialect).parse(sql)
        guard let first = parsed.statements.first else {
            return BindingResult(problems: [BindingProblem(code: SQLState.syntaxError, message: "empty query")])
        }
        guard let statement = first.statement else {
            return BindingResult(problems: [
                BindingProblem(code: SQLState.syntaxError, message: first.error?.message ?? "syntax error", span: first.span)
            ])
        }
        return bind(statement, source: sql)
    }

    /// `source` holds the text from byte offset `base` of the file the spans index.
    private func bind(_ statement: Statement, source: [UInt8], base: Int) -> BindingResult {
        var context = BindingContext(catalog: catalog, source: source, base: base)
        do {
            switch statement.node {
            case .select(let s): _ = try context.query(s)
            case .insert(let s): _ = try context.insert(s)
            case .update(let s): _ = try context.update(s)
            case .delete(let s): _ = try context.delete(s)
            case .merge(let s): _ = try context.merge(s)
            case .createTable, .createTableAs, .alterTable, .createIndex, .drop, .truncate, .rename,
                .alterObjectSchema, .createView, .createSequence, .alterSequence, .createType, .alterType,
                .createDomain, .alterDomain, .createSchema, .createExtension, .createFunction, .createTrigger,
                .createPolicy:
                try context.ddl(statement)
            case .other(let s) where s.kind == .call:
                try context.call(s)
            case .copy(let s):
                try context.copy(s)
            case .lock(let s):
                try context.lock(s)
            case .comment, .grant, .maintenance, .setVariable, .transaction, .doBlock, .pragma, .other:
                break
            }
        } catch {
            context.result.problems.append(BindingProblem(code: error.code, message: error.message, span: error.span))
        }
        return context.result
    }
}

/// A failure found while binding: the server's SQLSTATE and message.
struct BindError: Error {
    var code: String
    var message: String
    var span: SourceSpan?

    init(_ code: String, _ message: String, span: SourceSpan?) {
        self.code = code
        self.message = message
        self.span = span
    }
}

/// The SQLSTATEs binding reports (PostgreSQL's `errcodes.txt`).
public enum SQLState {
    public static let syntaxError = "42601"
    public static let undefinedTable = "42P01"
    public static let undefinedColumn = "42703"
    public static let undefinedFunction = "42883"
    public static let undefinedObject = "42704"
    public static let ambiguousColumn = "42702"
    public static let ambiguousAlias = "42P09"
    public static let duplicateAlias = "42712"
    public static let duplicateColumn = "42701"
    public static let invalidColumnReference = "42P10"
    public static let notNullViolation = "23502"
    public static let invalidTextRepresentation = "22P02"
    public static let datatypeMismatch = "42804"
    public static let generatedAlways = "428C9"
    public static let wrongObjectType = "42809"
    public static let featureNotSupported = "0A000"
    public static let objectNotInPrerequisiteState = "55000"
}
