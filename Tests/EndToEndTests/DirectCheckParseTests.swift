import Foundation
import Testing

@testable import switchgate

/// `switchgate check ...` is parsed as `check` alone (`parsesCheckDirectly`), and
/// must answer exactly as the root command does: help, version and completion
/// requests stay with the root, and a command line `check` refuses is parsed
/// again from the root, whose messages name the whole command.
@Suite struct DirectCheckParseTests {
    @Test func onlyPlainCheckCommandLinesSkipTheRoot() {
        #expect(parsesCheckDirectly(["check", "--format", "json", "migrations"]))
        #expect(parsesCheckDirectly(["check", "migrations", "--", "--help"]) == false)
        #expect(!parsesCheckDirectly(["check", "--help"]))
        #expect(!parsesCheckDirectly(["check", "-h"]))
        #expect(!parsesCheckDirectly(["check", "--version"]))
        #expect(!parsesCheckDirectly(["check", "--generate-completion-script", "bash"]))
        #expect(!parsesCheckDirectly(["check", "--generate-completion-script=zsh"]))
        #expect(!parsesCheckDirectly(["help", "check"]))
        #expect(!parsesCheckDirectly(["parse", "x.sql"]))
        #expect(!parsesCheckDirectly([]))
    }

    /// Bad usage reads the same as from the root: the usage line and the hint name `switchgate check`.
    @Test(arguments: [["--format", "bogus", "x"], ["--unknown-option", "x"], ["--pg-version", "abc", "x"], ["--format"]])
    func badUsageNamesTheWholeCommand(_ arguments: [String]) throws {
        let run = try Binary.run(["check"] + arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Usage: switchgate check"))
        #expect(run.stderr.contains("See 'switchgate check --help' for more information."))
    }
}
