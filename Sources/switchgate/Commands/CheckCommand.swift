import ArgumentParser
import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MigrationLayout
import MigrationPlanner
import MigrationRules
import QueryBinding
import Reporters
import SQLParser
import SQLSyntax
import SchemaCatalog
import Synchronization

/// `switchgate check` (SPEC §5): phases, query verdicts on S1 and S2, lock and
/// rewrite hazards, with exit 0 (safe), 1 (error findings) or 2 (bad input).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        // Named under its parent when it is parsed on its own (`parsesCheckDirectly`);
        // under `Switchgate` (help, completion scripts) the parent's name is used anyway.
        _superCommandName: "switchgate",
        abstract: "Check a migration for a blue-green rollout: phases, both versions' queries, locks.",
        discussion: """
            The baseline S0 comes from --schema files (or is empty). Each migration \
            statement is placed in a phase (expand, backfill, contract, breaking) from \
            the evidence of the blue and green queries; every blue query is checked on \
            the intermediate schema S1, every green query on S1 and on the final schema \
            S2. Exit status: 0 no error findings, 1 error findings, 2 bad usage or \
            unreadable input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    @Option(help: "SQL dialect: postgres or sqlite.")
    var dialect: Dialect.Kind?

    @Option(name: .customLong("pg-version"), help: "PostgreSQL major version the migration runs on (10 to 18; default 15).")
    var pgVersion: Int?

    @Option(name: .long, help: "Baseline schema S0 as SQL (hand-written or pg_dump --schema-only); repeatable.")
    var schema: [String] = []

    @Option(
        name: .customLong("database-url"),
        help: "Read the baseline S0 from a live database, read-only (postgres://..., or a SQLite file path).")
    var databaseURL: String?

    @Option(name: .long, help: "Queries of the version serving traffic now (files or folders); repeatable.")
    var blue: [String] = []

    @Option(name: .long, help: "Queries of the version being rolled out (files or folders); repeatable.")
    var green: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: Format = .text

    @Flag(name: .customLong("assume-in-transaction"), help: "Treat every migration file as one transaction.")
    var assumeInTransaction = false

    @Option(name: .customLong("table-stats"), help: "Table sizes (CSV or JSON: schema, table, rows, bytes) for lock hazards.")
    var tableStats: String?

    @Option(name: .customLong("small-table-rows"), help: "A lock hazard on a table with fewer rows is a warning (default 10000 with --table-stats).")
    var smallTableRows: Int?

    @Option(help: "Configuration file (default: the nearest .switchgate.toml in the working folder or above).")
    var config: String?

    @Argument(help: "Migration files (applied in the given order) or folders (layout detected).")
    var paths: [String] = []

    func validate() throws {
        if let pgVersion, !(10...18).contains(pgVersion) {
            throw ValidationError("--pg-version must be between 10 and 18, not \(pgVersion)")
        }
    }

    /// The configuration file's settings with the command line's on top.
    func configuration() throws -> RuleConfiguration {
        var configuration: RuleConfiguration
        do {
            if let config {
                configuration = try RuleConfiguration.load(file: config)
            } else {
                configuration = try RuleConfiguration.load(searchingFrom: FileManager.default.currentDirectoryPath)
                    ?? RuleConfiguration()
            }
            if let tableStats {
                configuration.tableStatsPath = tableStats
                configuration.tableStats = try TableStatistics.load(path: tableStats)
            }
        } catch {
            throw InputError(description: error.description)
        }
        if let dialect { configuration.dialect = dialect }
        if let pgVersion { configuration.postgresVersion = pgVersion }
        if assumeInTransaction { configuration.assumeInTransaction = true }
        if let smallTableRows { configuration.smallTableRows = smallTableRows }
        if let version = configuration.postgresVersion, !(10...18).contains(version) {
            throw InputError(description: "\(configuration.file ?? "configuration"): pg_version must be between 10 and 18, not \(version)")
        }
        return configuration
    }

    func run() throws {
        var configuration = try configuration()
        if let databaseURL {
            guard schema.isEmpty else {
                throw InputError(description: "--schema and --database-url both give the baseline: use one of them")
            }
            if configuration.dialect == nil { configuration.dialect = DatabaseBaseline.dialect(of: databaseURL) }
        }
        let kind = configuration.dialect ?? .postgres
        let version = configuration.postgresVersion ?? 15
        let dialectValue = Dialect(kind: kind, postgresVersion: version)
        let migrationPaths = paths.isEmpty ? configuration.migrationPaths : paths
        let bluePaths = blue.isEmpty ? configuration.bluePaths : blue
        let greenPaths = green.isEmpty ? configuration.greenPaths : green

        // Everything is read and checked before anything is printed: bad input is
        // exit 2 with a message naming the file and line, and no partial output.
        var clock = StageClock(enabled: ProcessInfo.processInfo.environment["SWITCHGATE_TIMINGS"] != nil)
        var baseline: Catalog
        if let databaseURL {
            baseline = try DatabaseBaseline.read(databaseURL, dialect: kind, source: "--database-url")
            baseline.dialect = dialectValue
        } else {
            baseline = try CheckInputs.baseline(schemaPaths: schema, dialect: dialectValue)
        }
        // The migrations are found and ordered here, and read as they are parsed,
        // ahead of the replay (a file that cannot be read is still exit 2).
        let migrations: [PendingMigration]
        do {
            migrations = migrationPaths.isEmpty ? [] : try MigrationLoader.pending(paths: migrationPaths)
        } catch {
            throw InputError(description: "\(error)")
        }
        #if canImport(Glibc)
        Allocator.useHugePages(migrations: migrations.count)
        #endif
        let blueQueries = try CheckInputs.queries(bluePaths, dialect: dialectValue)
        let greenQueries = try CheckInputs.queries(greenPaths, dialect: dialectValue)
        clock.lap("read inputs")

        let analyzer = MigrationAnalyzer(dialect: dialectValue, assumeInTransaction: configuration.assumeInTransaction ?? false)
        // The phase planner walks the history as the replay makes it (unless green
        // queries, bound on the final schema first, make it wait for the end).
        let planner = PlannerAlongside(
            start: analyzer.start(baseline: baseline), blue: blueQueries, green: greenQueries,
            blueGiven: !bluePaths.isEmpty, greenGiven: !greenPaths.isEmpty)
        // The JSON report's statement heads (most of its bytes) are written as the
        // replay goes too, on the thread that works out the lock effects.
        let headWriter = format == .json ? HeadCollector() : nil
        var feeding: ((HistoryPiece) -> Void)?
        if let planner { feeding = { piece in planner.feed(piece) } }
        var besideEffects: (@Sendable (HistoryPiece) -> Void)?
        if let headWriter { besideEffects = { piece in headWriter.write(piece) } }
        let analysis: MigrationAnalysis
        do {
            analysis = try analyzer.analyze(
                pending: migrations, baseline: baseline, feeding: feeding, besideEffects: besideEffects)
        } catch {
            throw InputError(description: "\(error)")
        }
        // (A statement that does not parse ends the run here: exit 2, the streams' threads with it.)
        try CheckInputs.rejectSyntaxErrors(analysis)
        clock.lap("parse, replay, lock effects")
        func checker(_ analysis: MigrationAnalysis) -> Checker {
            Checker(
                analysis: analysis, blue: blueQueries, green: greenQueries, blueGiven: !bluePaths.isEmpty,
                greenGiven: !greenPaths.isEmpty)
        }
        // The phase planner runs beside the rules; both only read the analysis.
        let engine = RuleEngine(configuration: configuration)
        let walkedAlongside = planner != nil
        let (ruleFindings, (plan, heads)) = Workers.both(
            {
                var clock = StageClock(enabled: clock.enabled)
                // The planner's walk may still be catching up with the replay: the
                // rules take one processor at full priority and share the other.
                let findings = engine.run(analysis, yielding: walkedAlongside)
                clock.lap("  rules")
                return findings
            },
            {
                var clock = StageClock(enabled: clock.enabled)
                let plan = planner?.plan(analysis) ?? checker(analysis).plan()
                clock.lap("  phases")
                return (plan, headWriter.map { CheckReport.StatementHeads(pieces: $0.pieces) })
            })
        clock.lap("rules and phases")
        let result = checker(analysis).run(ruleFindings: ruleFindings, plan: plan)
        clock.lap("findings and verdicts")

        var sources = analysis.sources
        for path in Set((blueQueries + greenQueries).map(\.file)) where sources[path] == nil {
            if let file = try? InputFiles.read(path) { sources[path] = file }
        }
        let output: [[UInt8]]
        switch format {
        case .json: output = CheckReport.jsonPieces(result, sources: sources, heads: heads)
        case .text: output = [Array(CheckReport.text(result, sources: sources, color: isatty(STDOUT_FILENO) != 0).utf8)]
        case .github: output = [Array(CheckReport.github(result, sources: sources).utf8)]
        case .sarif:
            var rules: [String: SARIFReport.RuleInfo] = [:]
            for finding in result.findings where rules[finding.id] == nil {
                let title = RuleRegistry.rule(finding.id)?.metadata.title ?? PlannerCheck.named(finding.id)?.title ?? finding.id
                rules[finding.id] = SARIFReport.RuleInfo(id: finding.id, title: title, help: finding.help)
            }
            output = [
                Array(SARIFReport.sarif(result, sources: sources, rules: rules, version: Switchgate.configuration.version).utf8)
            ]
        }
        clock.lap("report")
        StandardOutput.writeAll(output)
        clock.lap("write")
        clock.threadTime("main thread processor time", waiting: "main thread waiting for a processor")
        // The process ends here: tearing down the analysis of a long history
        // (a catalog per statement) takes longer than writing its report.
        endProcess(result.isSafe ? 0 : 1)
    }
}

/// Reading the check's inputs, each failure an `InputError` (exit 2).
enum CheckInputs {
    /// S0: the schema files replayed in order; a statement the database would
    /// refuse is bad input.
    static func baseline(schemaPaths: [String], dialect: Dialect) throws -> Catalog {
        var replay = Replay(catalog: Catalog(dialect: dialect))
        for path in try InputFiles.expand(schemaPaths) {
            let file = try InputFiles.read(path)
            if !replay.apply(file), let failure = replay.failure {
                throw InputError(
                    description: "\(failure.file):\(failure.line):\(failure.column): the baseline schema does not apply: \(failure.message)")
            }
        }
        return replay.catalog
    }

    static func queries(_ paths: [String], dialect: Dialect) throws -> [Query] {
        guard !paths.isEmpty else { return [] }
        do {
            return try QuerySources.load(paths: paths, dialect: dialect)
        } catch {
            throw InputError(description: error.description)
        }
    }

    /// A migration statement that does not parse is bad input, not a finding.
    static func rejectSyntaxErrors(_ analysis: MigrationAnalysis) throws {
        for statement in analysis.statements where statement.statement == nil {
            throw InputError(description: "\(statement.file):\(statement.line):\(statement.column): syntax error in the migration")
        }
    }
}

/// `SWITCHGATE_TIMINGS=1`: how long each stage of a check took, on standard error
/// (for benchmarks; the report itself never carries times).
struct StageClock {
    let enabled: Bool
    var last = StageClock.now()

    /// The monotonic clock, in nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = StageClock.now()
        report(stage, seconds: Double(now - last) / 1e9)
        last = now
    }

    /// The calling thread's processor time so far (the replay's thread is the
    /// check's critical path: its time bounds the wall time from below), and,
    /// where Linux keeps it, how long the thread was ready to run but waited for
    /// a processor that the check's other threads (or other programs) held.
    func threadTime(_ label: String, waiting waitingLabel: String) {
        guard enabled else { return }
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        report(label, seconds: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
        #if os(Linux)
        // schedstat: time on a processor, time waiting on a run queue (ns), time slices.
        if let stat = try? String(contentsOfFile: "/proc/thread-self/schedstat", encoding: .utf8) {
            let fields = stat.split(separator: " ")
            if fields.count >= 2, let waited = Double(fields[1]) { report(waitingLabel, seconds: waited / 1e9) }
        }
        #endif
    }

    private func report(_ label: String, seconds: Double) {
        StandardError.write("switchgate timing: \(label) \(seconds.decimalText(fractionDigits: 3)) s\n")
    }
}

/// The JSON report's statement heads, written piece by piece on whichever
/// thread works out the piece's lock effects.
final class HeadCollector: Sendable {
    private let written = Mutex<[[(index: Int, head: [UInt8])]]>([])

    func write(_ piece: HistoryPiece) {
        let heads = CheckReport.heads(of: piece.statements)
        written.withLock { $0.append(heads) }
    }

    /// Every piece's heads (complete once the analysis has returned).
    var pieces: [[(index: Int, head: [UInt8])]] { written.withLock { $0 } }
}
