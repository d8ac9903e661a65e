import MigrationRules
import QueryBinding
import SQLParser

/// The phase planner's walk following the replay: `feed` takes each piece of
/// the history as the replay makes it (`MigrationAnalyzer.analyze(feeding:)`)
/// and its units are walked on a thread of its own, so that the walk, which re-applies
/// much of the history to S1 once a unit is held back, is mostly done when the
/// replay ends. `plan` finishes it on the whole analysis.
///
/// Only without green queries (`PhasePlanner.walksAsReplayed`): those are bound
/// on S2, the end of the history, before the walk starts.
public final class PlannerAlongside: @unchecked Sendable {
    private let blue: [Query]
    private let blueGiven: Bool
    /// The history so far, as the walk sees it (the thread of `stream` alone
    /// touches it, and `plan` after the stream is finished).
    private var partial: MigrationAnalysis
    private var walk: PhasePlanner.Walk
    private var stream: Workers.Stream<HistoryPiece, Void>?

    /// `start` is the analysis of no statement (`MigrationAnalyzer.start`); the
    /// queries as `Checker` takes them. Nil when the walk cannot go alongside
    /// (green queries).
    public init?(start: MigrationAnalysis, blue: [Query], green: [Query], blueGiven: Bool, greenGiven: Bool) {
        let planner = PhasePlanner(analysis: start, blue: blue, green: green, blueGiven: blueGiven, greenGiven: greenGiven)
        guard planner.walksAsReplayed else { return nil }
        self.blue = blue
        self.blueGiven = blueGiven
        self.partial = start
        self.walk = planner.startWalk()
        // The stream holds the walk strongly: a run that ends early (bad input
        // found after the replay) may drop this object while a piece is walked.
        // `plan` lets go of the stream, and with it of the walk.
        self.stream = Workers.Stream { piece in self.take(piece) }
    }

    /// A planner on `analysis` (no green evidence: there is a walk alongside).
    private func planner(_ analysis: MigrationAnalysis) -> PhasePlanner {
        PhasePlanner(analysis: analysis, blue: blue, green: [], blueGiven: blueGiven, greenGiven: false)
    }

    /// Hands the next piece of the history to the walk's thread.
    public func feed(_ piece: HistoryPiece) {
        stream?.submit(piece)
    }

    private func take(_ piece: HistoryPiece) {
        piece.append(to: &partial)
        planner(partial).walk(&walk, through: partial.statements.count)
    }

    /// The plan, once the replay has fed every piece; `analysis` is the whole one.
    public func plan(_ analysis: MigrationAnalysis) -> PhasePlan {
        _ = stream?.finish()
        stream = nil
        // The partial history is no longer needed; the walk ends on the whole one.
        partial = MigrationAnalysis(dialect: analysis.dialect, baseline: analysis.baseline)
        return planner(analysis).finish(walk)
    }
}
