// Small string helpers, so that binding needs no Foundation.

extension StringProtocol {
    /// The text without leading and trailing white space.
    var trimmed: String {
        // Most literals start and end with a visible ASCII character.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return text
        }
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !first.properties.isWhitespace,
            !last.properties.isWhitespace
        {
            return String(self)
        }
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every `character` removed.
    func removing(_ character: Character) -> String {
        String(filter { $0 != character })
    }

    /// The text with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let text = Array(self.unicodeScalars)
        let t = Array(target.unicodeScalars)
        guard !t.isEmpty else { return String(self) }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < text.count {
            if i + t.count <= text.count, Array(text[i..<i + t.count]) == t {
                out.append(contentsOf: replacement.unicodeScalars)
                i += t.count
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Splits on a word (`and`), case-insensitively, for loose expression comparison.
    func splitting(on word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let text = Array(self.lowercased())
        let w = Array(word)
        var i = 0
        while i < text.count {
            if i + w.count <= text.count, Array(text[i..<i + w.count]) == w {
                parts.append(current)
                current = ""
                i += w.count
            } else {
                current.append(text[i])
                i += 1
            }
        }
        parts.append(current)
        return parts
    }
}
