/// PostgreSQL's rules for the names it chooses (`makeObjectName`,
/// `ChooseRelationName`, `ChooseConstraintName` in src/backend/commands/indexcmds.c).
enum Naming {
    /// `name1_name2_label`, shortening the longer of name1/name2 one byte at a
    /// time until it fits in 63 bytes.
    static func makeObjectName(_ name1: String, _ name2: String?, _ label: String) -> String {
        var n1 = Array(name1.utf8)
        var n2 = name2.map { Array($0.utf8) } ?? []
        let overhead = label.utf8.count + 1 + (name2 == nil ? 0 : 1)
        let available = SQLName.maximumLength - overhead
        while n1.count + n2.count > available {
            if n1.count > n2.count { n1 = clip(n1, n1.count - 1) } else { n2 = clip(n2, n2.count - 1) }
        }
        var result = String(decoding: n1, as: UTF8.self)
        if name2 != nil { result += "_" + String(decoding: n2, as: UTF8.self) }
        return result + "_" + label
    }

    /// Cuts to at most `length` bytes without splitting a character.
    private static func clip(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        var cut = Array(bytes.prefix(max(0, length)))
        while let last = cut.last, last & 0xC0 == 0x80 { cut.removeLast() }
        if let last = cut.last, last >= 0xC0 { cut.removeLast() }
        return cut
    }

    /// The first of `name1_name2_label`, `..._label1`, `..._label2`, ... that `taken` refuses.
    static func choose(_ name1: String, _ name2: String?, _ label: String, taken: (String) -> Bool) -> String {
        var candidate = makeObjectName(name1, name2, label)
        var pass = 0
        while taken(candidate) {
            pass += 1
            candidate = makeObjectName(name1, name2, label + String(pass))
        }
        return candidate
    }

    /// Column part of an index or constraint name: columns joined by `_`, an
    /// expression counting as `expr` (`ChooseIndexColumnNames`).
    static func columnsPart(_ columns: [String?]) -> String {
        columns.map { $0 ?? "expr" }.joined(separator: "_")
    }
}
