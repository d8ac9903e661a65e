import ArgumentParser
import Diagnostics
import Foundation
import Reporters
import SQLParser
import SQLSyntax

extension Dialect.Kind: ExpressibleByArgument {}

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
        let started = DispatchTime.now().uptimeNanoseconds
        let results = ParallelMap.run(files.count) { index -> Result<(SourceFile, ParsedFile), InputError> in
            do {
                let source = try InputFiles.read(files[index])
                return .success((source, parser.parse(source.bytes)))
            } catch let error as InputError {
                return .failure(error)
            } catch {
                return .failure(InputError(description: "\(files[index]): \(error)"))
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // Nothing is printed unless every file could be read.
        var parsed: [(SourceFile, ParsedFile)] = []
        for result in results {
            switch result {
            case .success(let value): parsed.append(value)
            case .failure(let error): throw ValidationError(error.description)
            }
        }
        var errors = 0
        var output = ""
        var statements = 0
        var bytes = 0
        for (source, file) in parsed {
            statements += file.statements.count
            bytes += source.bytes.count
            errors += file.statements.filter { $0.error != nil }.count
            switch format {
            case .json: output += ParseReport.json(source, file) + "\n"
            case .text: output += ParseReport.text(source, file)
            case .summary: break
            }
        }
        if format == .summary {
            let mb = Double(bytes) / 1_048_576
            output = "files=\(parsed.count) statements=\(statements) errors=\(errors) bytes=\(bytes) "
                + "seconds=\(String(format: "%.3f", elapsed)) MiB/s=\(String(format: "%.1f", elapsed > 0 ? mb / elapsed : 0))\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}
