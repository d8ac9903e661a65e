// What CREATE EXTENSION creates, for the extensions migrations commonly use.
//
// The contrib lists (citext, hstore, ltree, isn, cube, earthdistance, seg, lo,
// intarray, tablefunc, uuid-ossp, pgcrypto, pg_trgm, fuzzystrmatch, unaccent,
// btree_gist, pg_stat_statements and the trigger-function modules) were read
// from a PostgreSQL 15 server's `pg_depend` after `CREATE EXTENSION`: every type,
// and the functions callable from SQL (support functions taking or returning
// `internal` / `cstring` and operator implementations are left out). postgis and
// vector are not contrib modules: their lists are the commonly used subset, from
// their documentation. An extension not listed here is recorded and creates nothing.

/// The types and functions an extension creates, and the extensions it requires.
struct ExtensionContents: Sendable {
    /// Type names, created in the extension's schema.
    var types: [String]
    /// `name(argument, ...) volatility result`, types spelled as `format_type`
    /// prints them; `i`, `s` or `v` for immutable, stable, volatile.
    var functions: [String]
    /// Extensions that must be installed first (`requires` in the control file).
    var requires: [String]

    init(types: [String] = [], functions: [String] = [], requires: [String] = []) {
        self.types = types
        self.functions = functions
        self.requires = requires
    }
}

enum KnownExtensions {
    static func contents(of name: String) -> ExtensionContents? { table[name] }

    /// Installed in every database (`pg_catalog`), so `CREATE EXTENSION plpgsql` fails
    /// unless it says IF NOT EXISTS.
    static let preinstalled: Set<String> = ["plpgsql"]

