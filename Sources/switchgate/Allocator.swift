import SQLParser
import Synchronization

#if canImport(Glibc)
import Glibc

/// glibc's allocator, set for a run that builds tens of megabytes of catalogs
/// in small pieces from several threads.
///
/// `mallopt` is not declared by Swift's Glibc module: it is found by name, and
/// the option numbers are glibc's `malloc.h`. The `madvise` advice numbers are
/// Linux's (`MADV_HUGEPAGE` 14, `MADV_COLLAPSE` 25); a kernel that does not know
/// one, or has transparent huge pages off, refuses it and nothing changes.
enum Allocator {
    /// Heaps grow and are kept in large steps: glibc otherwise grows them a page
    /// run at a time, a system call and a round of page faults each, and returns
    /// freed tops at once. Growing and keeping in 64 MiB steps took a tenth off
    /// the check's processor time on a 20 MB history (the pages are only touched
    /// when used).
    static func growInLargeSteps() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let topPad: Int32 = -2  // M_TOP_PAD
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
    }

    /// Shorter histories are checked in a few milliseconds, which the first touch
    /// of a 2 MiB page (zeroing all of it) would lengthen rather than shorten.
    /// (The count, not the size: the files are read later, as they are parsed.)
    static let hugePageMigrations = 64

    /// For a history of `migrations` files: from now on the heaps' untouched
    /// memory is backed by 2 MiB pages (transparent huge pages) where the kernel
    /// allows it, one page fault where there were 512. A long history's check
    /// spent an eighth of its processor time in page faults; this took a seventh
    /// off lemmy's check and a sixth off a 5 MB one. Called once, before `Workers`
    /// starts a thread. (A history given as one large file keeps small pages.)
    static func useHugePages(migrations: Int) {
        guard migrations >= hugePageMigrations else { return }
        adviseMainHeap()
        Workers.threadStart = { adviseThreadHeap() }
    }

    static let hugePage: UInt = 2 << 20

    /// The main heap above its last allocation: the top pad `growInLargeSteps`
    /// asked for, untouched yet.
    private static func adviseMainHeap() {
        guard let probe = malloc(64) else { return }
        let low = UInt(bitPattern: probe)
        free(probe)
        let high = UInt(bitPattern: sbrk(0))
        let start = (low + hugePage - 1) & ~(hugePage - 1)
        let end = high & ~(hugePage - 1)
        guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(base, Int(end - start), 14)  // MADV_HUGEPAGE
    }

    /// The heap of the calling thread's arena. glibc maps each arena's heap as one
    /// 64 MiB region aligned to its size (`HEAP_MAX_SIZE`), made writable whole
    /// here because of the top pad; the arena's first allocations have already
    /// touched its first 2 MiB, which are gathered into one page at once
    /// (`MADV_COLLAPSE`), the rest as they are touched. A thread served from the
    /// main heap (below the program break) is left alone.
    private static func adviseThreadHeap() {
        guard let probe = malloc(64) else { return }
        let address = UInt(bitPattern: probe)
        free(probe)
        guard address > UInt(bitPattern: sbrk(0)) else { return }
        let heapSize: UInt = 64 << 20
        let start = address & ~(heapSize - 1)
        // Once per arena: a thread that takes over the arena of one that ended
        // finds it advised already (collapsing takes the process's memory map
        // lock, and a thread started for a moment's work would wait on it).
        guard advisedHeaps.withLock({ $0.insert(start).inserted }) else { return }
        guard let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        guard madvise(base, Int(heapSize), 14) == 0 else { return }  // MADV_HUGEPAGE
        _ = madvise(base, Int(hugePage), 25)  // MADV_COLLAPSE
    }

    /// The thread heaps advised so far, by start address.
    private static let advisedHeaps = Mutex<Set<UInt>>([])
}
#endif
