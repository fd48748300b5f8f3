import CaseAudit

/// Months of submitted audits for a synthetic council, loaded into a new store with their
/// roll-ups: the data behind the report benchmark and demos at scale (`generate --audits`).
public enum SyntheticHistory {
    public struct Loaded: Sendable {
        public var audits: Int
        public var perTeam: Int
        public var months: Int
        public var end: AuditMonth
        public var checklist: Checklist

        /// What `generate --audits` says it loaded into `location`.
        public func written(to location: String) -> String {
            "Wrote \(location): \(audits) submitted audits (\(perTeam) per team a month, \(months) months to \(end)) against \(checklist.id) (\(checklist.itemCount) questions)\n"
        }
    }

    /// About `total` audits over `months` months ending with `end`, against a generated
    /// checklist of `items` questions; `progress` hears of each month as it is stored.
    public static func load(
        _ total: Int, months: Int, end: AuditMonth, items: Int, council: SyntheticCouncil, seed: UInt64,
        into store: some CaseAuditStore, progress: (AuditMonth, Int) -> Void = { _, _ in }
    ) throws -> Loaded {
        let loaded = try ChecklistLoader().load(
            bytes: Array(SyntheticAudits.checklistXML(items: items).utf8), path: "generated checklist")
        let checklist = loaded.checklist
        let pinned = PinnedChecklist(
            id: checklist.id, version: checklist.version,
            hash: (loaded.contentHash ?? ContentHash(of: loaded.xml)).description,
            xml: loaded.xml)
        let teams = max(council.chart.teams.count, 1)
        let perTeam = max(1, (total + months * teams - 1) / (months * teams))
        let casesPerTeam = max(perTeam, council.cases.count / teams)
        try store.replaceOrgChart(council.chart, source: "generated")
        let snapshot = try store.addCaseSnapshot(CaseList(records: council.cases, format: .csv), source: "generated")
        for offset in stride(from: months - 1, through: 0, by: -1) {
            let month = end.subtracting(months: offset)
            let generated = SyntheticAudits.month(
                month, council: council, checklist: checklist, filesPerTeam: perTeam, casesPerTeam: casesPerTeam,
                seed: seed)
            let parameters = SampleParameters(
                month: month, checklistID: checklist.id, size: .perStratum(perTeam), strata: [.team],
                caseTypes: checklist.caseTypes,
                seed: seed)
            let sample = try store.addSample(parameters, snapshot: snapshot.id, cases: generated.cases)
            try store.loadSubmittedAudits(
                generated.audits, sampleID: sample.id, checklist: pinned, checklistID: checklist.id)
            progress(month, generated.audits.count)
        }
        return Loaded(
            audits: perTeam * teams * months, perTeam: perTeam, months: months, end: end, checklist: checklist)
    }
}
