import SchemaCatalog
import Testing

@testable import PostgresAdapter

@Suite("Text formats (no server)")
struct ParsingTests {
    @Test(arguments: [
        ("{}", [] as [String?]),
        ("{a,b}", ["a", "b"]),
        ("{\"a b\",NULL,\"NULL\"}", ["a b", nil, "NULL"]),
        ("{\"q\\\"uote\",\"back\\\\slash\",\"com,ma\"}", ["q\"uote", "back\\slash", "com,ma"]),
        ("[0:1]={x,y}", ["x", "y"]),
    ])
    func parsesArrays(_ text: String, _ expected: [String?]) {
        #expect(PostgresArray.parse(text) == expected)
    }

    @Test(arguments: ["", "a,b", "{{1,2},{3,4}}", "{\"open}"])
    func refusesWhatIsNotAOneDimensionalArray(_ text: String) {
        #expect(PostgresArray.parse(text) == nil)
    }

    @Test func rowAccessorsThrowInsteadOfCrashing() {
        let row = QueryResult(columns: ["n", "b", "nothing"], rows: [["x", "maybe", nil]]).namedRows[0]
        #expect(throws: PostgresError.self) { try row.int("n") }
        #expect(throws: PostgresError.self) { try row.bool("b") }
        #expect(throws: PostgresError.self) { try row.string("nothing") }
        #expect(throws: PostgresError.self) { try row.string("no such column") }
        #expect((try? row.array("nothing")) == [])
    }

    @Test func readsVectors() throws {
        let row = QueryResult(columns: ["v", "a"], rows: [["1 0 3", "{4,5}"]]).namedRows[0]
        #expect(try row.ints("v") == [1, 0, 3])
        #expect(try row.ints("a") == [4, 5])
    }

    @Test func nodeTreeFacts() {
        let tree = """
            ({FUNCEXPR :funcid 870 :funcresulttype 25 :args ({RELABELTYPE :arg {VAR :varno 1 :varattno 3 \
            :vartype 1043 :varlevelsup 0}}) :location 5} {OPEXPR :opno 98 :opfuncid 67 :args ({VAR :varno 1 \
            :varattno 2} {CONST :constvalue 3 [ 123 125 0 ]}) :location -1} {VAR :varno 1 :varattno 3})
            """
        #expect(NodeTree.functionOIDs(tree) == [870, 67])
        let elements = NodeTree.listElements(tree)
        #expect(elements.count == 3)
        #expect(NodeTree.columnNumbers(elements[0]) == [3])
        #expect(NodeTree.columnNumbers(elements[1]) == [2])
        #expect(NodeTree.columnNumbers(tree) == [3, 2])
        #expect(NodeTree.listElements("({A :x \\{ } {B})") == ["{A :x \\{ }", "{B}"])

        #expect(NodeTree.volatility(tree, functionVolatility: [870: .immutable, 67: .immutable]) == .immutable)
        #expect(NodeTree.volatility(tree, functionVolatility: [870: .stable, 67: .immutable]) == .stable)
        #expect(NodeTree.volatility(tree, functionVolatility: [870: .immutable]) == .volatile)
        #expect(NodeTree.volatility("{SQLVALUEFUNCTION :op 0}", functionVolatility: [:]) == .stable)
        #expect(NodeTree.volatility("{NEXTVALUEEXPR :seqid 1}", functionVolatility: [:]) == .volatile)
        #expect(NodeTree.volatility("{CONST :consttype 23}", functionVolatility: [:]) == .immutable)
    }

    @Test(arguments: [
        ("CHECK (price > 0::numeric)", "price > 0::numeric"),
        ("CHECK ((a > 0) OR (b < ')'::text)) NOT VALID", "(a > 0) OR (b < ')'::text)"),
        ("CHECK (x IS NOT NULL) NO INHERIT", "x IS NOT NULL"),
        ("CHECK (VALUE > 0)", "VALUE > 0"),
    ])
    func checkExpressions(_ definition: String, _ expected: String) {
        #expect(DefinitionText.checkExpression(definition) == expected)
    }

    @Test func serverErrorOffsets() {
        let error = ServerError(sqlState: "42P01", message: "m", position: 3)
        #expect(error.utf8Offset(in: "éab") == 3)
        #expect(ServerError(sqlState: "42P01", message: "m", position: 99).utf8Offset(in: "abc") == nil)
        #expect(ServerError(sqlState: "42P01", message: "m").utf8Offset(in: "abc") == nil)
    }
}
