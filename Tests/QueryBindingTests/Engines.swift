import Foundation
import Testing

/// The PostgreSQL server differential tests compare with: `SWITCHGATE_TEST_PG_URL`.
/// Without it the tests are disabled when run by hand, but in CI (`CI=true`) they
/// stay enabled and fail, because a missing server there is a broken setup (SPEC §6).
enum TestServer {
    static let url: String? = {
        guard let value = ProcessInfo.processInfo.environment["SWITCHGATE_TEST_PG_URL"], !value.isEmpty else {
            return nil
        }
        return value
    }()

    static let isCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }()

    static let enabled = url != nil || isCI

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "SWITCHGATE_TEST_PG_URL is not set but CI=true: the CI script must start PostgreSQL (.ci/run)"
        }
    }

    static func requireURL() throws -> String {
        guard let url else { throw MissingServer() }
        return url
    }
}

extension Trait where Self == ConditionTrait {
    static var needsServer: Self {
        .enabled(
            if: TestServer.enabled,
            "SWITCHGATE_TEST_PG_URL is not set: start PostgreSQL and export it to run the differential test")
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs a program with `input` on stdin; returns stdout and stderr.
func run(_ program: String, _ arguments: [String], input: String) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Write and read on separate threads so that neither pipe fills up.
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errData = LockedData()
    let errReader = Thread { errData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
    errReader.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errData.done { usleep(1000) }
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: errData.value, as: UTF8.self))
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) {
        lock.lock()
        data = d
        finished = true
        lock.unlock()
    }
    var done: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

