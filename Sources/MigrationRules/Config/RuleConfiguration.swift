import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SQLSyntax

/// A configuration problem, with the file and line, for a clear message (exit 2).
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Settings of the rule engine, from `.switchgate.toml` and the command line (flags win).
///
/// ```toml
/// dialect = "postgres"
/// pg_version = 15
/// assume_in_transaction = false
/// migrations = ["db/migrations"]
/// blue = ["queries/blue"]
/// green = ["queries/green"]
/// small_table_rows = 10_000
/// table_stats = "stats.csv"
///
/// [rules]
/// disable = ["prefer-text-field"]
/// enable = ["require-statement-timeout"]
///
/// [rules.severity]
/// ban-drop-column = "error"
/// ```
public struct RuleConfiguration: Sendable {
    /// Severity per rule id, overriding the default.
    public var severities: [String: Severity]
    /// Opt-in rules turned on.
    public var enabled: Set<String>
    /// Rules turned off.
    public var disabled: Set<String>
    public var dialect: Dialect.Kind?
    public var postgresVersion: Int?
    public var assumeInTransaction: Bool?
    /// A lock hazard on a table with fewer rows is a warning (needs `tableStats`).
    public var smallTableRows: Int?
    public var tableStats: TableStatistics?
    /// As written in the config file, relative to it (resolved in `load`).
    public var tableStatsPath: String?
    public var migrationPaths: [String]
    public var bluePaths: [String]
    public var greenPaths: [String]
    /// The file this came from, if any.
    public var file: String?

    public init(
        severities: [String: Severity] = [:], enabled: Set<String> = [], disabled: Set<String> = [],
        dialect: Dialect.Kind? = nil, postgresVersion: Int? = nil, assumeInTransaction: Bool? = nil,
        smallTableRows: Int? = nil, tableStats: TableStatistics? = nil, tableStatsPath: String? = nil,
        migrationPaths: [String] = [], bluePaths: [String] = [], greenPaths: [String] = [], file: String? = nil
    ) {
        self.severities = severities
        self.enabled = enabled
        self.disabled = disabled
        self.dialect = dialect
        self.postgresVersion = postgresVersion
        self.assumeInTransaction = assumeInTransaction
        self.smallTableRows = smallTableRows
        self.tableStats = tableStats
        self.tableStatsPath = tableStatsPath
        self.migrationPaths = migrationPaths
        self.bluePaths = bluePaths
        self.greenPaths = greenPaths
        self.file = file
    }

    public static let fileName = ".switchgate.toml"
    /// Rows below which a lock hazard is only a warning, when statistics are given but no threshold.
    public static let defaultSmallTableRows = 10_000

    /// Whether a rule runs.
    public func isEnabled(_ metadata: RuleMetadata) -> Bool {
        if disabled.contains(metadata.id) || metadata.aliases.contains(where: disabled.contains) { return false }
        if metadata.optIn { return enabled.contains(metadata.id) || metadata.aliases.contains(where: enabled.contains) }
        return true
    }

    /// The severity a rule's findings get.
    public func severity(_ metadata: RuleMetadata, default fallback: Severity) -> Severity {
        severities[metadata.id] ?? metadata.aliases.lazy.compactMap { severities[$0] }.first ?? fallback
    }

