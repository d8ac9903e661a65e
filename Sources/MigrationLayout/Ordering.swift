#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Orderings the migration tools use. All of them work on the UTF-8 bytes of names and
/// compare digit runs of any length without converting them to integers, so a 30-digit
/// version neither overflows nor crashes.
enum Ordering {
    /// Compares two runs of ASCII digits by value: leading zeros are ignored, then the
    /// longer run is bigger, then the bytes decide. Returns -1, 0 or 1.
    static func compareNumbers<A: Collection, B: Collection>(_ a: A, _ b: B) -> Int
    where A.Element == UInt8, B.Element == UInt8 {
        let x = a.drop { $0 == UInt8(ascii: "0") }
        let y = b.drop { $0 == UInt8(ascii: "0") }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return 0
    }

    /// Byte order of two strings: -1, 0 or 1. (memcmp over their UTF-8: the generic
    /// comparison of two UTF-8 views was a sixth of ordering a folder of migrations.)
    static func compareBytes(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 ? -1 : 1 }
                }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
    }

    /// Natural order: digit runs compare by value, everything else byte by byte, so
    /// `2_x.sql` comes before `10_x.sql`. Names equal in value (`01` and `1`) fall back
    /// to byte order, so the order is total.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var i = 0
        var j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                let i0 = i
                let j0 = j
                while i < x.count, isDigit(x[i]) { i += 1 }
                while j < y.count, isDigit(y[j]) { j += 1 }
                let order = compareNumbers(x[i0..<i], y[j0..<j])
                if order != 0 { return order < 0 }
            } else {
                if x[i] != y[j] { return x[i] < y[j] }
                i += 1
                j += 1
            }
        }
        if (x.count - i) != (y.count - j) { return (x.count - i) < (y.count - j) }
        return compareBytes(a, b) < 0
    }

    /// Compares dotted versions part by part by value; a missing part counts as zero, so
    /// Flyway's `1.0` equals `1` and `1.10` comes after `1.9`. Parts are digit runs.
    static func compareVersions(_ a: [Substring], _ b: [Substring]) -> Int {
        for index in 0..<max(a.count, b.count) {
            let p = index < a.count ? Array(a[index].utf8) : []
            let q = index < b.count ? Array(b[index].utf8) : []
            let order = compareNumbers(p, q)
            if order != 0 { return order }
        }
        return 0
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The leading run of ASCII digits of `text` (possibly empty).
    static func leadingDigits(_ text: String) -> Substring {
        text.prefix { $0.isASCII && $0.isNumber }
    }

    /// Whether `text` is one or more ASCII digits.
    static func isNumber<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isDigit)
    }
}

/// A sort key made of parts compared in turn; the last part is always the path's bytes,
/// so that no two distinct files compare equal and the order is reproducible.
struct SortKey {
    enum Part {
        case number(String)
        case bytes(String)
        case version([Substring])
        case natural(String)
        case rank(Int)
    }

    var parts: [Part]

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        for (a, b) in zip(lhs.parts, rhs.parts) {
            let order: Int
            switch (a, b) {
            case (.number(let x), .number(let y)): order = Ordering.compareNumbers(Array(x.utf8), Array(y.utf8))
            case (.bytes(let x), .bytes(let y)): order = Ordering.compareBytes(x, y)
            case (.version(let x), .version(let y)): order = Ordering.compareVersions(x, y)
            case (.natural(let x), .natural(let y)):
                order = Ordering.naturalLess(x, y) ? -1 : (Ordering.naturalLess(y, x) ? 1 : 0)
            case (.rank(let x), .rank(let y)): order = x == y ? 0 : (x < y ? -1 : 1)
            default: order = 0
            }
            if order != 0 { return order < 0 }
        }
        return lhs.parts.count < rhs.parts.count
    }
}
