/// Finds the keyword a bare word spells, case-insensitively, without allocating.
///
/// Keywords are at most 17 ASCII letters or underscores, so a word is packed into
/// three 64-bit integers and looked up in a small open-addressing table built once.
public enum KeywordLookup {
    private struct Entry {
        var a: UInt64, b: UInt64, c: UInt64
        var keyword: UInt16
    }

    private static let capacity = 2048  // a power of two, > 4 × the keyword count
    private static let table: [Entry?] = {
        var table = [Entry?](repeating: nil, count: capacity)
        for keyword in Keyword.allCases {
            let bytes = Array(keyword.text.utf8)
            let (a, b, c) = bytes.withUnsafeBufferPointer { packWords($0) ?? (0, 0, 0) }
            var slot = hash(a, b, c) & (capacity - 1)
            while table[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            table[slot] = Entry(a: a, b: b, c: c, keyword: keyword.rawValue)
        }
        return table
    }()

    @inline(__always)
    private static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= (b &+ 0x632B_E59B_D9B4_E019) &* 0xBF58_476D_1CE4_E5B9
        h ^= c &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Packs `word` lower-cased, eight bytes at a time; nil for a word longer than
    /// 24 bytes or with a byte outside ASCII. Other bytes that no keyword has
    /// (digits, `$`) are packed as they are: such a word matches no entry.
    @inline(__always)
    private static func packWords(_ word: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64)? {
        guard word.count <= 24 else { return nil }
        var parts: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &parts) { $0.copyMemory(from: UnsafeRawBufferPointer(word)) }
        let high: UInt64 = 0x8080_8080_8080_8080
        guard (parts.0 | parts.1 | parts.2) & high == 0 else { return nil }
        // Per byte (all below 0x80, so no lane carries into the next): the high
        // bit of `b + 0x3F` says b >= 'A', that of `b + 0x25` says b > 'Z'.
        @inline(__always) func lowered(_ x: UInt64) -> UInt64 {
            let upper = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(x &+ 0x2525_2525_2525_2525) & high
            return x | upper >> 2
        }
        return (lowered(parts.0), lowered(parts.1), lowered(parts.2))
    }

    /// The keyword spelled by `word`, or nil.
    @inline(__always)
    public static func keyword(_ word: UnsafeBufferPointer<UInt8>) -> Keyword? {
        guard word.count > 0, word.count <= 17, let (a, b, c) = packWords(word) else { return nil }
        var slot = hash(a, b, c) & (capacity - 1)
        return table.withUnsafeBufferPointer { table in
            while let entry = table[slot] {
                if entry.a == a && entry.b == b && entry.c == c {
                    return Keyword(rawValue: entry.keyword)
                }
                slot = (slot + 1) & (capacity - 1)
            }
            return nil
        }
    }

    /// The keyword spelled by `word`, or nil.
    public static func keyword(_ word: String) -> Keyword? {
        var word = word
        return word.withUTF8 { keyword($0) }
    }
}
