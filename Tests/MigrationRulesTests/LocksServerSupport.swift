import Foundation
import Testing

/// The PostgreSQL server of the lock verification: `SWITCHGATE_TEST_PG_URL`, which `.ci/run`
/// sets after starting PostgreSQL 15. This target does not link PostgresAdapter, so it talks
/// to the server through `psql`.
///
/// Without the variable the test is disabled when run by hand; with `CI=true` it stays
/// enabled and fails, because a missing server in CI is a broken setup (SPEC §6).
enum LockServer {
    static let environmentURL: String? = {
        guard let value = ProcessInfo.processInfo.environment["SWITCHGATE_TEST_PG_URL"], !value.isEmpty else { return nil }
        return value
    }()

    static let isCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }()

    static let enabled = environmentURL != nil || isCI

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func url() throws -> String {
        guard let environmentURL else {
            throw Failure(description: "SWITCHGATE_TEST_PG_URL is not set but CI=true: the CI script must start PostgreSQL (.ci/run)")
        }
        return environmentURL
    }

    /// The server URL with another database name.
    static func url(database: String) throws -> String {
        guard var components = URLComponents(string: try url()) else { throw Failure(description: "unreadable SWITCHGATE_TEST_PG_URL") }
        components.path = "/" + database
        guard let out = components.string else { throw Failure(description: "cannot build a URL for \(database)") }
        return out
    }

    static let psqlPath: String = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/psql"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/psql"
    }()

    /// A `psql` process reading SQL from a pipe.
    static func process(url: String, environment extra: [String: String] = [:]) -> (Process, Pipe, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psqlPath)
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url]
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        return (process, input, output, errors)
    }

    /// Runs `sql` in one session and returns its output lines; throws with psql's errors.
    @discardableResult
    static func run(_ url: String, _ sql: String, environment: [String: String] = [:]) throws -> [String] {
        let (process, input, output, errors) = process(url: url, environment: environment)
        try process.run()
        input.fileHandleForWriting.write(Data(sql.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: out, as: UTF8.self)
        if process.terminationStatus != 0 {
            throw Failure(description: "psql failed (\(process.terminationStatus)): \(String(decoding: err, as: UTF8.self))\nSQL: \(sql)")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only when a server is available or CI demands one.
    static var needsLockServer: Self {
        .enabled(
            if: LockServer.enabled,
            "SWITCHGATE_TEST_PG_URL is not set: start PostgreSQL (see .ci/run) and export it to run server tests")
    }
}
