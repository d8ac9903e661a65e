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

    /// Run first on every thread `Workers` starts (the executable's allocator
    /// setup). Set once, before any work is handed out.
    nonisolated(unsafe) public static var threadStart: (@Sendable () -> Void)?

    /// The processors this process may run on (asked once: glibc reads it from /sys each time).
    public static let processorCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// `body(0) ... body(count - 1)`, spread over up to `workers` threads (the
    /// calling thread is one of them); the calling thread does all of it when no
    /// other thread can be started. `body` runs concurrently with itself: it may
    /// only read what it shares (values are copied on write, so reading is safe).
    ///
    /// With `yielding`, the threads started for it run below the caller's
    /// priority, level with the streams' helpers (`Stream`): work that can wait
    /// for a processor while a stream that the caller will wait for catches up.
    public static func map<T>(_ count: Int, workers: Int = processorCount, yielding: Bool = false, _ body: (Int) -> T) -> [T] {
        let threads = max(1, min(workers, count))
        guard threads > 1 else { return (0..<count).map(body) }
        return withoutActuallyEscaping(body) { body in
            let job = Job(count: count, body: body)
            job.yields = yielding
            var started: [pthread_t] = []
            for _ in 1..<threads {
                if let thread = spawn(job) { started.append(thread) }
            }
            job.work()
            // The caller waits for the work, not for the threads to end: a thread
            // that found nothing left may not even have started yet, and one below
            // the caller's priority (`yielding`) can take milliseconds to.
            let results = job.finish()
            for thread in started { pthread_detach(thread) }
            return results
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

    /// Work handed over piece by piece while the caller goes on: a helper thread
    /// runs `body` on each submitted piece in turn (the lock effects of each file
    /// as soon as it is replayed, on a processor the sequential replay leaves
    /// idle). `finish` waits for the last piece and returns every result in the
    /// order submitted. Without a second processor, or a thread, `finish` runs
    /// the pieces itself.
    public final class Stream<Input, Output>: @unchecked Sendable {
        /// Signalled when a piece is submitted or `finish` is called.
        private let monitor = Monitor()
        private let body: (Input) -> Output
        private var pending: [Input] = []
        /// The helper takes pieces from the front ...
        private var next = 0
        /// ... and `finish(helping: true)` from the back: pieces before `end` are
        /// the helper's to take.
        private var end = 0
        private var results: [Output?] = []
        /// Results stored so far.
        private var done = 0
        private var finished = false
        private var thread: pthread_t?

        public init(_ body: @escaping (Input) -> Output) {
            self.body = body
            if Workers.processorCount > 1 { thread = spawn(StreamRunner(self)) }
        }

        /// Queues `input` behind the pieces already submitted.
        public func submit(_ input: Input) {
            monitor.lock()
            pending.append(input)
            results.append(nil)
            end = pending.count
            monitor.broadcast()
            monitor.unlock()
        }

        /// Every piece's result, in submission order, once all are done. With
        /// `helping`, the calling thread does the pieces still waiting, from the
        /// last, while the helper goes on from the first: only for a `body`
        /// that keeps nothing from one piece to the next.
        public func finish(helping: Bool = false) -> [Output] {
            monitor.lock()
            finished = true
            monitor.broadcast()
            while helping && thread != nil && end > next {
                end -= 1
                let index = end
                let input = pending[index]
                monitor.unlock()
                let output = body(input)
                monitor.lock()
                results[index] = output
                done += 1
            }
            if let thread {
                // The helper's last pieces; then it is left to end on its own (below
                // the caller's priority, it may take a while to get to that).
                while done < results.count { monitor.wait() }
                pthread_detach(thread)
                let all = results.compactMap { $0 }
                results = []
                monitor.unlock()
                return all
            }
            monitor.unlock()
            // Without a helper, everything is done here.
            work()
            return results.compactMap { $0 }
        }

        /// Runs pieces until none is left and `finish` was called (after which
        /// it never waits: `finish` calls it for what no helper did).
        fileprivate func work() {
            monitor.lock()
            while true {
                if next < end {
                    let index = next
                    let input = pending[index]
                    next += 1
                    monitor.unlock()
                    let output = body(input)
                    monitor.lock()
                    results[index] = output
                    done += 1
                    monitor.broadcast()
                    continue
                }
                // Only `finished` ends the loop: the helper must not read `thread`,
                // which `init` may not have stored yet when the helper starts (it
                // then left every piece to `finish`, on the caller's thread).
                if finished { break }
                monitor.wait()
            }
            // The inputs are done with: release them now rather than with the stream.
            pending.removeAll()
            next = 0
            end = 0
            monitor.unlock()
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

    private static func spawn(_ job: some Runnable) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        _ = pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(ThreadStart(job)).toOpaque()
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
                let runnable = Unmanaged<ThreadStart>.fromOpaque(raw).takeRetainedValue().runnable
                Workers.threadStart?()
                #if canImport(Glibc)
                // On Linux a nice value is a thread's own, and 0 names the calling thread.
                if runnable.yields { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }
                #endif
                runnable.work()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

/// What a started thread is handed: its work, already as a `Runnable`. (Cast from
/// `AnyObject` on the thread, each job type's first cast to the protocol would scan
/// every conformance record of the program: thousands, once per `Job<T>`.)
private final class ThreadStart {
    let runnable: any Runnable
    init(_ runnable: any Runnable) { self.runnable = runnable }
}

private protocol Runnable: AnyObject {
    func work()
    /// Whether a thread started for it runs below the starting thread's priority.
    var yields: Bool { get }
}

/// A stream's helper thread, which keeps the stream alive until `work` returns
/// (after `finish`, which every stream must reach).
private final class StreamRunner<Input, Output>: Runnable {
    let stream: Workers.Stream<Input, Output>
    init(_ stream: Workers.Stream<Input, Output>) { self.stream = stream }
    // Below the threads whose work the pieces follow (the replay): the stream
    // takes the processor time they leave, not theirs.
    var yields: Bool { true }
    func work() { stream.work() }
}

/// The shared state of one `Workers.map` or `Workers.pipeline`: the next index
/// to take, the results not yet collected, and a condition signalled as each
/// result is stored.
private final class Job<T>: Runnable {
    /// Signalled as each result is stored.
    private let monitor = Monitor()
    private var next = 0
    private let count: Int
    /// Let go of by `finish`, so that a thread still to end does not keep it.
    private var body: ((Int) -> T)?
    private var slots: [T?]
    private var filled = 0
    /// `map(yielding:)`.
    var yields = false

    init(count: Int, body: @escaping (Int) -> T) {
        self.count = count
        self.body = body
        self.slots = Array(repeating: nil, count: count)
    }

    /// The next index nobody has taken; the caller holds the mutex.
    private func takeLocked() -> Int? {
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    func work() {
        monitor.lock()
        // (An index taken means its slot is empty, so `finish` has not let go of `body`.)
        while let index = takeLocked(), let body {
            monitor.unlock()
            let value = body(index)
            monitor.lock()
            slots[index] = value
            filled += 1
            monitor.broadcast()
        }
        monitor.unlock()
    }

    /// Every slot (`map`), once all are filled; the job then lets go of `body`
    /// (no thread runs it any more), and a thread that comes to it later finds
    /// nothing to take.
    func finish() -> [T] {
        monitor.lock()
        while filled < count { monitor.wait() }
        body = nil
        let results = slots.compactMap { $0 }
        slots = []
        monitor.unlock()
        return results
    }

    /// Result `index` (`pipeline`). While it is not ready the caller does not wait
    /// idle: it computes the next result nobody has taken (possibly `index`
    /// itself), and waits only when every result is taken. Its slot is emptied
    /// (the consumer holds the only copy).
    func result(_ index: Int) -> T {
        monitor.lock()
        while true {
            if let value = slots[index] {
                slots[index] = nil
                monitor.unlock()
                return value
            }
            if let taken = takeLocked(), let body {
                monitor.unlock()
                let value = body(taken)
                monitor.lock()
                filled += 1
                if taken == index {
                    monitor.unlock()
                    return value
                }
                slots[taken] = value
                continue
            }
            monitor.wait()
        }
    }
}

/// A mutex with one condition, for `Job` and `Stream`.
private final class Monitor {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a signal; the caller holds the lock, and holds it again on return.
    func wait() { pthread_cond_wait(condition, mutex) }
    func signal() { pthread_cond_signal(condition) }
    func broadcast() { pthread_cond_broadcast(condition) }
}
