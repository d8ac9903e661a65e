import Testing

@testable import MigrationLayout

/// goose annotations and dbmate markers, read from bytes in memory.
@Suite struct MarkerTests {
    func goose(_ text: String) throws(MigrationLayoutError) -> Goose.Parsed {
        try Goose.parse(path: "m.sql", bytes: Array(text.utf8))
    }

    func gooseError(_ text: String) -> MigrationLayoutError? {
        do {
            _ = try goose(text)
            return nil
        } catch {
            return error
        }
    }

    /// Detection first looks for the marker's bytes; the line reading decides.
    @Test func detectionFindsMarkersWhereverTheyAre() {
        #expect(Goose.hasUpAnnotation(Array("SELECT 1;\n-- +GoOsE Up\n".utf8)))
        #expect(Goose.hasUpAnnotation(Array("-- +goose up".utf8)))
        #expect(!Goose.hasUpAnnotation(Array("-- +goose Down\nSELECT '+goose';".utf8)))
        #expect(!Goose.hasUpAnnotation(Array("-- + goose Up\n-- goose Up\n".utf8)))
        #expect(!Goose.hasUpAnnotation(Array("+goos".utf8)))
        #expect(Dbmate.hasUpMarker(Array("\n-- migrate:up transaction:false\n".utf8)))
        #expect(!Dbmate.hasUpMarker(Array("-- migrate:UP\n-- migrate:down\n".utf8)))
        #expect(ByteSearch.contains(Array("xx+GOOSE".utf8), caseInsensitive: "+goose"))
        #expect(!ByteSearch.contains(Array("xx+GOOS".utf8), caseInsensitive: "+goose"))
        #expect(ByteSearch.contains(Array("migrate:up".utf8), "migrate:up"))
        #expect(!ByteSearch.contains(Array("migrate:u".utf8), "migrate:up"))
        #expect(!ByteSearch.contains([], "migrate:up"))
    }

    @Test func gooseAnnotationsIgnoreCaseAndSpacing() throws {
        let parsed = try goose(
            "-- +GOOSE no   transaction\r\n--  +goose   up\r\nSELECT 1;\r\n--+goose Down\r\nSELECT 2;\r\n")
        #expect(parsed.applied == 45..<56)
        #expect(!parsed.useTransaction)
    }

    @Test func gooseUpWithoutDownRunsToTheEnd() throws {
        let text = "-- +goose Up\nSELECT 1;"
        let parsed = try goose(text)
        #expect(parsed.applied == 13..<text.utf8.count)
        #expect(parsed.useTransaction)
    }

    @Test func indentedOrTrailingTextIsNotAnAnnotation() {
        // goose reads annotations only at the start of a line, and only as the whole comment.
        #expect(gooseError("  -- +goose Up\nSELECT 1;\n") == .missingUpSection(path: "m.sql", layout: .goose))
        #expect(gooseError("-- +goose Up please\nSELECT 1;\n") == .missingUpSection(path: "m.sql", layout: .goose))
        #expect(gooseError("-- +gooseUp\n") == .missingUpSection(path: "m.sql", layout: .goose))
    }

    @Test(arguments: [
        ("-- +goose Down\n-- +goose Up\n", 1, "'-- +goose Down' before '-- +goose Up'"),
        ("-- +goose Up\n-- +goose Up\n", 2, "a second '-- +goose Up' annotation"),
        ("-- +goose Up\n-- +goose Down\n-- +goose Down\n", 3, "a second '-- +goose Down' annotation"),
        ("SELECT 1;\n-- +goose Up\n", 1, "SQL before the '-- +goose Up' annotation; goose would refuse this file"),
        ("-- +goose StatementBegin\n-- +goose Up\n", 1, "'-- +goose StatementBegin' before '-- +goose Up'"),
        ("-- +goose Up\n-- +goose StatementEnd\n", 2, "'-- +goose StatementEnd' without '-- +goose StatementBegin'"),
        (
            "-- +goose Up\n-- +goose StatementBegin\n-- +goose StatementBegin\n", 3,
            "'-- +goose StatementBegin' inside the block opened on line 2"
        ),
        (
            "-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose Down\n", 4,
            "'-- +goose Down' inside the StatementBegin block opened on line 2"
        ),
        (
            "-- +goose Up\n\n-- +goose StatementBegin\nSELECT 1;\n", 3,
            "'-- +goose StatementBegin' is never closed by '-- +goose StatementEnd'"
        ),
    ])
    func gooseMisplacedAnnotations(_ text: String, _ line: Int, _ message: String) {
        #expect(gooseError(text) == .invalidMarker(path: "m.sql", line: line, message: message))
    }

    @Test func gooseStatementBlocksInTheUpSectionOnly() throws {
        let text = """
            -- +goose Up
            -- +goose StatementBegin
            SELECT 1; SELECT 2;
            -- +goose StatementEnd
            -- +goose StatementBegin
            SELECT 3;
            -- +goose StatementEnd
            -- +goose Down
            -- +goose StatementBegin
            SELECT 4;
            -- +goose StatementEnd

            """
        let parsed = try goose(text)
        let bytes = Array(text.utf8)
        #expect(
            parsed.statements.map { String(decoding: bytes[$0], as: UTF8.self) } == [
                "SELECT 1; SELECT 2;\n", "SELECT 3;\n",
            ])
    }

    @Test func dbmateOptionsAndMarkers() throws {
        let text = "-- comment\n\n-- migrate:up transaction:false other:x\nSELECT 1;\n-- migrate:down\nSELECT 2;\n"
        let candidate = Candidate(path: "m.sql", version: "1", name: "m", key: SortKey(parts: []))
        let file = try Dbmate.file(candidate, bytes: Array(text.utf8))
        #expect(file.transaction == .none)
        #expect(file.appliedText == "SELECT 1;\n")
        #expect(!Dbmate.hasUpMarker(Array("-- migrate:upx\n".utf8)))
        #expect(Dbmate.hasUpMarker(Array("--migrate:up\n".utf8)))
    }

    @Test func dbmateDownBeforeUp() {
        let candidate = Candidate(path: "m.sql", version: "1", name: "m", key: SortKey(parts: []))
        #expect(
            throws: MigrationLayoutError.invalidMarker(
                path: "m.sql", line: 1, message: "'-- migrate:down' before '-- migrate:up'")
        ) {
            try Dbmate.file(candidate, bytes: Array("-- migrate:down\n-- migrate:up\n".utf8))
        }
    }

    @Test func dieselMetadata() {
        func run(_ toml: String) -> Bool { Diesel.runInTransaction(Array(toml.utf8)) }
        #expect(!run("run_in_transaction = false\n"))
        #expect(run("run_in_transaction = true # keep\n"))
        #expect(!run("\"run_in_transaction\"=false"))
        #expect(!run("other = 1\n"), "present but silent: serde's field default is false")
        #expect(run("run_in_transaction = \"no\"\n"), "not a boolean: diesel cannot parse it and keeps the default")
        #expect(!run("[table]\nrun_in_transaction = true\n"), "only the top-level key counts")
    }

    @Test func flywayScriptConfiguration() {
        let properties = Flyway.properties(Array("# c\n! c\nexecuteInTransaction = false\nencoding: UTF-8\n".utf8))
        #expect(properties == ["executeInTransaction": "false", "encoding": "UTF-8"])
    }
}