    static let table: [String: ExtensionContents] = [
        "uuid-ossp": ExtensionContents(functions: [
            "uuid_generate_v1() v uuid", "uuid_generate_v1mc() v uuid", "uuid_generate_v3(uuid, text) i uuid",
            "uuid_generate_v4() v uuid", "uuid_generate_v5(uuid, text) i uuid", "uuid_nil() i uuid",
            "uuid_ns_dns() i uuid", "uuid_ns_oid() i uuid", "uuid_ns_url() i uuid", "uuid_ns_x500() i uuid",
        ]),
        "pgcrypto": ExtensionContents(functions: [
            "armor(bytea) i text", "armor(bytea, text[], text[]) i text", "crypt(text, text) i text",
            "dearmor(text) i bytea", "decrypt(bytea, bytea, text) i bytea",
            "decrypt_iv(bytea, bytea, bytea, text) i bytea", "digest(bytea, text) i bytea",
            "digest(text, text) i bytea", "encrypt(bytea, bytea, text) i bytea",
            "encrypt_iv(bytea, bytea, bytea, text) i bytea", "gen_random_bytes(integer) v bytea",
            "gen_random_uuid() v uuid", "gen_salt(text) v text", "gen_salt(text, integer) v text",
            "hmac(bytea, bytea, text) i bytea", "hmac(text, text, text) i bytea", "pgp_armor_headers(text) i record",
            "pgp_key_id(bytea) i text", "pgp_pub_decrypt(bytea, bytea) i text",
            "pgp_pub_decrypt(bytea, bytea, text) i text", "pgp_pub_decrypt(bytea, bytea, text, text) i text",
            "pgp_pub_decrypt_bytea(bytea, bytea) i bytea", "pgp_pub_decrypt_bytea(bytea, bytea, text) i bytea",
            "pgp_pub_decrypt_bytea(bytea, bytea, text, text) i bytea", "pgp_pub_encrypt(text, bytea) v bytea",
            "pgp_pub_encrypt(text, bytea, text) v bytea", "pgp_pub_encrypt_bytea(bytea, bytea) v bytea",
            "pgp_pub_encrypt_bytea(bytea, bytea, text) v bytea", "pgp_sym_decrypt(bytea, text) i text",
            "pgp_sym_decrypt(bytea, text, text) i text", "pgp_sym_decrypt_bytea(bytea, text) i bytea",
            "pgp_sym_decrypt_bytea(bytea, text, text) i bytea", "pgp_sym_encrypt(text, text) v bytea",
            "pgp_sym_encrypt(text, text, text) v bytea", "pgp_sym_encrypt_bytea(bytea, text) v bytea",
            "pgp_sym_encrypt_bytea(bytea, text, text) v bytea",
        ]),
        "pg_trgm": ExtensionContents(types: ["gtrgm"], functions: [
            "set_limit(real) v real", "show_limit() s real", "show_trgm(text) i text[]",
            "similarity(text, text) i real", "similarity_dist(text, text) i real", "similarity_op(text, text) s boolean",
            "strict_word_similarity(text, text) i real", "strict_word_similarity_commutator_op(text, text) s boolean",
            "strict_word_similarity_dist_commutator_op(text, text) i real",
            "strict_word_similarity_dist_op(text, text) i real", "strict_word_similarity_op(text, text) s boolean",
            "word_similarity(text, text) i real", "word_similarity_commutator_op(text, text) s boolean",
            "word_similarity_dist_commutator_op(text, text) i real", "word_similarity_dist_op(text, text) i real",
            "word_similarity_op(text, text) s boolean",
        ]),
        "fuzzystrmatch": ExtensionContents(functions: [
            "difference(text, text) i integer", "dmetaphone(text) i text", "dmetaphone_alt(text) i text",
            "levenshtein(text, text) i integer", "levenshtein(text, text, integer, integer, integer) i integer",
            "levenshtein_less_equal(text, text, integer) i integer",
            "levenshtein_less_equal(text, text, integer, integer, integer, integer) i integer",
            "metaphone(text, integer) i text", "soundex(text) i text", "text_soundex(text) i text",
        ]),
        "unaccent": ExtensionContents(functions: ["unaccent(regdictionary, text) s text", "unaccent(text) s text"]),
        "citext": ExtensionContents(types: ["citext"], functions: [
            "regexp_match(citext, citext) i text[]", "regexp_match(citext, citext, text) i text[]",
            "regexp_matches(citext, citext) i text[]", "regexp_matches(citext, citext, text) i text[]",
            "regexp_replace(citext, citext, text) i text", "regexp_replace(citext, citext, text, text) i text",
            "regexp_split_to_array(citext, citext) i text[]", "regexp_split_to_array(citext, citext, text) i text[]",
            "regexp_split_to_table(citext, citext) i text", "regexp_split_to_table(citext, citext, text) i text",
            "replace(citext, citext, citext) i text", "split_part(citext, citext, integer) i text",
            "strpos(citext, citext) i integer", "translate(citext, citext, text) i text",
        ]),
        "hstore": ExtensionContents(types: ["hstore", "ghstore"], functions: [
            "akeys(hstore) i text[]", "avals(hstore) i text[]", "defined(hstore, text) i boolean",
            "delete(hstore, hstore) i hstore", "delete(hstore, text) i hstore", "delete(hstore, text[]) i hstore",
            "each(hstore) i record", "exist(hstore, text) i boolean", "exists_all(hstore, text[]) i boolean",
            "exists_any(hstore, text[]) i boolean", "fetchval(hstore, text) i text", "hstore(record) i hstore",
            "hstore(text, text) i hstore", "hstore(text[]) i hstore", "hstore(text[], text[]) i hstore",
            "hstore_to_array(hstore) i text[]", "hstore_to_json(hstore) i json", "hstore_to_json_loose(hstore) i json",
            "hstore_to_jsonb(hstore) i jsonb", "hstore_to_jsonb_loose(hstore) i jsonb",
            "hstore_to_matrix(hstore) i text[]", "isdefined(hstore, text) i boolean", "isexists(hstore, text) i boolean",
            "populate_record(anyelement, hstore) i anyelement", "skeys(hstore) i text", "slice(hstore, text[]) i hstore",
            "slice_array(hstore, text[]) i text[]", "svals(hstore) i text", "tconvert(text, text) i hstore",
        ]),
        "ltree": ExtensionContents(types: ["ltree", "lquery", "ltxtquery", "ltree_gist"], functions: [
            "index(ltree, ltree) i integer", "index(ltree, ltree, integer) i integer", "lca(ltree, ltree) i ltree",
            "lca(ltree, ltree, ltree) i ltree", "lca(ltree[]) i ltree", "ltree2text(ltree) i text",
            "nlevel(ltree) i integer", "subltree(ltree, integer, integer) i ltree", "subpath(ltree, integer) i ltree",
            "subpath(ltree, integer, integer) i ltree", "text2ltree(text) i ltree",
        ]),
        "isn": ExtensionContents(types: ["ean13", "isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "upc"]),
        "cube": ExtensionContents(types: ["cube"], functions: [
            "cube(cube, double precision) i cube", "cube(cube, double precision, double precision) i cube",
            "cube(double precision) i cube", "cube(double precision, double precision) i cube",
            "cube(double precision[]) i cube", "cube(double precision[], double precision[]) i cube",
            "cube_coord(cube, integer) i double precision", "cube_dim(cube) i integer",
            "cube_distance(cube, cube) i double precision", "cube_enlarge(cube, double precision, integer) i cube",
            "cube_inter(cube, cube) i cube", "cube_is_point(cube) i boolean",
            "cube_ll_coord(cube, integer) i double precision", "cube_size(cube) i double precision",
            "cube_subset(cube, integer[]) i cube", "cube_union(cube, cube) i cube",
            "cube_ur_coord(cube, integer) i double precision", "distance_chebyshev(cube, cube) i double precision",
            "distance_taxicab(cube, cube) i double precision",
        ]),
        "earthdistance": ExtensionContents(
            types: ["earth"],
            functions: [
                "earth() i double precision", "earth_box(earth, double precision) i cube",
                "earth_distance(earth, earth) i double precision", "gc_to_sec(double precision) i double precision",
                "geo_distance(point, point) i double precision", "latitude(earth) i double precision",
                "ll_to_earth(double precision, double precision) i earth", "longitude(earth) i double precision",
                "sec_to_gc(double precision) i double precision",
            ],
            requires: ["cube"]),
        "seg": ExtensionContents(types: ["seg"]),
        "lo": ExtensionContents(types: ["lo"], functions: ["lo_manage() v trigger", "lo_oid(lo) i oid"]),
        "intarray": ExtensionContents(types: ["query_int", "intbig_gkey"], functions: [
            "icount(integer[]) i integer", "idx(integer[], integer) i integer", "intset(integer) i integer[]",
            "sort(integer[]) i integer[]", "sort(integer[], text) i integer[]", "sort_asc(integer[]) i integer[]",
            "sort_desc(integer[]) i integer[]", "subarray(integer[], integer) i integer[]",
            "subarray(integer[], integer, integer) i integer[]", "uniq(integer[]) i integer[]",
        ]),
        "tablefunc": ExtensionContents(
            types: ["tablefunc_crosstab_2", "tablefunc_crosstab_3", "tablefunc_crosstab_4"],
            functions: [
                "crosstab(text) s record", "crosstab(text, integer) s record", "crosstab(text, text) s record",
                "normal_rand(integer, double precision, double precision) v double precision",
            ]),
        "btree_gin": ExtensionContents(),
        "btree_gist": ExtensionContents(types: [
            "gbtreekey2", "gbtreekey4", "gbtreekey8", "gbtreekey16", "gbtreekey32", "gbtreekey_var",
        ]),
        "pg_stat_statements": ExtensionContents(functions: [
            "pg_stat_statements(boolean) v record", "pg_stat_statements_info() v record",
            "pg_stat_statements_reset(oid, oid, bigint) v void",
        ]),
        "moddatetime": ExtensionContents(functions: ["moddatetime() v trigger"]),
        "insert_username": ExtensionContents(functions: ["insert_username() v trigger"]),
        "autoinc": ExtensionContents(functions: ["autoinc() v trigger"]),
        "tcn": ExtensionContents(functions: ["triggered_change_notification() v trigger"]),
        "refint": ExtensionContents(functions: ["check_foreign_key() v trigger", "check_primary_key() v trigger"]),
        "postgis": ExtensionContents(
            types: [
                "geometry", "geography", "box2d", "box3d", "box2df", "gidx", "spheroid", "geometry_dump",
                "valid_detail",
            ],
            functions: [
                "postgis_version() i text", "st_area(geometry) i double precision", "st_astext(geometry) i text",
                "st_contains(geometry, geometry) i boolean", "st_distance(geometry, geometry) i double precision",
                "st_dwithin(geometry, geometry, double precision) i boolean", "st_geogfromtext(text) i geography",
                "st_geomfromtext(text) i geometry", "st_geomfromtext(text, integer) i geometry",
                "st_intersects(geometry, geometry) i boolean",
                "st_makepoint(double precision, double precision) i geometry",
                "st_point(double precision, double precision) i geometry", "st_setsrid(geometry, integer) i geometry",
                "st_srid(geometry) i integer", "st_transform(geometry, integer) i geometry",
                "st_within(geometry, geometry) i boolean", "st_x(geometry) i double precision",
                "st_y(geometry) i double precision",
            ]),
        "postgis_raster": ExtensionContents(types: ["raster"], requires: ["postgis"]),
        "postgis_topology": ExtensionContents(requires: ["postgis"]),
        "postgis_tiger_geocoder": ExtensionContents(requires: ["postgis", "fuzzystrmatch"]),
        "vector": ExtensionContents(types: ["vector", "halfvec", "sparsevec"], functions: [
            "cosine_distance(vector, vector) i double precision", "inner_product(vector, vector) i double precision",
            "l1_distance(vector, vector) i double precision", "l2_distance(vector, vector) i double precision",
            "vector_dims(vector) i integer", "vector_norm(vector) i double precision",
        ]),
    ]
}

/// One entry of `ExtensionContents.functions`, read.
struct ExtensionFunctionSpec {
    var name: String
    var arguments: [String]
    var volatility: Volatility
    var returns: String

    /// Reads `name(a, b) v result`; nil if the entry is malformed.
    init?(_ spec: String) {
        // Read as bytes: the specs are ASCII (a UTF-8 index of an ASCII byte is
        // a character boundary).
        let bytes = spec.utf8
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.firstIndex(of: UInt8(ascii: ")")),
            open < close
        else {
            return nil
        }
        name = String(spec[spec.startIndex..<open])
        let inner = spec[bytes.index(after: open)..<close]
        arguments = inner.utf8.split(separator: UInt8(ascii: ",")).map { ExtensionFunctionSpec.trimmed(Substring($0)) }
        let rest = ExtensionFunctionSpec.trimmed(spec[bytes.index(after: close)...])
        guard let marker = rest.first else { return nil }
        switch marker {
        case "i": volatility = .immutable
        case "s": volatility = .stable
        default: volatility = .volatile
        }
        returns = ExtensionFunctionSpec.trimmed(rest.dropFirst())
    }

    /// Without leading and trailing spaces (as bytes: the specs are ASCII, and a
    /// space never ends a multi-byte character).
    private static func trimmed(_ text: Substring) -> String {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 }) else {
            return ""
        }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
