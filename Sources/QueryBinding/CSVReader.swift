/// RFC 4180 CSV, as psql's `--csv` writes it: quoted fields may hold commas,
/// doubled quotes and line breaks.
enum CSVReader {
    struct Record {
        var fields: [String]
        /// 1-based line where the record starts.
        var line: Int
    }

    static func records(_ bytes: [UInt8], path: String) throws(QuerySourceError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = 0
        var quoted = false
        var quoteLine = 0
        var fieldStarted = false
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            fieldStarted = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    // Only a separator or the end of the record may follow.
                    if i < bytes.count, bytes[i] != comma, bytes[i] != newline, bytes[i] != cr {
                        throw QuerySourceError(path: path, line: line, message: "unexpected text after a quoted field")
                    }
                    continue
                }
                if b == newline { line += 1 }
                field.append(b)
                i += 1
                continue
            }
            switch b {
            case quote where field.isEmpty && !fieldStarted:
                quoted = true
                quoteLine = line
                fieldStarted = true
            case comma:
                endField()
            case newline:
                endField()
                records.append(Record(fields: fields, line: recordLine))
                fields = []
                line += 1
                recordLine = line
            case cr where i + 1 < bytes.count && bytes[i + 1] == newline:
                break
            default:
                field.append(b)
                fieldStarted = true
            }
            i += 1
        }
        if quoted {
            throw QuerySourceError(path: path, line: quoteLine, message: "unterminated quoted field")
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted {
            endField()
            records.append(Record(fields: fields, line: recordLine))
        }
        return records
    }
}
