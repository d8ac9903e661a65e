@testable import QueryBinding
import Testing

/// The built-in name lists are split into their words: the first and the last
/// of each list, and the names added by hand, are in; no name is empty, and
/// only a grammar-level name added by hand (`collation for`) holds a space.
@Suite struct BuiltinNamesTests {
    @Test func listsAreSplitIntoTheirWords() {
        for names in [BuiltinNames.postgresFunctions, BuiltinNames.postgresTypes, BuiltinNames.sqliteFunctions] {
            #expect(names.allSatisfy { !$0.isEmpty && !$0.contains("\n") && (!$0.contains(" ") || $0 == "collation for") })
        }
        #expect(BuiltinNames.postgresFunctions.isSuperset(of: ["RI_FKey_cascade_del", "abs", "xpath_exists", "coalesce"]))
        #expect(BuiltinNames.postgresFunctions.count >= 2313)
        #expect(BuiltinNames.postgresTypes.isSuperset(of: ["aclitem", "xml"]))
        #expect(BuiltinNames.sqliteFunctions.isSuperset(of: ["->", "zipfile_cds", "json_each"]))
    }
}
