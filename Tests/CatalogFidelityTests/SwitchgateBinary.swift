import Foundation

/// The `switchgate` executable that `swift build --build-tests` builds next to the
/// tests, run as a user runs it: the end-to-end tests compare what it prints.
///
/// `SWITCHGATE_BIN` overrides the path (a release build, an installed binary).
enum SwitchgateBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "no switchgate executable at \(path): run swift build --build-tests first" }
    }

    /// What one run printed, and how it ended.
    struct Outcome: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func path() throws -> String {
        if let path = ProcessInfo.processInfo.environment["SWITCHGATE_BIN"], !path.isEmpty { return path }
        // The tests run from .build/<triple>/debug; the executable sits beside the test bundle.
        for candidate in [
            Bundle.main.bundleURL.appendingPathComponent("switchgate").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("switchgate").path,
            packageRoot.appendingPathComponent(".build/debug/switchgate").path,
        ] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw Missing(path: packageRoot.appendingPathComponent(".build/debug/switchgate").path)
    }

    /// Runs `switchgate arguments...` with `environment` added to (and overriding) ours.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        // A URL in the test's own environment must not leak into runs that do not ask for it.
        env["SWITCHGATE_DATABASE_URL"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot stall it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
