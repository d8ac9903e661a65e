import ArgumentParser
import Diagnostics
import Foundation
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
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, sql, text
    }

    @Option(help: "SQL dialect: postgres or sqlite.")
    var dialect: Dialect.Kind = .postgres

    @Option(name: .long, help: "Baseline schema as SQL (hand-written or pg_dump --schema-only); repeatable.")
    var schema: [String] = []

    @Option(help: "Output format: json, sql (DDL that recreates the schema) or text.")
    var format: Format = .json

    @Argument(help: "Migration files or folders, applied in order after the baseline.")
    var paths: [String] = []

    func run() throws {
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
        var replay = Replay(catalog: Catalog(dialect: Dialect(kind: dialect)))
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
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode(1)
        }
        let output: String
        switch format {
        case .json: output = SchemaReport.json(replay.catalog) + "\n"
        case .text: output = SchemaReport.text(replay.catalog)
        case .sql: output = SchemaSQL.render(replay.catalog)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
