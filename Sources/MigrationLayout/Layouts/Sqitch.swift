#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// sqitch: `sqitch.plan` lists the changes in deploy order; each change's script is
/// `deploy/<change>.sql`. A change reworked later in the plan keeps its earlier script as
/// `deploy/<change>@<tag>.sql`, where the tag is the first one after that earlier entry.
///
/// sqitch runs a script through `psql` as it is, without a transaction of its own; the
/// scripts usually say `BEGIN` ... `COMMIT` themselves, which the statement splitter sees.
/// So every file is `.none` (statement by statement).
///
/// Not read: `sqitch.conf` settings that move the plan or the deploy folder (`top_dir`,
/// `plan_file`, `deploy_dir`); pass the folder that holds `sqitch.plan` and `deploy/`.
enum Sqitch {
    static let kind = MigrationLayoutKind.sqitch
    static let planName = "sqitch.plan"

    struct Change {
        var name: String
        var line: Int
        /// The first tag after this entry, which names a reworked change's old script.
        var tagAfter: String?
    }

    /// The plan file for a folder given on the command line: `<folder>/sqitch.plan`, or
    /// the parent's when the folder given is the `deploy` folder itself.
    static func plan(forFolder folder: String) -> String? {
        let own = FileSystem.join(folder, planName)
        if FileSystem.isFile(own) { return own }
        let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard FileSystem.lastComponent(trimmed) == "deploy" else { return nil }
        let parent = Diesel.sibling(of: trimmed, named: planName)
        return FileSystem.isFile(parent) ? parent : nil
    }

    /// Reads the plan and the deploy script of every change, in plan order.
    static func load(plan: String, setPath: String, cache: FileCache) throws(MigrationLayoutError) -> MigrationSet {
        let changes = try parse(path: plan, bytes: try cache.read(plan))
        guard !changes.isEmpty else {
            throw .noMigrations(path: setPath, layout: kind, hint: "\(plan) lists no changes")
        }
        let top = Diesel.sibling(of: plan, named: "")
        var files: [MigrationFile] = []
        for (index, change) in changes.enumerated() {
            var scriptName = change.name
            if changes[(index + 1)...].contains(where: { $0.name == change.name }) {
                guard let tag = change.tagAfter else {
                    throw .invalidPlan(
                        path: plan, line: change.line,
                        message: "'\(change.name)' is reworked later in the plan, but no tag follows this entry")
                }
                scriptName += "@" + tag
            }
            let script = top + "deploy/" + scriptName + ".sql"
            guard FileSystem.kind(script) != nil else {
                throw .missingScript(path: script, referencedFrom: plan, line: change.line)
            }
            files.append(
                MigrationFile(
                    path: script, layout: kind, version: nil, name: change.name, transaction: .none,
                    bytes: try cache.read(script)))
        }
        return MigrationSet(path: setPath, layout: kind, files: files)
    }

    /// Reads the change and tag lines of a plan. Pragmas (`%...`), comments and blank
    /// lines are skipped; dependencies, timestamps, planners and notes are not needed.
    static func parse(path: String, bytes: [UInt8]) throws(MigrationLayoutError) -> [Change] {
        var changes: [Change] = []
        var untagged: [Int] = []
        for line in Lines(bytes: bytes) {
            let text = String(String(decoding: bytes[line.start..<line.end], as: UTF8.self).trimmingBlanks())
            guard let first = text.first, first != "#", first != "%" else { continue }
            if first == "@" {
                let tag = text.dropFirst().prefix { !$0.isWhitespace }
                guard !tag.isEmpty else {
                    throw .invalidPlan(path: path, line: line.number, message: "a tag without a name")
                }
                for index in untagged { changes[index].tagAfter = String(tag) }
                untagged.removeAll()
                continue
            }
            if first == "-" {
                throw .invalidPlan(
                    path: path, line: line.number, message: "revert entries ('-change') in a plan are not supported")
            }
            let body = first == "+" ? text.dropFirst() : Substring(text)
            let name = body.prefix { !$0.isWhitespace && $0 != "[" }
            guard !name.isEmpty, !name.contains(where: { ":@#\\".contains($0) }) else {
                throw .invalidPlan(path: path, line: line.number, message: "expected a change name, found '\(text)'")
            }
            untagged.append(changes.count)
            changes.append(Change(name: String(name), line: line.number, tagAfter: nil))
        }
        return changes
    }
}