    /// The nearest `.switchgate.toml` in `directory` or above it, loaded; nil when there is none.
    public static func load(searchingFrom directory: String) throws(ConfigurationError) -> RuleConfiguration? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) {
                return try load(file: candidate)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Loads one config file; relative paths in it are resolved against its folder.
    public static func load(file: String) throws(ConfigurationError) -> RuleConfiguration {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, line: nil, message: "cannot read the configuration file")
        }
        var config = try parse(String(decoding: data, as: UTF8.self), file: file)
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : folder.appendingPathComponent(p).path }
        config.migrationPaths = config.migrationPaths.map(resolve)
        config.bluePaths = config.bluePaths.map(resolve)
        config.greenPaths = config.greenPaths.map(resolve)
        if let stats = config.tableStatsPath {
            config.tableStatsPath = resolve(stats)
            config.tableStats = try TableStatistics.load(path: resolve(stats))
        }
        return config
    }

    /// Parses the text of a config file (no file access: `table_stats` is only recorded).
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> RuleConfiguration {
        let root: TOMLTable
        do {
            root = try TOMLSubset.parse(text)
        } catch {
            throw ConfigurationError(file: file, line: error.line, message: error.message)
        }
        var config = RuleConfiguration(file: file)
        let reader = ConfigReader(file: file)
        let known = RuleRegistry.knownIDs
        for key in root.order {
            let line = root.lines[key]
            let value = root.entries[key] ?? .boolean(false)
            switch key {
            case "dialect":
                let name = try reader.string(value, key, line)
                guard let kind = Dialect.Kind(rawValue: name) else {
                    throw ConfigurationError(file: file, line: line, message: "dialect must be \"postgres\" or \"sqlite\", not \"\(name)\"")
                }
                config.dialect = kind
            case "pg_version", "postgres_version":
                let n = try reader.integer(value, key, line)
                guard (10...18).contains(n) else {
                    throw ConfigurationError(file: file, line: line, message: "\(key) must be between 10 and 18, not \(n)")
                }
                config.postgresVersion = n
            case "assume_in_transaction":
                config.assumeInTransaction = try reader.boolean(value, key, line)
            case "small_table_rows":
                let n = try reader.integer(value, key, line)
                guard n >= 0 else {
                    throw ConfigurationError(file: file, line: line, message: "small_table_rows must not be negative")
                }
                config.smallTableRows = n
            case "table_stats":
                config.tableStatsPath = try reader.string(value, key, line)
            case "migrations": config.migrationPaths = try reader.strings(value, key, line)
            case "blue": config.bluePaths = try reader.strings(value, key, line)
            case "green": config.greenPaths = try reader.strings(value, key, line)
            case "rules":
                guard case .table(let rules) = value else {
                    throw ConfigurationError(file: file, line: line, message: "rules must be a table ([rules])")
                }
                for ruleKey in rules.order {
                    let ruleLine = rules.lines[ruleKey]
                    let ruleValue = rules.entries[ruleKey] ?? .boolean(false)
                    switch ruleKey {
                    case "enable", "disable":
                        let ids = try reader.strings(ruleValue, "rules.\(ruleKey)", ruleLine)
                        for id in ids where !known.contains(id) {
                            throw ConfigurationError(file: file, line: ruleLine, message: "unknown rule '\(id)' in rules.\(ruleKey)")
                        }
                        if ruleKey == "enable" { config.enabled.formUnion(ids) } else { config.disabled.formUnion(ids) }
                    case "severity":
                        guard case .table(let table) = ruleValue else {
                            throw ConfigurationError(file: file, line: ruleLine, message: "rules.severity must be a table ([rules.severity])")
                        }
                        for id in table.order {
                            let idLine = table.lines[id]
                            guard known.contains(id) else {
                                throw ConfigurationError(file: file, line: idLine, message: "unknown rule '\(id)' in rules.severity")
                            }
                            let text = try reader.string(table.entries[id] ?? .boolean(false), "rules.severity.\(id)", idLine)
                            if text == "off" {
                                config.disabled.insert(id)
                                continue
                            }
                            guard let severity = Severity(rawValue: text) else {
                                throw ConfigurationError(
                                    file: file, line: idLine,
                                    message: "severity of '\(id)' must be \"error\", \"warning\", \"info\" or \"off\", not \"\(text)\"")
                            }
                            config.severities[id] = severity
                            config.enabled.insert(id)
                        }
                    default:
                        throw ConfigurationError(
                            file: file, line: ruleLine,
                            message: "unknown key 'rules.\(ruleKey)' (expected enable, disable or [rules.severity])")
                    }
                }
            default:
                throw ConfigurationError(
                    file: file, line: line,
                    message: "unknown key '\(key)' (expected dialect, pg_version, assume_in_transaction, migrations, blue, green, small_table_rows, table_stats or [rules])")
            }
        }
        return config
    }
}

/// Typed access to TOML values with errors that name the key and line.
struct ConfigReader {
    let file: String

    func wrong(_ key: String, _ expected: String, _ value: TOMLValue, _ line: Int?) -> ConfigurationError {
        ConfigurationError(file: file, line: line, message: "\(key) must be \(expected), not \(value.typeName)")
    }

    func string(_ v: TOMLValue, _ key: String, _ line: Int?) throws(ConfigurationError) -> String {
        guard case .string(let s) = v else { throw wrong(key, "a string", v, line) }
        return s
    }

    func integer(_ v: TOMLValue, _ key: String, _ line: Int?) throws(ConfigurationError) -> Int {
        guard case .integer(let n) = v else { throw wrong(key, "an integer", v, line) }
        return n
    }

    func boolean(_ v: TOMLValue, _ key: String, _ line: Int?) throws(ConfigurationError) -> Bool {
        guard case .boolean(let b) = v else { throw wrong(key, "true or false", v, line) }
        return b
    }

    func strings(_ v: TOMLValue, _ key: String, _ line: Int?) throws(ConfigurationError) -> [String] {
        if case .string(let s) = v { return [s] }
        guard case .array(let items) = v else { throw wrong(key, "an array of strings", v, line) }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw wrong(key, "an array of strings", item, line) }
            out.append(s)
        }
        return out
    }
}
