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
        let arguments = Array(CommandLine.arguments.dropFirst())
        if parsesCheckDirectly(arguments) {
            // A command line the parser refuses is parsed again from the root,
            // whose messages name the whole command.
            if var command = try? CheckCommand.parseAsRoot(Array(arguments.dropFirst())) { run(&command) }
        }
        do {
            var command = try Switchgate.parseAsRoot(arguments)
            run(&command)
        } catch {
            fail(error)
        }
    }

    /// Runs a parsed command and ends the process with its status.
    static func run(_ command: inout any ParsableCommand) -> Never {
        do {
            try command.run()
        } catch {
            fail(error)
        }
        endProcess(0)
    }

    /// Ends the process as `error` asks: `ExitCode`, help or version (stdout,
    /// status 0), or a message on stderr and status 2.
    static func fail(_ error: any Error) -> Never {
        if let code = error as? ExitCode { endProcess(code.rawValue) }
        if Switchgate.exitCode(for: error) == .success {
            // --help and --version print to stdout and succeed.
            print(Switchgate.fullMessage(for: error))
            endProcess(0)
        }
        StandardError.write((Switchgate.fullMessage(for: error) + "\n"))
        endProcess(2)
    }
}

/// Whether `switchgate check ...` can be parsed as `check` alone, without the root
/// command: the root first tries the whole command line as a request for a
/// completion script, two more parses that look up the conformances of every
/// option's type. Those lookups scan the program's thousands of conformance
/// records one by one, and a check then started ~0.5 ms later (a tenth of the
/// start-up of a small one). Help, version and completion requests, which the
/// root answers, still go through it, and so does a command line `check` refuses
/// (the root's messages name the whole command).
func parsesCheckDirectly(_ arguments: [String]) -> Bool {
    guard arguments.first == "check" else { return false }
    let answeredByRoot: Set<String> = ["-h", "--help", "help", "--version", "--experimental-dump-help"]
    return !arguments.dropFirst().contains { answeredByRoot.contains($0) || $0.hasPrefix("--generate-completion-script") }
}

/// Ends the process with `status` (C's `exit`: standard output's buffer is flushed).
func endProcess(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
