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
        SQLiteTableRebuild.self,
        // Transactions.
        ConcurrentlyInTransaction.self,
        BanUncommittedTransaction.self,
        TransactionNesting.self,
        // The statement would fail, or does not do what it says.
        StatementFails.self,
        SyntaxError.self,
        AddingRequiredField.self,
        BanDuplicateColumnAssignments.self,
        UniqueMayFailOnDuplicates.self,
        IdentifierTooLong.self,
        ConcurrentIndexCorruption.self,
        // Blue and green compatibility; destructive changes.
        BanDropColumn.self,
        BanDropTable.self,
        BanDropSchema.self,
        BanDropDatabase.self,
        DroppingObject.self,
        BanDropNotNull.self,
        NewWriteRestriction.self,
        BanDropDefault.self,
        DroppingForeignKey.self,
        BanTruncateCascade.self,
        RenamingColumn.self,
        RenamingTable.self,
        RenamingObject.self,
        BanSetSchema.self,
        AddingEnumValue.self,
        BanRevoke.self,
        BanDisableTrigger.self,
        BanDropGeneratedExpression.self,
        BanAlterIdentity.self,
        // Schema design.
        AddingJsonColumn.self,
        BanCharField.self,
        PreferBigintOverInt.self,
        PreferBigintOverSmallint.self,
        PreferIdentity.self,
        PreferTextField.self,
        PreferTimestamptz.self,
        CreatingEnum.self,
        RequireEnumValueOrdering.self,
        MultipleAlterTable.self,
        ForeignKeyMissingIndex.self,
        AddingIndexManyColumns.self,
        ColumnAlignment.self,
        BanCreateDomainWithConstraint.self,
        BanAlterDomainWithAddConstraint.self,
        PreferRobustStatements.self,
        RequireTableSchema.self,
        // Meta.
        UnusedIgnore.self,
    ]

    /// Every rule's metadata, in order.
    public static var metadata: [RuleMetadata] { all.map { $0.metadata } }

    /// The rule with this id or alias.
    public static func rule(_ id: String) -> (any Rule.Type)? {
        byID[id].map { all[$0] }
    }

    /// The category of the rule an id or alias names, without building its metadata.
    public static func category(_ id: String) -> RuleMetadata.Category? {
        byID[id].map { categories[$0] }
    }

    /// Each id and alias with the position of its rule in `all` (the first rule
    /// that answers to it), built once: findings are looked up by id.
    private static let byID: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, rule) in all.enumerated() {
            let meta = rule.metadata
            for id in [meta.id] + meta.aliases where map[id] == nil { map[id] = i }
        }
        return map
    }()

    private static let categories: [RuleMetadata.Category] = all.map { $0.metadata.category }

    /// Ids and aliases, for validating configuration and suppressions.
    public static let knownIDs: Set<String> = Set(all.flatMap { [$0.metadata.id] + $0.metadata.aliases })
}
