/// The rollout phase a migration statement belongs to (SPEC §1, §2).
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Applied while only blue runs; must not break blue.
    case expand
    /// Data statements, run after expand.
    case backfill
    /// Applied after blue is retired; must not break green.
    case contract
    /// Fits no phase: breaks blue and green needs it. Counted in S1.
    case breaking

    /// Rollout order; `breaking` sorts last because nothing can follow it safely.
    var rank: Int {
        switch self {
        case .expand: return 0
        case .backfill: return 1
        case .contract: return 2
        case .breaking: return 3
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rank < rhs.rank }

    /// Whether statements of this phase are part of S1, the intermediate schema.
    public var inIntermediate: Bool { self != .contract }
}

/// The schema a query is checked on.
public enum SchemaStage: String, Sendable, Hashable, Codable {
    /// S1: S0 plus every expand, backfill and breaking statement.
    case intermediate
    /// S2: S0 plus every statement.
    case final
}
