import Testing

@testable import PostgresAdapter

@Suite("ConnectionURL redaction (no server)")
struct ConnectionURLTests {
    @Test(arguments: [
        ("postgresql://user:secret@host/db", "postgresql://user:***@host/db"),
        ("postgres://user:secret@host:5432/db?sslmode=require", "postgres://user:***@host:5432/db?sslmode=require"),
        ("postgresql://user@host/db", "postgresql://user@host/db"),
        ("postgresql://host/db", "postgresql://host/db"),
        ("postgresql://u:p%40ss@host/db", "postgresql://u:***@host/db"),
        ("postgresql://u:pa/ss@word@host/db", "postgresql://u:***@host/db"),
        ("postgresql://host/db?user=u&password=secret&sslmode=disable",
         "postgresql://host/db?user=u&password=***&sslmode=disable"),
        ("postgresql://host/db?PASSWORD=secret", "postgresql://host/db?PASSWORD=***"),
        ("POSTGRES://user:secret@host/db", "POSTGRES://user:***@host/db"),
        ("host=h password=secret dbname=d", "host=h password=*** dbname=d"),
        ("host=h password = 'se cret\\' x' dbname=d", "host=h password = *** dbname=d"),
        ("password=secret", "password=***"),
        ("host=h sslpassword=keypass user=u", "host=h sslpassword=*** user=u"),
        ("host=h dbname=d", "host=h dbname=d"),
        ("host=h garbage password=secret", "host=h ***"),
        ("dbname=postgresql://u:secret@h/db port=5", "dbname=postgresql://u:***@h/db port=5"),
        ("dbname='host=h password=secret' port=5", "dbname=host=h password=*** port=5"),
    ])
    func redacts(_ input: String, _ expected: String) {
        #expect(ConnectionURL.redacted(input) == expected)
        for secret in ["secret", "p%40ss", "pa/ss@word", "keypass", "se cret"] {
            #expect(!ConnectionURL.redacted(input).contains(secret))
        }
    }

    @Test func scrubsPasswordsFromMessages() {
        let url = "postgresql://alice:p%40ss@db.example/app"
        #expect(ConnectionURL.scrub("auth failed for p%40ss and p@ss", for: url) == "auth failed for *** and ***")
        #expect(ConnectionURL.scrub("password=hunter2 rejected", for: "host=h password=hunter2") == "password=*** rejected")
    }

    @Test(arguments: [
        ("postgresql://postgres@127.0.0.1:5432/postgres", "postgresql://postgres@127.0.0.1:5432/scratch"),
        ("postgresql://u:p@h/postgres?sslmode=disable", "postgresql://u:p@h/scratch?sslmode=disable"),
        ("postgresql://h", "postgresql://h/scratch"),
        ("postgresql://h/db?dbname=other&sslmode=disable", "postgresql://h/scratch?sslmode=disable"),
        ("host=h dbname=postgres", "host=h dbname=postgres dbname=scratch"),
    ])
    func replacesTheDatabase(_ input: String, _ expected: String) {
        #expect(ConnectionURL.replacingDatabase(in: input, with: "scratch") == expected)
    }
}
