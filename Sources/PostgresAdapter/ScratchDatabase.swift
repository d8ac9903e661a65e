/// A throwaway database that switchgate creates, uses and drops: the only kind of
/// database switchgate ever writes to (SPEC §6).
///
/// The name is `switchgate_scratch_` plus 16 random hex digits, made here and never
/// taken from input, so `drop()` can only ever drop a database this type created.
/// It is created from `template0`, so nothing installed in `template1` leaks in.
/// `drop()` removes it (terminating sessions still connected); `deinit` drops it
/// too, as a safety net, when the owner forgot or an error cut the work short.
public final class ScratchDatabase {
    /// Every scratch database's name starts with this.
    public static let namePrefix = "switchgate_scratch_"

    /// The database's name.
    public let name: String
    /// A connection string for the new database: the server's, with the database
    /// replaced. It carries the server string's password, so never print it; print
    /// `redactedURL`.
    public let url: String
    /// `url` with its password hidden, fit for output.
    public var redactedURL: String { ConnectionURL.redacted(url) }
    /// Whether `drop()` has removed the database.
    public private(set) var isDropped = false
    /// Set once CREATE DATABASE succeeded: only then is there anything of ours to drop.
    private var created = false

    /// The server connection that made the database and will drop it.
    private var maintenance: PostgresConnection
    private let serverURL: String

    /// Creates a new database on the server `serverURL` points at (any database
    /// there will do as the maintenance connection, such as `postgres`).
    public init(serverURL: String) throws(PostgresError) {
        self.serverURL = serverURL
        maintenance = try PostgresConnection(url: serverURL)
        var generator = SystemRandomNumberGenerator()
        let suffix = String(generator.next(), radix: 16)
        name = Self.namePrefix + String(repeating: "0", count: 16 - suffix.count) + suffix
        url = ConnectionURL.replacingDatabase(in: serverURL, with: name)
        _ = try maintenance.query("CREATE DATABASE \(name) TEMPLATE template0")
        created = true
    }

    /// Creates a scratch database, runs `body` with it and drops it, whether `body`
    /// succeeds or throws.
    public static func using<R>(serverURL: String, _ body: (ScratchDatabase) throws -> R) throws -> R {
        let scratch = try ScratchDatabase(serverURL: serverURL)
        let result: R
        do {
            result = try body(scratch)
        } catch {
            try? scratch.drop()
            throw error
        }
        try scratch.drop()
        return result
    }

    /// Opens a new connection to the scratch database.
    public func connect() throws(PostgresError) -> PostgresConnection {
        guard !isDropped else { throw .invalidState("scratch database \(name) was already dropped") }
        return try PostgresConnection(url: url)
    }

    /// Drops the database, ending any sessions still connected to it. Safe to call twice.
    public func drop() throws(PostgresError) {
        guard created, !isDropped else { return }
        do {
            try dropNow()
        } catch .clientFailed {
            // The maintenance connection was lost (a server restart): try once more afresh.
            maintenance = try PostgresConnection(url: serverURL)
            try dropNow()
        }
        isDropped = true
    }

    private func dropNow() throws(PostgresError) {
        if maintenance.serverMajorVersion >= 13 {
            _ = try maintenance.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        } else {
            _ = try maintenance.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                parameters: [name])
            _ = try maintenance.query("DROP DATABASE IF EXISTS \(name)")
        }
    }

    deinit {
        if created && !isDropped { try? drop() }
    }
}
