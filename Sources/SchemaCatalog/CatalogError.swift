import SQLSyntax

/// Why the database would refuse a statement, with the SQLSTATE PostgreSQL
/// (or SQLite's closest equivalent) reports.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PostgreSQL's five-character SQLSTATE (`42P01`, `42701`, `2BP01`, ...).
    public var sqlState: String
    public var message: String
    /// Where in the statement the problem is, when known.
    public var span: SourceSpan?
    /// PostgreSQL's DETAIL line, when it gives one (which object depends on which).
    public var detail: String?

    public init(_ sqlState: String, _ message: String, span: SourceSpan? = nil, detail: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.span = span
        self.detail = detail
    }

    public var description: String { "\(message) (SQLSTATE \(sqlState))" }

    // The SQLSTATEs replay uses (PostgreSQL errcodes.txt).
    public static let undefinedTable = "42P01"
    public static let undefinedColumn = "42703"
    public static let undefinedObject = "42704"
    public static let undefinedFunction = "42883"
    public static let undefinedSchema = "3F000"
    public static let duplicateTable = "42P07"
    public static let duplicateColumn = "42701"
    public static let duplicateObject = "42710"
    public static let duplicateSchema = "42P06"
    public static let duplicateFunction = "42723"
    public static let dependentObjectsStillExist = "2BP01"
    public static let invalidTableDefinition = "42P16"
    public static let wrongObjectType = "42809"
    public static let datatypeMismatch = "42804"
    public static let invalidObjectDefinition = "42P17"
    public static let featureNotSupported = "0A000"
    public static let syntaxError = "42601"
    public static let invalidColumnReference = "42P10"
    public static let notNullViolation = "23502"
    public static let cannotCoerce = "42846"
    public static let activeSQLTransaction = "25001"
    public static let invalidParameterValue = "22023"
    public static let ambiguousColumn = "42702"
    public static let objectInUse = "55006"
    public static let duplicatePreparedStatement = "42P05"
    public static let invalidForeignKey = "42830"
    public static let reservedName = "42939"
}
