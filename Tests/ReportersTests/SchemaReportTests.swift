import Diagnostics
import Foundation
import Reporters
import SchemaCatalog
import SQLParser
import SQLSyntax
import Testing

@Suite struct SchemaReportTests {
    static let history = """
        CREATE TYPE status AS ENUM ('new', 'paid');
        CREATE TABLE customers (id bigserial PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, created_at timestamptz DEFAULT now());
        CREATE TABLE orders (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
          state status NOT NULL DEFAULT 'new',
          total numeric(12, 2) CHECK (total >= 0),
          tags text[]
        );
        CREATE INDEX orders_customer_idx ON orders (customer_id) INCLUDE (total) WHERE state = 'new';
        CREATE UNIQUE INDEX ON customers (lower(email));
        ALTER TABLE orders ADD CONSTRAINT orders_total_small CHECK (total < 1000000) NOT VALID;
        """

    func catalog(_ sql: String) throws -> Catalog {
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        replay.apply(SourceFile(path: "h.sql", text: sql))
        if let failure = replay.failure { Issue.record("replay failed: \(failure.message)") }
        return replay.catalog
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = SchemaReport.json(try catalog(Self.history))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["tables", "views", "sequences", "types", "functions"])
        let tables = try #require(object["tables"] as? [[String: Any]])
        let orders = try #require(tables.first { $0["name"] as? String == "orders" })
        let columns = try #require(orders["columns"] as? [[String: Any]])
        #expect(columns.map { $0["type"] as? String } == ["bigint", "bigint", "status", "numeric(12,2)", "text[]"])
        #expect(columns.map { $0["not_null"] as? Bool } == [true, true, true, false, false])
        let constraints = try #require(orders["constraints"] as? [[String: Any]])
        #expect(constraints.map { $0["type"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["check", "check", "foreign_key", "primary_key"])
        let small = try #require(constraints.first { $0["name"] as? String == "orders_total_small" })
        #expect(small["validated"] as? Bool == false)
        let indexes = try #require(orders["indexes"] as? [[String: Any]])
        #expect(indexes.map { $0["name"] as? String } == ["orders_customer_idx", "orders_pkey"])
        #expect(indexes.first?["predicate"] as? String == "state = 'new'")
        let sequences = try #require(object["sequences"] as? [[String: Any]])
        #expect(sequences.map { $0["owned_by"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["public.customers.id", "public.orders.id"])
    }

    /// `--format sql` replayed gives the same catalog back.
    @Test func sqlOutputRoundTrips() throws {
        let original = try catalog(Self.history)
        let sql = SchemaSQL.render(original)
        let again = try catalog(sql)
        #expect(SchemaReport.json(again) == SchemaReport.json(original), "\(sql)")
    }
}
