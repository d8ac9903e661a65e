/// Every check of the anchor tools (docs/../shared/reference/anchors.md): squawk, the
/// strong_migrations error keys, Atlas's destructive, backward-incompatible,
/// data-dependent and PostgreSQL analyzers, and Eugene's hints. Each is either covered by
/// a rule (through `RuleMetadata.equivalents`) or listed here with why it does not apply;
/// a test keeps the two in step.
public enum AnchorChecks {
    public static let all: [Equivalent.Tool: [String]] = [
        .squawk: [
            "adding-field-with-default", "adding-foreign-key-constraint", "adding-not-nullable-field",
            "adding-required-field", "adding-serial-primary-key-field", "ban-alter-domain-with-add-constraint",
            "ban-create-domain-with-constraint", "ban-char-field", "ban-concurrent-index-creation-in-transaction",
            "ban-drop-column", "ban-drop-database", "ban-drop-not-null", "ban-drop-table",
            "ban-duplicate-column-assignments", "ban-truncate-cascade", "ban-uncommitted-transaction",
            "changing-column-type", "constraint-missing-not-valid", "disallowed-unique-constraint",
            "identifier-too-long", "prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-identity",
            "prefer-repack", "prefer-robust-stmts", "prefer-text-field", "prefer-timestamptz", "renaming-column",
            "renaming-table", "require-concurrent-index-creation", "require-concurrent-index-deletion",
            "require-concurrent-partition-detach", "require-concurrent-reindex", "require-enum-value-ordering",
            "require-lock-timeout", "require-statement-timeout", "require-timeout-settings", "require-table-schema",
            "transaction-nesting", "syntax-error", "unused-ignore",
            // v2.68 rollback-compatibility rules (newer than the version read).
            "ban-drop-schema", "ban-drop-sequence", "ban-drop-domain", "ban-drop-constraint",
            "ban-drop-generated-expression", "ban-drop-extension", "ban-alter-identity", "renaming-object",
            "ban-set-schema", "ban-drop-index", "ban-set-default", "ban-disable-trigger", "ban-add-column",
            "ban-add-enum-value", "ban-new-write-restriction", "ban-revoke", "ban-replace-view-function",
        ],
        .strongMigrations: [
            "add_check_constraint", "add_check_constraint_mysql", "add_column_auto_incrementing",
            "add_column_default", "add_column_default_callable", "add_column_generated_stored", "add_column_json",
            "add_exclusion_constraint", "add_foreign_key", "add_foreign_key_mysql", "add_index", "add_index_columns",
            "add_index_corruption", "add_reference", "add_unique_constraint", "change_column",
            "change_column_constraint", "change_column_default", "change_column_null", "change_column_null_mysql",
            "change_column_null_postgresql", "change_column_with_not_null", "change_table", "copy_algorithm",
            "create_table", "execute", "lock_option", "remove_column", "remove_index", "rename_column",
            "rename_enum_value", "rename_schema", "rename_table", "validate_check_constraint",
            "validate_foreign_key", "backfill",
        ],
        .atlas: [
            "BC101", "BC102", "CD101", "DS101", "DS102", "DS103", "MF101", "MF102", "MF103", "MF104", "PG101",
            "PG102", "PG103", "PG104", "PG105", "PG110", "PG301", "PG302", "PG303", "PG304", "PG305", "PG306",
        ],
        .eugene: ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E15", "W12", "W13", "W14"],
    ]

    /// Anchor checks no rule implements, and why.
    public static let notApplicable: [Equivalent.Tool: [String: String]] = [
        .squawk: [
            "ban-drop-index": "A dropped index breaks an application only through ON CONFLICT targets, which the planner checks against the blue and green queries (SPEC §2); the lock is require-concurrent-index-deletion.",
            "ban-add-column": "Opt-in in squawk and always safe for blue in PostgreSQL; adding columns is the expand phase itself.",
            "ban-replace-view-function": "A replaced view or function body is checked by binding the blue and green queries against S1 and S2 (SPEC §1), not by a syntactic rule.",
        ],
        .strongMigrations: [
            "add_check_constraint_mysql": "MySQL only.",
            "add_foreign_key_mysql": "MySQL only.",
            "change_column_null_mysql": "MySQL only.",
            "copy_algorithm": "MySQL only (ALGORITHM=COPY).",
            "lock_option": "MySQL only (LOCK=SHARED/EXCLUSIVE).",
            "change_table": "Rails DSL (change_table blocks); the SQL it produces is checked statement by statement.",
            "execute": "strong_migrations cannot inspect raw SQL; switchgate parses every statement.",
            "change_column_default": "Rails partial_inserts writing stale defaults is an ORM behaviour, not a SQL statement.",
            "change_column_constraint": "A Rails change_column on a column with a constraint; the SQL it emits is checked by changing-column-type and the constraint rules.",
        ],
        .atlas: [:],
        .eugene: [:],
    ]

    /// The rules that implement each anchor check.
    public static func rules(for tool: Equivalent.Tool, _ id: String) -> [String] {
        RuleRegistry.metadata.filter { $0.equivalents.contains(Equivalent(tool, id)) }.map(\.id)
    }
}
