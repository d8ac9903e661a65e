import SQLSyntax

// CREATE FUNCTION and CREATE PROCEDURE.

extension Parser {
    /// ```
    /// CREATE [OR REPLACE] FUNCTION name ([[mode] [name] type [DEFAULT expr], ...])
    ///     [RETURNS type | RETURNS SETOF type | RETURNS TABLE (name type, ...)]
    ///     { LANGUAGE lang | TRANSFORM FOR TYPE t, ... | WINDOW
    ///     | IMMUTABLE | STABLE | VOLATILE | [NOT] LEAKPROOF
    ///     | CALLED ON NULL INPUT | RETURNS NULL ON NULL INPUT | STRICT
    ///     | [EXTERNAL] SECURITY INVOKER | [EXTERNAL] SECURITY DEFINER
    ///     | PARALLEL { UNSAFE | RESTRICTED | SAFE } | COST n | ROWS n | SUPPORT f
    ///     | SET param { TO value | = value | FROM CURRENT }
    ///     | AS 'definition' | AS 'obj_file', 'link_symbol' } ...
    ///     [RETURN expr | BEGIN ATOMIC statement; ... END]
    /// CREATE [OR REPLACE] PROCEDURE name (...) options... [BEGIN ATOMIC ... END]
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createfunction.html
    mutating func parseCreateFunction(_ m: CreateModifiers) throws(ParseError) -> CreateFunctionStatement {
        let isProcedure = at(.procedure)
        advance()
        let name = try parseFunctionName()
        try expect(.leftParen)
        var parameters: [FunctionParameter] = []
        if !at(.rightParen) {
            parameters = try nested { (p: inout Parser) throws(ParseError) in
                try p.commaSeparated { (q: inout Parser) throws(ParseError) in try q.parseFunctionParameter() }
            }
        }
        try expect(.rightParen)
        var statement = CreateFunctionStatement(
            name: name, isProcedure: isProcedure, orReplace: m.orReplace, parameters: parameters, span: .zero)
        if at(.returns) && !peekIs(1, .null) {
            if isProcedure { throw error("a procedure cannot have RETURNS") }
            advance()
            if eat(.table) {
                if let out = parameters.first(where: { $0.mode == .out || $0.mode == .inout }) {
                    throw ParseError(.syntax, "OUT and INOUT arguments aren't allowed in TABLE functions", span: out.span)
                }
                statement.returns = .table(try parenthesized { (p: inout Parser) throws(ParseError) in
                    let start = p.position
                    let column = try p.parseColumnId()
                    let type = try p.parseFunctionType()
                    return FunctionParameter(mode: nil, name: column, type: type, span: p.span(from: start))
                })
            } else {
                statement.returns = .type(try parseFunctionType())
            }
        }
        while !atEnd && !at(.return) && !at(.begin, .atomic) {
            try parseFunctionOption(&statement)
        }
        if at(.return) {
            let start = position
            advance()
            _ = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
            statement.body = .sqlStandard(text(span(from: start)))
        } else if at(.begin) {
            statement.body = .sqlStandard(try skipAtomicBlock())
        }
        statement.span = span(from: m.start)
        return statement
    }

    /// `[mode] [name] type [DEFAULT expr | = expr]`; the mode may also follow the name.
    mutating func parseFunctionParameter() throws(ParseError) -> FunctionParameter {
        let start = position
        var mode = parseParameterMode()
        var name: Identifier?
        if atParameterName {
            name = identifier(current)
            advance()
            if mode == nil { mode = parseParameterMode() }
        }
        let type = try parseFunctionType()
        var defaultValue: Expr?
        if eat(.default) || eatOperator("=") {
            defaultValue = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
        }
        return FunctionParameter(mode: mode, name: name, type: type, defaultValue: defaultValue, span: span(from: start))
    }

    /// `IN | OUT | INOUT | IN OUT | VARIADIC`.
    private mutating func parseParameterMode() -> FunctionParameter.Mode? {
        if eat(.in) { return eat(.out) ? .inout : .in }
        if eat(.out) { return .out }
        if eat(.inout) { return .inout }
        if eat(.variadic) { return .variadic }
        return nil
    }

