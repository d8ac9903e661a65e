#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Knows how much stack the current thread has left, so that deeply nested input
/// ends in a diagnostic instead of a crash whatever thread the parser (or the
/// binder, which shares it) runs on
/// (a 512 KiB worker thread or an 8 MiB main thread).
public struct StackGuard: Sendable {
    /// The lowest address recursion may reach, or 0 when it is unknown.
    public let floor: UInt

    /// Room kept free below the last check for the frames that follow it.
    static let margin: UInt = 192 * 1024

    /// The thread's stack bounds never change, and glibc reads `/proc/self/maps`
    /// to find the main thread's: each thread asks once and keeps the answer.
    static let cacheKey: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, nil) == 0 ? key : nil
    }()

    public static func forCurrentThread() -> StackGuard {
        guard let key = cacheKey else { return measure() }
        if let cached = pthread_getspecific(key) {
            return StackGuard(floor: UInt(bitPattern: cached) &- 1)
        }
        let measured = measure()
        _ = pthread_setspecific(key, UnsafeRawPointer(bitPattern: measured.floor &+ 1))
        return measured
    }

    static func measure() -> StackGuard {
        #if canImport(Glibc)
        // pthread_getattr_np is a GNU extension the Glibc module does not export.
        typealias GetAttr = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else {
            return StackGuard(floor: 0)
        }
        let getattr = unsafeBitCast(symbol, to: GetAttr.self)
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return StackGuard(floor: 0) }
        defer { pthread_attr_destroy(&attr) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attr, &address, &size) == 0, let address else { return StackGuard(floor: 0) }
        let low = UInt(bitPattern: address)
        return StackGuard(floor: size > Int(margin) * 2 ? low + margin : low + UInt(size / 2))
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return StackGuard(floor: top - size + min(margin, size / 2))
        #else
        return StackGuard(floor: 0)
        #endif
    }

    /// Whether the caller's frame sits too close to the end of the stack.
    @inline(__always)
    public func exhausted() -> Bool {
        guard floor != 0 else { return false }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here < floor
    }
}
