#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error: messages, each written whole.
enum StandardError {
    static func write(_ text: String) { StandardOutput.writeAll(Array(text.utf8), to: STDERR_FILENO) }
}

/// Standard output, written straight from the report's bytes.
enum StandardOutput {
    static func write(_ text: String) { writeAll(Array(text.utf8)) }

    /// Each piece in order (the report is complete before the first is written).
    static func writeAll(_ pieces: [[UInt8]]) {
        // Small pieces are gathered so that a long report is not thousands of writes.
        var pending: [UInt8] = []
        for piece in pieces {
            if piece.count >= 1 << 12 {
                writeAll(pending)
                pending.removeAll(keepingCapacity: true)
                writeAll(piece)
            } else {
                pending += piece
                if pending.count >= 1 << 16 {
                    writeAll(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }
        writeAll(pending)
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32 = STDOUT_FILENO) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// write(2), named apart from the streams' own `write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
