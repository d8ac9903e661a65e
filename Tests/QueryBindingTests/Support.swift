import Diagnostics
import QueryBinding
import SQLParser
import SQLSyntax
import SchemaCatalog
import Testing

/// A catalog built by replaying `schema`; the test fails when replay refuses it.
func catalog(_ schema: String, dialect: Dialect = .postgres) throws -> Catalog {
    var replay = Replay(catalog: Catalog(dialect: dialect))
    replay.apply(SourceFile(path: "schema.sql", text: schema))
    if let failure = replay.failure {
        Issue.record("schema does not replay: \(failure.message) at line \(failure.line)")
    }
    return replay.catalog
}

/// The verdict of `sql` on `schema`: nil when it binds, else the SQLSTATE.
func verdict(_ sql: String, on catalog: Catalog) -> String? {
    Binder(catalog: catalog).bind(sql: sql).problems.first?.code
}

func bind(_ sql: String, on catalog: Catalog) -> BindingResult {
    Binder(catalog: catalog).bind(sql: sql)
}
