#if canImport(Glibc)
import Glibc
#endif
import SQLParser
import SQLSyntax
import Testing

/// `Workers` runs independent work side by side; results must not depend on how
/// the threads were scheduled, and a worker must read deep input like the main
/// thread does.
@Suite struct WorkersTests {
    @Test(arguments: [0, 1, 2, 3, 1000])
    func resultsComeBackInIndexOrder(_ count: Int) {
        let squares = Workers.map(count) { $0 * $0 }
        #expect(squares == (0..<count).map { $0 * $0 })
    }

    @Test func mapReturnsBeforeItsThreadsEndAndKeepsNoneOfItsBody() {
        // The caller does all of a tiny job before the threads it started run,
        // and returns without waiting for them to end; a thread that gets to the
        // job later finds nothing to take. The body captures a local: were it
        // kept by such a thread, `withoutActuallyEscaping` would trap here.
        for round in 0..<300 {
            let offset = round
            let results = Workers.map(2, yielding: round % 2 == 0) { $0 + offset }
            #expect(results == [offset, offset + 1])
        }
    }

    @Test func oneWorkerRunsOnTheCallingThread() {
        let results = Workers.map(5, workers: 1) { $0 + 1 }
        #expect(results == [1, 2, 3, 4, 5])
    }

    @Test func bothReturnsBothResults() {
        let (text, number) = Workers.both({ String(repeating: "a", count: 3) }, { 6 * 7 })
        #expect(text == "aaa")
        #expect(number == 42)
    }

    @Test(arguments: [0, 1, 7, 500])
    func streamReturnsEveryPieceInSubmissionOrder(_ count: Int) {
        let stream = Workers.Stream { (n: Int) in (n, n * n) }
        for n in 0..<count { stream.submit(n) }
        let results = stream.finish()
        #expect(results.map(\.0) == Array(0..<count))
        #expect(results.map(\.1) == (0..<count).map { $0 * $0 })
    }

    @Test func streamPiecesRunOneAtATimeInOrder() {
        // The body keeps state across pieces (as the lock effects' memo does):
        // pieces must run one after another, in order.
        final class Seen: @unchecked Sendable { var values: [Int] = [] }
        let seen = Seen()
        let stream = Workers.Stream { (n: Int) -> Int in
            seen.values.append(n)
            return seen.values.count
        }
        for n in 0..<200 { stream.submit(n) }
        #expect(stream.finish() == Array(1...200))
        #expect(seen.values == Array(0..<200))
    }

    @Test(arguments: [0, 1, 7, 500])
    func aHelpedFinishReturnsEveryPieceInSubmissionOrder(_ count: Int) {
        // The caller takes waiting pieces from the back while the helper goes on
        // from the front: the results still come back in submission order.
        let stream = Workers.Stream { (n: Int) -> Int in
            var x = n
            for _ in 0..<(n % 7) * 200 { x = (x &* 31) &+ 7 }
            return n * n + (x & 0)
        }
        for n in 0..<count { stream.submit(n) }
        #expect(stream.finish(helping: true) == (0..<count).map { $0 * $0 })
    }

    @Test func streamPiecesRunOnTheHelperThread() {
        // With a second processor the pieces are the helper's work, not left to
        // `finish` on the submitting thread (a helper that started before the
        // stream stored its thread id once gave up at once).
        guard Workers.processorCount > 1 else { return }
        let caller = pthread_self()
        for _ in 0..<50 {
            let stream = Workers.Stream { (_: Int) in pthread_equal(pthread_self(), caller) != 0 }
            for n in 0..<4 { stream.submit(n) }
            #expect(stream.finish() == [false, false, false, false])
        }
    }

    @Test func workersParseDeepInputLikeTheMainThread() {
        let depths = [10, 100, 300, 10_000]
        let inputs = depths.map { "SELECT " + String(repeating: "(", count: $0) + "1" + String(repeating: ")", count: $0) }
        let parser = SQLParser(dialect: .postgres)
        let onWorkers = Workers.map(inputs.count) { parser.parse(inputs[$0]).statements.map { $0.error == nil } }
        let here = inputs.map { parser.parse($0).statements.map { $0.error == nil } }
        #expect(onWorkers == here)
        // The last is past the nesting limit on every thread.
        #expect(onWorkers == [[true], [true], [true], [false]])
    }
}
