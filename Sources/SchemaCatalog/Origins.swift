/// A few values, usually exactly one, kept without an array when there is one
/// (every column of every relation a query or a view names in FROM has its
/// origin: an array each was an allocation each).
public struct SmallList<Element: Sendable>: Swift.Sequence, ExpressibleByArrayLiteral, Sendable {
    private var first: Element?
    private var rest: [Element] = []

    public init(_ single: Element) { first = single }

    public init(_ all: [Element]) {
        first = all.first
        rest = Array(all.dropFirst())
    }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    public var isEmpty: Bool { first == nil }

    public struct Iterator: IteratorProtocol {
        fileprivate var first: Element?
        fileprivate var rest: IndexingIterator<[Element]>

        public mutating func next() -> Element? {
            if let value = first {
                first = nil
                return value
            }
            return rest.next()
        }
    }

    public func makeIterator() -> Iterator { Iterator(first: first, rest: rest.makeIterator()) }

    public static func + (lhs: SmallList, rhs: SmallList) -> SmallList {
        guard let first = lhs.first else { return rhs }
        var out = SmallList(first)
        out.rest = lhs.rest
        out.rest.append(contentsOf: rhs)
        return out
    }

    public static func += (lhs: inout SmallList, rhs: SmallList) { lhs = lhs + rhs }
}

/// The table and view columns a value reads.
public typealias Origins = SmallList<ColumnReference>
