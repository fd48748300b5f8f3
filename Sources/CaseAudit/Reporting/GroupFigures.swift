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

    /// Aggregates a group's cells (all under `checklist`). Grades are the auditors' judgements;
    /// good or better is `Grading.goodOrBetter`.
    public init(name: String, grades cells: [GradeCell], items itemCells: [ItemCell], sampled: Int, checklist: Checklist) {
        self.name = name
        self.sampled = sampled
        audited = cells.reduce(0) { $0 + $1.files }
        var byGrade: [String: Int] = [:]
        for cell in cells { byGrade[cell.judgement, default: 0] += cell.files }
        grades = checklist.grading.bands.map { GradeCount(grade: $0.grade, label: $0.displayName, files: byGrade[$0.grade] ?? 0) }
        let good = checklist.grading.goodOrBetter
        goodOrBetter = cells.reduce(0) { $0 + (good.contains($1.judgement) ? $1.files : 0) }
        goodOrBetterShare = audited > 0 ? Double(goodOrBetter) / Double(audited) : nil
        goodOrBetterInterval = WilsonInterval(successes: goodOrBetter, trials: audited)
        judgedDifferently = cells.reduce(0) { $0 + ($1.computedGrade != nil && $1.computedGrade != $1.judgement ? $1.files : 0) }
        var compliant: [String: Int] = [:]
        var answered: [String: Int] = [:]
        for cell in itemCells {
            compliant[cell.item, default: 0] += cell.compliant
            answered[cell.item, default: 0] += cell.answered
        }
        items = checklist.items.map { item in
            let yes = compliant[item.id] ?? 0
            let n = answered[item.id] ?? 0
            return ItemFigures(
                item: item.id, prompt: item.prompt, critical: item.critical, compliant: yes, answered: n,
                rate: n > 0 ? Double(yes) / Double(n) : nil, interval: WilsonInterval(successes: yes, trials: n))
        }
    }
}
