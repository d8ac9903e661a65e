/// The table and view columns a value reads: usually exactly one, which is kept
/// without an array (every column of every relation a query or a view names in
/// FROM gets one, so an array each was an allocation each).
public struct Origins: Swift.Sequence, ExpressibleByArrayLiteral, Sendable {
    private var first: ColumnReference?
    private var rest: [ColumnReference] = []

    public init(_ single: ColumnReference) { first = single }

    public init(_ all: [ColumnReference]) {
        first = all.first
        rest = Array(all.dropFirst())
    }

    public init(arrayLiteral elements: ColumnReference...) { self.init(elements) }

    public var isEmpty: Bool { first == nil }

    public struct Iterator: IteratorProtocol {
        fileprivate var first: ColumnReference?
        fileprivate var rest: IndexingIterator<[ColumnReference]>

        public mutating func next() -> ColumnReference? {
            if let value = first {
                first = nil
                return value
            }
            return rest.next()
        }
    }

    public func makeIterator() -> Iterator { Iterator(first: first, rest: rest.makeIterator()) }

    public static func + (lhs: Origins, rhs: Origins) -> Origins {
        guard let first = lhs.first else { return rhs }
        var out = Origins(first)
        out.rest = lhs.rest
        out.rest.append(contentsOf: rhs)
        return out
    }

    public static func += (lhs: inout Origins, rhs: Origins) { lhs = lhs + rhs }
}
