import HashTreeCollections

/// The catalog's indexes by their own key, with the keys of each table's indexes
/// kept beside them: "the indexes on this table" is asked for every ALTER TABLE,
/// DROP and rename, and walking every index of a long history for each answer
/// was a visible share of a check. The second map is derived: it is kept in step
/// by the subscript, the only way in, and takes no part in equality.
public struct IndexMap: Swift.Sequence, Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// Every index, by key.
    public private(set) var all: ObjectMap<Index>
    /// Each table's index keys, in no particular order.
    private var byTable: ObjectMap<[ObjectKey]>

    public init() {
        all = [:]
        byTable = [:]
    }

    public init(dictionaryLiteral elements: (ObjectKey, Index)...) {
        self.init()
        for (key, index) in elements { self[key] = index }
    }

    public subscript(key: ObjectKey) -> Index? {
        get { all[key] }
        set {
            let old = all[key]?.table
            all[key] = newValue
            let new = newValue?.table
            guard old != new else { return }
            if let old {
                byTable[old]?.removeAll { $0 == key }
                if byTable[old]?.isEmpty == true { byTable[old] = nil }
            }
            if let new { byTable[new, default: []].append(key) }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: ObjectKey) -> Index? {
        let old = all[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// The keys of the indexes on `table`, in no particular order.
    public func keys(on table: ObjectKey) -> [ObjectKey] { byTable[table] ?? [] }

    /// The indexes on `table`, in no particular order.
    public func values(on table: ObjectKey) -> [Index] { keys(on: table).compactMap { all[$0] } }

    public var keys: ObjectMap<Index>.Keys { all.keys }
    public var values: ObjectMap<Index>.Values { all.values }
    public var count: Int { all.count }
    public var isEmpty: Bool { all.isEmpty }

    public func makeIterator() -> ObjectMap<Index>.Iterator { all.makeIterator() }

    public static func == (a: IndexMap, b: IndexMap) -> Bool { a.all == b.all }
    public func hash(into hasher: inout Hasher) { hasher.combine(all) }
}
