import SQLSyntax

extension Catalog {
    /// Resolves a written type to the type PostgreSQL stores, the way the server's
    /// `typenameType` does: `pg_catalog` first, then the search path.
    ///
    /// Returns `serial: true` for `serial`/`bigserial`/`smallserial`, which only
    /// CREATE TABLE and ADD COLUMN accept; other callers must refuse it.
    public func resolveType(_ written: TypeName) throws(CatalogError) -> (type: ColumnType, serial: Bool) {
        if dialect.keepsDeclaredText {
            return (sqliteType(written), false)
        }
        if written.percentType {
            return (try percentType(written), false)
        }
        let parts = written.name.parts.map(\.value)
        let isArray = !written.arrayBounds.isEmpty
        var modifiers = written.modifiers.compactMap(integerValue)
        if modifiers.count != written.modifiers.count {
            throw CatalogError(CatalogError.syntaxError, "type modifiers must be simple constants or identifiers", span: written.span)
        }
        // Built-in names, written as keywords (pg_catalog.int4) or as plain words (int4, serial, text).
        let unqualified = parts.count == 1 || (parts.count == 2 && parts[0] == "pg_catalog")
        if unqualified, let builtin = ColumnType.builtinName(parts[parts.count - 1]) {
            if builtin.name == "numeric" && modifiers.count == 1 { modifiers.append(0) }
            if builtin.name == "bpchar" && modifiers.isEmpty && parts[parts.count - 1] == "char" { modifiers = [1] }
            var type = ColumnType(name: builtin.name, modifiers: modifiers, intervalFields: written.intervalFields, isArray: isArray)
            if builtin.serial && isArray {
                throw CatalogError(CatalogError.featureNotSupported, "array of serial is not implemented", span: written.span)
            }
            type.schema = nil
            return (type, builtin.serial)
        }
        // User types (enums, domains, composites, extension types) through the search path.
        guard let key = type(written.name) else {
            throw CatalogError(CatalogError.undefinedObject, "type \"\(written.name.dotted)\" does not exist", span: written.span)
        }
        return (ColumnType(schema: key.schema, name: key.name, modifiers: modifiers, isArray: isArray), false)
    }

    /// Whether `type` names a domain.
    func isDomain(_ type: ColumnType) -> Bool {
        guard let schema = type.schema, case .domain? = types[ObjectKey(schema, type.name)]?.definition else { return false }
        return !type.isArray
    }

    /// `table.column%TYPE`.
    private func percentType(_ written: TypeName) throws(CatalogError) -> ColumnType {
        let parts = written.name.parts
        guard parts.count >= 2 else {
            throw CatalogError(CatalogError.syntaxError, "improper %TYPE reference", span: written.span)
        }
        let tableName = QualifiedName(Array(parts.dropLast()))
        guard let key = table(tableName), let column = tables[key]?.column(parts[parts.count - 1].value) else {
            throw CatalogError(CatalogError.undefinedColumn, "column \"\(written.name.dotted)\" does not exist", span: written.span)
        }
        var type = column.type
        if !written.arrayBounds.isEmpty { type.isArray = true }
        return type
    }

    /// SQLite keeps the declared text; `PRAGMA table_info` shows it as written.
    private func sqliteType(_ written: TypeName) -> ColumnType {
        var text = written.name.parts.map(\.value).joined(separator: ".")
        let mods = written.modifiers.compactMap(integerValue)
        if !mods.isEmpty { text += "(" + mods.map(String.init).joined(separator: ",") + ")" }
        return ColumnType(declared: text)
    }

    private func integerValue(_ e: Expr) -> Int? {
        switch e.kind {
        case .literal(.integer(let v)): return Int(v.filter { $0 != "_" })
        default: return nil
        }
    }
}
