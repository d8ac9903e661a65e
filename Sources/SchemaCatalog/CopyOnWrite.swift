/// A value's fields in one shared, copy-on-write box. The catalog copies its
/// objects whole (every lookup, every walk over a map); boxed, a copy is one
/// reference count instead of one per field, and two copies that were never
/// changed compare equal without looking inside.
struct CopyOnWrite<Fields: Hashable & Sendable>: Hashable, Sendable {
    private final class Storage: @unchecked Sendable {
        // Changed only through `fields`, after making the box unique.
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(_ fields: Fields) { storage = Storage(fields) }

    var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Whether both are the same box: equal without comparing.
    func isIdentical(to other: CopyOnWrite) -> Bool { storage === other.storage }

    static func == (a: CopyOnWrite, b: CopyOnWrite) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}
