/// A type as written: `integer`, `varchar(64)`, `numeric(10,2)[]`, `s.my_enum`,
/// `timestamp(3) with time zone`, `t.col%TYPE`, `SETOF record`.
///
/// SQL-standard spellings that PostgreSQL's grammar turns into internal names are
/// stored under those names (`integer` → `int4`, `character varying` → `varchar`,
/// `double precision` → `float8`, `timestamp with time zone` → `timestamptz`,
/// `boolean` → `bool`, ...), qualified with `pg_catalog` as PostgreSQL does, so
/// the catalog compares types without knowing the spelling.
public struct TypeName: Hashable, Sendable {
    public var name: QualifiedName
    /// Type modifiers: `64` in `varchar(64)`, `10, 2` in `numeric(10,2)`.
    public var modifiers: [Expr]
    /// One entry per `[]` (or `ARRAY`), with the declared bound if written.
    public var arrayBounds: [Int?]
    public var setOf: Bool
    /// `%TYPE` / `%ROWTYPE` reference.
    public var percentType: Bool
    /// `INTERVAL YEAR TO MONTH` etc.: the field restriction as written.
    public var intervalFields: String?
    public var span: SourceSpan

    public init(
        name: QualifiedName, modifiers: [Expr] = [], arrayBounds: [Int?] = [], setOf: Bool = false,
        percentType: Bool = false, intervalFields: String? = nil, span: SourceSpan = .zero
    ) {
        self.name = name
        self.modifiers = modifiers
        self.arrayBounds = arrayBounds
        self.setOf = setOf
        self.percentType = percentType
        self.intervalFields = intervalFields
        self.span = span
    }

    /// Whether the name was one of the built-in spellings mapped into `pg_catalog`.
    public var isBuiltinSpelling: Bool { name.parts.count == 2 && name.parts[0].value == "pg_catalog" }
}