/// PostgreSQL's verdict on queries: PREPARE each (parse analysis and rewriting);
/// with `execute`, also run it with non-null parameter values inside a
/// subtransaction that is always rolled back (planner and NOT NULL checks).
enum PostgresOracle {
    static let functions = #"""
        CREATE FUNCTION pg_temp.sg_value(t regtype) RETURNS text LANGUAGE sql AS $sgv$
          SELECT CASE
            WHEN ty.typcategory = 'E' THEN quote_literal((SELECT enumlabel FROM pg_enum
                 WHERE enumtypid = coalesce(nullif(ty.typbasetype, 0), t) ORDER BY enumsortorder LIMIT 1)) || '::' || t::text
            WHEN t = 'uuid'::regtype THEN '''00000000-0000-0000-0000-000000000001''::uuid'
            WHEN t IN ('json'::regtype, 'jsonb'::regtype) THEN '''{}''::' || t::text
            WHEN ty.typcategory = 'N' THEN '1::' || t::text
            WHEN ty.typcategory = 'B' THEN 'true'
            WHEN ty.typcategory = 'D' THEN 'now()::' || t::text
            WHEN ty.typcategory = 'T' THEN '''1 day''::interval'
            WHEN ty.typcategory = 'A' THEN '''{}''::' || t::text
            ELSE '''x@y''::' || t::text END
          FROM pg_type ty WHERE ty.oid = t
        $sgv$;
        CREATE FUNCTION pg_temp.sg_verdict(q text, execute boolean) RETURNS text LANGUAGE plpgsql AS $sgf$
        DECLARE
          types regtype[];
          args text;
        BEGIN
          BEGIN
            EXECUTE 'PREPARE sg_q AS ' || q;
          EXCEPTION WHEN OTHERS THEN
            RETURN SQLSTATE;
          END;
          IF NOT execute THEN
            DEALLOCATE sg_q;
            RETURN 'ok';
          END IF;
          SELECT parameter_types INTO types FROM pg_prepared_statements WHERE name = 'sg_q';
          SELECT string_agg(pg_temp.sg_value(t), ', ' ORDER BY i) INTO args FROM unnest(types) WITH ORDINALITY AS u(t, i);
          BEGIN
            EXECUTE 'EXECUTE sg_q' || coalesce('(' || args || ')', '');
            RAISE EXCEPTION USING ERRCODE = 'SGOK0';
          EXCEPTION WHEN OTHERS THEN
            DEALLOCATE sg_q;
            IF SQLSTATE = 'SGOK0' THEN RETURN 'ok'; END IF;
            RETURN SQLSTATE;
          END;
        END
        $sgf$;
        """#

    /// Verdicts ("ok" or a SQLSTATE) of `queries` on `schema` (run in a transaction
    /// that is rolled back), in a scratch database.
    static func verdicts(
        url: String, database: String, schema: String, queries: [(sql: String, execute: Bool)], tolerant: Bool = false
    ) throws -> [String]
    {
        var script = "\\set ON_ERROR_STOP 1\nBEGIN;\n" + schema + "\n;\n" + functions + "\n"
        if tolerant {
            // Statements the server refuses are skipped, as replay skips them.
            script = "\\set ON_ERROR_ROLLBACK on\nBEGIN;\n" + schema + "\n;\n\\set ON_ERROR_STOP 1\n" + functions + "\n"
        }
        script += "SELECT 'SG|' || n || '|' || pg_temp.sg_verdict(q, x) FROM (VALUES\n"
        script += queries.enumerated().map { i, q in
            "(\(i), $sgq$\(q.sql)$sgq$, \(q.execute))"
        }.joined(separator: ",\n")
        script += "\n) AS v(n, q, x) ORDER BY n;\nROLLBACK;\n"
        let target = replacingDatabase(url, with: database)
        let result = try run("psql", [target, "-X", "-q", "-A", "-t"], input: script)
        guard result.status == 0 else {
            throw ProcessFailure(description: "psql failed: \(result.err)")
        }
        var verdicts = Array(repeating: "missing", count: queries.count)
        for line in result.out.split(separator: "\n") where line.hasPrefix("SG|") {
            let parts = line.split(separator: "|")
            if parts.count == 3, let n = Int(parts[1]), n < verdicts.count { verdicts[n] = String(parts[2]) }
        }
        return verdicts
    }

    static func createDatabase(url: String, name: String) throws {
        let result = try run("psql", [url, "-X", "-q", "-c", "CREATE DATABASE \(name)"], input: "")
        guard result.status == 0 else { throw ProcessFailure(description: "CREATE DATABASE failed: \(result.err)") }
    }

    static func dropDatabase(url: String, name: String) {
        _ = try? run("psql", [url, "-X", "-q", "-c", "DROP DATABASE IF EXISTS \(name)"], input: "")
    }

    /// The URL with its database replaced.
    static func replacingDatabase(_ url: String, with database: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let beforeQuery = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
        let authority = beforeQuery.firstIndex(of: "/").map { beforeQuery[..<$0] } ?? beforeQuery
        return String(url[..<schemeEnd.upperBound]) + authority + "/" + database + query
    }
}

/// SQLite's verdict on a query: prepare it (`EXPLAIN`) on an in-memory database
/// holding `schema`, through the sqlite3 shell.
enum SQLiteOracle {
    static func verdict(schema: String, query: String, execute: Bool = false) throws -> String {
        var script = schema + "\n;\nEXPLAIN " + query + ";\n"
        if execute {
            // Run it with every parameter bound to 1 (SQLite does not type them).
            script = schema + "\n;\n.parameter init\n"
            script += (1...9).map { ".parameter set ?\($0) 1\n" }.joined()
            for name in namedParameters(query) { script += ".parameter set \(name) 1\n" }
            script += query + ";\n"
        }
        let setup = try run("sqlite3", ["-bail", ":memory:"], input: script)
        if setup.status == 0 { return "ok" }
        return code(for: setup.err)
    }

    static func namedParameters(_ query: String) -> Set<String> {
        var names: Set<String> = []
        let chars = Array(query)
        var i = 0
        while i < chars.count {
            if ":@$".contains(chars[i]), i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "_" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                names.insert(String(chars[i..<j]))
                i = j
            } else {
                i += 1
            }
        }
        return names
    }

    /// SQLite's messages mapped to the SQLSTATE of the same failure.
    static func code(for message: String) -> String {
        let m = message.lowercased()
        if m.contains("no such table") { return "42P01" }
        if m.contains("no such column") || m.contains("has no column named") { return "42703" }
        if m.contains("ambiguous column name") { return "42702" }
        if m.contains("no such function") { return "42883" }
        if m.contains("values were supplied") || m.contains("values for") { return "42601" }
        if m.contains("do not have the same number of result columns") { return "42601" }
        if m.contains("does not match any primary key or unique constraint") { return "42P10" }
        if m.contains("not null constraint failed") { return "23502" }
        if m.contains("syntax error") || m.contains("incomplete input") { return "42601" }
        return "error: " + message
    }
}
