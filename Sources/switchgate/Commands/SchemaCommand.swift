import ArgumentParser
import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MigrationLayout
import Reporters
import SchemaCatalog
import SQLSyntax

/// `switchgate schema`: the catalog a baseline and a migration history produce.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Replay a baseline schema and migrations and print the resulting catalog.",
        discussion: """
            Statements are applied in order, as the database would apply them; the first \
            statement the database would refuse stops the replay with its SQLSTATE \
            (exit 1, nothing printed on stdout). Migration folders are read in the order \
            of their tool (golang-migrate, goose, dbmate, Flyway, diesel, sqitch, Prisma, \
            sqlx, or plain numbered files); see docs/migration-layouts.md.

            --database-url reads a live database as the baseline instead of --schema, \
            read-only, and the migrations are replayed on top of it (never on the \
            database): a postgres:// or postgresql:// URL or a libpq key/value string, \
            or a SQLite file (sqlite:PATH, file:PATH or a path; never created). Without \
            --database-url and --schema, SWITCHGATE_DATABASE_URL is used when set. A \
            database that cannot be read is exit 2; passwords are never printed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, sql, text
    }

    @Option(help: "SQL dialect: postgres or sqlite (default: postgres, or what --database-url names).")
    var dialect: Dialect.Kind?

    @Option(name: .long, help: "Baseline schema as SQL (hand-written or pg_dump --schema-only); repeatable.")
    var schema: [String] = []

    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "A live database read (read-only) as the baseline instead of --schema.",
            valueName: "url"))
    var databaseURL: String?

    @Option(help: "Output format: json, sql (DDL that recreates the schema) or text.")
    var format: Format = .json

    @Argument(help: "Migration files or folders, applied in order after the baseline.")
    var paths: [String] = []

    func validate() throws {
        if let databaseURL, databaseURL.allSatisfy({ $0 == " " || $0 == "\t" }) {
            throw ValidationError("--database-url needs a URL (postgres://..., sqlite:PATH) or a path")
        }
        if databaseURL != nil && !schema.isEmpty {
            throw ValidationError(
                "--schema and --database-url both give the baseline; use one (dump the database with "
                    + "pg_dump --schema-only to combine it with hand-written SQL)")
        }
    }

    /// `--database-url`, else `SWITCHGATE_DATABASE_URL` when no `--schema` is given,
    /// with where it came from (for messages).
    var liveDatabase: (url: String, source: String)? {
        if let databaseURL { return (databaseURL, "--database-url") }
        let variable = DatabaseBaseline.environmentVariable
        if schema.isEmpty, let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty {
            return (url, variable)
        }
        return nil
    }

    func run() throws {
        let live = liveDatabase
        let dialect = dialect ?? live.map { DatabaseBaseline.dialect(of: $0.url) } ?? .postgres
        let baseline: [String]
        let migrations: [MigrationFile]
        do {
            baseline = try InputFiles.expand(schema)
            migrations = paths.isEmpty ? [] : try MigrationLoader.load(paths: paths).files
        } catch let error as MigrationLayoutError {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError("\(error)")
        }
        var start = Catalog(dialect: Dialect(kind: dialect))
        if let live {
            do {
                start = try DatabaseBaseline.read(live.url, dialect: dialect, source: live.source)
            } catch {
                StandardError.write("error: \(error)\n")
                throw ExitCode(2)
            }
        }
        var replay = Replay(catalog: start)
        for path in baseline {
            let file: SourceFile
            do {
                file = try InputFiles.read(path)
            } catch {
                throw ValidationError("\(error)")
            }
            if !replay.apply(file) { break }
        }
        for migration in migrations where replay.failure == nil {
            let file = SourceFile(path: migration.path, bytes: migration.bytes)
            let whole = migration.applied == 0..<migration.bytes.count
            replay.apply(file, range: whole ? nil : migration.applied)
        }
        if let failure = replay.failure {
            var message = "\(failure.file):\(failure.line):\(failure.column): error: \(failure.message)\n"
            if let detail = failure.error?.detail { message += "  detail: \(detail)\n" }
            StandardError.write(message)
            throw ExitCode(1)
        }
        let output: String
        switch format {
        case .json: output = SchemaReport.json(replay.catalog) + "\n"
        case .text: output = SchemaReport.text(replay.catalog)
        case .sql: output = SchemaSQL.render(replay.catalog)
        }
        StandardOutput.write(output)
    }
}
