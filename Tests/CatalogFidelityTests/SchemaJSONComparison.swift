import Foundation

/// Compares two `switchgate schema --format json` outputs field by field: every
/// table (kind; columns in order with type, not_null, default, identity,
/// generated; constraints; indexes), view, sequence, type and function.
///
/// Objects in a list are matched by name (functions by name and arguments), so a
/// difference names the object. Every field must be equal, except that expression
/// texts (defaults, generated expressions, CHECK expressions, index expression keys
/// and predicates) are equal when replay's text, put in its place on the server,
/// deparses to the server's text (see `compareExpressions`).
struct SchemaJSONComparison {
    /// Objects matched or found on one side only (tables, columns, constraints,
    /// indexes, views, sequences, types, functions).
    var objectsCompared = 0
    /// Expression pairs spelled differently that the server reads as the same.
    var respelled = 0
    var differences: [String] = []

    /// Without a server, expressions must be spelled identically.
    private let spelling: ServerSpelling?

    init(spelling: ServerSpelling?) {
        self.spelling = spelling
    }

    /// `replay` and `server` are the two JSON texts.
    mutating func compare(replay: String, server: String) throws {
        let a = try JSONSerialization.jsonObject(with: Data(replay.utf8))
        let b = try JSONSerialization.jsonObject(with: Data(server.utf8))
        guard let a = a as? [String: Any], let b = b as? [String: Any] else {
            differences.append("the output is not a JSON object")
            return
        }
        try compareObjects(a, b, path: "", table: nil)
    }

    /// The table whose fields are being compared, for expression places.
    private struct TableContext {
        var qualified: String
        var columns: Set<String>
    }

