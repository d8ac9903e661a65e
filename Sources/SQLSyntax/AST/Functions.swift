// Functions, procedures and triggers.

/// One parameter of a function or procedure, or one column of `RETURNS TABLE (...)`.
public struct FunctionParameter: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable {
        case `in`, out, `inout`, variadic
    }

    /// Nil when not written (which means `IN`).
    public var mode: Mode?
    public var name: Identifier?
    public var type: TypeName
    /// `DEFAULT expr` or `= expr`.
    public var defaultValue: Expr?
    public var span: SourceSpan

    public init(mode: Mode? = nil, name: Identifier? = nil, type: TypeName, defaultValue: Expr? = nil, span: SourceSpan = .zero) {
        self.mode = mode
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.span = span
    }

    /// Whether the parameter is part of the call signature (`OUT` ones are not).
    public var isInput: Bool { mode != .out }
}

/// What a function returns.
public enum FunctionReturn: Hashable, Sendable {
    /// `RETURNS type`; `RETURNS SETOF type` has `setOf` on the type.
    case type(TypeName)
    /// `RETURNS TABLE (name type, ...)`.
    case table([FunctionParameter])
}

/// The body of a function or procedure.
public enum FunctionBody: Hashable, Sendable {
    /// `AS 'definition'`: the source text in the function's language (dollar quotes removed).
    case definition(String)
    /// `AS 'object file', 'link symbol'` for C functions.
    case objectFile(String, symbol: String)
    /// A SQL-standard body, `RETURN expr` or `BEGIN ATOMIC ... END`, as written.
    case sqlStandard(String)
}

/// `CREATE [OR REPLACE] FUNCTION | PROCEDURE name (params) [RETURNS ...] options`.
///
/// Options written more than once keep the last value, as PostgreSQL rejects the repeat anyway.
public struct CreateFunctionStatement: Hashable, Sendable {
    public enum Volatility: String, Hashable, Sendable {
        case immutable, stable, volatile
    }

    /// How the function treats NULL arguments.
    public enum NullInput: String, Hashable, Sendable {
        /// `CALLED ON NULL INPUT` (the default).
        case called
        /// `RETURNS NULL ON NULL INPUT` or `STRICT`.
        case returnsNull
    }

    public enum Security: String, Hashable, Sendable {
        case invoker, definer
    }

    public enum Parallel: String, Hashable, Sendable {
        case unsafe, restricted, safe
    }

    /// `SET name TO value | = value | FROM CURRENT` on a function.
    public struct ConfigSetting: Hashable, Sendable {
        public var name: String
        /// The values as strings; empty for `FROM CURRENT`, `["default"]` for `TO DEFAULT`.
        public var values: [String]
        public var fromCurrent: Bool

        public init(name: String, values: [String] = [], fromCurrent: Bool = false) {
            self.name = name
            self.values = values
            self.fromCurrent = fromCurrent
        }
    }

    public var name: QualifiedName
    public var isProcedure: Bool
    public var orReplace: Bool
    public var parameters: [FunctionParameter]
    /// Nil for procedures and for functions whose OUT parameters give the result.
    public var returns: FunctionReturn?
    /// The language, folded to lower case (`LANGUAGE 'plpgsql'` gives `plpgsql`).
    public var language: String?
    public var body: FunctionBody?
    public var volatility: Volatility?
    public var nullInput: NullInput?
    public var security: Security?
    public var leakproof: Bool?
    public var parallel: Parallel?
    /// `COST n` as written.
    public var cost: String?
    /// `ROWS n` as written.
    public var rows: String?
    /// `SUPPORT function`.
    public var support: QualifiedName?
    public var settings: [ConfigSetting]
    /// `WINDOW`: a window function written in C.
    public var window: Bool
    /// `TRANSFORM FOR TYPE t, ...`.
    public var transforms: [TypeName]
    public var span: SourceSpan

