import SQLSyntax

/// A suppression comment that suppresses nothing. The engine reports it; the rule
/// carries the metadata (id, severity, docs).
struct UnusedIgnore: Rule {
    static let metadata = RuleMetadata(
        id: "unused-ignore",
        title: "Suppression that suppresses nothing",
        category: .meta, severity: .warning,
        summary: "A `-- switchgate:ignore` or `-- switchgate:ignore-file` comment names rules that report nothing where it applies, or rules that do not exist.",
        rationale: """
            A stale suppression hides the next real finding of the same rule and misleads readers about what is \
            being accepted. Suppressions go on the line(s) just before the statement (`-- switchgate:ignore \
            rule-a,rule-b reason`) or anywhere in the file (`-- switchgate:ignore-file rule-a`).
            """,
        safeAlternative: "Remove the comment, or fix the rule id it names.",
        dialects: [.postgres, .sqlite],
        bad: [
            RuleExample("""
                -- switchgate:ignore require-concurrent-index-creation the table is tiny
                CREATE TABLE t (id int);
                """)
        ],
        good: [
            RuleExample("""
                -- switchgate:ignore require-concurrent-index-creation the table has 12 rows
                CREATE INDEX t_id ON t (id);
                """, baseline: "CREATE TABLE t (id int);")
        ],
        equivalents: [Equivalent(.squawk, "unused-ignore")])

    func check(_ context: RuleContext) -> [Finding] { [] }
}
