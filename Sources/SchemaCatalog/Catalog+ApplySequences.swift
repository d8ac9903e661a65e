import SQLSyntax

// CREATE SEQUENCE and ALTER SEQUENCE. The values are the ones `pg_sequence`
// holds afterwards (PostgreSQL's `init_params`), so a replayed catalog and an
// introspected one compare equal.

extension Catalog {
    /// `CREATE [TEMP | UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options]`.
    mutating func createSequence(_ s: CreateSequenceStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = keyForNew(s.name)
        try checkSchemaExists(key.schema, span: s.name.span)
        if relationKind(key) != nil {
            if s.ifNotExists { return }
            try checkRelationNameFree(key, span: s.name.span)
        }
        var sequence = Sequence(key: key)
        try applySequenceOptions(s.options, to: &sequence, creating: true, span: s.span)
        sequences[key] = sequence
    }

    /// `ALTER SEQUENCE [IF EXISTS] name options`.
    mutating func alterSequence(_ s: AlterSequenceStatement, _ source: ReplaySource) throws(CatalogError) {
        guard let key = resolve(s.name, exists: { relationKind($0) != nil }) else {
            if s.ifExists { return }
            throw missingRelation(s.name)
        }
        guard var sequence = sequences[key] else {
            throw CatalogError(CatalogError.wrongObjectType, "\"\(key.name)\" is not a sequence", span: s.name.span)
        }
        try applySequenceOptions(s.options, to: &sequence, creating: false, span: s.span)
        sequences[key] = sequence
    }

    /// The bounds of a sequence's data type.
    private static func bounds(_ type: ColumnType) -> (min: Int64, max: Int64) {
        switch type.name {
        case "int2": return (Int64(Int16.min), Int64(Int16.max))
        case "int4": return (Int64(Int32.min), Int64(Int32.max))
        default: return (Int64.min, Int64.max)
        }
    }

    private static func number(_ text: String, _ what: String, span: SourceSpan) throws(CatalogError) -> Int64 {
        guard let value = Int64(text.filter { $0 != "_" && $0 != "+" }) else {
            throw CatalogError(CatalogError.invalidParameterValue, "\(what) (\(text)) is out of range", span: span)
        }
        return value
    }

