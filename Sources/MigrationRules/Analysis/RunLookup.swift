/// A lookup that remembers its last key and value. Statements and findings come
/// in runs of one file (and findings in runs of one rule), and a migration's path
/// is not free to hash: looked up through this, a run costs one lookup.
public struct RunLookup<Key: Equatable, Value> {
    private var last: (key: Key, value: Value)?

    public init() {}

    /// `lookUp(key)`, or the value kept from the previous call when `key` is the same.
    public mutating func value(_ key: Key, _ lookUp: (Key) -> Value) -> Value {
        if let last, last.key == key { return last.value }
        let value = lookUp(key)
        last = (key, value)
        return value
    }
}
