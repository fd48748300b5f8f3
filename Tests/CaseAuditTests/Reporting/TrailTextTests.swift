import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditReports

/// `log show`'s CHANGE column: each kind of event in words a quality lead reads, not its JSON.
@Suite struct TrailTextTests {
    static let hash = "sha256:" + String(repeating: "ab", count: 32)

    static func event(_ entry: TrailEntry) -> TrailEvent {
        TrailEvent(
            seq: 7, at: "2026-12-07T10:00:00Z", actorLogin: "qa1", actorID: nil, onBehalfOf: entry.onBehalfOf,
            action: entry.action.rawValue, entity: entry.entity.rawValue, entityID: entry.entityID,
            payload: entry.payload, reason: entry.reason, prevHash: "", rowHash: "")
    }

    static func describe(_ entry: TrailEntry) -> String { TrailText.describe(event(entry)) }

    @Test func everyKindOfChangeIsInWords() throws {
        let month = try #require(AuditMonth("2026-12"))
        let due = try #require(CalendarDate(year: 2027, month: 1, day: 31))
        let source = ImportSource(name: "cases.csv", sha256: "0123")
        let chart = OrgChart(people: [], teams: [])
        let audit = StoredAudit(
            id: AuditID(12), sampleID: SampleID(3), caseReference: "DEMO-1", auditorID: "tm1",
            checklistHash: Self.hash, startedAt: "2026-12-07")
        let expected: [(TrailEntry, String)] = [
            (.orgChartImported(chart, source: source), "0 people, 0 teams, 0 logins from cases.csv, sha256 0123"),
            (
                .casesImported(
                    CaseSnapshot(id: 2, importedAt: "", source: "cases.csv", format: .csv, cases: 1, unallocated: 0),
                    source: source),
                "1 case, 0 unallocated, from cases.csv, sha256 0123 (csv)"
            ),
            (
                .sampleDrawn(
                    SampleID(4),
                    parameters: SampleParameters(month: month, checklistID: "climbie", size: .perStratum(2), seed: 9),
                    snapshot: 2, files: 24, replacing: [SampleID(3)]),
                "2026-12 climbie: 24 files, seed 9, case list 2; replaces sample 3"
            ),
            (.redrawChecked(SampleID(4), reproduced: false, differences: 1), "DIFFERENT: 1 difference"),
            (.auditStarted(audit), "case DEMO-1 by tm1, sample 3, checklist sha256:abababababab…"),
            (.auditKeyed(AuditID(12), by: "qa1", for: "tm1"), "keyed in by qa1"),
            (
                .actionAdded(
                    AuditAction(what: "Update the plan", who: "sw1", due: due), audit: AuditID(12), onBehalfOf: nil),
                "Update the plan (sw1, due 2027-01-31)"
            ),
            (.actionDone(5, audit: AuditID(12)), "action 5 done"),
            (.leaseBroken(AuditID(12), holder: "tm1", reason: "laptop lost"), "tm1's hold broken"),
            (.auditsLoaded(SampleID(4), audits: 2, answers: 80), "2 audits, 80 answers loaded"),
            (
                .rights(granted: true, login: "tm1", person: "tm1", group: "caseaudit_auditor"),
                "tm1 into caseaudit_auditor"
            ),
            (
                .rights(granted: false, login: "old", person: nil, group: "caseaudit_auditor"),
                "nobody in the chart out of caseaudit_auditor"
            ),
            (
                .reportPublished(month: "2026-12", format: "md", head: TrailHead(seq: 40, hash: "ff")),
                "md at the trail's event 40"
            ),
            (
                .councilImported(source: source, tables: [("audit", 2), ("sample", 1)]),
                "3 rows in 2 tables from cases.csv, sha256 0123"
            ),
            (
                .checkpointSigned(
                    TrailCheckpoint(head: TrailHead(seq: 40, hash: "ff"), signer: "qa1", publicKey: "k", signature: "s")
                ),
                "qa1 signed the head at event 40"
            ),
        ]
        for (entry, words) in expected {
            #expect(Self.describe(entry) == words, "\(entry.action)")
        }
    }

    /// The table shows a checklist version's hash short enough to read; the JSON keeps it whole.
    @Test func theTableShortensAChecklistHash() {
        let pinned = PinnedChecklist(id: "climbie", version: "1.0.0", hash: Self.hash, xml: [])
        let table = TrailText.table([Self.event(.checklistPinned(pinned))])
        #expect(table.contains("checklist sha256:abababababab…  climbie 1.0.0"))
        #expect(!table.contains(Self.hash))
    }
}
