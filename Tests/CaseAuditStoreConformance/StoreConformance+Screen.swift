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
        #expect(left == .saved(answered: 0, asked: 1, unsaved: 0))
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

    /// The server out of reach mid-session: the key's change stays on screen marked NOT SAVED,
    /// is kept once the server is back (on the next wait's retry), and a first Q does not leave
    /// while something waits; a submission whose commit got there though its reply did not is
    /// taken as submitted, not refused.
    public static func aChangeTheServerCannotTakeWaitsOnScreen(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let today = try #require(CalendarDate(parsing: Fixtures.today))
        let flaky = UnreachableStore(store)
        let allocation = try #require(try store.allocations(auditor: "tm1", caseReference: "C1", today: today).first)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        let session = ScoringSession(checklist: ConformanceCouncil.checklist)
        let run = ScoringRun(audit: audit, allocation: allocation, session: session, today: today, colour: false)

        // Down: "y" is refused and waits; Q asks once; the server is back for the next wait.
        flaky.down = true
        final class Reconnecting: Terminal {
            let inner: ScriptedTerminal
            let store: UnreachableStore
            var waits = 0
            init(_ inner: ScriptedTerminal, _ store: UnreachableStore) {
                self.inner = inner
                self.store = store
            }
            var size: (columns: Int, rows: Int) { (100, 30) }
            func read(timeout: Double?) -> TerminalInput {
                waits += 1
                if waits == 3 { store.down = false }  // after "y" and the first Q
                return inner.read(timeout: timeout)
            }
            func takeResize() -> Bool { false }
            func write(_ text: String) { inner.write(text) }
            func restore() {}
        }
        let script = ScriptedTerminal(script: [
            .bytes(Array("y".utf8)), .bytes(Array("Q".utf8)), .timedOut, .bytes(Array("Q".utf8)),
        ])
        let terminal = Reconnecting(script, flaky)
        let ended = try run.run(on: terminal, store: flaky)
        #expect(ended == .saved(answered: 1, asked: 1, unsaved: 0))
        let frames = script.frames
        #expect(frames.count == 4)
        #expect(frames[1].contains("NOT SAVED: your last change is on screen only"))
        #expect(frames[2].contains("Press Q again to leave without it"))
        #expect(!frames[3].contains("NOT SAVED"))
        #expect(try store.answers(audit: audit.id) == [ItemAnswer(itemID: "seen", value: "yes")])

        // Still down when the auditor leaves: Q twice leaves, and says what was not kept.
        flaky.down = true
        let stuck = ScriptedTerminal(script: [
            .bytes(Array("J".utf8)), .bytes(Array("1".utf8)), .bytes(Array("Q".utf8)), .bytes(Array("Q".utf8)),
        ])
        let answered = ScoringRun(
            audit: audit, allocation: allocation,
            session: ScoringSession(
                checklist: ConformanceCouncil.checklist, answers: try store.answers(audit: audit.id)),
            today: today, colour: false)
        let left = try answered.run(on: stuck, store: flaky)
        guard case .saved(_, _, let unsaved) = left else { Issue.record("ended \(left)"); return }
        #expect(unsaved == 1)
        #expect(try store.audit(id: audit.id)?.content.judgement == nil)

        // Back, but the submission's reply is lost: the retry finds it submitted, and so is it.
        flaky.down = false
        flaky.loseNextReply()
        let submitting = ScriptedTerminal(script: [.bytes(Array("S".utf8)), .bytes(Array("y".utf8)), .timedOut])
        #expect(try answered.run(on: submitting, store: flaky) == .submitted(AuditJudgement(grade: "good")))
        #expect(try store.audit(id: audit.id)?.audit.submittedAt != nil)
        #expect(flaky.refused >= 3)
    }
}
