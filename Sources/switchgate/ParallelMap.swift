import Foundation

/// Runs `body` for `0..<count` on worker threads that have deep stacks (the
/// parser recurses on nested input), returning results in index order.
enum ParallelMap {
    /// Virtual size reserved per worker stack; pages are only used as needed.
    static let stackSize = 256 << 20

    static func run<T: Sendable>(_ count: Int, workers: Int = ProcessInfo.processInfo.activeProcessorCount, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let state = State<T>(count: count)
        let threads = max(1, min(workers, count))
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<threads {
            let thread = Thread {
                while let index = state.next() {
                    state.store(index, body(index))
                }
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
        return state.results()
    }

    private final class State<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int
        private var slots: [T?]

        init(count: Int) {
            self.count = count
            self.slots = Array(repeating: nil, count: count)
        }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }

        func store(_ index: Int, _ value: T) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func results() -> [T] { slots.compactMap { $0 } }
    }
}
