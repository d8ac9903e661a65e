import Diagnostics
import MigrationRules
import QueryBinding
import SQLParser
import SQLSyntax
import SchemaCatalog

/// One migration statement with the phase the evidence puts it in.
public struct PlacedStatement: Sendable, Hashable {
    /// Index into `MigrationAnalysis.statements`.
    public var index: Int
    public var phase: Phase
    /// Blue queries (indexes into the blue list) that applying it breaks.
    public var breaksBlue: [Int]
    /// Green queries (indexes into the green list) that need it.
    public var neededByGreen: [Int]
    /// Without blue queries: the S0 objects it removes or makes unwritable.
    public var assumedBlueBreaks: [String]
    /// Without green queries: the objects it creates, which green is assumed to use.
    public var assumedGreenNeeds: [String]
    public var destructive: Bool
    /// It only works after a statement placed in a later phase (it is held back to it).
    public var dependsOnDeferred: Bool
}

/// A query's verdict on one schema.
public struct QueryVerdict: Sendable, Hashable {
    public var side: QuerySide
    /// Index into the side's query list.
    public var query: Int
    public var stage: SchemaStage
    public var result: BindingResult
    /// The statement (index into the analysis) after which the query stopped
    /// working, when it worked before the migration.
    public var brokenBy: Int?
}

/// Phases for every statement, S1 and S2, and every query checked on them.
public struct PhasePlan: Sendable {
    public var statements: [PlacedStatement]
    public var verdicts: [QueryVerdict]
    public var intermediate: Catalog
    public var final: Catalog
}

/// SPEC §2: puts each statement in its phase from the evidence of the queries,
/// statement groups (transactions) judged together, dependencies respected.
public struct PhasePlanner: Sendable {
    public let analysis: MigrationAnalysis
    public let blue: [Query]
    public let green: [Query]
    /// Whether each side brought queries; a side without them is assumed to use
    /// everything (blue: all of S0; green: all the migration creates).
    public let hasBlueEvidence: Bool
    public let hasGreenEvidence: Bool

    public init(analysis: MigrationAnalysis, blue: [Query], green: [Query], blueGiven: Bool? = nil, greenGiven: Bool? = nil) {
        self.analysis = analysis
        self.blue = blue
        self.green = green
        self.hasBlueEvidence = blueGiven ?? !blue.isEmpty
        self.hasGreenEvidence = greenGiven ?? !green.isEmpty
    }

    /// Consecutive statements of one transaction form one unit; others stand alone.
    func units() -> [[Int]] { units(in: analysis.statements.indices) }

