import ArgumentParser
import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Reporters
import SQLParser
import SQLSyntax

extension Dialect.Kind: ExpressibleByArgument {}

/// What one file contributes to the output.
private struct FileOutcome: Sendable {
    var text: String
    var statements: Int
    var errors: Int
    var bytes: Int
}

/// `switchgate parse`: shows how the front-end splits and names statements.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse SQL files and print each statement's kind, PostgreSQL node and span.",
        discussion: """
            A debugging view of the SQL front-end. With --format json it prints one JSON \
            object per file, one per line. --format summary prints one line of totals \
            (used by the benchmark). Exits 1 when a statement has a syntax error, 2 when a \
            file cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, summary
    }

    @Option(help: "SQL dialect: postgres or sqlite.")
    var dialect: Dialect.Kind = .postgres

    @Option(help: "Output format: text, json or summary.")
    var format: Format = .text

    @Argument(help: "SQL files or folders (searched for *.sql).")
    var paths: [String]

    func run() throws {
        let files: [String]
        do {
            files = try InputFiles.expand(paths)
        } catch {
            throw ValidationError("\(error)")
        }
        let parser = SQLParser(dialect: Dialect(kind: dialect))
        let format = self.format
        let started = StageClock.now()
        // Each worker reads, parses and renders its file and keeps only the text and
        // counts, so syntax trees are freed in parallel as soon as they are rendered.
        let results = Workers.map(files.count) { index -> Result<FileOutcome, InputError> in
            do {
                let bytes = try InputFiles.readBytes(files[index])
                let parsed = parser.parse(bytes)
                var outcome = FileOutcome(
                    text: "", statements: parsed.statements.count,
                    errors: parsed.statements.reduce(0) { $0 + ($1.error == nil ? 0 : 1) }, bytes: bytes.count)
                switch format {
                case .json: outcome.text = ParseReport.json(SourceFile(path: files[index], bytes: bytes), parsed) + "\n"
                case .text: outcome.text = ParseReport.text(SourceFile(path: files[index], bytes: bytes), parsed)
                case .summary: break
                }
                return .success(outcome)
            } catch let error as InputError {
                return .failure(error)
            } catch {
                return .failure(InputError(description: "\(files[index]): \(error)"))
            }
        }
        let elapsed = Double(StageClock.now() - started) / 1e9
        // Nothing is printed unless every file could be read.
        var outcomes: [FileOutcome] = []
        for result in results {
            switch result {
            case .success(let value): outcomes.append(value)
            case .failure(let error): throw ValidationError(error.description)
            }
        }
        let errors = outcomes.reduce(0) { $0 + $1.errors }
        var output: String
        if format == .summary {
            let statements = outcomes.reduce(0) { $0 + $1.statements }
            let bytes = outcomes.reduce(0) { $0 + $1.bytes }
            let mb = Double(bytes) / 1_048_576
            output = "files=\(outcomes.count) statements=\(statements) errors=\(errors) bytes=\(bytes) "
                + "seconds=\(elapsed.decimalText(fractionDigits: 3)) MiB/s=\((elapsed > 0 ? mb / elapsed : 0).decimalText(fractionDigits: 1))\n"
        } else {
            output = outcomes.map(\.text).joined()
        }
        StandardOutput.write(output)
        if errors > 0 { throw ExitCode(1) }
    }
}
