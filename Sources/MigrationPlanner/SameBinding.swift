import SQLSyntax
import SchemaCatalog

/// Tells, without binding, that a data statement binds on one catalog with the
/// same outcome as on another (it works on both or fails on both). Once a unit is held back, the planner asks of every later
/// backfill whether it still works on the intermediate schema S1 as it did in
/// file order; nearly always nothing it reads differs, and binding thousands of
/// backfills twice was most of a long history's check.
///
/// Only single-table statements qualify (UPDATE and DELETE without FROM, USING
/// or WITH; INSERT of VALUES without ON CONFLICT, or with a bare ON CONFLICT DO
/// NOTHING, which names no arbiter), with no subquery anywhere.
/// Binding one reads: the target, found through the search path; the columns it
/// names (all of them for INSERT without a column list, `*` or a whole-row
/// reference) with their types and the table's constraints; the columns an
/// INSERT leaves out that may need a value; the user types and functions its
/// expressions name. When each of those is the same object in both catalogs, binding cannot
/// tell them apart. Sequences (`nextval('s')`) and `regclass` casts name
/// relations inside strings: such statements are bound. Anything else is bound.
enum SameBinding {
    static func holds(_ statement: Statement, on here: Catalog, as fileOrder: Catalog) -> Bool {
        guard let question = Question(statement.node) else { return false }
        return answer(question, on: here, as: fileOrder)
    }

    /// `holds`, remembering the last answers: a run of backfill batches reads the
    /// same things of the same two catalogs, and is answered once. A batch
    /// written like a recent one but for its literals (`sql`, `alike`) is not
    /// even read again: no question holds a literal. A few answers are kept, as
    /// batches may take turns (one sets a value, the next NULL).
    static func holds(
        _ statement: Statement, sql: String, on here: Catalog, as fileOrder: Catalog, memo: inout Memo?
    ) -> Bool {
        if let memo, memo.here == here, memo.fileOrder == fileOrder {
            if let recent = memo.recent.first(where: { alike($0.sql, sql) }) { return recent.answer }
        } else {
            memo = Memo(here: here, fileOrder: fileOrder)
        }
        guard let question = Question(statement.node) else { return false }
        if let recent = memo?.recent.first(where: { $0.question == question }) { return recent.answer }
        let answer = answer(question, on: here, as: fileOrder)
        memo?.remember(Memo.Answer(question: question, sql: sql, answer: answer))
        return answer
    }

    /// Recent answers on one pair of catalogs.
    struct Memo {
        var here: Catalog
        var fileOrder: Catalog
        var recent: [Answer] = []

        struct Answer {
            var question: Question
            /// The text of the statement the question was read from.
            var sql: String
            var answer: Bool
        }

        static let kept = 4

        mutating func remember(_ answer: Answer) {
            if recent.count == Self.kept { recent.removeLast() }
            recent.insert(answer, at: 0)
        }
    }

