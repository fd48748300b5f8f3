import CaseAudit
import CaseAuditScreen
import CaseAuditTestSupport
import Testing

extension StoreConformance {
    /// The scoring screen, driven in-process: a key answers and is kept at once, Q saves and
    /// leaves, and the same audit resumed on another connection is submitted from the screen.
    public static func aScoringSessionKeepsEveryKey(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let today = try #require(CalendarDate(parsing: Fixtures.today))
        func run(_ keys: [String], on store: any CaseAuditStore) throws -> (ScoringRun.Ending, ScriptedTerminal) {
            let allocation = try #require(
                try store.allocations(auditor: "tm1", caseReference: "C1", today: today).first)
            let audit = try store.startOrResumeAudit(
                sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
            let record = try #require(try store.audit(id: audit.id))
            let session = ScoringSession(
                checklist: ConformanceCouncil.checklist, answers: record.content.answers,
                judgement: record.content.judgement, actions: record.content.actions)
            let terminal = ScriptedTerminal(keys: keys)
            let run = ScoringRun(audit: audit, allocation: allocation, session: session, today: today, colour: false)
            return (try run.run(on: terminal, store: store), terminal)
        }

        let (left, screen) = try run(["Q"], on: store)
        #expect(left == .saved(answered: 0, asked: 1))
        #expect(screen.frames.count == 1 && screen.frames[0].contains("C1"))

        // "y" answers the only question (kept before the next key is read); S asks to confirm;
        // y submits with the computed grade.
        let again = try engine.connectAgain(store)
        let (ended, _) = try run(["y", "S", "y"], on: again)
        #expect(ended == .submitted(AuditJudgement(grade: "good")))
        let audits = try again.allocations(auditor: "tm1", caseReference: "C1", today: today)
        #expect(audits.count == 1)
        let id = try #require(audits.first?.auditID)
        let kept = try #require(try store.audit(id: id))
        #expect(kept.content.answers == [ItemAnswer(itemID: "seen", value: "yes")])
        #expect(kept.audit.submittedAt != nil && kept.content.judgement?.grade == "good")
    }
}
