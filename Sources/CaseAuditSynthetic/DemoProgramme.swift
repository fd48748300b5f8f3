import CaseAudit

/// The demo's audit programme, run on a fresh store holding the demo council: six months of
/// samples, each drawn with the demo's seed and allocated, every allocated file keyed in from a
/// generated paper audit (as `audit score --answers` does; this month one file in eight left
/// half-done, as an interrupted auditor leaves it), and most of the earlier months' actions done.
/// It returns what happened month by month; the command line prints it.
public enum DemoProgramme {
    public static let seed: UInt64 = 20_261_201
    public static let months = 6
    public static let perTeam = 6
    public static let quota = AuditorQuota([.teamManager: 6, .serviceManager: 4, .assistantDirector: 2, .director: 1])

    /// One file as its generated sheet left it.
    public struct KeyedFile: Sendable {
        public var allocation: AuditAllocation
        public var keyed: PaperAudit.Keyed
        public var sheet: String
    }

    /// One month of the programme.
    public struct Month: Sendable {
        public var month: AuditMonth
        public var sample: StoredSample
        public var files: [KeyedFile]
        /// The month the demo runs in (the others are its history).
        public var isCurrent: Bool
    }

    /// `sheetPath`: where a month's sheet for a case is written (`writeSheet` writes it);
    /// `monthDone`: called after each month, oldest first.
    public static func run(
        store: some CaseAuditStore, chart: OrgChart, cases: CaseList, snapshot: CaseSnapshot,
        checklist: LoadedChecklist,
        today: CalendarDate, sheetPath: (AuditMonth, String) -> String, writeSheet: (String, String) throws -> Void,
        monthDone: (Month) throws -> Void
    ) throws {
        let current = AuditMonth.following(today).subtracting(months: 1)
        var sampled: Set<String> = []
        for offset in stride(from: months - 1, through: 0, by: -1) {
            let month = current.subtracting(months: offset)
            let parameters = SampleParameters(
                month: month, checklistID: checklist.checklist.id, size: .perStratum(perTeam), strata: [.team],
                caseTypes: checklist.checklist.caseTypes, seed: seed &+ UInt64(offset),
                excludeSampledWithinMonths: months)
            let drawn = StratifiedSampler.draw(cases.records, parameters: parameters, excluded: sampled)
            let allocations = AuditorAllocator.allocate(drawn, chart: chart, quota: quota, allowOwnLine: false)
            let sample = try store.addSample(parameters, snapshot: snapshot.id, cases: drawn.allocated(allocations))
            sampled.formUnion(sample.cases.map(\.reference))
            let files = try key(
                sample, checklist: checklist, month: month, store: store, today: today, isCurrent: offset == 0,
                sheetPath: sheetPath, writeSheet: writeSheet)
            try monthDone(Month(month: month, sample: sample, files: files, isCurrent: offset == 0))
        }
        // Workers have done most of the earlier months' actions; the rest stay open (some overdue).
        for action in try store.actionListings() where action.due < current.lastDay && action.id % 3 != 0 {
            _ = try store.markActionDone(action.id)
        }
    }

    private static func key(
        _ sample: StoredSample, checklist: LoadedChecklist, month: AuditMonth, store: some CaseAuditStore,
        today: CalendarDate,
        isCurrent: Bool, sheetPath: (AuditMonth, String) -> String, writeSheet: (String, String) throws -> Void
    ) throws -> [KeyedFile] {
        var files: [KeyedFile] = []
        for (index, drawn) in sample.cases.filter({ $0.auditorID != nil }).enumerated() {
            let complete = !isCurrent || index % 8 != 7
            let sheet = SyntheticAnswers.sheet(
                for: checklist.checklist, caseReference: drawn.reference, worker: drawn.worker,
                due: month.lastDay.adding(days: 30),
                seed: seed, complete: complete)
            let path = sheetPath(month, drawn.reference)
            try writeSheet(path, sheet.csv)
            let opening = try AuditOpening.open(
                caseReference: drawn.reference, auditor: drawn.auditorID ?? "", sample: sample.id, store: store,
                today: today
            ) { _ in checklist }
            // A past month's audits were keyed in during that month: their actions were due
            // after that, not after today.
            let keyed = try PaperAudit.keyIn(
                AnswerSheet.read(file: path), opening: opening, store: store, submit: complete,
                today: min(month.lastDay, today))
            if let refused = keyed.notSubmitted { throw refused }
            files.append(KeyedFile(allocation: opening.allocation, keyed: keyed, sheet: path))
        }
        return files
    }
}
