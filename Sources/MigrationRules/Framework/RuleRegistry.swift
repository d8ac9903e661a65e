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
        all.first { $0.metadata.id == id || $0.metadata.aliases.contains(id) }
    }

    /// Ids and aliases, for validating configuration and suppressions.
    public static let knownIDs: Set<String> = Set(all.flatMap { [$0.metadata.id] + $0.metadata.aliases })
}
