#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
            return .sqlite(path: percentDecoded(path) ?? path)
        }
        if let scheme = scheme(of: url) { return .unsupported(scheme: scheme) }
        // libpq's key/value form: `host=h dbname=d`.
        if startsWithKeyword(url) { return .postgres }
        return .sqlite(path: url)
    }

    /// `%XX` escapes decoded; `nil` when one is malformed or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The scheme of a `scheme://...` URL (a letter, then letters, digits, `+`, `.`, `-`).
    static func scheme(of url: String) -> String? {
        guard let end = url.firstRange(of: "://")?.lowerBound, end > url.startIndex else { return nil }
        let scheme = url[..<end]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// Whether the text starts with `name =` (libpq's key/value form; blanks allowed around).
    static func startsWithKeyword(_ url: String) -> Bool {
        let rest = url.drop(while: \.isWhitespace)
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0 == "_") }
        return !name.isEmpty && rest.dropFirst(name.count).drop(while: \.isWhitespace).first == "="
    }

    /// The dialect a URL implies, for when `--dialect` was not given.
    static func dialect(of url: String) -> Dialect.Kind {
        if case .sqlite = kind(of: url) { return .sqlite }
        return .postgres
    }

    /// Reads the database `url` names as a catalog of `dialect`, or throws an
    /// `InputError` (exit 2) whose message never holds a password.
    static func read(_ url: String, dialect: Dialect.Kind, source: String) throws -> Catalog {
        do {
            return try readUnscrubbed(url, dialect: dialect)
        } catch let error as InputError {
            throw InputError(description: "\(source): " + scrubbed(error.description, url: url))
        } catch {
            throw InputError(description: "\(source): " + scrubbed("\(error)", url: url))
        }
    }

    private static func readUnscrubbed(_ url: String, dialect: Dialect.Kind) throws -> Catalog {
        switch (dialect, kind(of: url)) {
        case (.postgres, .postgres):
            // PostgresError shows the URL redacted and scrubs libpq's messages.
            return try PostgresBaseline.read(url: lowercasingScheme(url))
        case (.sqlite, .sqlite(let path)):
            return try SQLiteIntrospection.introspect(try SQLiteConnection.openReadOnly(path: path))
        case (.postgres, .sqlite):
            throw InputError(
                description: "\(url) is not a PostgreSQL URL (postgres://...); for a SQLite file, use --dialect sqlite")
        case (_, .unsupported(let scheme)):
            throw InputError(
                description: "\(url): unsupported scheme \(scheme)://; "
                    + "give postgres://... or, with --dialect sqlite, sqlite:PATH, file:PATH or a path")
        case (.sqlite, .postgres):
            throw InputError(
                description: "\(ConnectionURL.redacted(url)) is a PostgreSQL URL, but the dialect is sqlite "
                    + "(give sqlite:PATH, file:PATH or a path)")
        }
    }

    /// libpq recognises only lower-case schemes; `POSTGRES://u:pw@h/db` would otherwise
    /// be taken whole as a database name, password and all.
    static func lowercasingScheme(_ url: String) -> String {
        guard let end = url.firstRange(of: "://") else { return url }
        return url[..<end.lowerBound].lowercased() + url[end.lowerBound...]
    }

    /// `message` with every password `url` may carry replaced by `***`: libpq's
    /// (user info, `password=`, `sslpassword=`, in any case of scheme), and the
    /// `user:password@` part any URL-like text may hold (`mysql://u:pw@h`, `u:pw@h/db`).
    static func scrubbed(_ message: String, url: String) -> String {
        var out = ConnectionURL.scrub(ConnectionURL.scrub(message, for: url), for: lowercasingScheme(url))
        let body = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]
        guard let at = body.lastIndex(of: "@"), let colon = body[..<at].firstIndex(of: ":") else { return out }
        let secret = String(body[body.index(after: colon)..<at])
        if !secret.isEmpty { out = out.replacing(secret, with: ConnectionURL.mask) }
        return out
    }
}
