/// Every rule, in documentation order.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        // Locks, rewrites and scans.
        AddingFieldWithDefault.self,
        AddingSerialOrGeneratedColumn.self,
        ChangingColumnType.self,
        AddingNotNullableField.self,
        ConstraintMissingNotValid.self,
        AddingForeignKeyConstraint.self,
        DisallowedUniqueConstraint.self,
        AddingPrimaryKeyConstraint.self,
        PrimaryKeyImpliesNotNull.self,
        AddingExclusionConstraint.self,
        RequireConcurrentIndexCreation.self,
        RequireConcurrentIndexDeletion.self,
        RequireConcurrentReindex.self,
        RequireConcurrentPartitionDetach.self,
        TableRewrite.self,
        UnbatchedBackfill.self,
        LockHeldAcrossStatements.self,
        ValidateInSameTransaction.self,
        RequireLockTimeout.self,
        RequireStatementTimeout.self,
        // Transactions.
        ConcurrentlyInTransaction.self,
        BanUncommittedTransaction.self,
        TransactionNesting.self,
        // Meta.
        UnusedIgnore.self,
    ]

    /// Every rule's metadata, in order.
    public static var metadata: [RuleMetadata] { all.map { $0.metadata } }

    /// The rule with this id or alias.
    public static func rule(_ id: String) -> (any Rule.Type)? {
        all.first { $0.metadata.id == id || $0.metadata.aliases.contains(id) }
    }

    /// Ids and aliases, for validating configuration and suppressions.
    public static let knownIDs: Set<String> = Set(all.flatMap { [$0.metadata.id] + $0.metadata.aliases })
}
