/// Connection strings as libpq accepts them: URIs (`postgresql://user:secret@host/db`)
/// and key/value lists (`host=h password=secret dbname=db`).
///
/// Passwords never appear in switchgate's output (SPEC §6): every message that
/// shows a connection string shows `redacted(_:)`, and every message that comes
/// back from libpq or the server is passed through `scrub(_:for:)`.
public enum ConnectionURL {
    /// What a removed password is replaced with.
    public static let mask = "***"

    /// Keys whose values are secrets, in URI query strings and key/value lists.
    static let secretKeys: Set<String> = ["password", "sslpassword"]

    /// `url` with every password replaced by `***`.
    public static func redacted(_ url: String) -> String {
        if let rest = uriRemainder(url) {
            return redactURI(scheme: String(url.prefix(url.count - rest.count)), rest: rest)
        }
        return redactKeyValue(url)
    }

    /// `message` with every password that `url` carries replaced by `***`, for
    /// messages from libpq or the server that might echo it back.
    public static func scrub(_ message: String, for url: String) -> String {
        var out = message
        for secret in passwords(in: url) where !secret.isEmpty {
            out = out.replacingAll(secret, with: mask)
        }
        return out
    }

    /// `url` pointing at database `name` instead of its own (a valid, unquoted identifier).
    public static func replacingDatabase(in url: String, with name: String) -> String {
        guard let rest = uriRemainder(url) else {
            // libpq lets a later keyword override an earlier one.
            return url.isEmpty ? "dbname=\(name)" : "\(url) dbname=\(name)"
        }
        let scheme = String(url.prefix(url.count - rest.count))
        let query = rest.firstIndex(of: "?")
        let beforeQuery = query.map { rest[..<$0] } ?? rest[...]
        let suffix = query.map { String(rest[$0...]) } ?? ""
        // The authority ends at the first "/" after the user info.
        let authorityStart = beforeQuery.lastIndex(of: "@").map { beforeQuery.index(after: $0) } ?? beforeQuery.startIndex
        let slash = beforeQuery[authorityStart...].firstIndex(of: "/")
        let authority = slash.map { beforeQuery[..<$0] } ?? beforeQuery
        return scheme + authority + "/" + name + removingDatabaseParameter(suffix)
    }

    // MARK: - URIs

    /// The part after `postgresql://` or `postgres://`, or nil for a key/value string.
    /// The scheme is matched in any case: libpq itself wants lower case, but a
    /// password in `POSTGRES://u:pw@h` is still a password to hide.
    private static func uriRemainder(_ url: String) -> Substring? {
        for scheme in ["postgresql://", "postgres://"] where url.prefix(scheme.count).lowercased() == scheme {
            return url.dropFirst(scheme.count)
        }
        return nil
    }

    /// The user info ends at the last "@" of the string, so a password holding a raw
    /// "/", "?" or "@" is still hidden (at worst more than the password is hidden).
    private static func userInfoRange(_ rest: Substring) -> Range<Substring.Index>? {
        guard let at = rest.lastIndex(of: "@") else { return nil }
        return rest.startIndex..<at
    }

    private static func redactURI(scheme: String, rest: Substring) -> String {
        var result = scheme
        if let userInfo = userInfoRange(rest), let colon = rest[userInfo].firstIndex(of: ":") {
            result += rest[...colon]
            result += mask
            result += rest[userInfo.upperBound...]
        } else {
            result += rest
        }
        if let query = result.firstIndex(of: "?") {
            let prefix = result[...query]
            let params = result[result.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false)
            let cleaned = params.map { param -> String in
                guard let eq = param.firstIndex(of: "="),
                    secretKeys.contains(String(param[..<eq]).lowercased())
                else { return String(param) }
                return param[...eq] + mask
            }
            result = prefix + cleaned.joined(separator: "&")
        }
        return result
    }

    private static func removingDatabaseParameter(_ query: String) -> String {
        guard query.hasPrefix("?") else { return query }
        let params = query.dropFirst().split(separator: "&").filter { !$0.hasPrefix("dbname=") }
        return params.isEmpty ? "" : "?" + params.joined(separator: "&")
    }

    // MARK: - Key/value lists

    /// One `key = value` pair of a key/value connection string, with the range of
    /// its value (quotes included).
    private struct Pair {
        var key: String
        var value: String
        var valueRange: Range<Int>
    }

    /// Parses `key=value key2='quoted \' value'` the way libpq's `conninfo_parse` does;
    /// `end` is where parsing stopped (before the end when the text is malformed).
    private static func pairs(_ text: String) -> (pairs: [Pair], end: Int) {
        let chars = Array(text)
        var pairs: [Pair] = []
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
        while i < chars.count {
            skipSpaces()
            let keyStart = i
            var key = ""
            while i < chars.count, chars[i] != "=", !chars[i].isWhitespace {
                key.append(chars[i])
                i += 1
            }
            skipSpaces()
            if key.isEmpty && i >= chars.count { break }
            guard i < chars.count, chars[i] == "=" else {
                // Malformed: stop, and let the caller hide the rest.
                return (pairs, keyStart)
            }
            i += 1
            skipSpaces()
            let start = i
            var value = ""
            if i < chars.count, chars[i] == "'" {
                i += 1
                while i < chars.count, chars[i] != "'" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i])
                    i += 1
                }
                if i < chars.count { i += 1 }
            } else {
                while i < chars.count, !chars[i].isWhitespace {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i])
                    i += 1
                }
            }
            pairs.append(Pair(key: key.lowercased(), value: value, valueRange: start..<i))
        }
        return (pairs, chars.count)
    }

    private static func redactKeyValue(_ text: String) -> String {
        var chars = Array(text)
        let parsed = pairs(text)
        // What did not parse may hold a password: hide all of it.
        if parsed.end < chars.count {
            chars.replaceSubrange(parsed.end..<chars.count, with: Array(mask))
        }
        // Replace from the end so earlier ranges stay valid.
        for pair in parsed.pairs.reversed() {
            if secretKeys.contains(pair.key) {
                chars.replaceSubrange(pair.valueRange, with: Array(mask))
            } else if pair.key == "dbname", !passwords(in: pair.value).isEmpty {
                // libpq expands a dbname that is itself a connection string.
                chars.replaceSubrange(pair.valueRange, with: Array(redacted(pair.value)))
            }
        }
        return String(chars)
    }

    // MARK: - Finding the passwords

    /// Every password `url` carries, raw and percent-decoded.
    static func passwords(in url: String) -> [String] {
        var found: [String] = []
        if let rest = uriRemainder(url) {
            if let userInfo = userInfoRange(rest), let colon = rest[userInfo].firstIndex(of: ":") {
                found.append(String(rest[rest.index(after: colon)..<userInfo.upperBound]))
            }
            if let query = rest.firstIndex(of: "?") {
                for param in rest[rest.index(after: query)...].split(separator: "&") {
                    guard let eq = param.firstIndex(of: "=") else { continue }
                    if secretKeys.contains(String(param[..<eq]).lowercased()) {
                        found.append(String(param[param.index(after: eq)...]))
                    }
                }
            }
        } else {
            for pair in pairs(url).pairs {
                if secretKeys.contains(pair.key) {
                    found.append(pair.value)
                } else if pair.key == "dbname", pair.value.contains("=") || uriRemainder(pair.value) != nil {
                    found += passwords(in: pair.value)
                }
            }
        }
        return found + found.compactMap(percentDecoded).filter { !found.contains($0) }
    }

    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded == text ? nil : decoded
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
