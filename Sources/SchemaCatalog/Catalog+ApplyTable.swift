import SQLSyntax

// Tables, ALTER TABLE, TRUNCATE, DROP / RENAME / SET SCHEMA dispatch (being written).
extension Catalog {
    mutating func createTable(_ s: CreateTableStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createTableAs(_ s: CreateTableAsStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func alterTable(_ s: AlterTableStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createIndex(_ s: CreateIndexStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func truncate(_ s: TruncateStatement) throws(CatalogError) {}
    mutating func drop(_ s: DropStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func rename(_ s: RenameStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func setSchema(_ s: AlterObjectSchemaStatement, _ source: ReplaySource) throws(CatalogError) {}
}
