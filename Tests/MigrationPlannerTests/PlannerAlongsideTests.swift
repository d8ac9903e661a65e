import Foundation
import MigrationLayout
import MigrationPlanner
import MigrationRules
import QueryBinding
import SchemaCatalog
import Testing

/// The planner's walk taken piece by piece beside the replay (`PlannerAlongside`)
/// must plan exactly what one walk over the finished analysis plans.
@Suite struct PlannerAlongsideTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// (history, blue queries or nil)
    static let cases: [(String, String?)] = [
        ("lemmy", nil),
        ("lemmy", "SELECT id, name FROM person;\nSELECT p.id, p.name FROM post p JOIN community c ON c.id = p.community_id;"),
        ("harness/postgres", nil),
        ("vaultwarden/postgresql", nil),
    ]

    @Test(arguments: cases.indices)
    func alongsideWalkPlansWhatOneWalkPlans(_ index: Int) throws {
        let (history, blueSQL) = Self.cases[index]
        let files = try MigrationLoader.load(paths: [Self.corpus.appendingPathComponent(history).path]).files
        #expect(!files.isEmpty)
        let analyzer = MigrationAnalyzer(dialect: .postgres)
        let baseline = Catalog(dialect: .postgres)
        let blue = blueSQL.map { QuerySources.sqlFile(Array($0.utf8), path: "blue.sql", dialect: .postgres) } ?? []

        let alongside = try #require(
            PlannerAlongside(
                start: analyzer.start(baseline: baseline), blue: blue, green: [], blueGiven: blueSQL != nil, greenGiven: false))
        let fed = analyzer.analyze(files: files, baseline: baseline, feeding: alongside.feed)
        let walked = alongside.plan(fed)

        let analysis = analyzer.analyze(files: files, baseline: baseline)
        let direct = Checker(analysis: analysis, blue: blue, green: [], blueGiven: blueSQL != nil, greenGiven: false).plan()

        #expect(walked.statements == direct.statements)
        #expect(walked.verdicts == direct.verdicts)
        #expect(walked.intermediate == direct.intermediate)
        #expect(walked.final == direct.final)
        if history == "lemmy" {
            // Held-back units make S1 part from the file-order replay: the walk re-applies.
            #expect(direct.statements.contains { !$0.phase.inIntermediate })
        }
    }

    @Test func greenQueriesWalkAfterTheReplay() {
        let start = MigrationAnalyzer(dialect: .postgres).start(baseline: Catalog(dialect: .postgres))
        #expect(PlannerAlongside(start: start, blue: [], green: [], blueGiven: false, greenGiven: true) == nil)
    }
}
