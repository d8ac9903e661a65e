import SchemaCatalog
import Testing

@testable import PostgresAdapter

@Suite("PostgresBaseline")
struct BaselineTests {
    /// A database where nothing may be written (a replica, a read-only role's
    /// default) still reads: the baseline never needs to write.
    @Test(.needsServer) func readsADatabaseThatRefusesWrites() throws {
        let scratch = try ScratchDatabase(serverURL: TestServer.url())
        defer { try? scratch.drop() }
        try scratch.connect().execute(
            "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL DEFAULT ''); CREATE INDEX ON items (lower(name))")
        try TestServer.connect().execute("ALTER DATABASE \(scratch.name) SET default_transaction_read_only = on")
        let refused = #expect(throws: PostgresError.self) { try scratch.connect().execute("CREATE TABLE nope (x int)") }
        #expect(refused?.sqlState == "25006")

        let catalog = try PostgresBaseline.read(url: scratch.url)
        let items = try #require(catalog.tables[ObjectKey("public", "items")])
        #expect(items.columns.map(\.name) == ["id", "name"])
        #expect(items.columns.last?.defaultValue?.sql == "''::text")
        #expect(catalog.indexes[ObjectKey("public", "items_lower_idx")] != nil)
        #expect(catalog.sequences[ObjectKey("public", "items_id_seq")]?.ownedBy?.column == "id")
    }

    /// The session itself refuses writes, before and inside any transaction.
    @Test(.needsServer) func theSessionRefusesWrites() throws {
        let scratch = try ScratchDatabase(serverURL: TestServer.url())
        defer { try? scratch.drop() }
        let conn = try PostgresBaseline.connectReadOnly(url: scratch.url)
        #expect(try conn.query("SHOW default_transaction_read_only").rows == [["on"]])
        for write in ["CREATE TABLE nope (x int)", "BEGIN; CREATE TEMP TABLE nope (x int); COMMIT"] {
            let refused = #expect(throws: PostgresError.self) { try conn.execute(write) }
            #expect(refused?.sqlState == "25006")
            _ = try? conn.execute("ROLLBACK")
        }
    }

    /// No server needed: nothing listens on port 1.
    @Test(arguments: [
        ("postgresql://alice:s3cret-pw@127.0.0.1:1/app", "postgresql://alice:***@127.0.0.1:1/app"),
        ("host=127.0.0.1 port=1 user=alice password=s3cret-pw", "password=***"),
    ])
    func connectionFailuresHideThePassword(_ url: String, _ shown: String) {
        let error = #expect(throws: PostgresError.self) { try PostgresBaseline.read(url: url) }
        guard case .connectionFailed(let redacted, _)? = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(redacted.contains(shown) || error?.description.contains(shown) == true)
        #expect(error?.description.contains("s3cret-pw") == false)
    }
}
