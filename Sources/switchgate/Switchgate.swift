import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `switchgate` command: subcommands under `Commands/`, one file each.
struct Switchgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchgate",
        abstract: "Checks schema migrations for blue-green deployments.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, ParseCommand.self, SchemaCommand.self, RulesCommand.self, ExplainCommand.self]
    )
}

/// Exit statuses of SPEC §5: 0 clean, 1 error findings, 2 bad usage or unreadable input.
@main
enum Main {
    static func main() {
        #if canImport(Glibc)
        // Tens of megabytes in small pieces from several threads: see `Allocator`.
        Allocator.growInLargeSteps()
        #endif
        do {
            var command = try Switchgate.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = Switchgate.exitCode(for: error)
            if code == .success {
                // --help and --version print to stdout and succeed.
                print(Switchgate.fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((Switchgate.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
