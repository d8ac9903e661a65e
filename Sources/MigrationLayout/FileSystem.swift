#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a folder listing.
struct FolderEntry: Sendable, Hashable {
    /// The last path component.
    var name: String
    /// The folder path as given, joined with `name`.
    var path: String
    var isDirectory: Bool
}

/// The few file-system operations the loader needs, with failures turned into
/// `MigrationLayoutError`s that name the path.
enum FileSystem {
    /// Files above this size are refused rather than read into memory.
    static let maximumSize = 1 << 30

    enum Kind { case file, directory }

    /// What is at `path` (following symbolic links), or `nil` when nothing is.
    static func kind(_ path: String) -> Kind? {
        // stat(2) follows links, as FileManager's fileExists does, without its overhead.
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    static func isFile(_ path: String) -> Bool { kind(path) == .file }
    static func isDirectory(_ path: String) -> Bool { kind(path) == .directory }

    /// `folder/name`, without doubling a trailing slash; `folder` stays as given.
    static func join(_ folder: String, _ name: String) -> String {
        // Built in place at its final size: `a + "/" + b` allocated twice.
        var path = ""
        path.reserveCapacity(folder.utf8.count + 1 + name.utf8.count)
        path += folder
        if !folder.hasSuffix("/") { path += "/" }
        path += name
        return path
    }

    /// The folder holding `path`, as a path usable for existence checks.
    static func parent(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// The last path component of `path`.
    static func lastComponent(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    /// The folder's entries, hidden ones (`.name`) left out, sorted by the bytes of their
    /// names so that every run sees the same order. An entry that cannot be examined
    /// (a dangling link) is listed as a file, so that reading it reports the problem.
    static func list(_ folder: String) throws(MigrationLayoutError) -> [FolderEntry] {
        // readdir(3) says which entries are folders: no stat(2) per entry, except
        // for links (followed, as everywhere here) and file systems that do not say.
        guard let directory = opendir(folder) else {
            throw .unreadable(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var entries: [FolderEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = join(folder, name)
            let type = Int32(entry.pointee.d_type)
            let isDirectory =
                type == Int32(DT_DIR) ? true : type == Int32(DT_REG) ? false : Self.isDirectory(path)
            entries.append(FolderEntry(name: name, path: path, isDirectory: isDirectory))
        }
        // By the names' bytes, each taken out once (not at every comparison).
        let keys = entries.map { Array($0.name.utf8) }
        return entries.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { entries[$0] }
    }

    /// What sort of thing a path names, following links.
    enum Node { case regular, stream, device, other }

    /// The whole file. Pipes (`<(git show ...)`) are read to their end; devices and
    /// anything above `maximumSize` are refused, so that nothing hangs or exhausts memory.
    static func read(_ path: String) throws(MigrationLayoutError) -> [UInt8] {
        // Opened without waiting (a FIFO with no writer would block the open), then
        // examined: devices and folders are refused before anything is read.
        var fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let reason =
                code == ENOENT ? "no such file" : code == EACCES || code == EPERM ? "permission denied" : String(cString: strerror(code))
            throw .unreadable(path: path, reason: reason)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, reason: "cannot examine it") }
        let node: Node
        switch status.st_mode & S_IFMT {
        case S_IFREG: node = .regular
        case S_IFIFO, S_IFSOCK: node = .stream
        case S_IFCHR, S_IFBLK: node = .device
        default: node = .other
        }
        if node == .device || node == .other {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        // A pipe is read to its end, from the moment its writer opens it: opened
        // again, waiting (without a writer, a read would find the end at once).
        if node == .stream {
            let waiting = open(path, O_RDONLY | O_CLOEXEC)
            guard waiting >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
            fd = waiting
        }
        let tooLarge = MigrationLayoutError.unreadable(path: path, reason: "larger than \(maximumSize >> 20) MiB")
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        if node == .regular {
            // Straight into the array, sized from fstat; a file that grows meanwhile is read to its end.
            guard status.st_size <= maximumSize else { throw tooLarge }
            // One byte more than its size, so the read that meets the end has room.
            let capacity = Int(status.st_size) + 1
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                while count < buffer.count {
                    let read = systemRead(fd, base + count, buffer.count - count)
                    if read < 0 && errno == EINTR { continue }
                    if read < 0 { failure = errno }
                    if read <= 0 { return }
                    count += read
                }
            }
            // Met the end already (the buffer has room to spare): done.
            if failure == 0 && bytes.count < capacity { return bytes }
        }
        // A pipe, or a file that grew: read in chunks to the end.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let read = chunk.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { systemRead(fd, $0, buffer.count) } ?? 0
            }
            if read < 0 && errno == EINTR { continue }
            if read < 0 { failure = errno }
            if read <= 0 { break }
            bytes += chunk[..<read]
            guard bytes.count <= maximumSize else { throw tooLarge }
        }
        if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }
}

/// read(2), named apart from `FileSystem.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
