import Testing

@testable import PostgresAdapter

@Suite("ScratchDatabase", .needsServer)
struct ScratchDatabaseTests {
    @Test func createsAndDrops() throws {
        let scratch = try ScratchDatabase(serverURL: TestServer.url())
        #expect(scratch.name.hasPrefix("switchgate_scratch_"))
        #expect(scratch.name.count == "switchgate_scratch_".count + 16)
        #expect(try TestServer.databaseExists(scratch.name))

        let conn = try scratch.connect()
        #expect(try conn.query("SELECT current_database()").rows == [[scratch.name]])
        try conn.execute("CREATE TABLE t (x int)")

        // The open connection does not stop the drop (WITH (FORCE) ends it).
        try scratch.drop()
        #expect(scratch.isDropped)
        #expect(try !TestServer.databaseExists(scratch.name))
        try scratch.drop()  // a second drop does nothing
        #expect(throws: PostgresError.self) { try scratch.connect() }
    }

    @Test func dropsInDeinitAsASafetyNet() throws {
        var name = ""
        do {
            let scratch = try ScratchDatabase(serverURL: TestServer.url())
            name = scratch.name
            #expect(try TestServer.databaseExists(name))
        }
        #expect(try !TestServer.databaseExists(name))
    }

    @Test func usingDropsEvenWhenTheBodyThrows() throws {
        struct Boom: Error {}
        var name = ""
        #expect(throws: Boom.self) {
            try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
                name = scratch.name
                throw Boom()
            }
        }
        #expect(!name.isEmpty)
        #expect(try !TestServer.databaseExists(name))
    }

    @Test func namesAreFreshEachTime() throws {
        let a = try ScratchDatabase(serverURL: TestServer.url())
        let b = try ScratchDatabase(serverURL: TestServer.url())
        #expect(a.name != b.name)
        try a.drop()
        try b.drop()
    }

    @Test func theURLPointsAtTheScratchDatabaseAndHidesPasswords() throws {
        let scratch = try ScratchDatabase(serverURL: TestServer.url())
        defer { try? scratch.drop() }
        #expect(scratch.url.hasSuffix("/" + scratch.name) || scratch.url.contains("/" + scratch.name + "?"))
        #expect(!scratch.redactedURL.isEmpty)
    }
}
