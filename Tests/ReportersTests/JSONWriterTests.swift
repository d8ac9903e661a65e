import Testing

@testable import Reporters

/// The writer's commas at every depth: the first 64 levels are kept as bits,
/// deeper ones in an array.
@Suite struct JSONWriterTests {
    @Test(arguments: [1, 2, 63, 64, 65, 70, 130])
    func nestedArraysAndObjects(_ depth: Int) {
        var w = JSONWriter()
        for _ in 0..<depth {
            w.beginArray()
            w.value(1)
            w.beginObject()
            w.field("a", 2)
            w.key("b")
        }
        w.value(3)
        for _ in 0..<depth {
            w.endObject()
            w.value(4)
            w.endArray()
        }
        let expected =
            String(repeating: "[1,{\"a\":2,\"b\":", count: depth) + "3" + String(repeating: "},4]", count: depth)
        #expect(w.output == expected)
    }

    @Test func continuingWritersStartWithAComma() {
        var object = JSONWriter(continuingObject: ())
        object.field("x", 1)
        object.endObject()
        #expect(object.output == ",\"x\":1}")
        var array = JSONWriter(continuingArray: ())
        array.value(2)
        array.endArray()
        array.field("y", true)
        #expect(array.output == ",2],\"y\":true")
    }
}
