#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent pieces of work on threads with deep stacks (the parser and
/// the binder recurse on nested input; `StackGuard` measures whatever thread they
/// run on, so a worker reads as deep a nesting as the main thread).
///
/// Results come back in index order, so output never depends on scheduling.
public enum Workers {
    /// Virtual size reserved per worker stack; pages are only touched as needed.
    public static let stackSize = 256 << 20

    /// The processors this process may run on.
    public static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// `body(0) ... body(count - 1)`, spread over up to `workers` threads (the
    /// calling thread is one of them); the calling thread does all of it when no
    /// other thread can be started. `body` runs concurrently with itself: it may
    /// only read what it shares (values are copied on write, so reading is safe).
    public static func map<T>(_ count: Int, workers: Int = processorCount, _ body: (Int) -> T) -> [T] {
        let threads = max(1, min(workers, count))
        guard threads > 1 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let job = Job(count: count, body: body)
            var started: [pthread_t] = []
            for _ in 1..<threads {
                if let thread = spawn(job) { started.append(thread) }
            }
            job.work()
            for thread in started { pthread_join(thread, nil) }
            return job.results()
        }
    }

    /// `consume(i, body(i))` for every index in order, on the calling thread, while
    /// other threads compute the bodies ahead of it: a sequential walk over results
    /// that are expensive to make but independent of each other (files parsed ahead
    /// of their replay). The calling thread computes a body itself when no other
    /// thread has taken it yet, so it never waits on work nobody started.
    public static func pipeline<T>(
        _ count: Int, workers: Int = processorCount - 1, _ body: (Int) -> T, consume: (Int, T) -> Void
    ) {
        let helpers = max(0, min(workers, count - 1))
        guard helpers > 0 else {
            for i in 0..<count { consume(i, body(i)) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let job = Job(count: count, body: body)
            var started: [pthread_t] = []
            for _ in 0..<helpers {
                if let thread = spawn(job) { started.append(thread) }
            }
            for i in 0..<count { consume(i, job.result(i)) }
            for thread in started { pthread_join(thread, nil) }
        }
    }

    /// Runs `first` and `second` at the same time; returns both results.
    public static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        // Each index writes its own variable, and `map` joins the threads before returning.
        withUnsafeMutablePointer(to: &a) { pa in
            withUnsafeMutablePointer(to: &b) { pb in
                _ = map(2) { index in
                    if index == 0 { pa.pointee = first() } else { pb.pointee = second() }
                }
            }
        }
        // `map` runs every index before it returns, so both are set; were one not,
        // it is computed here rather than trapping.
        return (a ?? first(), b ?? second())
    }

    private static func spawn<T>(_ job: Job<T>) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        _ = pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(job as AnyObject).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                #if canImport(Glibc)
                guard let raw else { return nil }
                #endif
                let object = Unmanaged<AnyObject>.fromOpaque(raw).takeRetainedValue()
                (object as? Runnable)?.work()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

private protocol Runnable: AnyObject {
    func work()
}

/// The shared state of one `Workers.map` or `Workers.pipeline`: the next index
/// to take, the results not yet collected, and a condition signalled as each
/// result is stored.
private final class Job<T>: Runnable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let stored = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var next = 0
    private let count: Int
    private let body: (Int) -> T
    private var slots: [T?]

    init(count: Int, body: @escaping (Int) -> T) {
        self.count = count
        self.body = body
        self.slots = Array(repeating: nil, count: count)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(stored, nil)
    }

    deinit {
        pthread_cond_destroy(stored)
        pthread_mutex_destroy(mutex)
        stored.deallocate()
        mutex.deallocate()
    }

    /// The next index nobody has taken; the caller holds the mutex.
    private func takeLocked() -> Int? {
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func work() {
        pthread_mutex_lock(mutex)
        while let index = takeLocked() {
            pthread_mutex_unlock(mutex)
            let value = body(index)
            pthread_mutex_lock(mutex)
            slots[index] = value
            pthread_cond_broadcast(stored)
        }
        pthread_mutex_unlock(mutex)
    }

    /// Every slot (`map`): all are filled once `work` has returned on every thread.
    func results() -> [T] { slots.compactMap { $0 } }

    /// Result `index` (`pipeline`). While it is not ready the caller does not wait
    /// idle: it computes the next result nobody has taken (possibly `index`
    /// itself), and waits only when every result is taken. Its slot is emptied
    /// (the consumer holds the only copy).
    func result(_ index: Int) -> T {
        pthread_mutex_lock(mutex)
        while true {
            if let value = slots[index] {
                slots[index] = nil
                pthread_mutex_unlock(mutex)
                return value
            }
            if let taken = takeLocked() {
                pthread_mutex_unlock(mutex)
                let value = body(taken)
                if taken == index { return value }
                pthread_mutex_lock(mutex)
                slots[taken] = value
                continue
            }
            pthread_cond_wait(stored, mutex)
        }
    }
}