    /// Whether two statements are written alike but for their literals: the same
    /// bytes, except
    /// - runs of digits that stand alone (not part of a name, a parameter such
    ///   as `$1`, or a quoted identifier, and not followed by a letter, as in
    ///   `1e5`);
    /// - the contents of string literals (`'...'` with `''`, and `E'...'` with
    ///   backslash escapes), where both have one at the same place;
    /// - comments, where both have one at the same place.
    /// Quoted identifiers (`"..."`) are compared whole. A text with a `$` in it
    /// (a dollar-quoted string could hide a quote) is compared but for digits
    /// only. Two such statements parse to the same tree but for the literals'
    /// values and the comments, so they ask the same question.
    static func alike(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                var scan = Alike(x, y)
                return scan.run()
            }
        }
    }

    /// The scan behind `alike`, over both texts' bytes in step.
    private struct Alike {
        let x: UnsafeBufferPointer<UInt8>
        let y: UnsafeBufferPointer<UInt8>
        var i = 0
        var j = 0
        /// Whether string literals and comments may be skipped (neither text has a `$`).
        let lexes: Bool

        init(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) {
            self.x = x
            self.y = y
            lexes = !x.contains(UInt8(ascii: "$")) && !y.contains(UInt8(ascii: "$"))
        }

        static func isNamePart(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "$"),
                UInt8(ascii: "\""), 0x80...0xFF:
                return true
            default:
                return false
            }
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        /// The index just past the string literal whose opening quote is at
        /// `start` (nil when it does not end); `escapes`: an `E'...'` string.
        static func endOfString(_ t: UnsafeBufferPointer<UInt8>, from start: Int, escapes: Bool) -> Int? {
            var k = start + 1
            while k < t.count {
                if escapes && t[k] == UInt8(ascii: "\\") {
                    k += 2
                    continue
                }
                if t[k] == UInt8(ascii: "'") {
                    if k + 1 < t.count && t[k + 1] == UInt8(ascii: "'") {
                        k += 2
                        continue
                    }
                    return k + 1
                }
                k += 1
            }
            return nil
        }

        /// The index just past the comment starting at `start` (`--` to the end of
        /// the line, `/* */` nested), nil when none starts there or it does not end.
        static func endOfComment(_ t: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            guard start + 1 < t.count else { return nil }
            if t[start] == UInt8(ascii: "-") && t[start + 1] == UInt8(ascii: "-") {
                var k = start + 2
                while k < t.count && t[k] != UInt8(ascii: "\n") { k += 1 }
                return k
            }
            guard t[start] == UInt8(ascii: "/") && t[start + 1] == UInt8(ascii: "*") else { return nil }
            var depth = 1
            var k = start + 2
            while k + 1 < t.count {
                if t[k] == UInt8(ascii: "/") && t[k + 1] == UInt8(ascii: "*") {
                    depth += 1
                    k += 2
                } else if t[k] == UInt8(ascii: "*") && t[k + 1] == UInt8(ascii: "/") {
                    depth -= 1
                    k += 2
                    if depth == 0 { return k }
                } else {
                    k += 1
                }
            }
            return nil
        }

        mutating func run() -> Bool {
            while i < x.count && j < y.count {
                let standsAlone = i == 0 || !Self.isNamePart(x[i - 1])
                if standsAlone && Self.isDigit(x[i]) && Self.isDigit(y[j]) {
                    while i < x.count && Self.isDigit(x[i]) { i += 1 }
                    while j < y.count && Self.isDigit(y[j]) { j += 1 }
                    if i < x.count && Self.isNamePart(x[i]) { return false }
                    if j < y.count && Self.isNamePart(y[j]) { return false }
                    continue
                }
                guard x[i] == y[j] else { return false }
                if lexes {
                    if x[i] == UInt8(ascii: "'") {
                        // An E (or e) just before, itself standing alone: backslash escapes.
                        let escapes = i > 0 && (x[i - 1] == UInt8(ascii: "E") || x[i - 1] == UInt8(ascii: "e"))
                            && (i == 1 || !Self.isNamePart(x[i - 2]))
                        guard let endX = Self.endOfString(x, from: i, escapes: escapes),
                            let endY = Self.endOfString(y, from: j, escapes: escapes)
                        else { return false }
                        i = endX
                        j = endY
                        continue
                    }
                    if x[i] == UInt8(ascii: "\"") {
                        // A quoted identifier: the same bytes up to its closing quote.
                        var k = 1
                        while true {
                            guard i + k < x.count, j + k < y.count, x[i + k] == y[j + k] else { return false }
                            if x[i + k] == UInt8(ascii: "\"") {
                                if i + k + 1 < x.count, x[i + k + 1] == UInt8(ascii: "\""),
                                    j + k + 1 < y.count, y[j + k + 1] == UInt8(ascii: "\"")
                                {
                                    k += 2
                                    continue
                                }
                                break
                            }
                            k += 1
                        }
                        i += k + 1
                        j += k + 1
                        continue
                    }
                    if let endX = Self.endOfComment(x, from: i) {
                        guard let endY = Self.endOfComment(y, from: j) else { return false }
                        i = endX
                        j = endY
                        continue
                    }
                }
                i += 1
                j += 1
            }
            return i == x.count && j == y.count
        }
    }

    /// What binding a qualifying statement reads of a catalog: its target and
    /// what its expressions name. Two statements with the same question bind
    /// alike on any catalog (positions aside).
    struct Question: Equatable {
        var target: QualifiedName
        var reads: Reads

        init?(_ node: StatementNode) {
            guard let shape = Shape(node) else { return nil }
            var reads = Reads(table: shape.target.name, alias: shape.alias, allColumns: shape.insert && !shape.namesColumns)
            reads.omittedColumns = shape.insert && shape.namesColumns
            reads.insert = shape.insert
            reads.columns.formUnion(shape.setColumns)
            for expression in shape.expressions {
                guard reads.add(expression) else { return nil }
            }
            self.target = shape.target
            self.reads = reads
        }

        static func == (a: Question, b: Question) -> Bool {
            a.target.isSpelled(like: b.target) && a.reads.allColumns == b.reads.allColumns
                && a.reads.omittedColumns == b.reads.omittedColumns && a.reads.insert == b.reads.insert
                && a.reads.columns == b.reads.columns
                && a.reads.types.count == b.reads.types.count && a.reads.calls.count == b.reads.calls.count
                && zip(a.reads.types, b.reads.types).allSatisfy { $0.name.isSpelled(like: $1.name) }
                && zip(a.reads.calls, b.reads.calls).allSatisfy { $0.isSpelled(like: $1) }
        }
    }

    static func answer(_ question: Question, on here: Catalog, as fileOrder: Catalog) -> Bool {
        // SQLite resolves names without case by scanning every relation: not worth a shortcut.
        guard here.dialect.kind == .postgres, fileOrder.dialect == here.dialect,
            here.searchPath == fileOrder.searchPath, here.schemas == fileOrder.schemas,
            here.extensions == fileOrder.extensions
        else { return false }
        let reads = question.reads

        let isRelation: (Catalog) -> (ObjectKey) -> Bool = { catalog in { catalog.relationKind($0) != nil } }
        let key = here.resolve(question.target, exists: isRelation(here))
        guard key == fileOrder.resolve(question.target, exists: isRelation(fileOrder)) else { return false }
        if let key {
            // A view or a sequence as the target: bind it.
            guard let mine = here.tables[key], let theirs = fileOrder.tables[key] else { return false }
            // The very same table in both: nothing read of it differs.
            if !mine.isIdentical(to: theirs) {
                guard sameOutsideColumns(mine, theirs, reads) else { return false }
                if reads.allColumns {
                    guard mine.columns.sharesStorage(with: theirs.columns) || mine.columns == theirs.columns else { return false }
                } else {
                    for name in reads.columns where mine.column(name) != theirs.column(name) { return false }
                    if reads.omittedColumns, omittedThatMatter(mine, reads.columns) != omittedThatMatter(theirs, reads.columns) {
                        return false
                    }
                }
            }
            var columns = reads.allColumns ? mine.columns : reads.columns.compactMap { mine.column($0) }
            if reads.omittedColumns { columns += omittedThatMatter(mine, reads.columns) }
            for column in columns where !sameUserType(column.type, here, fileOrder) { return false }
        }
        for type in reads.types {
            guard sameObject(type.name, here.types, fileOrder.types, in: here) else { return false }
        }
        for call in reads.calls {
            guard sameObject(call, here.functions, fileOrder.functions, in: here) else { return false }
        }
        return true
    }

    /// The columns an INSERT with a column list leaves out that can make it fail:
    /// NOT NULL with nothing to fill it (no default, identity or generation
    /// expression), any of a user type (a domain may be NOT NULL, or give the
    /// default), and any a CHECK constraint names (`CHECK (c IS NOT NULL)`
    /// refuses it unless a default fills it). Another column left out is NULL
    /// or filled, no failure whatever else is in the table (binding notes the
    /// sequence of a default, which the planner does not read).
    static func omittedThatMatter(_ table: Table, _ named: Set<String>) -> [Column] {
        let checked = Set(table.constraints.lazy.filter { $0.kind == .check }.flatMap(\.columns))
        return table.columns.filter { column in
            !named.contains(column.name)
                && ((column.notNull && column.defaultValue == nil && column.identity == nil && column.generated == nil)
                    || column.type.element.schema != nil || checked.contains(column.name))
        }
    }

    /// Everything binding reads of a table but its columns (triggers and policies
    /// it does not read). Of its constraints binding reads only CHECKs (a
    /// `CHECK (c IS NOT NULL)` refuses a NULL): an INSERT, whose left-out
    /// columns count too, reads them all; an UPDATE or DELETE those on the
    /// columns it names (primary keys, unique constraints and foreign keys
    /// concern ON CONFLICT arbiters, which no question has, and execution).
    static func sameOutsideColumns(_ a: Table, _ b: Table, _ reads: Reads) -> Bool {
        a.kind == b.kind && a.persistence == b.persistence
            && (a.constraints.sharesStorage(with: b.constraints) || sameChecks(a, b, reads))
            && a.partitionOf == b.partitionOf && a.inherits == b.inherits && a.rowLevelSecurity == b.rowLevelSecurity
            && a.withoutRowid == b.withoutRowid && a.strict == b.strict
    }

    static func sameChecks(_ a: Table, _ b: Table, _ reads: Reads) -> Bool {
        let every = reads.allColumns || reads.omittedColumns || reads.insert
        func read(_ table: Table) -> [Constraint] {
            table.constraints.filter { c in
                c.kind == .check && (every || c.columns.isEmpty || c.columns.contains { reads.columns.contains($0) })
            }
        }
        return read(a) == read(b)
    }

    /// A column's user type (an enum, a domain and what it is based on) is the same in both.
    static func sameUserType(_ type: ColumnType, _ a: Catalog, _ b: Catalog) -> Bool {
        var current = type.element
        for _ in 0..<8 {
            guard let schema = current.schema else { return true }
            let key = ObjectKey(schema, current.name)
            let mine = a.types[key]
            guard mine == b.types[key] else { return false }
            guard case .domain(let domain)? = mine?.definition else { return true }
            current = domain.baseType.element
        }
        return false
    }

    /// Whatever `name` can find in `a` is what it finds in `b`: the same entry
    /// under each schema it may resolve in.
    static func sameObject<Value: Equatable>(
        _ name: QualifiedName, _ a: ObjectMap<Value>, _ b: ObjectMap<Value>, in catalog: Catalog
    ) -> Bool {
        let objectName = catalog.identifierName(name.name)
        let schemas = name.qualifier.map { [catalog.identifierName($0)] } ?? catalog.implicitSchemas
        return schemas.allSatisfy { a[ObjectKey($0, objectName)] == b[ObjectKey($0, objectName)] }
    }

    /// A single-table data statement's parts.
    struct Shape {
        var target: QualifiedName
        var alias: String?
        var expressions: [Expr]
        var setColumns: [String] = []
        /// INSERT reads the columns it leaves out too (defaults and NOT NULL coverage).
        var insert = false
        /// An INSERT with a column list (else it reads every column, by position).
        var namesColumns = false

        init?(_ node: StatementNode) {
            switch node {
            case .update(let u):
                guard u.with == nil, u.from.isEmpty else { return nil }
                target = u.table.name
                alias = u.table.alias?.name?.value
                expressions = []
                for clause in u.set {
                    switch clause {
                    case .single(let column, let e):
                        setColumns.append(column.name.value)
                        expressions.append(e)
                    case .multiple(let columns, let e):
                        setColumns += columns.map(\.name.value)
                        expressions.append(e)
                    }
                }
                if let condition = u.where { expressions.append(condition) }
                expressions += u.returning.map(\.expr)
            case .delete(let d):
                guard d.with == nil, d.using.isEmpty else { return nil }
                target = d.table.name
                alias = d.table.alias?.name?.value
                expressions = (d.where.map { [$0] } ?? []) + d.returning.map(\.expr)
            case .insert(let i):
                guard i.with == nil else { return nil }
                if let conflict = i.onConflict {
                    // A bare DO NOTHING reads nothing more; an arbiter or DO UPDATE does.
                    guard case .none = conflict.target, case .nothing = conflict.action else { return nil }
                }
                target = i.table
                alias = i.alias?.value
                insert = true
                namesColumns = !i.columns.isEmpty
                // `col.field` or `col[1]` writes part of a column: bind it.
                guard i.columns.allSatisfy({ $0.indirection.isEmpty && !$0.hasSubscript }) else { return nil }
                setColumns = i.columns.map(\.name.value)
                expressions = i.returning.map(\.expr)
                if let source = i.source {
                    guard source.with == nil, source.orderBy.isEmpty, source.limit == nil, source.offset == nil,
                        source.locking.isEmpty, case .values(let values) = source.body
                    else { return nil }
                    expressions += values.rows.joined()
                }
            default:
                return nil
            }
        }
    }

    /// What a statement's expressions name.
    struct Reads {
        let table: String
        let alias: String?
        var allColumns: Bool
        /// An INSERT's columns left out matter (`omittedThatMatter`).
        var omittedColumns = false
        /// An INSERT (every CHECK constraint may refuse its row).
        var insert = false
        var columns: Set<String> = []
        var types: [TypeName] = []
        var calls: [QualifiedName] = []

        init(table: String, alias: String?, allColumns: Bool) {
            self.table = table
            self.alias = alias
            self.allColumns = allColumns
        }

        static let relationInString: Set<String> = ["nextval", "currval", "setval", "lastval"]
        static let relationTypes: Set<String> = ["regclass", "regproc", "regprocedure", "regtype", "regnamespace"]

        /// Records what `expression` names; false when it reads more than its row
        /// (a subquery, a window) or names a relation inside a string.
        mutating func add(_ expression: Expr) -> Bool {
            var simple = true
            expression.visit { e in
                switch e.kind {
                case .exists, .subquery, .arraySubquery, .inSubquery:
                    simple = false
                case .quantified(_, _, _, let subquery, _) where subquery != nil:
                    simple = false
                case .column(let name):
                    // Any part may be a column (`composite_column.field`).
                    columns.formUnion(name.parts.map(\.value))
                    // The table's own name as a value is a whole-row reference.
                    if name.parts.count == 1, let only = name.parts.first?.value, only == table || only == alias {
                        allColumns = true
                    }
                case .star:
                    allColumns = true
                case .cast(_, let type), .typedLiteral(let type, _):
                    if Self.relationTypes.contains(type.name.name) { simple = false }
                    types.append(type)
                case .function(let call):
                    if call.over != nil || Self.relationInString.contains(call.name.name) { simple = false }
                    calls.append(call.name)
                default:
                    break
                }
            }
            return simple
        }
    }
}
