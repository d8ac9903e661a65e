import SchemaCatalog

/// The names of everything in a catalog that an application can use: relations,
/// their columns, sequences, types and enum labels, functions. Used when a side
/// brings no queries: SPEC §2 then assumes blue uses every object of S0 and green
/// every object the migration creates.
struct SchemaInventory: Equatable {
    var names: Set<String> = []
    /// Columns that are NOT NULL with no default, identity or generation: a blue
    /// INSERT written before the migration does not provide a value for them.
    var requiredColumns: Set<String> = []
    /// Indexes and triggers: not used by queries, but dropping them is destructive.
    var structures: Set<String> = []

    init(_ catalog: Catalog) {
        for key in catalog.indexes.keys { structures.insert("index \(key)") }
        for (key, table) in catalog.tables {
            for trigger in table.triggers { structures.insert("trigger \(key).\(trigger.name)") }
            names.insert("table \(key)")
            for column in table.columns {
                let name = "column \(key).\(column.name)"
                names.insert(name)
                if column.notNull && column.defaultValue == nil && column.identity == nil && column.generated == nil {
                    requiredColumns.insert(name)
                }
            }
        }
        for (key, view) in catalog.views {
            names.insert("view \(key)")
            for column in view.columns { names.insert("column \(key).\(column.name)") }
        }
        for key in catalog.sequences.keys { names.insert("sequence \(key)") }
        for (key, type) in catalog.types {
            names.insert("type \(key)")
            if case .enumeration(let labels) = type.definition {
                for label in labels { names.insert("enum label \(key).\(label)") }
            }
        }
        for (key, overloads) in catalog.functions where !overloads.isEmpty {
            names.insert("function \(key)")
        }
    }

    /// Indexes and triggers `self` has and `other` lacks.
    func missingStructures(from other: SchemaInventory) -> Set<String> {
        structures.subtracting(other.structures)
    }

    /// What `self` has and `other` lacks, sorted for stable messages.
    func missing(from other: SchemaInventory) -> [String] {
        names.subtracting(other.names).sorted()
    }
}
