import Diagnostics
import Testing

@testable import MigrationRules

/// Each rule's documented examples are its tests: every bad example fires the rule,
/// no good example does (SwiftLint's and swift-format's convention).
@Suite struct RuleExampleTests {
    static let ids = RuleRegistry.metadata.map(\.id)

    @Test(arguments: ids)
    func badExamplesFire(_ id: String) throws {
        let meta = try #require(RuleRegistry.rule(id)).metadata
        #expect(!meta.bad.isEmpty, "\(id) has no bad example")
        for example in meta.bad {
            let found = findings(example)
            #expect(found.contains { $0.id == id }, "\(id) does not fire on:\n\(example.sql)\nfound: \(found.map(\.id))")
        }
    }

    @Test(arguments: ids)
    func goodExamplesDoNotFire(_ id: String) throws {
        let meta = try #require(RuleRegistry.rule(id)).metadata
        #expect(!meta.good.isEmpty, "\(id) has no good example")
        for example in meta.good {
            let found = findings(example).filter { $0.id == id }
            #expect(found.isEmpty, "\(id) fires on its good example:\n\(example.sql)\n\(found.map(\.message))")
        }
    }

    @Test func idsAreUniqueKebabCase() {
        var seen: Set<String> = []
        for meta in RuleRegistry.metadata {
            for id in [meta.id] + meta.aliases {
                #expect(!seen.contains(id), "duplicate id \(id)")
                seen.insert(id)
                #expect(id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(id) is not kebab-case")
            }
        }
    }
}
