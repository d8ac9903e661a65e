import Diagnostics
import Foundation
import MigrationLayout
import PostgresAdapter
import SchemaCatalog
import SQLParser
import SQLSyntax

/// One history replayed both ways, with every difference found on the way.
struct FidelityRun {
    var filesApplied = 0
    var differences: [String] = []
    var stoppedAt: String?

    var summary: String {
        "\(filesApplied) files compared, \(differences.count) differences" + (stoppedAt.map { ", both stopped at \($0)" } ?? "")
    }

    static func run(_ files: [MigrationFile], serverURL: String) throws -> FidelityRun {
        var run = FidelityRun()
        let scratch = try ScratchDatabase(serverURL: serverURL)
        defer { try? scratch.drop() }
        let conn = try scratch.connect()
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        for file in files {
            let source = SourceFile(path: file.path, bytes: file.bytes)
            let whole = file.applied == 0..<file.bytes.count
            let text = String(decoding: file.bytes[file.applied], as: UTF8.self)
            // The server: the whole file as one script (as the migration tools send it),
            // or statement by statement for files run outside a transaction.
            var serverError: ServerError?
            do {
                if file.transaction == .none {
                    for statement in SQLParser(dialect: .postgres).parse(Array(text.utf8)).statements {
                        let sql = String(decoding: Array(text.utf8)[statement.span.start..<statement.span.end], as: UTF8.self)
                        _ = try conn.execute(sql)
                    }
                } else {
                    _ = try conn.execute(text)
                }
            } catch {
                serverError = error.serverError
                if serverError == nil { throw error }
            }
            // switchgate.
            let before = replay.catalog
            replay.apply(source, range: whole ? nil : file.applied)
            let name = URL(fileURLWithPath: file.path).pathComponents.suffix(2).joined(separator: "/")
            if let serverError {
                if let failure = replay.failure {
                    if failure.sqlState != serverError.sqlState {
                        run.differences.append("\(name): server refused with \(serverError.sqlState) (\(serverError.message)), switchgate with \(failure.sqlState) (\(failure.message))")
                    }
                } else {
                    run.differences.append("\(name): server refused with \(serverError.sqlState) \(serverError.message); switchgate accepted")
                }
                run.stoppedAt = "\(name) (\(serverError.sqlState))"
                _ = before
                return run
            }
            if let failure = replay.failure {
                run.differences.append("\(name):\(failure.line): switchgate refused with \(failure.sqlState) \(failure.message); the server accepted")
                return run
            }
            let server = try introspect(conn: conn)
            let diff = Projection(replay.catalog).differences(from: Projection(server))
            run.differences += diff.map { "\(name): \($0)" }
            run.filesApplied += 1
            if !diff.isEmpty { return run }
        }
        return run
    }

    private static func introspect(conn: PostgresConnection) throws -> Catalog {
        try Introspector(includeExtensionMembers: true).introspect(conn).catalog
    }
}

/// What the comparison looks at: tables (columns: type, not null, has default),
/// constraints (type, columns, validated), indexes (unique, columns), views (columns),
/// sequences (owned by) and enums (values). Expression texts are not compared: the
/// server prints its own deparsed form.
struct Projection {
    var lines: Set<String> = []

    init(_ c: Catalog) {
        for t in c.tables.values {
            let k = "\(t.key.schema).\(t.key.name)"
            lines.insert("table \(k)")
            for (i, col) in t.columns.enumerated() {
                lines.insert("column \(k).\(col.name) #\(i) \(col.type.sql) notnull=\(col.notNull) default=\(col.defaultValue != nil) identity=\(col.identity?.rawValue ?? "-")")
            }
            for con in t.constraints {
                lines.insert("constraint \(k).\(con.name) \(con.kind.rawValue) (\(con.columns.joined(separator: ","))) validated=\(con.validated)" + (con.foreignKey.map { " -> \($0.table.schema).\($0.table.name)(\($0.columns.joined(separator: ",")))" } ?? ""))
            }
        }
        for i in c.indexes.values {
            let keys = i.keys.map { part -> String in
                if case .column(let n) = part { return n }
                return "expr"
            }
            lines.insert("index \(i.key.schema).\(i.key.name) on \(i.table.name) unique=\(i.unique) (\(keys.joined(separator: ","))) include=(\(i.include.joined(separator: ","))) partial=\(i.predicate != nil)")
        }
        for v in c.views.values {
            lines.insert("view \(v.key.schema).\(v.key.name) materialized=\(v.materialized) (\(v.columns.map(\.name).joined(separator: ",")))")
        }
        for s in c.sequences.values {
            lines.insert("sequence \(s.key.schema).\(s.key.name) owned=\(s.ownedBy.map { "\($0.table.name).\($0.column)" } ?? "-")")
        }
        for t in c.types.values where t.extensionOwner == nil {
            if case .enumeration(let labels) = t.definition {
                lines.insert("enum \(t.key.schema).\(t.key.name) (\(labels.joined(separator: ",")))")
            } else {
                lines.insert("type \(t.key.schema).\(t.key.name) \(t.kindName)")
            }
        }
    }

    func differences(from server: Projection) -> [String] {
        let onlyOurs = lines.subtracting(server.lines).sorted().map { "switchgate only: \($0)" }
        let onlyServer = server.lines.subtracting(lines).sorted().map { "server only:     \($0)" }
        return onlyOurs + onlyServer
    }
}
