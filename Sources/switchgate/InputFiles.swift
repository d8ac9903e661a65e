import Diagnostics
import MigrationLayout
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

/// A problem with the command's input that stops it before any output: exit 2.
struct InputError: Error, CustomStringConvertible {
    var description: String
}

/// Reads the files named on the command line; folders are searched for `*.sql`
/// files, in path order.
enum InputFiles {

    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw InputError(description: "\(path): no such file or directory")
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                guard let subpaths = try? fm.subpathsOfDirectory(atPath: path) else {
                    throw InputError(description: "\(path): cannot list the folder")
                }
                var found: [String] = []
                for relative in subpaths where relative.hasSuffix(".sql") {
                    found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
                result.append(contentsOf: found.sorted())
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
        do {
            return try MigrationLoader.readFile(path)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
