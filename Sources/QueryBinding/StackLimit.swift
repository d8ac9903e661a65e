#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Knows how much stack the current thread has left, so that binding a deeply
/// nested query stops descending instead of crashing, whatever thread it runs on
/// (a 512 KiB worker thread or an 8 MiB main thread). The same technique as
/// SQLParser's `StackGuard`, which is internal to that module.
struct StackLimit: Sendable {
    /// The lowest address recursion may reach, or 0 when it is unknown.
    let floor: UInt

    /// Room kept free for the frames that follow a check.
    static let margin: UInt = 192 * 1024

    static func forCurrentThread() -> StackLimit {
        #if canImport(Glibc)
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else {
            return StackLimit(floor: 0)
        }
        let getattr = unsafeBitCast(symbol, to: GetAttr.self)
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return StackLimit(floor: 0) }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, let address else { return StackLimit(floor: 0) }
        let low = UInt(bitPattern: address)
        return StackLimit(floor: size > Int(margin) * 2 ? low + margin : low + UInt(size / 2))
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return StackLimit(floor: top - size + min(margin, size / 2))
        #else
        return StackLimit(floor: 0)
        #endif
    }

    /// Whether the caller's frame sits too close to the end of the stack.
    @inline(__always)
    func exhausted() -> Bool {
        guard floor != 0 else { return false }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here < floor
    }
}
