import CaseAudit
import CaseAuditStoreConformance
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// The server store's holds are leases another machine sees: a quality lead can break one,
/// the broken holder's next write is refused, and a crashed holder's lease runs out.
@Suite struct ServerLeaseTests {
    @Test func aBrokenLeaseTurnsTheHoldersNextWriteIntoARefusal() throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(Engines.postgresql, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        let held = try store.claimAudit(audit.id)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "yes"), audit: audit.id)

        let other = try Engines.postgresql.connectAgain(store)
        let server = try PostgresServer.shared()
        // Both refusals say whose session holds the audit, and since when (UTC, to the minute).
        let claimed = expectBusy(audit.id) { _ = try other.claimAudit(audit.id) }
        let written = expectBusy(audit.id) {
            try other.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id)
        }
        for hold in [claimed, written] {
            #expect(hold?.holder == server.admin)
            #expect(hold?.since.wholeMatch(of: /20\d\d-\d\d-\d\d \d\d:\d\d/) != nil, "\(String(describing: hold))")
        }
        let message = StoreError.auditBusy(audit: audit.id, hold: claimed).message
        #expect(message.contains("is held by \(server.admin) since "))
        #expect(message.contains("lets go of the audit within 5 minutes, or a quality lead can break its hold now"))
        #expect(try other.breakLease(audit.id, by: "qa", reason: "tm1's laptop died") == server.admin)
        #expect(try other.breakLease(audit.id, by: "qa", reason: "again") == nil)

        #expect(throws: StoreError.leaseBroken(audit: audit.id)) {
            try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id)
        }
        let taken = try other.claimAudit(audit.id)
        try other.recordAnswer(ItemAnswer(itemID: "seen", value: "partly", note: "rescored"), audit: audit.id)
        #expect(try store.answers(audit: audit.id) == [ItemAnswer(itemID: "seen", value: "partly", note: "rescored")])
        let postgres = try #require(store as? PostgreSQLStore)
        let broken = try postgres.read { try postgres.run("SELECT broken_by, reason FROM lease_break").all }
        #expect(broken.count == 1 && broken.first?.string("reason") == "tm1's laptop died")
        withExtendedLifetime((held, taken)) {}
    }

    /// Claiming a file readies the connection its answers go through, while the auditor reads
    /// the first question: the answer's statement is prepared there and rehearsed in a
    /// transaction rolled back (six times over, so that the server has settled on its plan), which
    /// keeps no answer and leaves no event; the check that the
    /// audit is not submitted keeps its plan for the session (it was planned again each time).
    @Test func aClaimReadiesTheConnectionForTheAnswers() throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(Engines.postgresql, in: folder)
        let postgres = try #require(store as? PostgreSQLStore)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        let preparedAnswers = "SELECT count(*) AS n FROM pg_prepared_statements WHERE name = 'record_one_answer'"
        let events = "SELECT count(*) AS n FROM trail"
        #expect(try postgres.connection.execute(preparedAnswers).first?.int("n") == 0)
        let eventsBefore = try #require(try postgres.connection.execute(events).first?.int("n"))
        let held = try store.claimAudit(audit.id)
        #expect(try postgres.connection.execute(preparedAnswers).first?.int("n") == 1)
        // The server has settled on the statement's one plan, which the first answer uses: it
        // no longer plans afresh for each of an auditor's first five answers.
        let plans = try postgres.connection.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'record_one_answer'")
        #expect(plans.first?.int("generic_plans") == 1)
        #expect(plans.first?.int("custom_plans") == 5)
        #expect(try postgres.connection.execute(events).first?.int("n") == eventsBefore)
        #expect(try store.answers(audit: audit.id).isEmpty)
        #expect(try postgres.connection.execute("SELECT count(*) AS n FROM audit_answer").first?.int("n") == 0)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "yes"), audit: audit.id)
        #expect(try store.answers(audit: audit.id) == [ItemAnswer(itemID: "seen", value: "yes")])
        let afterFirst = try postgres.connection.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'record_one_answer'")
        #expect(afterFirst.first?.int("generic_plans") == 2 && afterFirst.first?.int("custom_plans") == 5)
        let language = try postgres.connection.execute(
            "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'audit_of'")
        #expect(language.first?.text("lanname") == "plpgsql")
        withExtendedLifetime(held) {}
    }

    /// A council's audit of its `index`th case held by one connection (the lease that refuses
    /// another connection, given as `other`).
    private func heldElsewhere(case index: Int, in folder: TemporaryDirectory) throws -> (
        postgres: PostgreSQLStore, audit: StoredAudit, held: AuditClaim, other: any CaseAuditStore
    ) {
        let (store, sample) = try ConformanceCouncil.store(Engines.postgresql, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: ConformanceCouncil.cases[index].reference,
            auditorID: ConformanceCouncil.auditor(of: ConformanceCouncil.cases[index]),
            checklist: ConformanceCouncil.pinned)
        let held = try store.claimAudit(audit.id)
        let other = try Engines.postgresql.connectAgain(store)
        expectBusy(audit.id) { _ = try other.claimAudit(audit.id) }
        return (try #require(store as? PostgreSQLStore), audit, held, other)
    }

    @Test func aCrashedHoldersLeaseRunsOut() throws {
        let folder = try TemporaryDirectory()
        let (postgres, audit, held, other) = try heldElsewhere(case: 1, in: folder)
        // As if the holder had stopped renewing five minutes ago.
        _ = try postgres.write { try postgres.run("UPDATE audit_lease SET expires_at = now() - interval '1 second'") }
        #expect(throws: Never.self) { _ = try other.claimAudit(audit.id) }
        withExtendedLifetime(held) {}
    }

    @Test func aLeaseWhoseHoldersConnectionHasGoneIsFreeAtOnce() throws {
        let folder = try TemporaryDirectory()
        let (postgres, audit, held, other) = try heldElsewhere(case: 2, in: folder)
        // As a killed client's: the server ends the backend of the lease's connection.
        try postgres.write {
            try postgres.run(
                "SELECT pg_terminate_backend(backend_pid) FROM audit_lease WHERE audit_id = $1", [audit.id])
        }
        var taken: AuditClaim?
        for _ in 0..<50 where taken == nil {  // the backend ends a moment after it is told to
            taken = try? other.claimAudit(audit.id)
            if taken == nil { usleep(20_000) }
        }
        #expect(taken != nil)
        // The first holder's next write is refused: the file is someone else's now.
        #expect(throws: StoreError.leaseBroken(audit: audit.id)) {
            try postgres.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id)
        }
        withExtendedLifetime((held, taken)) {}
    }
}
