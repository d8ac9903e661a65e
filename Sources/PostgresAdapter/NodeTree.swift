import SchemaCatalog

/// Reads the few facts switchgate needs from `pg_node_tree` text (`adbin`,
/// `indexprs`): which functions an expression calls and which columns it reads.
///
/// The text format is PostgreSQL's `outfuncs.c`: nodes in braces, lists in
/// parentheses, fields as `:name value`; braces and parentheses inside tokens are
/// backslash-escaped, so counting unescaped ones finds node boundaries.
enum NodeTree {
    /// Fields that hold the OID of a function the node calls (FuncExpr, OpExpr and
    /// its variants, ScalarArrayOpExpr's hash and negator functions).
    private static let functionFields = [":funcid ", ":opfuncid ", ":hashfuncid ", ":negfuncid "]

    /// OIDs of the functions `tree` calls.
    static func functionOIDs(_ tree: String) -> Set<UInt32> {
        var oids: Set<UInt32> = []
        for field in functionFields {
            for value in values(of: field, in: tree) {
                if let oid = UInt32(value), oid != 0 { oids.insert(oid) }
            }
        }
        return oids
    }

    /// The volatility `contain_volatile_functions` would see, given each called
    /// function's `provolatile`.
    ///
    /// Documented rule: the most volatile of the functions and operators called;
    /// `NextValueExpr` (identity columns) is volatile; `SQLValueFunction`
    /// (`CURRENT_DATE`, `CURRENT_TIMESTAMP`, `CURRENT_USER`, ...) is stable; a function
    /// whose volatility is unknown counts as volatile. I/O conversion casts are not
    /// looked into (their functions are immutable or stable for the built-in types).
    static func volatility(_ tree: String, functionVolatility: [UInt32: Volatility]) -> Volatility {
        if tree.contains("{NEXTVALUEEXPR") { return .volatile }
        var result: Volatility = tree.contains("{SQLVALUEFUNCTION") ? .stable : .immutable
        for oid in functionOIDs(tree) {
            result = max(result, functionVolatility[oid] ?? .volatile)
        }
        return result
    }

    /// The top-level elements of a node list, `({A ...} {B ...})` → `["{A ...}", "{B ...}"]`.
    static func listElements(_ tree: String) -> [String] {
        var elements: [String] = []
        var depth = 0
        var current = ""
        var escaped = false
        for c in tree {
            if escaped {
                escaped = false
                if depth > 0 { current.append(c) }
                continue
            }
            if c == "\\" {
                escaped = true
                if depth > 0 { current.append(c) }
                continue
            }
            if c == "{" { depth += 1 }
            if depth > 0 { current.append(c) }
            if c == "}" {
                depth -= 1
                if depth == 0 {
                    elements.append(current)
                    current = ""
                }
            }
        }
        return elements
    }

    /// Attribute numbers of the columns of the expression's own relation it reads
    /// (`Var` nodes with `varlevelsup 0`; index expressions have a single range table entry).
    static func columnNumbers(_ tree: String) -> [Int] {
        var seen: Set<Int> = []
        var numbers: [Int] = []
        for value in values(of: ":varattno ", in: tree) {
            if let n = Int(value), n > 0, seen.insert(n).inserted { numbers.append(n) }
        }
        return numbers
    }

    /// The token after each occurrence of `field` in `tree`.
    private static func values(of field: String, in tree: String) -> [Substring] {
        var out: [Substring] = []
        var rest = tree[...]
        while let range = rest.firstRange(of: field) {
            let after = rest[range.upperBound...]
            let token = after.prefix { $0 != " " && $0 != "}" && $0 != ")" }
            out.append(token)
            rest = after
        }
        return out
    }
}
