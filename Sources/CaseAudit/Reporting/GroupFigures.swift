/// The figures for one group of audited files (a team, a manager's line, an auditor level, a
/// case type, the council) under one checklist version.
public struct GroupFigures: Sendable, Hashable, Encodable {
    public struct GradeCount: Sendable, Hashable, Encodable {
        public var grade: String
        public var label: String
        public var files: Int
    }

    /// One item's compliance: answers with the scale's best score out of the answers that
    /// count (not applicable is left out), with a 95 % Wilson interval.
    public struct ItemFigures: Sendable, Hashable, Encodable {
        public var item: String
        public var prompt: String
        public var critical: Bool
        public var compliant: Int
        public var answered: Int
        public var rate: Double?
        public var interval: WilsonInterval?
    }

    public var name: String
    public var sampled: Int
    public var audited: Int
    /// By the auditors' judgements, best grade first.
    public var grades: [GradeCount]
    public var goodOrBetter: Int
    public var goodOrBetterShare: Double?
    public var goodOrBetterInterval: WilsonInterval?
    /// Files whose judgement differs from the grade their answers compute.
    public var judgedDifferently: Int
    public var items: [ItemFigures]

    /// Aggregates `records` (all against `checklist`). Good or better: the bands down to the
    /// one called "good" (else the top two).
    public init(name: String, records: [QualityRecord], sampled: Int, checklist: Checklist) {
        self.name = name
        self.sampled = sampled
        audited = records.count
        let bands = checklist.grading.bands
        var byGrade: [String: Int] = [:]
        for record in records { byGrade[record.judgement, default: 0] += 1 }
        grades = bands.map { GradeCount(grade: $0.grade, label: $0.displayName, files: byGrade[$0.grade] ?? 0) }
        let good = checklist.grading.goodOrBetter
        goodOrBetter = records.count { good.contains($0.judgement) }
        goodOrBetterShare = audited > 0 ? Double(goodOrBetter) / Double(audited) : nil
        goodOrBetterInterval = WilsonInterval(successes: goodOrBetter, trials: audited)
        judgedDifferently = records.count { $0.computedGrade != nil && $0.computedGrade != $0.judgement }
        items = Self.items(records, checklist)
    }

    private static func items(_ records: [QualityRecord], _ checklist: Checklist) -> [ItemFigures] {
        var compliant: [String: Int] = [:]
        var answered: [String: Int] = [:]
        for record in records where !record.answers.isEmpty {
            let answers = record.answers.mapValues { ItemAnswer(itemID: "", value: $0) }
            for item in AskedItems.of(checklist, answers: answers) {
                guard let value = record.answers[item.id], let scale = checklist.scale(for: item),
                    let option = scale.option(value: value), option.counts
                else { continue }
                answered[item.id, default: 0] += 1
                if let score = option.score, score >= scale.maximumScore { compliant[item.id, default: 0] += 1 }
            }
        }
        return checklist.items.map { item in
            let yes = compliant[item.id] ?? 0
            let n = answered[item.id] ?? 0
            return ItemFigures(
                item: item.id, prompt: item.prompt, critical: item.critical, compliant: yes, answered: n,
                rate: n > 0 ? Double(yes) / Double(n) : nil, interval: WilsonInterval(successes: yes, trials: n))
        }
    }
}