    /// The units of `range` (whole files: no transaction spans two).
    func units(in range: Range<Int>) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        var currentTransaction: Int?
        for i in range {
            let statement = analysis.statements[i]
            if let id = statement.transaction, id == currentTransaction {
                current.append(i)
                continue
            }
            if !current.isEmpty { result.append(current) }
            current = [i]
            currentTransaction = statement.transaction
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    func source(_ statement: MigrationStatement) -> ReplaySource? {
        analysis.sources[statement.file].map(ReplaySource.init)
    }

    /// Applies the unit's statements that can be applied, in order; returns the
    /// catalog and whether the unit depends on something held back: one of its
    /// statements fails here although it worked in file order, or one of its data
    /// statements (which replay does not check) no longer binds here although it
    /// bound in file order — it writes a renamed column, say.
    ///
    /// Data statements are bound after the walk over the unit, side by side when
    /// `parallel` (each against the catalog as it stood when its turn came).
    ///
    /// With `stopAtFailure`, a unit that depends on something held back is left at
    /// its first failing statement: the caller needs no more of it than that.
    func apply(_ unit: [Int], to catalog: Catalog, parallel: Bool = true, stopAtFailure: Bool = false) -> (
        Catalog, dependsOnDeferred: Bool
    ) {
        var memo: SameBinding.Memo?
        return apply(unit, to: catalog, parallel: parallel, stopAtFailure: stopAtFailure, memo: &memo)
    }

    /// The fewest data statements of a unit that are bound on threads of their own.
    static let bindingsWorthAThread = 8

    /// `memo` carries the last shortcut answer from one unit to the next.
    func apply(
        _ unit: [Int], to catalog: Catalog, parallel: Bool, stopAtFailure: Bool = false, memo: inout SameBinding.Memo?
    ) -> (Catalog, dependsOnDeferred: Bool) {
        var result = catalog
        var deferred = false
        var bindings: [(index: Int, tree: Statement, catalog: Catalog)] = []
        // (A unit's statements are of one file: its source is looked up once.)
        var sources = RunLookup<String, ReplaySource?>()
        for i in unit {
            let statement = analysis.statements[i]
            guard statement.failure == nil, let tree = statement.statement,
                let source = sources.value(statement.file, { _ in source(statement) })
            else { continue }
            if statement.isData {
                // Nothing it reads differs from file order: it binds as it did there.
                if !SameBinding.holds(tree, sql: statement.sql, on: result, as: analysis.catalog(before: i), memo: &memo) {
                    bindings.append((i, tree, result))
                }
                continue
            }
            do {
                try result.apply(tree, from: source)
            } catch {
                deferred = true
                if stopAtFailure { break }
            }
        }
        guard !deferred, !bindings.isEmpty else { return (result, deferred) }
        // A thread is started for a few bindings only where they are many: the
        // walk runs beside the replay, which keeps the other processor busy, and
        // a started thread waits for it (lemmy's walk started one for each of its
        // units with two or three UPDATEs, each waiting milliseconds to run).
        let threads = parallel && bindings.count >= Self.bindingsWorthAThread ? Workers.processorCount : 1
        let held = Workers.map(bindings.count, workers: threads) { j in
            let (i, tree, here) = bindings[j]
            let sql = analysis.statements[i].sql
            // Bound where it runs first; only a failure there is worth the second
            // binding, in file order, that tells a held-back dependency from a
            // statement that never worked.
            return !Binder(catalog: here).bind(tree, source: sql).ok
                && Binder(catalog: analysis.catalog(before: i)).bind(tree, source: sql).ok
        }
        return (result, held.contains(true))
    }

    /// Destructive (SPEC §2): the unit is of a destructive kind and removes, narrows
    /// or strips the default of something that exists before it: an object of S0,
    /// or one an earlier unit made (a sync trigger from expand, dropped later, is
    /// still in use until contract). A DROP that removes nothing (IF EXISTS of a
    /// missing object) is not destructive.
    func isDestructive(_ unit: [Int], before: Catalog, after: Catalog) -> Bool {
        guard isDestructiveAsWritten(unit) else { return false }
        // REVOKE removes a privilege, which the catalog does not model: it is destructive as written.
        if unit.contains(where: {
            if case .grant(let grant)? = analysis.statements[$0].statement?.node { return !grant.isGrant }
            return false
        }) {
            return true
        }
        if SchemaInventory.removesAnything(before: before, after: after, structures: true) { return true }
        // A narrowed type or a dropped default removes nothing by name.
        return unit.contains { i in
            guard case .alterTable(let alter)? = analysis.statements[i].statement?.node else { return false }
            return before.table(alter.name) != nil
        }
    }

    /// The unit has a statement of a destructive kind that removes something in
    /// file order (`isDestructive` then asks whether it does on S1).
    func isDestructiveAsWritten(_ unit: [Int]) -> Bool {
        unit.contains { Destructive.isDestructive(analysis.statements[$0], before: analysis.catalog(before: $0)) }
    }

    func bindAll(_ queries: [Query], on catalog: Catalog) -> [BindingResult] {
        let binder = Binder(catalog: catalog)
        return queries.map { binder.bind($0) }
    }

    public func plan() -> PhasePlan {
        var walk = startWalk()
        self.walk(&walk, through: analysis.statements.count)
        return finish(walk)
    }

    /// The planner's walk over the units in file order, which can be taken a
    /// piece of the history at a time as the replay makes it (`walk(_:through:)`
    /// on a planner whose analysis holds at least that much), then `finish`ed
    /// on the whole analysis.
    public struct Walk: Sendable {
        var s1: Catalog
        var blueNow: [BindingResult]
        var blueBrokenBy: [Int?]
        var placed: [PlacedStatement] = []
        /// While every unit so far went into S1, S1 is the file-order replay.
        var inFileOrder = true
        /// The first statement not walked yet.
        var next = 0
        let s0Inventory: SchemaInventory
        /// Without queries and with an empty S0, no unit can break blue (blue is
        /// assumed to use S0 only), so a unit held back is a contract one whatever
        /// the rest of it does: it is known at its first failing statement.
        let heldBackIsContract: Bool
        /// Green's verdicts on S2 (only with green queries, which need the whole history first).
        let greenFinal: [BindingResult]
        /// Data units that run on a diverged S1: whether they depend on a held-back
        /// unit is worked out after the walk, side by side (they change no schema,
        /// so nothing in the walk waits for the answer).
        var dataJobs: [(placed: Range<Int>, unit: [Int], s1: Catalog)] = []
    }

    /// Whether the walk can go piece by piece while the history is replayed:
    /// green queries are first bound on S2, the end of the whole history.
    public var walksAsReplayed: Bool { !hasGreenEvidence }

    public func startWalk() -> Walk {
        let s1 = analysis.baseline
        let s0Inventory = SchemaInventory(analysis.baseline)
        return Walk(
            s1: s1, blueNow: bindAll(blue, on: s1), blueBrokenBy: [Int?](repeating: nil, count: blue.count),
            s0Inventory: s0Inventory,
            heldBackIsContract: !hasBlueEvidence && !hasGreenEvidence && s0Inventory.items.isEmpty,
            greenFinal: hasGreenEvidence ? bindAll(green, on: analysis.final) : [])
    }

    /// Walks the units of the statements from `walk.next` up to `end`.
    public func walk(_ walk: inout Walk, through end: Int) {
        guard walk.next < end else { return }
        for unit in units(in: walk.next..<end) { step(&walk, unit) }
        walk.next = end
    }

    private func step(_ walk: inout Walk, _ unit: [Int]) {
        let isData = unit.allSatisfy { analysis.statements[$0].isData || Self.isTransactionControl(analysis.statements[$0]) }
            && unit.contains { analysis.statements[$0].isData }
        if isData && !walk.inFileOrder {
            walk.dataJobs.append((walk.placed.count..<walk.placed.count + unit.count, unit, walk.s1))
            walk.placed += Self.placedWithoutEvidence(unit, .backfill, destructive: false, dependsOnDeferred: false)
            return
        }
        let s1 = walk.s1
        // While every unit so far went into S1, S1 is the file-order replay and
        // the analysis already holds the unit's result.
        let (next, deferred) =
            walk.inFileOrder
            ? (analysis.catalog(after: unit.last ?? 0), false) : apply(unit, to: s1, stopAtFailure: walk.heldBackIsContract)
        if deferred && walk.heldBackIsContract && !isData {
            // It does not run on S1: whether it is destructive is judged in file order.
            walk.placed += Self.placedWithoutEvidence(
                unit, .contract, destructive: isDestructiveAsWritten(unit), dependsOnDeferred: true)
            return
        }
        var phase: Phase
        var breaks: [Int] = []
        var needs: [Int] = []
        var assumedBreaks: [String] = []
        var assumedNeeds: [String] = []
        let destructive = isDestructive(unit, before: s1, after: next)
        var blueNext = walk.blueNow
        if isData {
            phase = deferred ? .contract : .backfill
        } else {
            // Does it break blue?
            if hasBlueEvidence {
                blueNext = bindAll(blue, on: next)
                breaks = blue.indices.filter { walk.blueNow[$0].ok && !blueNext[$0].ok }
            } else {
                assumedBreaks = walk.s0Inventory.removed(before: s1, after: next, structures: false).map(\.description)
                // A column of S0 that became required breaks blue's writes.
                assumedBreaks += walk.s0Inventory.newlyRequired(before: s1, after: next).map {
                    "\($0) (now NOT NULL without a default)"
                }
            }
            let breaksBlue = !breaks.isEmpty || !assumedBreaks.isEmpty
            // Is it needed by green? Only asked when it matters: it breaks blue,
            // or it is destructive.
            if breaksBlue || destructive {
                if hasGreenEvidence {
                    let without = catalogWithout(unit)
                    let greenWithout = bindAll(green, on: without)
                    needs = green.indices.filter { walk.greenFinal[$0].ok && !greenWithout[$0].ok }
                } else {
                    assumedNeeds = SchemaInventory.created(before: s1, after: next).map(\.description)
                }
            }
            let needed = !needs.isEmpty || !assumedNeeds.isEmpty
            switch (breaksBlue, needed) {
            case (true, true): phase = .breaking
            case (true, false): phase = .contract
            case (false, _): phase = destructive && !needed ? .contract : .expand
            }
            if deferred && phase < .contract { phase = .contract }
        }
        for i in unit {
            walk.placed.append(
                PlacedStatement(
                    index: i, phase: phase, breaksBlue: breaks, neededByGreen: needs, assumedBlueBreaks: assumedBreaks,
                    assumedGreenNeeds: assumedNeeds, destructive: destructive, dependsOnDeferred: deferred))
        }
        if !phase.inIntermediate && !isData { walk.inFileOrder = false }
        if phase.inIntermediate {
            if hasBlueEvidence && !isData {
                for q in blue.indices where walk.blueNow[q].ok && !blueNext[q].ok && walk.blueBrokenBy[q] == nil {
                    walk.blueBrokenBy[q] = firstBreak(blue[q], in: unit, from: s1)
                }
                walk.blueNow = blueNext
            }
            walk.s1 = next
        }
    }

    /// A unit's statements placed in `phase` with no query evidence for or against them.
    static func placedWithoutEvidence(_ unit: [Int], _ phase: Phase, destructive: Bool, dependsOnDeferred: Bool) -> [PlacedStatement] {
        unit.map {
            PlacedStatement(
                index: $0, phase: phase, breaksBlue: [], neededByGreen: [], assumedBlueBreaks: [], assumedGreenNeeds: [],
                destructive: destructive, dependsOnDeferred: dependsOnDeferred)
        }
    }

    /// The plan from a walk over the whole history (this planner's analysis).
    public func finish(_ walk: Walk) -> PhasePlan {
        var walk = walk
        self.walk(&walk, through: analysis.statements.count)
        let s1 = walk.s1
        let dataJobs = walk.dataJobs
        var placed = walk.placed
        // In runs of consecutive jobs, so a backfill in batches (one statement a
        // unit) asks the shortcut once.
        let run = 64
        let held = Workers.map((dataJobs.count + run - 1) / run) { r in
            var memo: SameBinding.Memo?
            return dataJobs[r * run..<min(dataJobs.count, (r + 1) * run)].map {
                apply($0.unit, to: $0.s1, parallel: false, memo: &memo).dependsOnDeferred
            }
        }.flatMap { $0 }
        for (job, deferred) in zip(dataJobs, held) where deferred {
            for k in job.placed {
                placed[k].phase = .contract
                placed[k].dependsOnDeferred = true
            }
        }
        placed = Self.attachNeutralStatements(placed, analysis.statements)

        var verdicts: [QueryVerdict] = []
        let blueOnS1 = bindAll(blue, on: s1)
        for (q, result) in blueOnS1.enumerated() {
            verdicts.append(
                QueryVerdict(side: .blue, query: q, stage: .intermediate, result: result, brokenBy: result.ok ? nil : walk.blueBrokenBy[q]))
        }
        let greenOnS1 = bindAll(green, on: s1)
        for (q, result) in greenOnS1.enumerated() {
            let brokenBy = result.ok ? nil : firstBreak(green[q], in: placed.filter { $0.phase.inIntermediate }.map(\.index))
            verdicts.append(QueryVerdict(side: .green, query: q, stage: .intermediate, result: result, brokenBy: brokenBy))
        }
        let greenFinal = hasGreenEvidence ? walk.greenFinal : bindAll(green, on: analysis.final)
        for (q, result) in greenFinal.enumerated() {
            let brokenBy = result.ok ? nil : firstBreak(green[q], in: Array(analysis.statements.indices))
            verdicts.append(QueryVerdict(side: .green, query: q, stage: .final, result: result, brokenBy: brokenBy))
        }
        return PhasePlan(statements: placed, verdicts: verdicts, intermediate: s1, final: analysis.final)
    }

    /// S2 without the unit: every other statement in file order, skipping those
    /// that no longer apply (they depended on the unit).
    func catalogWithout(_ unit: [Int]) -> Catalog {
        var catalog = analysis.baseline
        let skip = Set(unit)
        for (i, statement) in analysis.statements.enumerated() where !skip.contains(i) {
            guard statement.failure == nil, let tree = statement.statement, let source = source(statement) else { continue }
            try? catalog.apply(tree, from: source)
        }
        return catalog
    }

    /// The first of `order`'s statements after which the query stops binding, when
    /// it bound on the baseline.
    func firstBreak(_ query: Query, in order: [Int], from start: Catalog? = nil) -> Int? {
        var catalog = start ?? analysis.baseline
        guard Binder(catalog: catalog).bind(query).ok else { return nil }
        for i in order {
            let statement = analysis.statements[i]
            guard statement.failure == nil, let tree = statement.statement, let source = source(statement) else { continue }
            guard (try? catalog.apply(tree, from: source)) != nil else { continue }
            if !Binder(catalog: catalog).bind(query).ok { return i }
        }
        return nil
    }

    /// SET / RESET and transaction control change no schema: they belong with the
    /// statement they prepare (a `SET lock_timeout` goes where the ALTER it guards
    /// goes), so they take the phase of the next statement of their file, or of
    /// the previous one at the end of a file.
    static func attachNeutralStatements(_ placed: [PlacedStatement], _ statements: [MigrationStatement]) -> [PlacedStatement] {
        var result = placed
        func isNeutral(_ i: Int) -> Bool {
            switch statements[result[i].index].statement?.node {
            case .setVariable?, .transaction?: return true
            default: return false
            }
        }
        for i in result.indices where isNeutral(i) {
            let file = statements[result[i].index].file
            var j = i + 1
            while j < result.count && statements[result[j].index].file == file && isNeutral(j) { j += 1 }
            if j < result.count && statements[result[j].index].file == file {
                result[i].phase = result[j].phase
                continue
            }
            var k = i - 1
            while k >= 0 && statements[result[k].index].file == file && isNeutral(k) { k -= 1 }
            if k >= 0 && statements[result[k].index].file == file { result[i].phase = result[k].phase }
        }
        return result
    }

    static func isTransactionControl(_ statement: MigrationStatement) -> Bool {
        if case .transaction? = statement.statement?.node { return true }
        return false
    }
}
