import SQLSyntax

/// Finds statement boundaries the way the server does: a `;` ends a statement
/// unless it stands inside a `BEGIN ATOMIC ... END` function body, a SQLite
/// trigger's `BEGIN ... END`, or the parenthesized actions of `CREATE RULE`.
/// psql meta-commands and COPY data are not statements.
struct StatementSplitter {
    let dialect: Dialect

    func split(_ tokens: [Token], source: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = -1
        var parenDepth = 0
        var blockDepth = 0
        /// The statement may contain a BEGIN ... END body.
        var bodyKind = BodyKind.none
        var i = 0
        let count = tokens.count
        func close(_ end: Int) {
            if start >= 0 && end > start { ranges.append(start..<end) }
            start = -1
            parenDepth = 0
            blockDepth = 0
            bodyKind = .none
        }
        while i < count {
            let t = tokens[i]
            switch t.kind {
            case .endOfInput:
                close(i)
                return ranges
            case .psqlMetaCommand, .copyData:
                close(i)
            case .semicolon:
                if blockDepth > 0 || (parenDepth > 0 && bodyKind == .rule) {
                    break
                }
                close(i)
            default:
                if start < 0 {
                    start = i
                    bodyKind = bodyKindOf(tokens, i)
                }
                switch t.kind {
                case .leftParen: parenDepth += 1
                case .rightParen: parenDepth = max(0, parenDepth - 1)
                case .identifier:
                    switch t.keyword {
                    case .begin:
                        if bodyKind == .trigger {
                            blockDepth += 1
                        } else if bodyKind == .function, i + 1 < count, tokens[i + 1].keyword == .atomic {
                            blockDepth += 1
                        }
                    case .case where blockDepth > 0:
                        blockDepth += 1
                    case .end where blockDepth > 0:
                        blockDepth -= 1
                    default: break
                    }
                default: break
                }
            }
            i += 1
        }
        close(count)
        return ranges
    }

    private enum BodyKind { case none, function, trigger, rule }

    /// Looks at `CREATE [OR REPLACE] [TEMP] {FUNCTION | PROCEDURE | TRIGGER | RULE}`.
    private func bodyKindOf(_ tokens: [Token], _ i: Int) -> BodyKind {
        guard tokens[i].keyword == .create else { return .none }
        var j = i + 1
        while j < tokens.count, j < i + 6 {
            switch tokens[j].keyword {
            case .or, .replace, .temp, .temporary, .constraint: j += 1
            case .function, .procedure: return .function
            case .trigger: return dialect.kind == .sqlite ? .trigger : .none
            case .rule: return .rule
            default: return .none
            }
        }
        return .none
    }
}
