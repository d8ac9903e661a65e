import HashTreeCollections

/// The catalog's tables by key, with two questions about links between tables
/// answered beside them: a table's partitions and inheritance children, and the
/// tables whose foreign keys reference it. The lock model asks both of every
/// ALTER TABLE, and DROP and rename of every table they touch; walking every
/// table of a long history for each answer was a visible share of a check.
///
/// The derived maps are kept in step by the subscript, the only way in, and take
/// no part in equality.
public struct TableMap: Swift.Sequence, Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// Every table, by key.
    public private(set) var all: ObjectMap<Table>
    /// Children (`PARTITION OF`, `INHERITS`) by parent, each child once.
    private var childrenByParent: ObjectMap<[ObjectKey]> = [:]
    /// Tables with at least one foreign key to the table, each once.
    private var referencingByTable: ObjectMap<[ObjectKey]> = [:]

    public init() { all = [:] }

    public init(dictionaryLiteral elements: (ObjectKey, Table)...) {
        self.init()
        for (key, table) in elements { self[key] = table }
    }

    public subscript(key: ObjectKey) -> Table? {
        get { all[key] }
        _modify {
            // What the links are made of, held so that a change to them copies them
            // (most changes are to columns: the links are then not worked out at all).
            // The table itself is not held, so a change to it is made in place.
            let before = all[key].map { LinkParts($0) }
            defer {
                let after = all[key].map { LinkParts($0) }
                if !LinkParts.same(before, after) { relink(key, from: Links(before), to: Links(after)) }
            }
            yield &all[key]
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: ObjectKey) -> Table? {
        let old = all[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// Partitions and inheritance children of `parent`, in key order.
    public func children(of parent: ObjectKey) -> [ObjectKey] { (childrenByParent[parent] ?? []).sorted() }

    /// The tables with a foreign key to `table` (itself included when it references
    /// itself), in key order.
    public func referencing(_ table: ObjectKey) -> [ObjectKey] { (referencingByTable[table] ?? []).sorted() }

    public var keys: ObjectMap<Table>.Keys { all.keys }
    public var values: ObjectMap<Table>.Values { all.values }
    public var count: Int { all.count }
    public var isEmpty: Bool { all.isEmpty }

    public func makeIterator() -> ObjectMap<Table>.Iterator { all.makeIterator() }

    public static func == (a: TableMap, b: TableMap) -> Bool { a.all == b.all }
    public func hash(into hasher: inout Hasher) { hasher.combine(all) }

    /// The fields of a table its links follow from.
    private struct LinkParts {
        var inherits: [ObjectKey]
        var partitionOf: ObjectKey?
        var constraints: [Constraint]

        init(_ table: Table) {
            inherits = table.inherits
            partitionOf = table.partitionOf
            constraints = table.constraints
        }

        /// Whether both are the very same arrays (not changed since) and parent:
        /// the links are then the same, without working them out.
        static func same(_ a: LinkParts?, _ b: LinkParts?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return a.constraints.sharesStorage(with: b.constraints) && a.inherits.sharesStorage(with: b.inherits)
                && a.partitionOf == b.partitionOf
        }
    }

    /// What a table links to: its parents and the tables its foreign keys reference.
    private struct Links: Equatable {
        var parents: [ObjectKey] = []
        var referenced: [ObjectKey] = []

        init(_ parts: LinkParts?) {
            guard let parts else { return }
            parents = parts.inherits
            if let parent = parts.partitionOf, !parents.contains(parent) { parents.append(parent) }
            for constraint in parts.constraints where constraint.kind == .foreignKey {
                if let target = constraint.foreignKey?.table, !referenced.contains(target) { referenced.append(target) }
            }
        }
    }

    private mutating func relink(_ key: ObjectKey, from old: Links, to new: Links) {
        guard old != new else { return }
        Self.move(key, from: old.parents, to: new.parents, in: &childrenByParent)
        Self.move(key, from: old.referenced, to: new.referenced, in: &referencingByTable)
    }

    private static func move(_ key: ObjectKey, from old: [ObjectKey], to new: [ObjectKey], in map: inout ObjectMap<[ObjectKey]>) {
        for target in old where !new.contains(target) {
            map[target]?.removeAll { $0 == key }
            if map[target]?.isEmpty == true { map[target] = nil }
        }
        for target in new where !old.contains(target) { map[target, default: []].append(key) }
    }
}
