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
        // A check allocates tens of megabytes in small pieces from several
        // threads: glibc's allocator then grows its heaps a page run at a time,
        // a system call and a round of page faults each, and returns freed tops
        // at once. Growing and keeping in larger steps took a tenth off the
        // check's processor time on a 20 MB history (the pages are only touched
        // when used).
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

#if canImport(Glibc)
/// glibc's allocator settings (`mallopt`, which Swift's Glibc module does not
/// declare: it is found by name; the option numbers are glibc's `malloc.h`).
enum Allocator {
    static func growInLargeSteps() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let topPad: Int32 = -2  // M_TOP_PAD
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
    }
}
#endif

