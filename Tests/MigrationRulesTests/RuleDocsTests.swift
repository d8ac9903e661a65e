import Foundation
import Testing

@testable import MigrationRules

/// docs/rules is generated from the rule metadata; this fails when it drifts
/// (swift-format's GeneratedFilesValidityTests). Fix with
/// `swift run switchgate rules --write-docs docs/rules`.
@Suite struct RuleDocsTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rules")

    @Test func committedDocsMatchTheMetadata() throws {
        let files = RuleDocs.files()
        for (name, text) in files {
            let path = Self.folder.appendingPathComponent(name).path
            let committed = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            #expect(committed == text, "docs/rules/\(name) is out of date: run `switchgate rules --write-docs docs/rules`")
        }
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".md") }
        for name in present where files[name] == nil {
            Issue.record("docs/rules/\(name) belongs to no rule")
        }
    }

    /// Every anchor check is implemented by a rule or says why it does not apply.
    @Test func everyAnchorCheckIsMapped() {
        for (tool, ids) in AnchorChecks.all {
            for id in ids {
                let ours = AnchorChecks.rules(for: tool, id)
                let excused = AnchorChecks.notApplicable[tool]?[id] != nil
                #expect(!ours.isEmpty || excused, "\(tool.rawValue) \(id) is neither implemented nor excused")
                #expect(ours.isEmpty || !excused, "\(tool.rawValue) \(id) is both implemented and excused")
            }
        }
        // And every equivalent a rule claims is a real anchor id.
        for meta in RuleRegistry.metadata {
            for e in meta.equivalents {
                #expect(AnchorChecks.all[e.tool]?.contains(e.id) == true, "\(meta.id) claims unknown \(e.tool.rawValue) \(e.id)")
            }
        }
    }

    @Test func everyRuleIsDocumentedWithExamples() {
        for meta in RuleRegistry.metadata {
            #expect(!meta.summary.isEmpty && !meta.rationale.isEmpty && !meta.safeAlternative.isEmpty, "\(meta.id)")
            #expect(!meta.safeAlternative.contains("UNIQUE") || !meta.safeAlternative.contains("UNIQUE ... NOT VALID"), "\(meta.id)")
        }
    }
}
