/// Our name for what a statement does: stable, snake_case, printed by
/// `switchgate parse` and used in reports.
public enum StatementKind: String, Hashable, Sendable, CaseIterable {
    case select, insert, update, delete, merge, copy, values
    case createTable = "create_table"
    case createTableAs = "create_table_as"
    case alterTable = "alter_table"
    case createIndex = "create_index"
    case alterIndex = "alter_index"
    case drop
    case truncate
    case rename
    case alterObjectSchema = "alter_object_schema"
    case alterOwner = "alter_owner"
    case createView = "create_view"
    case createMaterializedView = "create_materialized_view"
    case alterView = "alter_view"
    case refreshMaterializedView = "refresh_materialized_view"
    case createSequence = "create_sequence"
    case alterSequence = "alter_sequence"
    case createType = "create_type"
    case alterType = "alter_type"
    case createDomain = "create_domain"
    case alterDomain = "alter_domain"
    case createSchema = "create_schema"
    case alterSchema = "alter_schema"
    case createExtension = "create_extension"
    case alterExtension = "alter_extension"
    case createFunction = "create_function"
    case alterFunction = "alter_function"
    case createTrigger = "create_trigger"
    case alterTrigger = "alter_trigger"
    case createEventTrigger = "create_event_trigger"
    case createPolicy = "create_policy"
    case alterPolicy = "alter_policy"
    case createRule = "create_rule"
    case createStatistics = "create_statistics"
    case createRole = "create_role"
    case alterRole = "alter_role"
    case createDatabase = "create_database"
    case alterDatabase = "alter_database"
    case createOther = "create_other"
    case alterOther = "alter_other"
    case comment
    case grant
    case revoke
    case grantRole = "grant_role"
    case alterDefaultPrivileges = "alter_default_privileges"
    case vacuum, analyze, cluster, reindex
    case lock
    case set
    case reset
    case show
    case begin, commit, rollback, savepoint
    case releaseSavepoint = "release_savepoint"
    case transaction
    case doBlock = "do"
    case call
    case explain
    case prepare
    case execute
    case deallocate
    case notify, listen, unlisten
    case discard
    case checkpoint
    case pragma
    case attach
    case detach
    case securityLabel = "security_label"
    case reassignOwned = "reassign_owned"
    case importForeignSchema = "import_foreign_schema"
    case unknown
}
