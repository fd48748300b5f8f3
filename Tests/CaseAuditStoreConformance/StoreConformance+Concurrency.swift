import CaseAudit
import CaseAuditTestSupport
import Dispatch
import Synchronization
import Testing

extension StoreConformance {
    /// Auditors submitting at once, each on their own connection, into the same month's
    /// roll-up cells: nobody is shown an error (a lost deadlock or race is retried), and the
    /// cells hold every submission.
    public static func submissionsAtOnceAddUp(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let files = ConformanceCouncil.cases
        var started: [(AuditID, any CaseAuditStore)] = []
        for record in files {
            let connection = try engine.connectAgain(store)
            let audit = try connection.startOrResumeAudit(
                sampleID: sample.id, caseReference: record.reference, auditorID: ConformanceCouncil.auditor(of: record),
                checklist: ConformanceCouncil.pinned)
            started.append((audit.id, connection))
        }
        let audits = started
        let failures = Mutex<[String]>([])
        let outcomes = ["seen", "plan", "voice", "visits"].map { ItemOutcome(item: $0, compliant: true) }
        DispatchQueue.concurrentPerform(iterations: audits.count) { index in
            let (audit, connection) = audits[index]
            do {
                try connection.submitAudit(
                    audit, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade,
                    outcomes: index % 2 == 0 ? outcomes : outcomes.reversed())
            } catch {
                failures.withLock { $0.append("audit \(audit): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let cells = try store.itemCells(month: ConformanceCouncil.month, byGroup: false)
        #expect(cells.count == outcomes.count)
        #expect(cells.allSatisfy { $0.answered == files.count && $0.compliant == files.count })
        #expect(
            try store.trendCells(months: ConformanceCouncil.month...ConformanceCouncil.month).map(\.files) == [
                files.count
            ])
    }
}

extension StoreConformance {
    /// A report's reads, made in one state of the store, do not see an audit another auditor
    /// submits between them, and the trail's head they read is of the same moment; the next
    /// read after them sees it.
    public static func aReportReadsOneState(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let record = ConformanceCouncil.cases[0]
        let other = try engine.connectAgain(store)
        let audit = try other.startOrResumeAudit(
            sampleID: sample.id, caseReference: record.reference, auditorID: ConformanceCouncil.auditor(of: record),
            checklist: ConformanceCouncil.pinned)
        let months = ConformanceCouncil.month...ConformanceCouncil.month
        let start = try store.trailHead()
        let seen = try store.readingOneState {
            let before = try store.gradeCells(months: months)
            try other.submitAudit(
                audit.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade, outcomes: [])
            return (before: before, after: try store.gradeCells(months: months), head: try store.trailHead())
        }
        #expect(seen.before == [])
        #expect(seen.after == [])
        #expect(seen.head == start)
        #expect(try store.gradeCells(months: months).map(\.files) == [1])
        #expect(try #require(try store.trailHead()).seq > (start?.seq ?? 0))
    }
}
