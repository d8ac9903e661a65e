import Foundation
import PostgresAdapter
import SQLiteAdapter
import SQLSyntax
import SchemaCatalog

/// A live database named on the command line (`--database-url`, or
/// `SWITCHGATE_DATABASE_URL`), read read-only as the baseline S0.
///
/// - PostgreSQL: a `postgres://` / `postgresql://` URI or a libpq key/value string
///   (`host=... dbname=...`), read by `PostgresBaseline` in a read-only session.
/// - SQLite: `sqlite:PATH`, `sqlite://PATH`, `file:PATH` (a `?query` is ignored) or a
///   plain path, opened with `SQLITE_OPEN_READONLY`; a missing file is an error,
///   never created.
///
/// Every message shows the URL with its password hidden.
enum DatabaseBaseline {
    /// The environment variable read when neither `--database-url` nor `--schema` is given.
    static let environmentVariable = "SWITCHGATE_DATABASE_URL"

    /// What kind of database a URL names, judged by its form alone.
    enum Kind: Equatable {
        case postgres
        case sqlite(path: String)
        /// Another scheme (`mysql://`, ...): refused.
        case unsupported(scheme: String)
    }

    static func kind(of url: String) -> Kind {
        let lower = url.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") { return .postgres }
        for scheme in ["sqlite:", "sqlite3:", "file:"] where lower.hasPrefix(scheme) {
            var path = String(url.dropFirst(scheme.count))
            // sqlite:///abs/db and file:///abs/db: the empty authority goes, the path stays absolute.
            if path.hasPrefix("//") { path.removeFirst(2) }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            return .sqlite(path: path.removingPercentEncoding ?? path)
        }
        if let scheme = url.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*://"#, options: .regularExpression) {
            return .unsupported(scheme: String(url[scheme].dropLast(3)))
        }
        // libpq's key/value form: `host=h dbname=d`.
        if url.range(of: #"^\s*[A-Za-z_]+\s*="#, options: .regularExpression) != nil { return .postgres }
        return .sqlite(path: url)
    }

    /// The dialect a URL implies, for when `--dialect` was not given.
    static func dialect(of url: String) -> Dialect.Kind {
        if case .sqlite = kind(of: url) { return .sqlite }
        return .postgres
    }

    /// Reads the database `url` names as a catalog of `dialect`, or throws an
    /// `InputError` (exit 2) whose message never holds a password.
    static func read(_ url: String, dialect: Dialect.Kind, source: String) throws -> Catalog {
        switch (dialect, kind(of: url)) {
        case (.postgres, .postgres):
            do {
                return try PostgresBaseline.read(url: url)
            } catch {
                throw InputError(description: "\(source): \(error)")
            }
        case (.sqlite, .sqlite(let path)):
            do {
                let connection = try SQLiteConnection.openReadOnly(path: path)
                return try SQLiteIntrospection.introspect(connection)
            } catch {
                throw InputError(description: "\(source): \(error)")
            }
        case (.postgres, .sqlite):
            throw InputError(
                description: "\(source): \(redacted(url)) is not a PostgreSQL URL (postgres://...); "
                    + "for a SQLite file, use --dialect sqlite")
        case (_, .unsupported(let scheme)):
            throw InputError(
                description: "\(source): \(redacted(url)): unsupported scheme \(scheme)://; "
                    + "give postgres://... or, with --dialect sqlite, sqlite:PATH, file:PATH or a path")
        case (.sqlite, .postgres):
            throw InputError(
                description: "\(source): \(redacted(url)) is a PostgreSQL URL, but the dialect is sqlite "
                    + "(give sqlite:PATH, file:PATH or a path)")
        }
    }

    /// `url` fit for a message: any `scheme://user:password@` or libpq password hidden;
    /// a file path shown as it is.
    static func redacted(_ url: String) -> String {
        switch kind(of: url) {
        case .postgres:
            return ConnectionURL.redacted(url)
        case .sqlite:
            return url
        case .unsupported:
            // user:password@ up to the last "@", as ConnectionURL does for PostgreSQL.
            guard let schemeEnd = url.range(of: "://"), let at = url.lastIndex(of: "@"), at > schemeEnd.upperBound,
                let colon = url[schemeEnd.upperBound..<at].firstIndex(of: ":")
            else { return url }
            return String(url[...colon]) + ConnectionURL.mask + String(url[at...])
        }
    }
}
