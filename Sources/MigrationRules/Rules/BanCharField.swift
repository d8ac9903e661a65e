import SQLSyntax

/// character(n) columns.
struct BanCharField: ColumnTypeRule {
    static let metadata = RuleMetadata(
        id: "ban-char-field",
        title: "character(n) column",
        category: .design, severity: .warning,
        summary: "char(n) pads values with spaces to n characters and is almost never what is meant.",
        rationale: "Padding changes comparisons, lengths and concatenation, and char(n) is no faster than text or varchar in PostgreSQL.",
        safeAlternative: "Use text (with a CHECK on length if needed) or varchar(n).",
        bad: [RuleExample("CREATE TABLE countries (code char(2));")],
        good: [RuleExample("CREATE TABLE countries (code text CHECK (length(code) = 2));")],
        equivalents: [Equivalent(.squawk, "ban-char-field")])

    func complaint(_ w: WrittenColumnType, _ context: RuleContext) -> String? {
        w.baseName == "bpchar" || w.baseName == "char" ? "\(w.column.value) is char(n), which pads with spaces" : nil
    }
}
