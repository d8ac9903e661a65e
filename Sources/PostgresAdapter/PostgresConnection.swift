import CLibPQ

/// One libpq connection: the only owner of its `PGconn *`, closed in `deinit`.
///
/// Not thread-safe (neither is a `PGconn`): use one connection from one task at a
/// time. Notices the server sends are collected (see `takeNotices()`) rather than
/// printed, because only the executable prints.
public final class PostgresConnection {
    private let pq: SwitchgateLibPQ
    private let handle: OpaquePointer
    private let noticeBox: NoticeBox
    /// Kept only to scrub its passwords from messages; never shown.
    private let connectionString: String
    /// The connection string with its password hidden, fit for output.
    public let redactedURL: String

    /// Connects with a libpq connection URI or key/value string.
    ///
    /// The client encoding is always UTF-8 and the application name defaults to
    /// `switchgate`; a `connect_timeout` of 10 seconds applies unless the string sets one.
    public init(url: String) throws(PostgresError) {
        redactedURL = ConnectionURL.redacted(url)
        connectionString = url
        guard let pq = LibPQ.api else {
            throw .connectionFailed(
                url: redactedURL,
                message: "libpq could not be loaded (\(LibPQ.missing ?? "libpq.so.5")): install it (apt-get install libpq5)")
        }
        self.pq = pq
        guard !url.utf8.contains(0) else {
            throw .connectionFailed(url: redactedURL, message: "the connection string contains a NUL byte")
        }
        // Keywords before `dbname` are defaults the expanded string overrides;
        // keywords after it override the string.
        let keywords = ["connect_timeout", "fallback_application_name", "dbname", "client_encoding"]
        let values = ["10", "switchgate", url, "UTF8"]
        let connection = withCStringArray(keywords + [nil]) { keywordPointers in
            withCStringArray(values + [nil]) { valuePointers in
                pq.PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw .connectionFailed(url: redactedURL, message: "libpq could not allocate a connection")
        }
        guard pq.PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmed(pq.PQerrorMessage(connection))
            pq.PQfinish(connection)
            throw .connectionFailed(url: redactedURL, message: ConnectionURL.scrub(message, for: url))
        }
        handle = connection
        noticeBox = NoticeBox()
        pq.PQsetNoticeReceiver(handle, noticeReceiver, Unmanaged.passUnretained(noticeBox).toOpaque())
    }

    deinit {
        pq.PQfinish(handle)
    }

    // MARK: - Server facts

    /// `server_version_num`: 150004 for 15.4.
    public var serverVersion: Int { Int(pq.PQserverVersion(handle)) }

    /// The major version: 15 for 15.4 (9 for the 9.x series).
    public var serverMajorVersion: Int {
        serverVersion / 10_000
    }

    /// `PQtransactionStatus`: whether the session is inside a transaction block.
    public enum TransactionStatus: Sendable, Equatable {
        case idle, active, inTransaction, inFailedTransaction, unknown
    }

