/// Cuts the parts switchgate keeps out of the server's deparsed definitions.
enum DefinitionText {
    /// `CHECK (price > 0::numeric) NO INHERIT NOT VALID` → `price > 0::numeric`.
    static func checkExpression(_ definition: String) -> String {
        var text = Substring(definition)
        for suffix in [" NOT VALID", " NO INHERIT"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
        }
        guard text.hasPrefix("CHECK "), let open = text.firstIndex(of: "("),
            let inner = parenthesized(text, from: open)
        else { return String(text) }
        return String(inner)
    }

    /// `pg_get_viewdef` output without its leading space and trailing semicolon.
    static func viewQuery(_ definition: String) -> String {
        var text = Substring(definition)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace || last == ";" { text = text.dropLast() }
        return String(text)
    }

    /// The text between the parenthesis at `open` and its match, skipping quoted text.
    static func parenthesized(_ text: Substring, from open: Substring.Index) -> Substring? {
        var depth = 0
        var quote: Character?
        var i = open
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { return text[text.index(after: open)..<i] }
            }
            i = text.index(after: i)
        }
        return nil
    }
}
