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

    /// The figures from tallies already made (groups that are unions of teams add their teams'
    /// tallies instead of counting cells again).
    public init(name: String, tally: GroupTally, items: GroupTally.Items?, sampled: Int, checklist: Checklist) {
        self.name = name
        self.sampled = sampled
        audited = tally.audited
        grades = zip(checklist.grading.bands, tally.byBand).map {
            GradeCount(grade: $0.grade, label: $0.displayName, files: $1)
        }
        goodOrBetter = tally.goodOrBetter
        goodOrBetterShare = tally.audited > 0 ? Double(tally.goodOrBetter) / Double(tally.audited) : nil
        goodOrBetterInterval = WilsonInterval(successes: tally.goodOrBetter, trials: tally.audited)
        judgedDifferently = tally.judgedDifferently
        guard let items else {
            self.items = []
            return
        }
        self.items = checklist.items.enumerated().map { index, item in
            let yes = items.compliant[index]
            let n = items.answered[index]
            return ItemFigures(
                item: item.id, prompt: item.prompt, critical: item.critical, compliant: yes, answered: n,
                rate: n > 0 ? Double(yes) / Double(n) : nil, interval: WilsonInterval(successes: yes, trials: n))
        }
    }
}

/// A group's counts: files by band (best first), good or better, judged differently; and per
/// item, compliant and answered. Tallies add up, so a manager's line is the sum of its teams.
public struct GroupTally: Sendable, Hashable {
    public var byBand: [Int]
    public var audited = 0
    public var goodOrBetter = 0
    public var judgedDifferently = 0

    public struct Items: Sendable, Hashable {
        public var compliant: [Int]
        public var answered: [Int]

        public static func + (lhs: Items, rhs: Items) -> Items {
            Items(compliant: zip(lhs.compliant, rhs.compliant).map(+), answered: zip(lhs.answered, rhs.answered).map(+))
        }
    }

    public static func + (lhs: GroupTally, rhs: GroupTally) -> GroupTally {
        var sum = lhs
        for index in sum.byBand.indices { sum.byBand[index] += rhs.byBand[index] }
        sum.audited += rhs.audited
        sum.goodOrBetter += rhs.goodOrBetter
        sum.judgedDifferently += rhs.judgedDifferently
        return sum
    }

    /// How one checklist's cells are counted: band and item positions looked up once.
    public struct Scheme: Sendable {
        let bandIndex: [String: Int]
        let good: Set<String>
        let itemIndex: [String: Int]
        public let empty: GroupTally
        public let emptyItems: Items

        public init(_ checklist: Checklist) {
            bandIndex = Dictionary(
                checklist.grading.bands.enumerated().map { ($1.grade, $0) }, uniquingKeysWith: { first, _ in first })
            good = checklist.grading.goodOrBetter
            itemIndex = Dictionary(
                checklist.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            empty = GroupTally(byBand: Array(repeating: 0, count: checklist.grading.bands.count))
            emptyItems = Items(
                compliant: Array(repeating: 0, count: checklist.itemCount),
                answered: Array(repeating: 0, count: checklist.itemCount))
        }

        public func add(_ cell: GradeCell, to tally: inout GroupTally) {
            tally.audited += cell.files
            if let band = bandIndex[cell.judgement] {
                tally.byBand[band] += cell.files
                if good.contains(cell.judgement) { tally.goodOrBetter += cell.files }
            }
            if let computed = cell.computedGrade, computed != cell.judgement { tally.judgedDifferently += cell.files }
        }

        public func add(_ cell: ItemCell, to items: inout Items) {
            guard let index = itemIndex[cell.item] else { return }
            items.compliant[index] += cell.compliant
            items.answered[index] += cell.answered
        }

        public func items(_ cells: [ItemCell]) -> Items {
            var items = emptyItems
            for cell in cells { add(cell, to: &items) }
            return items
        }
    }
}
