import Foundation
import SQLParser
import SQLSyntax
import Testing

/// `Fixtures/ok/**.sql` must parse with no error; each `Fixtures/err/**.sql` starts
/// with `-- error: LINE:COLUMN message` and must give that diagnostic.
/// Files under a `sqlite` folder (or named `*.sqlite.sql`) are read as SQLite.
@Suite struct FixtureTests {
    static func files(_ folder: String) -> [String] {
        let root = Paths.fixtures.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".sql") { found.append(folder + "/" + path) }
        }
        return found.sorted()
    }

    static func dialect(_ path: String) -> Dialect {
        path.contains("sqlite") ? .sqlite : .postgres
    }

    static func read(_ path: String) throws -> SourceFileText {
        let data = try Data(contentsOf: Paths.fixtures.appendingPathComponent(path))
        return SourceFileText(bytes: [UInt8](data))
    }

    @Test func fixturesExist() {
        #expect(Self.files("ok").count >= 5)
        #expect(Self.files("err").count >= 3)
    }

    @Test(arguments: files("ok"))
    func ok(_ path: String) throws {
        let file = try Self.read(path)
        let parsed = SQLParser(dialect: Self.dialect(path)).parse(file.bytes)
        #expect(!parsed.statements.isEmpty, "\(path) has no statements")
        for s in parsed.statements {
            if let error = s.error {
                let (line, column) = file.lineColumn(error.span.start)
                Issue.record("\(path):\(line):\(column): \(error.message)")
            }
        }
    }

    @Test(arguments: files("err"))
    func err(_ path: String) throws {
        let file = try Self.read(path)
        let text = String(decoding: file.bytes, as: UTF8.self)
        let header = try #require(text.split(separator: "\n").first.map(String.init))
        let prefix = "-- error: "
        try #require(header.hasPrefix(prefix), "\(path) must start with '\(prefix)LINE:COLUMN message'")
        let spec = header.dropFirst(prefix.count)
        let position = spec.prefix { $0 != " " }
        let message = spec.dropFirst(position.count).trimmingCharacters(in: .whitespaces)
        let numbers = position.split(separator: ":").compactMap { Int($0) }
        try #require(numbers.count == 2, "\(path): bad position '\(position)'")
        let parsed = SQLParser(dialect: Self.dialect(path)).parse(file.bytes)
        let errors = parsed.statements.compactMap(\.error)
        let rendered = errors.map { e -> String in
            let (line, column) = file.lineColumn(e.span.start)
            return "\(line):\(column) \(e.message)"
        }
        #expect(
            errors.contains { e in
                let (line, column) = file.lineColumn(e.span.start)
                return line == numbers[0] && column == numbers[1] && e.message.contains(message)
            }, "\(path): expected \(position) \(message), got \(rendered)")
    }
}

/// Bytes plus line/column lookup, for test messages.
struct SourceFileText {
    let bytes: [UInt8]
    func lineColumn(_ offset: Int) -> (Int, Int) {
        let location = LineTable(bytes).location(of: offset)
        return (location.line, location.column)
    }
}
