import CaseAudit
import CaseAuditStoreConformance
import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// The engines this build has: every conformance check runs against each.
enum Engines {
    static let sqlite = StoreEngine(
        name: "SQLite",
        make: { folder in try SQLiteStore(path: "\(folder.path)/conformance.sqlite") },
        connectAgain: { store in try SQLiteStore(path: store.location) })

    /// A fresh database on the tests' throwaway server for each store.
    static let postgresql = StoreEngine(
        name: "PostgreSQL",
        make: { _ in try PostgreSQLStore(conninfo: try PostgresServer.freshDatabase()) },
        connectAgain: { store in try PostgreSQLStore(conninfo: store.location) })

    static let all = [sqlite, postgresql]
}

/// The store conformance suite, run against every engine.
@Suite struct ConformanceTests {
    @Test(arguments: Engines.all) func everyChangeLeavesAnEvent(_ engine: StoreEngine) throws {
        try StoreConformance.everyChangeLeavesAnEvent(engine)
    }

    @Test(arguments: Engines.all) func aRolledBackChangeLeavesNoEvent(_ engine: StoreEngine) throws {
        try StoreConformance.aRolledBackChangeLeavesNoEvent(engine)
    }

    @Test(arguments: Engines.all) func writersAtOnceLeaveOneChain(_ engine: StoreEngine) throws {
        try StoreConformance.writersAtOnceLeaveOneChain(engine)
    }

    @Test(arguments: Engines.all) func resumeKeepsThePinnedVersion(_ engine: StoreEngine) throws {
        try StoreConformance.resumeKeepsThePinnedVersion(engine)
    }

    @Test(arguments: Engines.all) func aScoringSessionKeepsEveryKey(_ engine: StoreEngine) throws {
        try StoreConformance.aScoringSessionKeepsEveryKey(engine)
    }

    @Test(arguments: Engines.all) func aChangeTheServerCannotTakeWaitsOnScreen(_ engine: StoreEngine) throws {
        try StoreConformance.aChangeTheServerCannotTakeWaitsOnScreen(engine)
    }

    @Test(arguments: Engines.all) func aReallocatedFileIsTheNewAuditors(_ engine: StoreEngine) throws {
        try StoreConformance.aReallocatedFileIsTheNewAuditors(engine)
    }

    @Test(arguments: Engines.all) func aModerationDrawIsKeptOnceAndReproduces(_ engine: StoreEngine) throws {
        try StoreConformance.aModerationDrawIsKeptOnceAndReproduces(engine)
    }

    @Test(arguments: Engines.all) func aModerationIsScoredBlindAndDecidedOnce(_ engine: StoreEngine) throws {
        try StoreConformance.aModerationIsScoredBlindAndDecidedOnce(engine)
    }

    @Test(arguments: Engines.all) func aChangedModerationIsReportedWithTheModeratedGrade(_ engine: StoreEngine) throws {
        try StoreConformance.aChangedModerationIsReportedWithTheModeratedGrade(engine)
    }

    @Test(arguments: Engines.all) func aChallengeIsRaisedOnceAndDecidedOnce(_ engine: StoreEngine) throws {
        try StoreConformance.aChallengeIsRaisedOnceAndDecidedOnce(engine)
    }

    @Test(arguments: Engines.all) func aCalibrationExerciseSetsEachAuditorAgainstTheGroup(_ engine: StoreEngine)
        throws
    {
        try StoreConformance.aCalibrationExerciseSetsEachAuditorAgainstTheGroup(engine)
    }

    @Test(arguments: Engines.all) func twoDrawsAtOnceKeepOne(_ engine: StoreEngine) throws {
        try StoreConformance.twoDrawsAtOnceKeepOne(engine)
    }

    @Test(arguments: Engines.all) func aLargeSnapshotAndDrawKeepTheirOrder(_ engine: StoreEngine) throws {
        try StoreConformance.aLargeSnapshotAndDrawKeepTheirOrder(engine)
    }

    @Test(arguments: Engines.all) func submissionsAtOnceAddUp(_ engine: StoreEngine) throws {
        try StoreConformance.submissionsAtOnceAddUp(engine)
    }

    @Test(arguments: Engines.all) func aReportReadsOneState(_ engine: StoreEngine) throws {
        try StoreConformance.aReportReadsOneState(engine)
    }

    @Test(arguments: Engines.all) func submittedIsFinal(_ engine: StoreEngine) throws {
        try StoreConformance.submittedIsFinal(engine)
    }

    @Test(arguments: Engines.all) func amendmentsMakeVersions(_ engine: StoreEngine) throws {
        try StoreConformance.amendmentsMakeVersions(engine)
    }

    @Test(arguments: Engines.all) func claimsAreExclusive(_ engine: StoreEngine) throws {
        try StoreConformance.claimsAreExclusive(engine)
    }

    @Test(arguments: Engines.all) func aFailedImportLeavesNothing(_ engine: StoreEngine) throws {
        try StoreConformance.aFailedImportLeavesNothing(engine)
    }

    @Test(arguments: Engines.all) func aPersonIsFoundByTheirLogin(_ engine: StoreEngine) throws {
        try StoreConformance.aPersonIsFoundByTheirLogin(engine)
    }

    @Test(arguments: Engines.all) func aReplacedSampleIsNoLongerCurrent(_ engine: StoreEngine) throws {
        try StoreConformance.aReplacedSampleIsNoLongerCurrent(engine)
    }

    @Test(arguments: Engines.all, [1, 2, 3, 20_261_201] as [UInt64])
    func rollupsEqualARecount(_ engine: StoreEngine, seed: UInt64) throws {
        try StoreConformance.rollupsEqualARecount(engine, seed: seed)
    }
}
