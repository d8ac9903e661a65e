import Foundation
import Testing

@testable import MigrationRules

/// `docs/lock-model.md` is generated from the model; this fails when they drift.
/// `UPDATE_GOLDEN=1` rewrites the page.
struct LocksDocsTests {
    static let page: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/lock-model.md")

    @Test func lockModelPageMatchesTheModel() throws {
        let generated = LockModelDocs.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try generated.write(to: Self.page, atomically: true, encoding: .utf8)
            return
        }
        let onDisk = try? String(contentsOf: Self.page, encoding: .utf8)
        #expect(
            onDisk == generated,
            "docs/lock-model.md is out of date: run UPDATE_GOLDEN=1 swift test --filter LocksDocsTests")
    }
}