    /// Whether the session is inside a transaction block.
    public var transactionStatus: TransactionStatus {
        switch pq.PQtransactionStatus(handle) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_ACTIVE: return .active
        case PQTRANS_INTRANS: return .inTransaction
        case PQTRANS_INERROR: return .inFailedTransaction
        default: return .unknown
        }
    }

    /// Notices (`NOTICE`, `WARNING`) received since the last call, oldest first.
    public func takeNotices() -> [String] {
        defer { noticeBox.notices.removeAll() }
        return noticeBox.notices
    }

    // MARK: - Statements

    /// Runs one statement with `$1`, `$2`, ... parameters (text format; nil is NULL)
    /// through the extended protocol, and returns its rows.
    public func query(_ sql: String, parameters: [String?] = []) throws(PostgresError) -> QueryResult {
        guard !sql.utf8.contains(0), !parameters.contains(where: { $0?.utf8.contains(0) ?? false }) else {
            throw .invalidState("statement text and parameters must not contain NUL bytes")
        }
        let result = withCStringArray([sql] + parameters) { pointers in
            pq.PQexecParams(handle, pointers[0], Int32(parameters.count), nil, Array(pointers.dropFirst()), nil, nil, 0)
        }
        guard let result else { throw clientError() }
        defer { pq.PQclear(result) }
        switch pq.PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return read(result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            throw .queryFailed(serverError(result, statementIndex: nil))
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy()
            while let extra = pq.PQgetResult(handle) { pq.PQclear(extra) }
            throw .invalidState("COPY to or from the client is not supported")
        default:
            throw clientError()
        }
    }

    /// Runs a script of one or more statements through the simple protocol (as
    /// `psql -c` does: without explicit BEGIN/COMMIT the script is one implicit
    /// transaction) and returns how many statements completed.
    ///
    /// A failure carries the server's SQLSTATE, its position in `sql` (when the
    /// server gives one) and `statementIndex`, the 0-based index of the failing statement.
    @discardableResult
    public func execute(_ sql: String) throws(PostgresError) -> Int {
        guard !sql.utf8.contains(0) else {
            throw .invalidState("statement text must not contain NUL bytes")
        }
        guard pq.PQsendQuery(handle, sql) == 1 else { throw clientError() }
        var completed = 0
        var failure: PostgresError?
        while let result = pq.PQgetResult(handle) {
            defer { pq.PQclear(result) }
            switch pq.PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
                if failure == nil { completed += 1 }
            case PGRES_EMPTY_QUERY:
                break
            case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
                if failure == nil { failure = .queryFailed(serverError(result, statementIndex: completed)) }
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                // The server then reports the COPY as failed, which ends the script.
                abandonCopy()
            default:
                if failure == nil { failure = clientError() }
            }
        }
        if let failure { throw failure }
        return completed
    }

    // MARK: - libpq plumbing

    private func read(_ result: OpaquePointer) -> QueryResult {
        let columnCount = pq.PQnfields(result)
        let rowCount = pq.PQntuples(result)
        var columns: [String] = []
        columns.reserveCapacity(Int(columnCount))
        for c in 0..<columnCount {
            columns.append(pq.PQfname(result, c).map { String(cString: $0) } ?? "")
        }
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var row: [String?] = []
            row.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                if pq.PQgetisnull(result, r, c) == 1 {
                    row.append(nil)
                } else {
                    row.append(pq.PQgetvalue(result, r, c).map { String(cString: $0) } ?? "")
                }
            }
            rows.append(row)
        }
        let tag = pq.PQcmdStatus(result).map { String(cString: $0) } ?? ""
        return QueryResult(columns: columns, rows: rows, commandTag: tag)
    }

    private func serverError(_ result: OpaquePointer, statementIndex: Int?) -> ServerError {
        func field(_ code: Character) -> String? {
            guard let ascii = code.asciiValue, let value = pq.PQresultErrorField(result, Int32(ascii)) else { return nil }
            return scrub(String(cString: value))
        }
        // Field codes from postgres_ext.h: PG_DIAG_SQLSTATE 'C', PG_DIAG_MESSAGE_PRIMARY 'M',
        // PG_DIAG_MESSAGE_DETAIL 'D', PG_DIAG_MESSAGE_HINT 'H', PG_DIAG_STATEMENT_POSITION 'P',
        // PG_DIAG_SEVERITY_NONLOCALIZED 'V'.
        let message = field("M") ?? scrub(Self.trimmed(pq.PQresultErrorMessage(result)))
        return ServerError(
            sqlState: field("C") ?? "XX000", severity: field("V") ?? "ERROR", message: message,
            detail: field("D"), hint: field("H"), position: field("P").flatMap { Int($0) },
            statementIndex: statementIndex)
    }

    private func clientError() -> PostgresError {
        let message = scrub(Self.trimmed(pq.PQerrorMessage(handle)))
        return .clientFailed(message: message.isEmpty ? "unknown libpq failure" : message)
    }

    /// Ends a COPY the caller cannot feed or read.
    private func abandonCopy() {
        _ = pq.PQputCopyEnd(handle, "switchgate does not run COPY with client data")
        var buffer: UnsafeMutablePointer<CChar>?
        while pq.PQgetCopyData(handle, &buffer, 0) > 0 {
            pq.PQfreemem(buffer)
            buffer = nil
        }
    }

    private func scrub(_ message: String) -> String {
        ConnectionURL.scrub(message, for: connectionString)
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        var text = String(cString: message)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}

/// libpq, loaded on the first connection (see `CLibPQ/shim.h`): a run that
/// never connects never loads it.
enum LibPQ {
    private static let loaded: (api: SwitchgateLibPQ?, missing: String?) = {
        let api = UnsafeMutablePointer<SwitchgateLibPQ>.allocate(capacity: 1)
        defer { api.deallocate() }
        if let missing = switchgate_libpq_load(api) { return (nil, String(cString: missing)) }
        return (api.pointee, nil)
    }()
    static var api: SwitchgateLibPQ? { loaded.api }
    /// What could not be found: the library or one of its functions.
    static var missing: String? { loaded.missing }
}

/// Collects notices from libpq's callback; owned by its connection.
private final class NoticeBox {
    var notices: [String] = []
}

/// libpq's notice callback: keeps the notice's primary message.
private func noticeReceiver(_ context: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let context, let result else { return }
    let box = Unmanaged<NoticeBox>.fromOpaque(context).takeUnretainedValue()
    let code = Int32(Character("M").asciiValue ?? 77)
    if let message = LibPQ.api?.PQresultErrorField(result, code) {
        box.notices.append(String(cString: message))
    }
}

/// Calls `body` with NUL-terminated copies of `strings` (nil stays nil), freed afterwards.
func withCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let buffers: [UnsafeMutablePointer<CChar>?] = strings.map { string in
        guard let string else { return nil }
        let bytes = Array(string.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        return buffer
    }
    defer {
        for buffer in buffers { buffer?.deallocate() }
    }
    return body(buffers.map { $0.map { UnsafePointer($0) } })
}