    /// Whether the current word names the parameter rather than starting its type:
    /// it is a `type_function_name` and a type follows it.
    private var atParameterName: Bool {
        let t = current
        guard isTypeFunctionName(t) else { return false }
        let next = peek()
        switch next.kind {
        case .quotedIdentifier:
            return true
        case .identifier:
            if next.keyword == .default { return false }
            // `double precision` is one type, not a parameter named `double`.
            if t.keyword == .double && next.keyword == .precision { return false }
            return true
        default:
            return false
        }
    }

    /// `func_type`: a type name, optionally `SETOF`.
    mutating func parseFunctionType() throws(ParseError) -> TypeName {
        let start = position
        if eat(.setof) {
            var type = try parseTypeName()
            type.setOf = true
            type.span = span(from: start)
            return type
        }
        return try parseTypeName()
    }

    /// One item of `createfunc_opt_list`.
    private mutating func parseFunctionOption(_ s: inout CreateFunctionStatement) throws(ParseError) {
        guard current.kind == .identifier, let word = current.keyword else { throw expected("a function option") }
        switch word {
        case .as:
            advance()
            let definition = try parseString()
            if eat(.comma) {
                s.body = .objectFile(definition, symbol: try parseString())
            } else {
                s.body = .definition(definition)
            }
        case .language:
            advance()
            s.language = try parseNameOrString().lowercased()
        case .transform:
            advance()
            s.transforms = try commaSeparated { (p: inout Parser) throws(ParseError) in
                try p.expect(.for, .type)
                return try p.parseTypeName()
            }
        case .window:
            advance()
            s.window = true
        case .immutable, .stable, .volatile:
            advance()
            s.volatility = CreateFunctionStatement.Volatility(rawValue: word.text)
        case .called:
            advance()
            try expect(.on, .null, .input)
            s.nullInput = .called
        case .returns:
            advance()
            try expect(.null, .on, .null, .input)
            s.nullInput = .returnsNull
        case .strict:
            advance()
            s.nullInput = .returnsNull
        case .external, .security:
            advance()
            if word == .external { try expect(.security) }
            if eat(.definer) {
                s.security = .definer
            } else {
                try expect(.invoker)
                s.security = .invoker
            }
        case .leakproof:
            advance()
            s.leakproof = true
        case .not:
            advance()
            try expect(.leakproof)
            s.leakproof = false
        case .cost:
            advance()
            s.cost = try parseNumericText()
        case .rows:
            advance()
            s.rows = try parseNumericText()
        case .support:
            advance()
            s.support = try parseQualifiedName()
        case .parallel:
            advance()
            let value = try parseColumnId()
            guard let parallel = CreateFunctionStatement.Parallel(rawValue: value.value) else {
                throw ParseError(.syntax, "expected UNSAFE, RESTRICTED or SAFE, found '\(value.value)'", span: value.span)
            }
            s.parallel = parallel
        case .set:
            advance()
            let setting = try parseSetRest()
            switch setting.action {
            case .setFromCurrent: s.settings.append(.init(name: setting.name, fromCurrent: true))
            case .setDefault: s.settings.append(.init(name: setting.name, values: ["default"]))
            default: s.settings.append(.init(name: setting.name, values: setting.values))
            }
        case .reset:
            throw unsupported("RESET in CREATE FUNCTION")
        default:
            throw expected("a function option")
        }
    }

    /// Reads `BEGIN ATOMIC ... END` to its matching `END` and returns its text.
    ///
    /// `CASE ... END` and nested `BEGIN ATOMIC ... END` are counted, as the statement
    /// splitter counts them.
    private mutating func skipAtomicBlock() throws(ParseError) -> String {
        let start = position
        try expect(.begin, .atomic)
        var level = 1
        while !atEnd && level > 0 {
            let t = current
            if t.kind == .identifier {
                switch t.keyword {
                case .case: level += 1
                case .end: level -= 1
                case .begin where peekIs(1, .atomic): level += 1
                default: break
                }
            }
            advance()
        }
        if level > 0 { throw expected("END") }
        return text(span(from: start))
    }
}
