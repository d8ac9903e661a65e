import Foundation
import SQLParser
import SQLSyntax
import Testing

/// Paths of the repository and of the shared test data beside it.
enum Paths {
    /// The repository root, found from this file's location.
    static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/SQLParserTests/Fixtures")
    static let oracle = repository.appendingPathComponent("Tests/Fixtures/oracle/postgres.jsonl")
    /// `../shared/corpus`, read-only test data next to the checkout.
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
}

func parse(_ sql: String, _ dialect: Dialect = .postgres) -> ParsedFile {
    SQLParser(dialect: dialect).parse(sql)
}

/// Parses one statement that must have no error and returns its node.
func node(_ sql: String, _ dialect: Dialect = .postgres, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> StatementNode {
    let file = parse(sql, dialect)
    try #require(file.statements.count == 1, "expected one statement in \(sql)", sourceLocation: sourceLocation)
    let statement = file.statements[0]
    try #require(statement.error == nil, "\(statement.error?.message ?? "") in \(sql)", sourceLocation: sourceLocation)
    return try #require(statement.statement?.node, sourceLocation: sourceLocation)
}

/// The expression of `SELECT <expr>`.
func expression(_ text: String, _ dialect: Dialect = .postgres, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Expr {
    let n = try node("SELECT " + text, dialect, sourceLocation: sourceLocation)
    guard case .select(let s) = n, case .select(let core) = s.body, let first = core.targets.first else {
        Issue.record("not a simple select", sourceLocation: sourceLocation)
        return Expr(.invalid, span: .zero)
    }
    return first.expr
}

/// Runs `body` on a thread with a small stack, as a worker pool thread would have.
func onThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
}
