/// What submitted audits add to the quality roll-ups, computed once, here: a store only
/// persists the sums. A submission adds its audit's contribution; an amendment takes away the
/// old version's and adds the new one's; a bulk load adds many at once.
public struct RollupContribution: Sendable, Equatable {
    /// The grade cell an audit counts in (`""` for none, as the roll-ups keep it).
    public struct GradeKey: Sendable, Hashable {
        public var month: String
        public var checklistID: String
        public var checklistHash: String
        public var team: String
        public var caseType: String
        public var auditorLevel: String
        public var judgement: String
        public var computedGrade: String
        public var inclusionProbability: Double

        public init(
            month: String, checklistID: String, checklistHash: String, team: String?, caseType: String?,
            auditorLevel: String?,
            judgement: String, computedGrade: String?, inclusionProbability: Double
        ) {
            self.month = month
            self.checklistID = checklistID
            self.checklistHash = checklistHash
            self.team = team ?? ""
            self.caseType = caseType ?? ""
            self.auditorLevel = auditorLevel ?? ""
            self.judgement = judgement
            self.computedGrade = computedGrade ?? ""
            self.inclusionProbability = inclusionProbability
        }

        /// The item cell of `item` in the same group.
        func item(_ item: String) -> ItemKey {
            ItemKey(
                month: month, checklistHash: checklistHash, team: team, caseType: caseType, auditorLevel: auditorLevel,
                item: item)
        }
    }

    /// An item's cell: month, checklist version, group and item.
    public struct ItemKey: Sendable, Hashable {
        public var month: String
        public var checklistHash: String
        public var team: String
        public var caseType: String
        public var auditorLevel: String
        public var item: String
    }

    public struct ItemCount: Sendable, Equatable {
        public var compliant: Int
        public var answered: Int

        public init(compliant: Int, answered: Int) {
            self.compliant = compliant
            self.answered = answered
        }
    }

    /// Files by grade cell, and answers by item cell (negative when taken away).
    public private(set) var grades: [GradeKey: Int] = [:]
    public private(set) var items: [ItemKey: ItemCount] = [:]

    public init() {}

    /// One audit's contribution (`sign` 1 to add it, -1 to take it away).
    public init(_ key: GradeKey, outcomes: [ItemOutcome], sign: Int = 1) {
        add(key, outcomes: outcomes, sign: sign)
    }

    /// Adds one audit's grade and item outcomes.
    public mutating func add(_ key: GradeKey, outcomes: [ItemOutcome], sign: Int = 1) {
        grades[key, default: 0] += sign
        for outcome in outcomes {
            let cell = key.item(outcome.item)
            var count = items[cell] ?? ItemCount(compliant: 0, answered: 0)
            count.answered += sign
            if outcome.compliant { count.compliant += sign }
            items[cell] = count
        }
    }

    /// Both contributions together (an amendment: the old one taken away, the new one added).
    public func adding(_ other: RollupContribution) -> RollupContribution {
        var sum = self
        for (key, files) in other.grades { sum.grades[key, default: 0] += files }
        for (key, count) in other.items {
            let mine = sum.items[key] ?? ItemCount(compliant: 0, answered: 0)
            sum.items[key] = ItemCount(
                compliant: mine.compliant + count.compliant, answered: mine.answered + count.answered)
        }
        return sum
    }
}