    /// PostgreSQL's `init_params`: options in any order, defaults derived from the
    /// data type and the sign of the increment, then the cross-checks.
    private func applySequenceOptions(
        _ options: [SequenceOption], to sequence: inout Sequence, creating: Bool, span: SourceSpan
    ) throws(CatalogError) {
        var type: ColumnType?
        var increment: String?
        var minValue: String??
        var maxValue: String??
        var start: String?
        var restart: String??
        var owned: QualifiedName??
        for option in options {
            switch option {
            case .type(let written):
                let resolved = try plainType(written)
                guard resolved.isInteger else {
                    throw CatalogError(
                        CatalogError.invalidParameterValue, "sequence type must be smallint, integer, or bigint",
                        span: written.span)
                }
                type = resolved
            case .increment(let n): increment = n
            case .minValue(let n): minValue = .some(n)
            case .maxValue(let n): maxValue = .some(n)
            case .start(let n): start = n
            case .restart(let n): restart = .some(n)
            case .cache(let n):
                if try Catalog.number(n, "CACHE", span: span) <= 0 {
                    throw CatalogError(
                        CatalogError.invalidParameterValue, "CACHE (\(n)) must be greater than zero", span: span)
                }
            case .cycle(let cycle): sequence.cycle = cycle
            case .ownedBy(let name): owned = .some(name)
            case .sequenceName, .logged: break
            }
        }
        let oldBounds = Catalog.bounds(sequence.dataType)
        var resetMax = false
        var resetMin = false
        if let type, !creating, type != sequence.dataType {
            // A bound left at the old type's limit follows the new type.
            resetMax = sequence.maxValue == oldBounds.max
            resetMin = sequence.minValue == oldBounds.min
        }
        if let type { sequence.dataType = type }
        let typeBounds = Catalog.bounds(sequence.dataType)
        let typeName = sequence.dataType.sql
        if let increment {
            sequence.increment = try Catalog.number(increment, "INCREMENT", span: span)
            if sequence.increment == 0 {
                throw CatalogError(CatalogError.invalidParameterValue, "INCREMENT must not be zero", span: span)
            }
        }
        if let written = maxValue ?? nil {
            sequence.maxValue = try Catalog.number(written, "MAXVALUE", span: span)
        } else if creating || maxValue != nil || resetMax {
            sequence.maxValue = sequence.increment > 0 || resetMax ? typeBounds.max : -1
        }
        if let max = sequence.maxValue, max < typeBounds.min || max > typeBounds.max {
            throw CatalogError(
                CatalogError.invalidParameterValue,
                "MAXVALUE (\(max)) is out of range for sequence data type \(typeName)", span: span)
        }
        if let written = minValue ?? nil {
            sequence.minValue = try Catalog.number(written, "MINVALUE", span: span)
        } else if creating || minValue != nil || resetMin {
            sequence.minValue = sequence.increment < 0 || resetMin ? typeBounds.min : 1
        }
        if let min = sequence.minValue, min < typeBounds.min || min > typeBounds.max {
            throw CatalogError(
                CatalogError.invalidParameterValue,
                "MINVALUE (\(min)) is out of range for sequence data type \(typeName)", span: span)
        }
        let min = sequence.minValue ?? 1
        let max = sequence.maxValue ?? typeBounds.max
        if min >= max {
            throw CatalogError(
                CatalogError.invalidParameterValue, "MINVALUE (\(min)) must be less than MAXVALUE (\(max))", span: span)
        }
        if let start {
            sequence.start = try Catalog.number(start, "START", span: span)
        } else if creating {
            sequence.start = sequence.increment > 0 ? min : max
        }
        if let value = sequence.start {
            if value < min {
                throw CatalogError(
                    CatalogError.invalidParameterValue, "START value (\(value)) cannot be less than MINVALUE (\(min))",
                    span: span)
            }
            if value > max {
                throw CatalogError(
                    CatalogError.invalidParameterValue,
                    "START value (\(value)) cannot be greater than MAXVALUE (\(max))", span: span)
            }
        }
        if let written = restart ?? nil {
            let value = try Catalog.number(written, "RESTART", span: span)
            if value < min || value > max {
                let bound = value < min ? "less than MINVALUE (\(min))" : "greater than MAXVALUE (\(max))"
                throw CatalogError(
                    CatalogError.invalidParameterValue, "RESTART value (\(value)) cannot be \(bound)", span: span)
            }
        }
        if let owned {
            sequence.ownedBy = try sequenceOwner(owned, sequence: sequence.key, span: span)
        }
    }

    /// `OWNED BY table.column` (the table in the sequence's schema) or `OWNED BY NONE`.
    private func sequenceOwner(
        _ name: QualifiedName?, sequence: ObjectKey, span: SourceSpan
    ) throws(CatalogError) -> ColumnReference? {
        guard let name else { return nil }
        guard name.parts.count >= 2 else {
            throw CatalogError(CatalogError.syntaxError, "invalid OWNED BY option", span: name.span)
        }
        let tableName = QualifiedName(Array(name.parts.dropLast()))
        let column = name.parts[name.parts.count - 1].value
        guard let key = resolve(tableName, exists: { relationKind($0) != nil }) else {
            throw missingRelation(tableName)
        }
        let columns: [String]
        if let table = tables[key] {
            columns = table.columns.map(\.name)
        } else if let view = views[key], !view.materialized {
            columns = view.columns.map(\.name)
        } else {
            throw CatalogError(
                CatalogError.wrongObjectType, "sequence cannot be owned by relation \"\(key.name)\"", span: name.span)
        }
        if key.schema != sequence.schema {
            throw CatalogError(
                ObjectReplayState.objectNotInPrerequisiteState,
                "sequence must be in same schema as table it is linked to", span: name.span)
        }
        guard columns.contains(column) else {
            throw CatalogError(
                CatalogError.undefinedColumn, "column \"\(column)\" of relation \"\(key.name)\" does not exist",
                span: name.span)
        }
        return ColumnReference(table: key, column: column)
    }
}
