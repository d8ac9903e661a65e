import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MigrationPlanner
import MigrationRules

/// `switchgate explain <id>`: one rule's documentation.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it finds, why it matters, what to do instead, with examples."
    )

    @Argument(help: "A rule id, as `switchgate rules` lists them.")
    var id: String

    func run() throws {
        if RuleRegistry.rule(id) == nil, let check = PlannerCheck.named(id) {
            StandardOutput.write(check.explain)
            return
        }
        guard let rule = RuleRegistry.rule(id) else {
            let close = RuleRegistry.metadata.map(\.id).filter { $0.contains(id) || id.contains($0) }
            var message = "unknown rule '\(id)'"
            if !close.isEmpty { message += "; did you mean \(close.prefix(3).joined(separator: ", "))?" }
            message += " (switchgate rules lists them)"
            StandardError.write("error: \(message)\n")
            throw ExitCode(2)
        }
        StandardOutput.write(RuleDocs.explain(rule.metadata))
    }
}
