import Foundation
import Testing

/// The comparison the introspection test relies on finds each kind of difference
/// (no server: expressions must then match exactly).
@Suite struct SchemaJSONComparisonTests {
    static let base = """
        {"tables":[{"schema":"public","name":"t","kind":"table","columns":[
          {"name":"id","type":"integer","not_null":true,"default":null},
          {"name":"s","type":"text","not_null":false,"default":"'a'::text"}],
          "constraints":[{"name":"t_pkey","type":"primary_key","columns":["id"],"validated":true}],
          "indexes":[{"name":"t_pkey","unique":true,"columns":["id"],"predicate":null,"method":"btree"}]}],
         "views":[],"sequences":[],"types":[{"schema":"public","name":"e","kind":"enum","values":["a","b"]}],
         "functions":[{"schema":"public","name":"f","arguments":"integer","returns":"integer","volatility":"volatile"}]}
        """

    func differences(_ other: String) throws -> [String] {
        var comparison = SchemaJSONComparison(spelling: nil)
        try comparison.compare(replay: Self.base, server: other)
        return comparison.differences
    }

    @Test func identicalOutputsAgree() throws {
        var comparison = SchemaJSONComparison(spelling: nil)
        try comparison.compare(replay: Self.base, server: Self.base)
        #expect(comparison.differences.isEmpty)
        // table, 2 columns, constraint, index, type, function
        #expect(comparison.objectsCompared == 7)
    }

    @Test(arguments: [
        ("\"type\":\"integer\"", "\"type\":\"bigint\"", "tables[public.t].columns[id].type"),
        ("\"not_null\":true", "\"not_null\":false", "tables[public.t].columns[id].not_null"),
        ("\"'a'::text\"", "\"'b'::text\"", "tables[public.t].columns[s].default"),
        ("{\"name\":\"s\",", "{\"name\":\"s2\",", "tables[public.t].columns[s]: replay only"),
        ("\"columns\":[\"id\"],\"validated\":true", "\"columns\":[\"id\"],\"validated\":false", "constraints[t_pkey].validated"),
        ("\"predicate\":null", "\"predicate\":\"id > 0\"", "indexes[t_pkey].predicate"),
        ("\"values\":[\"a\",\"b\"]", "\"values\":[\"b\",\"a\"]", "types[public.e].values[0]"),
        ("\"returns\":\"integer\"", "\"returns\":\"bigint\"", "functions[public.f(integer)].returns"),
        ("\"arguments\":\"integer\"", "\"arguments\":\"bigint\"", "functions[public.f(integer)]: replay only"),
        ("\"views\":[]", "\"views\":[{\"schema\":\"public\",\"name\":\"v\",\"materialized\":false,\"columns\":[]}]",
         "views[public.v]: server only"),
    ])
    func eachKindOfDifferenceIsFound(_ from: String, _ to: String, _ expected: String) throws {
        let other = Self.base.replacingOccurrences(of: from, with: to)
        #expect(other != Self.base)
        let found = try differences(other)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test func columnOrderMatters() throws {
        let swapped = Self.base.replacingOccurrences(
            of: """
                {"name":"id","type":"integer","not_null":true,"default":null},
                  {"name":"s","type":"text","not_null":false,"default":"'a'::text"}
                """,
            with: """
                {"name":"s","type":"text","not_null":false,"default":"'a'::text"},
                  {"name":"id","type":"integer","not_null":true,"default":null}
                """)
        #expect(swapped != Self.base)
        #expect(try differences(swapped).contains { $0.contains("column order") })
    }
}
