import CaseAudit
import CaseAuditTestSupport
import Testing

/// What every store must do, whatever its engine: each engine's test target runs every check
/// against a fresh store of it (`@Test(arguments: engines)`). A new store is done when these
/// pass; checks of one engine's mechanics (file modes, WAL, triggers seen through its SQL)
/// stay beside that engine.
public enum StoreConformance {
    /// Answers are kept as given, a later answer to an item replaces the earlier one, and a
    /// resumed audit (from another connection) keeps the checklist version it began with.
    public static func resumeKeepsThePinnedVersion(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "partly", note: "at school"), audit: audit.id)
        try store.recordAnswer(ItemAnswer(itemID: "plan", value: "yes"), audit: audit.id)
        try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no", note: "not seen"), audit: audit.id)

        let again = try engine.connectAgain(store)
        let resumed = try again.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.newer)
        #expect(resumed.id == audit.id)
        #expect(resumed.checklistHash == ConformanceCouncil.pinned.hash)
        #expect(try again.pinnedChecklist(hash: resumed.checklistHash) == ConformanceCouncil.pinned)
        #expect(
            try again.answers(audit: audit.id) == [
                ItemAnswer(itemID: "seen", value: "no", note: "not seen"), ItemAnswer(itemID: "plan", value: "yes"),
            ])
        #expect(try again.unfinishedAudit(sampleID: sample.id, caseReference: "C1", auditorID: "tm1")?.id == audit.id)
        // A file that was never drawn cannot be audited, and nothing is kept of the attempt.
        #expect(throws: StoreError.self) {
            try store.startOrResumeAudit(
                sampleID: sample.id, caseReference: "C99", auditorID: "tm1", checklist: ConformanceCouncil.newer)
        }
        #expect(try store.pinnedChecklist(hash: ConformanceCouncil.newer.hash) == nil)
    }

    /// A submitted audit is final: no answer, judgement or action changes it (the store
    /// says `.submitted`); it is no longer unfinished; it is the file's latest submission.
    public static func submittedIsFinal(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        let judgement = AuditJudgement(grade: "good", reason: "r")
        let action = AuditAction(
            what: "Update the chronology", who: "sw1", due: CalendarDate(year: 2026, month: 12, day: 20) ?? .today())
        try store.recordSheet(
            AuditContent(answers: [ItemAnswer(itemID: "seen", value: "yes")], judgement: judgement, actions: [action]),
            audit: audit.id)
        try store.submitAudit(audit.id, judgement: judgement, grade: ConformanceCouncil.grade, outcomes: [])

        #expect(throws: StoreError.submitted(audit: audit.id)) {
            try store.recordAnswer(ItemAnswer(itemID: "seen", value: "no"), audit: audit.id)
        }
        #expect(throws: StoreError.submitted(audit: audit.id)) { try store.recordJudgement(nil, audit: audit.id) }
        #expect(throws: StoreError.submitted(audit: audit.id)) { try store.addAction(action, audit: audit.id) }
        let record = try #require(try store.audit(id: audit.id))
        #expect(record.content.answers == [ItemAnswer(itemID: "seen", value: "yes")])
        #expect(record.content.judgement == judgement)
        #expect(record.audit.submittedAt != nil)
        #expect(try store.unfinishedAudit(sampleID: sample.id, caseReference: "C1", auditorID: "tm1") == nil)
        #expect(try store.latestSubmittedAudit(sampleID: sample.id, caseReference: "C1")?.id == audit.id)
        #expect(try store.allocations(auditor: "tm1", caseReference: "C1", today: nil).map(\.status) == [.submitted])
    }

    /// An amendment is the next version (who, why), the roll-ups count only the latest
    /// version, only the latest can be amended, and an action keeps its number and whether it
    /// is done through the versions.
    public static func amendmentsMakeVersions(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        let due = CalendarDate(year: 2026, month: 12, day: 20) ?? .today()
        let action = AuditAction(what: "Update the chronology", who: "sw1", due: due)
        try store.recordSheet(
            AuditContent(answers: [ItemAnswer(itemID: "seen", value: "yes")], actions: [action]), audit: audit.id)
        try store.submitAudit(
            audit.id, judgement: AuditJudgement(grade: "good"), grade: ConformanceCouncil.grade,
            outcomes: [ItemOutcome(item: "seen", compliant: true)])
        let raised = try #require(try store.actionListings().first)
        #expect(try store.markActionDone(raised.id))

        // The amendment's content is in full: the action is carried with the new answer.
        let content = AuditContent(
            answers: [ItemAnswer(itemID: "seen", value: "no", note: "Not seen after all")], actions: [action])
        let amended = try store.amendAudit(
            audit.id, by: "dcs", reason: "Visit record was for a sibling", content: content,
            judgement: AuditJudgement(grade: "poor"),
            grade: ConformanceCouncil.grade, outcomes: [ItemOutcome(item: "seen", compliant: false)])
        #expect(amended.version == 2)
        #expect(amended.amends == audit.id)
        #expect(amended.amendedBy == "dcs")
        #expect(amended.amendedReason == "Visit record was for a sibling")
        #expect(try store.audit(id: audit.id)?.supersededBy == amended.id)
        #expect(try store.latestSubmittedAudit(sampleID: sample.id, caseReference: "C1")?.id == amended.id)
        let month = ConformanceCouncil.month
        #expect(try store.gradeCells(months: month...month).map { "\($0.judgement) \($0.files)" } == ["poor 1"])
        #expect(
            try store.itemCells(month: month, byGroup: false).map { "\($0.item) \($0.compliant)/\($0.answered)" } == [
                "seen 0/1"
            ])
        #expect(try store.trendCells(months: month...month).map { "\($0.judgement) \($0.files)" } == ["poor 1"])
        #expect(throws: StoreError.alreadyAmended(audit: audit.id, by: amended.id)) {
            try store.amendAudit(
                audit.id, by: "dcs", reason: "again", content: content, judgement: AuditJudgement(grade: "poor"),
                grade: ConformanceCouncil.grade, outcomes: [])
        }
        #expect(throws: StoreError.noAudit(999)) {
            try store.amendAudit(
                999, by: "dcs", reason: "none", content: content, judgement: AuditJudgement(grade: "poor"),
                grade: ConformanceCouncil.grade, outcomes: [])
        }
        // An audit still being scored is not amended but scored.
        let other = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C3", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        #expect(throws: StoreError.notSubmitted(audit: other.id)) {
            try store.amendAudit(
                other.id, by: "dcs", reason: "early", content: content, judgement: AuditJudgement(grade: "poor"),
                grade: ConformanceCouncil.grade, outcomes: [])
        }
        // The action is the same action in the new version, and still done.
        let listed = try store.actionListings()
        #expect(listed.count == 1)
        #expect(listed.first?.id == raised.id)
        #expect(listed.first?.auditID == amended.id)
        #expect(listed.first?.doneAt != nil)
    }

    /// One session at a time holds an audit; another connection is refused until it lets go.
    public static func claimsAreExclusive(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        let audit = try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        var claim: AuditClaim? = try store.claimAudit(audit.id)
        let other = try engine.connectAgain(store)
        expectBusy(audit.id) { _ = try other.claimAudit(audit.id) }
        #expect(throws: Never.self) { _ = try other.claimAudit(AuditID(audit.id.rawValue + 1)) }
        withExtendedLifetime(claim) {}
        claim = nil
        #expect(throws: Never.self) { _ = try other.claimAudit(audit.id) }
    }

    /// An import that fails part-way keeps nothing: the latest snapshot and its counts are
    /// what they were.
    public static func aFailedImportLeavesNothing(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try ConformanceCouncil.store(engine, in: folder)
        let before = try #require(try store.latestCaseSnapshot())
        let counts = try store.caseCounts(snapshot: before.id)
        var batches = 0
        let failure = InputError(
            .rules, at: SourceLocation(file: "late.csv", line: 2_001), "a bad row late in the file")
        #expect(throws: CaseImportError.self) {
            try store.addCaseSnapshot(source: "late.csv", format: .csv) { () throws(InputError) -> [CaseRecord]? in
                batches += 1
                guard batches == 1 else { throw failure }
                return (0..<2_000).map { CaseRecord(reference: "N\($0)", caseType: .childInNeed, team: "A") }
            }
        }
        #expect(batches == 2)
        #expect(try store.latestCaseSnapshot() == before)
        #expect(try store.caseCounts(snapshot: before.id) == counts)
        // The org chart is replaced whole: the old one stays until a new one is stored.
        #expect(try store.orgChart()?.people.count == ConformanceCouncil.chart.people.count)
        #expect(try store.orgChart(levels: [.director])?.people.map(\.id) == ["dcs"])
    }

    /// Who a session is: the person with its login, found by the login alone, byte for byte.
    public static func aPersonIsFoundByTheirLogin(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try engine.make(folder)
        #expect(try store.person(login: "tam") == nil)
        var chart = ConformanceCouncil.chart
        chart.people[1].login = "tam"
        chart.people[2].login = "Tam"
        try store.replaceOrgChart(chart, source: "org.csv")
        #expect(try store.person(login: "tam") == chart.people[1])
        #expect(try store.person(login: "Tam")?.id == "tm2")
        #expect(try store.person(login: "TAM") == nil)
        #expect(try store.person(login: "") == nil)
    }

    /// One sample per checklist per month, as the store keeps it: a replaced sample is kept
    /// and marked, allocates nothing and counts for nothing; one with an audit begun cannot be
    /// replaced, nor can one replaced already.
    public static func aReplacedSampleIsNoLongerCurrent(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (store, original) = try ConformanceCouncil.store(engine, in: folder)
        let month = ConformanceCouncil.month
        let replacement = try store.addSample(
            original.parameters, snapshot: original.snapshotID, cases: original.cases, replacing: [original.id])
        #expect(try store.samples(month: month).map(\.replacedBy) == [replacement.id, nil])
        // Samples and snapshots are ordered as they were committed: the replacement comes
        // after the sample it replaced, and the latest case list is the last one imported.
        let kept = try store.samples(month: month)
        #expect(kept.count == 2 && kept[0].sequence < kept[1].sequence)
        #expect(kept[0].replacedBySequence == kept[1].sequence)
        #expect(kept[0].wasCurrent(whenDrawing: kept[1]) == false)
        let later = try store.addCaseSnapshot(CaseList(records: [], format: .csv), source: "later.csv")
        #expect(try store.latestCaseSnapshot()?.id == later.id)
        #expect(Set(try store.allocations(auditor: nil, today: nil).map(\.sampleID)) == [replacement.id])
        #expect(try store.sampledCounts(month: month).reduce(0) { $0 + $1.files } == ConformanceCouncil.cases.count)
        #expect(try store.sampledReferences(since: month, before: replacement.id).isEmpty)
        #expect(try store.sampledReferences(since: month).count == ConformanceCouncil.cases.count)

        _ = try store.startOrResumeAudit(
            sampleID: replacement.id, caseReference: "C1", auditorID: "tm1", checklist: ConformanceCouncil.pinned)
        #expect(throws: StoreError.sampleInUse(sample: replacement.id)) {
            try store.addSample(
                original.parameters, snapshot: original.snapshotID, cases: original.cases, replacing: [replacement.id])
        }
        #expect(throws: StoreError.sampleInUse(sample: original.id)) {
            try store.addSample(
                original.parameters, snapshot: original.snapshotID, cases: original.cases, replacing: [original.id])
        }
        #expect(try store.samples(month: month).count == 2)
    }
}
