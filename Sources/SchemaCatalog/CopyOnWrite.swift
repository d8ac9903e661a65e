/// A value's fields in one shared, copy-on-write box. The catalog copies its
/// objects whole (every lookup, every walk over a map) and the analysis hands
/// statements around by value; boxed, a copy is one reference count instead of
/// one per field, and two copies that were never changed compare equal without
/// looking inside.
@frozen
public struct CopyOnWrite<Fields: Sendable>: Sendable {
    @usableFromInline
    final class Storage: @unchecked Sendable {
        // Reached only through `CopyOnWrite`, a value whose accesses the compiler
        // checks statically (and changed only once the box is unique), so the
        // run-time exclusivity check on every access would only cost time.
        @usableFromInline @exclusivity(unchecked) var fields: Fields
        @inlinable init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var storage: Storage

    @inlinable
    public init(_ fields: Fields) { storage = Storage(fields) }

    @inlinable
    public var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Whether both are the same box: equal without comparing.
    @inlinable
    public func isIdentical(to other: CopyOnWrite) -> Bool { storage === other.storage }
}

extension CopyOnWrite: Equatable where Fields: Equatable {
    @inlinable
    public static func == (a: CopyOnWrite, b: CopyOnWrite) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }
}

extension CopyOnWrite: Hashable where Fields: Hashable {
    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

extension Array {
    /// Whether both arrays are the very same storage (a copy not changed since):
    /// then they are equal without looking at an element.
    @inlinable
    public func sharesStorage(with other: [Element]) -> Bool {
        count == other.count
            && withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
