import SQLSyntax
import SchemaCatalog

extension LockAnalysis {
    /// One switch over every PostgreSQL statement form.
    mutating func statement(_ node: StatementNode) {
        switch node {
        default:
            break
        }
    }

    /// SQLite locks the whole database (File Locking And Concurrency).
    mutating func sqlite(_ node: StatementNode) {
    }
}
