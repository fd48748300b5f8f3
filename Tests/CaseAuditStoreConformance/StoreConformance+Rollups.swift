import CaseAudit
import CaseAuditTestSupport
import Testing

extension StoreConformance {
    /// After a seeded random sequence of answers, submissions and amendments, the roll-ups the
    /// store keeps equal the cells counted afresh from the latest versions of the audits.
    public static func rollupsEqualARecount(_ engine: StoreEngine, seed: UInt64, steps: Int = 80) throws {
        let folder = try TemporaryDirectory()
        let (store, sample) = try ConformanceCouncil.store(engine, in: folder)
        var random = SampleRandom(seed: seed)
        /// Per case: the audit under way, and the latest submitted version with its outcomes.
        var open: [String: AuditID] = [:]
        var latest: [String: (id: AuditID, outcomes: [ItemOutcome])] = [:]
        let items = ["seen", "plan", "chronology"]
        func outcomes() -> [ItemOutcome] {
            items.filter { _ in random.next(below: 4) > 0 }.map {
                ItemOutcome(item: $0, compliant: random.next(below: 2) == 0)
            }
        }
        func judgement() -> AuditJudgement {
            AuditJudgement(grade: ["good", "poor", "outstanding"][random.next(below: 3)])
        }

        for _ in 0..<steps {
            let record = ConformanceCouncil.cases[random.next(below: ConformanceCouncil.cases.count)]
            let reference = record.reference
            let auditor = ConformanceCouncil.auditor(of: record)
            switch random.next(below: 3) {
            case 0 where latest[reference] == nil:
                let audit = try store.startOrResumeAudit(
                    sampleID: sample.id, caseReference: reference, auditorID: auditor,
                    checklist: ConformanceCouncil.pinned)
                open[reference] = audit.id
                try store.recordAnswer(
                    ItemAnswer(itemID: items[random.next(below: items.count)], value: "yes"), audit: audit.id)
            case 1:
                guard let audit = open[reference] else { continue }
                let given = outcomes()
                try store.submitAudit(audit, judgement: judgement(), grade: ConformanceCouncil.grade, outcomes: given)
                open[reference] = nil
                latest[reference] = (audit, given)
            default:
                guard let previous = latest[reference] else { continue }
                let given = outcomes()
                let amended = try store.amendAudit(
                    previous.id, by: "dcs", reason: "moderated",
                    content: AuditContent(answers: [ItemAnswer(itemID: "seen", value: "no")]),
                    judgement: judgement(), grade: ConformanceCouncil.grade, outcomes: given)
                latest[reference] = (amended.id, given)
            }
        }
        #expect(!latest.isEmpty, "the sequence submitted nothing: choose another seed")

        let month = ConformanceCouncil.month
        let records = try store.qualityRecords(months: month...month, withAnswers: false)
        #expect(Set(records.map(\.auditID)) == Set(latest.values.map(\.id)))

        struct GradeKey: Hashable {
            var team: String?, caseType: CaseType?, level: ManagerLevel?, judgement: String, computed: String?,
                hash: String
            var probability: Double
        }
        var counted: [GradeKey: Int] = [:]
        for record in records {
            let level = record.provenance?.auditorLevel.flatMap(ManagerLevel.init(rawValue:))
            let key = GradeKey(
                team: record.team, caseType: record.caseType, level: level, judgement: record.judgement,
                computed: record.computedGrade,
                hash: record.checklistHash, probability: record.inclusionProbability)
            counted[key, default: 0] += 1
        }
        var kept: [GradeKey: Int] = [:]
        for cell in try store.gradeCells(months: month...month) {
            let key = GradeKey(
                team: cell.team, caseType: cell.caseType, level: cell.auditorLevel, judgement: cell.judgement,
                computed: cell.computedGrade,
                hash: cell.checklistHash, probability: cell.inclusionProbability)
            kept[key, default: 0] += cell.files
        }
        #expect(kept == counted)

        let trend = Dictionary(
            try store.trendCells(months: month...month).map { ($0.judgement, $0.files) }, uniquingKeysWith: +)
        #expect(trend == Dictionary(records.map { ($0.judgement, 1) }, uniquingKeysWith: +))

        var itemCounts: [String: (compliant: Int, answered: Int)] = [:]
        for outcome in latest.values.flatMap(\.outcomes) {
            itemCounts[outcome.item, default: (0, 0)].answered += 1
            if outcome.compliant { itemCounts[outcome.item, default: (0, 0)].compliant += 1 }
        }
        let storedItems = try store.itemCells(month: month, byGroup: false).filter { $0.answered > 0 }
        #expect(
            Dictionary(uniqueKeysWithValues: storedItems.map { ($0.item, "\($0.compliant)/\($0.answered)") })
                == itemCounts.mapValues { "\($0.compliant)/\($0.answered)" })
        let byGroup = try store.itemCells(month: month, byGroup: true).filter { $0.answered > 0 }
        #expect(byGroup.reduce(0) { $0 + $1.answered } == itemCounts.values.reduce(0) { $0 + $1.answered })
    }
}
