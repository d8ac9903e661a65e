import Diagnostics
import Foundation
import QueryBinding
import SQLSyntax
import SchemaCatalog
import Testing

/// sqlc's example projects (`../shared/corpus/sqlc`): every query binds against
/// its own schema.
@Suite struct CorpusTests {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/sqlc")

    static let projects: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted()
    }()

    @Test(.enabled(if: !projects.isEmpty, "../shared/corpus/sqlc is not there"), arguments: projects)
    func sqlcProject(_ project: String) throws {
        let folder = CorpusTests.root.appendingPathComponent(project).appendingPathComponent("postgresql").path
        var files: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".sql") { files.append(relative) }
            }
        }
        let schemaFiles = files.filter { $0.contains("schema") }.sorted()
        let queryFiles = files.filter { !$0.contains("schema") }.sorted()
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        for file in schemaFiles {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            replay.apply(SourceFile(path: file, text: text))
        }
        try #require(replay.failure == nil, "\(replay.failure?.message ?? "")")
        let queries = try QuerySources.load(paths: queryFiles.map { folder + "/" + $0 }, dialect: .postgres)
        #expect(!queries.isEmpty)
        let binder = Binder(catalog: replay.catalog)
        for query in queries {
            let result = binder.bind(query)
            #expect(result.ok, "\(query.file):\(query.line) \(query.name ?? ""): \(result.problems)")
        }
    }
}
