import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
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
        } catch let code as ExitCode {
            endProcess(code.rawValue)
        } catch {
            let code = Switchgate.exitCode(for: error)
            if code == .success {
                // --help and --version print to stdout and succeed.
                print(Switchgate.fullMessage(for: error))
                endProcess(0)
            }
            StandardError.write((Switchgate.fullMessage(for: error) + "\n"))
            endProcess(2)
        }
    }
}

/// Ends the process with `status` (C's `exit`: standard output's buffer is flushed).
func endProcess(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