    private mutating func compareObjects(_ a: [String: Any], _ b: [String: Any], path: String, table: TableContext?)
        throws
    {
        var table = table
        if path.hasPrefix("tables[") && !path.contains("]."), let schema = a["schema"] as? String,
            let name = a["name"] as? String
        {
            let columns = (a["columns"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            table = TableContext(qualified: ServerSpelling.qualified(schema, name), columns: Set(columns))
        }
        for key in Set(a.keys).union(b.keys).sorted() {
            let here = path.isEmpty ? key : "\(path).\(key)"
            let left = a[key]
            let right = b[key]
            if let l = left as? [Any], let r = right as? [Any] {
                try compareLists(l, r, path: here, table: table, owner: a, otherOwner: b)
            } else if let l = left as? [String: Any], let r = right as? [String: Any] {
                try compareObjects(l, r, path: here, table: table)
            } else {
                try compareLeaves(left, right, key: key, path: here, table: table, owner: a)
            }
        }
    }

    private static func identity(_ object: [String: Any]) -> String? {
        guard let name = object["name"] as? String else { return nil }
        var id = (object["schema"] as? String).map { "\($0).\(name)" } ?? name
        if let arguments = object["arguments"] as? String { id += "(\(arguments))" }
        return id
    }

    private mutating func compareLists(
        _ a: [Any], _ b: [Any], path: String, table: TableContext?, owner: [String: Any], otherOwner: [String: Any]
    ) throws {
        let left = a.compactMap { $0 as? [String: Any] }
        let right = b.compactMap { $0 as? [String: Any] }
        if left.count == a.count, right.count == b.count, !(a.isEmpty && b.isEmpty),
            left.allSatisfy({ Self.identity($0) != nil }), right.allSatisfy({ Self.identity($0) != nil })
        {
            // Lists of named objects: match by name.
            let leftIDs = left.compactMap(Self.identity)
            let rightIDs = right.compactMap(Self.identity)
            let rightByID = Dictionary(zip(rightIDs, right), uniquingKeysWith: { first, _ in first })
            let leftByID = Dictionary(zip(leftIDs, left), uniquingKeysWith: { first, _ in first })
            objectsCompared += Set(leftIDs).union(rightIDs).count
            if path.hasSuffix(".columns"), leftIDs != rightIDs, Set(leftIDs) == Set(rightIDs) {
                differences.append("\(path): column order replay \(leftIDs), server \(rightIDs)")
            }
            for (id, object) in zip(leftIDs, left) {
                guard let other = rightByID[id] else {
                    differences.append("\(path)[\(id)]: replay only")
                    continue
                }
                try compareObjects(object, other, path: "\(path)[\(id)]", table: table)
            }
            for id in rightIDs where leftByID[id] == nil {
                differences.append("\(path)[\(id)]: server only")
            }
            return
        }
        // Lists of values (key columns, enum labels, index keys): element by element.
        guard a.count == b.count else {
            differences.append("\(path): replay \(Self.render(a)), server \(Self.render(b))")
            return
        }
        let isIndexKeys = path.contains(".indexes[") && path.hasSuffix(".columns")
        for (i, (l, r)) in zip(a, b).enumerated() {
            if isIndexKeys, let table, let ls = l as? String, let rs = r as? String, ls != rs,
                !table.columns.contains(ls) || !table.columns.contains(rs)
            {
                let place = ServerSpelling.Place.indexKey(
                    table: table.qualified, method: owner["method"] as? String ?? "btree")
                try compareExpressions(ls, rs, place: place, path: "\(path)[\(i)]")
            } else if !Self.equal(l, r) {
                differences.append("\(path)[\(i)]: replay \(Self.render(l)), server \(Self.render(r))")
            }
        }
    }

    private mutating func compareLeaves(
        _ a: Any?, _ b: Any?, key: String, path: String, table: TableContext?, owner: [String: Any]
    ) throws {
        if Self.equal(a, b) { return }
        let left = a as? String
        let right = b as? String
        let isText = (a == nil || a is NSNull || left != nil) && (b == nil || b is NSNull || right != nil)
        if isText, let table, let place = place(key: key, path: path, table: table, owner: owner) {
            try compareExpressions(left, right, place: place, path: path)
            return
        }
        differences.append("\(path): replay \(Self.render(a)), server \(Self.render(b))")
    }

    /// Which fields hold expressions, and where the server would put them.
    private func place(key: String, path: String, table: TableContext, owner: [String: Any]) -> ServerSpelling.Place? {
        if path.contains(".columns[") && !path.contains(".indexes[") {
            switch key {
            case "default":
                guard let column = owner["name"] as? String else { return nil }
                return .columnDefault(table: table.qualified, column: column)
            case "generated":
                guard let type = owner["type"] as? String else { return nil }
                return .generated(table: table.qualified, type: type)
            default: return nil
            }
        }
        if path.contains(".constraints[") && key == "expression" { return .check(table: table.qualified) }
        if path.contains(".indexes[") && key == "predicate" { return .indexPredicate(table: table.qualified) }
        return nil
    }

    private mutating func compareExpressions(_ a: String?, _ b: String?, place: ServerSpelling.Place, path: String)
        throws
    {
        guard let spelling else {
            differences.append("\(path): replay \(Self.render(a)), server \(Self.render(b))")
            return
        }
        // The server's text is its deparse of what it stores; replay's text, put in the
        // same place, must deparse to it. Deparsing is not always a fixpoint (a varchar
        // IN list comes back as `ARRAY[...]::text[]`, which reads back differently), so
        // the server's text is put in place too only when the first test fails: that
        // covers a right-hand side that is itself source text (migrations on top of a
        // live baseline).
        let left = try spelling.canonical(a, in: place)
        if left == b {
            respelled += 1
            return
        }
        let right = try spelling.canonical(b, in: place)
        if left == right {
            respelled += 1
        } else {
            differences.append(
                "\(path): replay \(Self.render(a)) (server spelling \(Self.render(left))), server \(Self.render(b))"
                    + (right == b ? "" : " (respelled \(Self.render(right)))"))
        }
    }

    private static func equal(_ a: Any?, _ b: Any?) -> Bool {
        let left = (a is NSNull) ? nil : a
        let right = (b is NSNull) ? nil : b
        switch (left, right) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case let (l as String, r as String): return l == r
        case let (l as NSNumber, r as NSNumber): return l == r
        default: return render(left) == render(right)
        }
    }

    static func render(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "null" }
        if let string = value as? String { return "\"\(string)\"" }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }
}
