import Diagnostics
import Foundation

/// A problem with the command's input that stops it before any output: exit 2.
struct InputError: Error, CustomStringConvertible {
    var description: String
}

/// Reads the files named on the command line; folders are searched for `*.sql`
/// files, in path order.
enum InputFiles {
    /// Files above this size are refused rather than read into memory.
    static let maximumSize = 1 << 30

    /// Natural order compares digit runs as numbers: `2_x.sql` before `10_x.sql`.
    static func naturalLess(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric]) == .orderedAscending
    }

    static func expand(_ paths: [String], naturalOrder: Bool = false) throws -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(description: "\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    throw InputError(description: "\(path): cannot list the folder")
                }
                var found: [String] = []
                while let relative = walker.nextObject() as? String {
                    if relative.hasSuffix(".sql") {
                        found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                    }
                }
                result.append(contentsOf: naturalOrder ? found.sorted(by: naturalLess) : found.sorted())
            } else {
                result.append(path)
            }
        }
        return result
    }

    static func read(_ path: String) throws -> SourceFile {
        SourceFile(path: path, bytes: try readBytes(path))
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(description: "\(path): cannot open the file for reading")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            guard let size = try? handle.seekToEnd(), size <= UInt64(maximumSize) else {
                throw InputError(description: "\(path): larger than \(maximumSize >> 20) MiB")
            }
            try handle.seek(toOffset: 0)
            data = try handle.readToEnd() ?? Data()
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(description: "\(path): \(error.localizedDescription)")
        }
        return [UInt8](data)
    }
}