    public init(
        name: QualifiedName, isProcedure: Bool = false, orReplace: Bool = false, parameters: [FunctionParameter] = [],
        returns: FunctionReturn? = nil, language: String? = nil, body: FunctionBody? = nil,
        volatility: Volatility? = nil, nullInput: NullInput? = nil, security: Security? = nil, leakproof: Bool? = nil,
        parallel: Parallel? = nil, cost: String? = nil, rows: String? = nil, support: QualifiedName? = nil,
        settings: [ConfigSetting] = [], window: Bool = false, transforms: [TypeName] = [], span: SourceSpan
    ) {
        self.name = name
        self.isProcedure = isProcedure
        self.orReplace = orReplace
        self.parameters = parameters
        self.returns = returns
        self.language = language
        self.body = body
        self.volatility = volatility
        self.nullInput = nullInput
        self.security = security
        self.leakproof = leakproof
        self.parallel = parallel
        self.cost = cost
        self.rows = rows
        self.support = support
        self.settings = settings
        self.window = window
        self.transforms = transforms
        self.span = span
    }

    public var kind: StatementKind { .createFunction }
    public var postgresNode: String { "CreateFunctionStmt" }

    /// The types of the parameters that make up the call signature (`OUT` ones left out).
    public var signature: [TypeName] { parameters.filter(\.isInput).map(\.type) }
}

// MARK: Triggers

/// One event a trigger fires on: `INSERT`, `UPDATE [OF cols]`, `DELETE`, `TRUNCATE`.
public struct TriggerEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case insert, update, delete, truncate
    }

    public var kind: Kind
    /// `UPDATE OF a, b`: the columns whose update fires the trigger.
    public var columns: [Identifier]

    public init(kind: Kind, columns: [Identifier] = []) {
        self.kind = kind
        self.columns = columns
    }
}

/// `REFERENCING OLD | NEW TABLE [AS] name`.
public struct TransitionTable: Hashable, Sendable {
    public var isNew: Bool
    public var name: Identifier

    public init(isNew: Bool, name: Identifier) {
        self.isNew = isNew
        self.name = name
    }
}

/// `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER` (PostgreSQL) and
/// `CREATE [TEMP] TRIGGER [IF NOT EXISTS] ... BEGIN stmt; ... END` (SQLite).
public struct CreateTriggerStatement: Hashable, Sendable {
    public enum Timing: String, Hashable, Sendable {
        case before, after, insteadOf = "instead_of"
    }

    public var name: QualifiedName
    public var orReplace: Bool
    public var constraint: Bool
    public var temporary: Bool
    public var ifNotExists: Bool
    /// Nil when not written (SQLite defaults to BEFORE).
    public var timing: Timing?
    public var events: [TriggerEvent]
    public var table: QualifiedName
    /// Constraint triggers: `FROM referenced_table`.
    public var referencedTable: QualifiedName?
    public var deferrable: Bool
    public var initiallyDeferred: Bool
    public var transitionTables: [TransitionTable]
    /// `FOR EACH ROW` (true) or `FOR EACH STATEMENT` / not written (false; SQLite triggers are always row triggers).
    public var forEachRow: Bool
    public var when: Expr?
    /// PostgreSQL: `EXECUTE FUNCTION | PROCEDURE name (args)`.
    public var function: QualifiedName?
    /// The trigger function's arguments, as strings.
    public var functionArguments: [String]
    /// SQLite: the statements between `BEGIN` and `END`.
    public var body: [Statement]
    public var span: SourceSpan

    public init(
        name: QualifiedName, orReplace: Bool = false, constraint: Bool = false, temporary: Bool = false,
        ifNotExists: Bool = false, timing: Timing? = nil, events: [TriggerEvent], table: QualifiedName,
        referencedTable: QualifiedName? = nil, deferrable: Bool = false, initiallyDeferred: Bool = false,
        transitionTables: [TransitionTable] = [], forEachRow: Bool = false, when: Expr? = nil,
        function: QualifiedName? = nil, functionArguments: [String] = [], body: [Statement] = [], span: SourceSpan
    ) {
        self.name = name
        self.orReplace = orReplace
        self.constraint = constraint
        self.temporary = temporary
        self.ifNotExists = ifNotExists
        self.timing = timing
        self.events = events
        self.table = table
        self.referencedTable = referencedTable
        self.deferrable = deferrable
        self.initiallyDeferred = initiallyDeferred
        self.transitionTables = transitionTables
        self.forEachRow = forEachRow
        self.when = when
        self.function = function
        self.functionArguments = functionArguments
        self.body = body
        self.span = span
    }

    public var kind: StatementKind { .createTrigger }
    public var postgresNode: String { "CreateTrigStmt" }
}
