import SchemaCatalog

/// A live database read as the baseline S0: what `switchgate schema --database-url`
/// (and later `check` and `gate`) start from.
///
/// The session is made read-only before anything is read
/// (`default_transaction_read_only`, so even a statement sent by mistake could not
/// write), and the catalog is then read inside a `READ ONLY` transaction by
/// `Introspector`. Nothing is created, not even a temporary table.
public enum PostgresBaseline {
    /// Connects to `url` (a libpq URI or key/value string), reads its schema and
    /// closes the connection. Errors carry the URL redacted, never its password.
    public static func read(url: String) throws(PostgresError) -> Catalog {
        try read(url: url, introspector: Introspector()).catalog
    }

    /// As `read(url:)`, with the introspector's checks (type spelling mismatches).
    public static func read(url: String, introspector: Introspector) throws(PostgresError) -> IntrospectionResult {
        try introspector.introspect(try connectReadOnly(url: url))
    }

    /// A connection whose every transaction is read-only: the server refuses any
    /// write on it (SQLSTATE 25006), whatever is sent.
    public static func connectReadOnly(url: String) throws(PostgresError) -> PostgresConnection {
        let conn = try PostgresConnection(url: url)
        try conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return conn
    }
}
