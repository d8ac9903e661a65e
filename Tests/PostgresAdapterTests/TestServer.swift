import Foundation
import Testing

@testable import PostgresAdapter

/// The PostgreSQL server the tests use: `SWITCHGATE_TEST_PG_URL`, which `.ci/run`
/// sets after starting a throwaway PostgreSQL 15 (loopback only, a free port).
///
/// Without the variable, server tests are disabled with a reason when run by hand,
/// but in CI (`CI=true`) they stay enabled and fail on `TestServer.url()`, because a
/// missing server there is a broken setup, not a reason to skip (SPEC §6).
enum TestServer {
    static let environmentURL: String? = {
        guard let value = ProcessInfo.processInfo.environment["SWITCHGATE_TEST_PG_URL"], !value.isEmpty else {
            return nil
        }
        return value
    }()

    static let isCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }()

    /// Whether server tests run: with a server, or in CI (where they then fail).
    static let enabled = environmentURL != nil || isCI

    static let disabledReason: Comment =
        "SWITCHGATE_TEST_PG_URL is not set: start PostgreSQL (see .ci/run) and export it to run server tests"

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "SWITCHGATE_TEST_PG_URL is not set but CI=true: the CI script must start PostgreSQL (.ci/run)"
        }
    }

    /// The server URL, or a test failure when it is missing.
    static func url() throws -> String {
        guard let environmentURL else { throw MissingServer() }
        return environmentURL
    }

    static func connect() throws -> PostgresConnection {
        try PostgresConnection(url: url())
    }

    /// Whether a database with this name exists on the server.
    static func databaseExists(_ name: String) throws -> Bool {
        let conn = try connect()
        let result = try conn.query("SELECT count(*) FROM pg_database WHERE datname = $1", parameters: [name])
        return result.rows.first?.first == "1"
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only when a server is available or CI demands one.
    static var needsServer: Self { .enabled(if: TestServer.enabled, TestServer.disabledReason) }
}
