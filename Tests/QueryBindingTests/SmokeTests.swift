import QueryBinding
import SchemaCatalog
import Testing

@Suite struct SmokeTests {
    let schema = """
        CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
        CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text);
        CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id),
          status order_status NOT NULL DEFAULT 'pending', total numeric(12,2) NOT NULL);
        """

    @Test func basics() throws {
        let c = try catalog(schema)
        #expect(verdict("SELECT id, email FROM users WHERE id = $1", on: c) == nil)
        #expect(verdict("SELECT nope FROM users", on: c) == "42703")
        #expect(verdict("SELECT id FROM nope", on: c) == "42P01")
        #expect(verdict("SELECT id FROM users u JOIN orders o ON o.user_id = u.id", on: c) == "42702")
        #expect(verdict("SELECT id FROM orders WHERE status = 'paid'", on: c) == nil)
        #expect(verdict("SELECT id FROM orders WHERE status = 'settled'", on: c) == "22P02")
        #expect(verdict("INSERT INTO orders (user_id) VALUES ($1)", on: c) == "23502")
        #expect(verdict("INSERT INTO orders (user_id, total) VALUES ($1, $2)", on: c) == nil)
        #expect(verdict("INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING", on: c) == nil)
        #expect(verdict("INSERT INTO users (email) VALUES ($1) ON CONFLICT (name) DO NOTHING", on: c) == "42P10")
        let r = bind("SELECT * FROM users", on: c)
        #expect(r.ok)
        #expect(r.columns.count == 3)
        #expect(r.starRelations == [ObjectKey("public", "users")])
    }
}
