import CaseAudit
import CaseAuditTestSupport
import Dispatch
import Synchronization
import Testing

extension StoreConformance {
    /// Every event of `store`, through the verifier: the chain must be whole.
    static func verified(_ store: any CaseAuditStore) throws -> [TrailEvent] {
        var all: [TrailEvent] = []
        var verifier = TrailVerifier()
        try store.scanTrail(from: 1) { events in
            all += events
            return verifier.feed(events)
        }
        let verdict = verifier.finish()
        #expect(verdict == .intact(head: try store.trailHead(), events: Int64(all.count)), "\(verdict)")
        return all
    }

    /// Each change a person makes leaves its event, with who, what, which and the change, and
    /// the chain over them verifies; the payloads read the same whichever engine wrote them.
    public static func everyChangeLeavesAnEvent(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let login = try store.sessionIdentity().login
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "partly", note: "at school"), audit: audit.id)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no", note: "not seen"), audit: audit.id)
        try store.recordAnswers(
            [ItemAnswer(itemID: "plan", value: "yes"), ItemAnswer(itemID: "plan", value: "no")], audit: audit.id)
        try store.recordJudgement(AuditJudgement(grade: "good", reason: "clear plan"), audit: audit.id)
        let due = CalendarDate(year: 2026, month: 12, day: 20) ?? .today()
        try store.addAction(AuditAction(what: "Update the chronology", who: "sw1", due: due), audit: audit.id)
        try store.submitAudit(
            audit.id, judgement: AuditJudgement(grade: "good", reason: "clear plan"), grade: ConformanceCouncil.grade,
            outcomes: [])
        let amended = try store.amendAudit(
            audit.id, by: "dcs", reason: "the visit was recorded late",
            content: AuditContent(
                answers: [ItemAnswer(itemID: "seen", value: "yes"), ItemAnswer(itemID: "plan", value: "no")],
                judgement: AuditJudgement(grade: "poor"),
                actions: [AuditAction(what: "Update the chronology", who: "sw1", due: due)]),
            judgement: AuditJudgement(grade: "poor"), grade: ConformanceCouncil.grade, outcomes: [])
        let action = try #require(try store.actionListings().first)
        #expect(try store.markActionDone(action.id))
        try store.reallocate(sample: sample.id, caseReference: "C2", to: "tm1", by: "dcs", reason: "tm2 is away")

        let events = try verified(store)
        #expect(
            events.map(\.action) == [
                "org-chart.imported", "cases.imported", "sample.drawn",
            ] + Array(repeating: "file.allocated", count: 12) + [
                "checklist.pinned", "audit.started", "answer.recorded", "answer.recorded", "answer.recorded",
                "answer.recorded", "judgement.recorded", "action.added", "audit.submitted", "audit.amended",
                "action.done", "file.reallocated",
            ])
        #expect(events.allSatisfy { $0.actorLogin == login })
        #expect(events.map(\.seq) == Array(1...Int64(events.count)))
        let answers = events.filter { $0.action == "answer.recorded" }
        #expect(answers.allSatisfy { $0.entity == "audit" && $0.entityID == String(audit.id.rawValue) })
        #expect(answers[0].payload == #"{"item":"seen","new":{"note":"at school","value":"partly"},"old":null}"#)
        #expect(
            answers[1].payload
                == #"{"item":"seen","new":{"note":"not seen","value":"no"},"old":{"note":"at school","value":"partly"}}"#
        )
        #expect(
            answers[3].payload == #"{"item":"plan","new":{"note":null,"value":"no"},"old":{"note":null,"value":"yes"}}"#
        )
        let judgement = try #require(events.first { $0.action == "judgement.recorded" })
        #expect(judgement.payload == #"{"new":{"grade":"good","reason":"clear plan"},"old":null}"#)
        // The amendment carries the old and new answers, and the reason.
        let amendment = try #require(events.first { $0.action == "audit.amended" })
        #expect(amendment.entityID == String(amended.id.rawValue))
        #expect(amendment.reason == "the visit was recorded late")
        #expect(
            amendment.payload.contains(
                #""old":{"actions":[{"due":"2026-12-20","what":"Update the chronology","who":"sw1"}],"answers":{"seen":{"note":"not seen","value":"no"},"plan":{"note":null,"value":"no"}},"judgement":{"grade":"good","reason":"clear plan"}}"#
            ))
        #expect(
            amendment.payload.contains(
                #""new":{"actions":[{"due":"2026-12-20","what":"Update the chronology","who":"sw1"}],"answers":{"seen":{"note":null,"value":"yes"},"plan":{"note":null,"value":"no"}},"judgement":{"grade":"poor","reason":null}}"#
            ))
        let moved = try #require(events.last)
        #expect(moved.entity == "case" && moved.entityID == "C2" && moved.reason == "tm2 is away")
        #expect(moved.payload == #"{"from":"tm2","sample":\#(sample.id.rawValue),"to":"tm1"}"#)
        // The filters: one audit's events, one file's (its audits' with them).
        // The first version's: started, four answers, judgement, action, submitted; the action
        // done is recorded against the latest version.
        #expect(try store.trailEvents(TrailFilter(audit: audit.id)).count == 8)
        #expect(try store.trailEvents(TrailFilter(caseReference: "C1")).count == 11)
        #expect(
            try store.trailEvents(TrailFilter(caseReference: "C2")).map(\.action) == [
                "file.allocated", "file.reallocated",
            ])
        #expect(try store.trailEvents(TrailFilter(actor: "nobody")).isEmpty)
        #expect(try store.trailEvents(TrailFilter(actor: login)).count == events.count)
        // An audit's history: both versions, and its file's allocation.
        let history = try AuditHistory.events(of: amended.id, in: store)
        #expect(history.first?.action == "file.allocated" && history.last?.action == "action.done")
        #expect(
            history.contains { $0.action == "audit.submitted" } && history.contains { $0.action == "audit.amended" })
    }

    /// A change that is refused, or rolled back, leaves no event.
    public static func aRolledBackChangeLeavesNoEvent(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        try store.submitAudit(
            audit.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade, outcomes: [])
        let head = try #require(try store.trailHead())
        #expect(throws: StoreError.submitted(audit: audit.id)) {
            try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id)
        }
        #expect(throws: StoreError.submitted(audit: audit.id)) {
            try store.recordSheet(AuditContent(answers: [ItemAnswer(itemID: "seen", value: "no")]), audit: audit.id)
        }
        #expect(throws: StoreError.self) {
            try store.reallocate(sample: sample.id, caseReference: "C1", to: "tm2", by: "dcs", reason: "late")
        }
        // A case list that turns out bad halfway: its rows and its event go together.
        #expect(throws: CaseImportError.self) {
            var batches = 0
            _ = try store.addCaseSnapshot(source: "bad.csv", format: .csv) { () throws(InputError) -> [CaseRecord]? in
                batches += 1
                if batches == 2 { throw InputError([]) }
                return ConformanceCouncil.cases
            }
        }
        #expect(try store.trailHead() == head)
        _ = try verified(store)
    }

    /// Four writers at once, each on its own connection, leave one unbroken chain with every
    /// event in it once.
    public static func writersAtOnceLeaveOneChain(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        var writers: [(AuditID, any CaseAuditStore)] = []
        for record in ConformanceCouncil.cases.prefix(4) {
            let connection = try engine.connectAgain(store)
            let audit = try connection.startOrResumeAudit(
                sampleID: sample.id, caseReference: record.reference, auditorID: ConformanceCouncil.auditor(of: record),
                checklist: ConformanceCouncil.pinned)
            writers.append((audit.id, connection))
        }
        let before = try #require(try store.trailHead()).seq
        let all = writers
        let failures = Mutex<[String]>([])
        let perWriter = 30
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            let (audit, connection) = all[index]
            for answer in 0..<perWriter {
                do {
                    try connection.recordAnswer(
                        ItemAnswer(itemID: "item\(answer % 7)", value: "v\(answer)"), audit: audit)
                } catch {
                    failures.withLock { $0.append("\(audit): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let events = try verified(store)
        #expect(events.count == Int(before) + all.count * perWriter)
        for (audit, _) in all {
            #expect(
                events.filter { $0.entityID == String(audit.rawValue) && $0.action == "answer.recorded" }.count
                    == perWriter)
        }
    }
}
