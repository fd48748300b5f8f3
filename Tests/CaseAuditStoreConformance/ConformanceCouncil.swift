import CaseAudit
import CaseAuditTestSupport

/// The small council every conformance check starts from: a DCS, two team managers (teams A
/// and B), twelve open cases, and December's sample holding all twelve, allocated to the
/// two managers' opposite teams.
public enum ConformanceCouncil {
    public static let month = AuditMonth(year: 2026, month: 12) ?? AuditMonth.all.lowerBound

    public static let chart = OrgChart(
        people: [
            Person(id: "dcs", displayName: "Dee (demo)", level: .director),
            Person(id: "tm1", displayName: "Tam (demo)", level: .teamManager, team: "A", reportsTo: "dcs"),
            Person(id: "tm2", displayName: "Toby (demo)", level: .teamManager, team: "B", reportsTo: "dcs"),
        ],
        teams: [Team(name: "A", managerID: "tm1"), Team(name: "B", managerID: "tm2")])

    public static let cases: [CaseRecord] = (1...12).map { index in
        CaseRecord(
            reference: "C\(index)", caseType: index % 3 == 0 ? .childProtection : .childInNeed,
            team: index % 2 == 0 ? "A" : "B")
    }

    /// The pinned checklist the audits are kept against.
    public static let pinned = PinnedChecklist(
        id: "test", version: "1", hash: "sha256:abc", xml: Array("<checklist/>".utf8))
    public static let newer = PinnedChecklist(
        id: "test", version: "2", hash: "sha256:def", xml: Array("<checklist v='2'/>".utf8))

    /// A checklist for grades (the store keeps whatever grade it is given).
    public static let checklist = Checklist(
        id: "test", version: "1", title: "Test", caseTypes: [.childInNeed, .childProtection],
        source: ChecklistSource(issuer: "test", text: "test"),
        scales: [AnswerScale(id: "yn", options: [AnswerOption(value: "yes", label: "Yes", score: 1)])],
        sections: [
            ChecklistSection(id: "s", title: "S", items: [ChecklistItem(id: "seen", prompt: "Seen?", scaleID: "yn")])
        ],
        grading: Grading(
            bands: [GradeBand(grade: "good", minimum: 0.5), GradeBand(grade: "poor", minimum: 0)], caps: []))
    public static let grade = FileGrade(checklist: checklist, answers: [:])

    public static let parameters = SampleParameters(
        month: month, checklistID: "test", size: .perStratum(6), strata: [.team],
        caseTypes: [.childInNeed, .childProtection],
        seed: 1)

    /// Who audits a case: the manager of the other team.
    public static func auditor(of record: CaseRecord) -> String { record.team == "A" ? "tm2" : "tm1" }

    /// A fresh store of `engine` holding the council and its sample.
    public static func store(_ engine: StoreEngine, in folder: TemporaryDirectory) throws -> (
        any CaseAuditStore, sample: StoredSample
    ) {
        let store = try engine.make(folder)
        try store.replaceOrgChart(chart, source: "org.csv")
        let snapshot = try store.addCaseSnapshot(CaseList(records: cases, format: .csv), source: "cases.csv")
        let files = cases.map { record in
            SampledCase(
                reference: record.reference, stratum: record.team ?? "", inclusionProbability: 0.5,
                caseType: record.caseType,
                team: record.team, auditorID: auditor(of: record))
        }
        return (store, try store.addSample(parameters, snapshot: snapshot.id, cases: files))
    }
}
