/// The quality reports' building blocks: submitted audits counted by everything the reports
/// group by. The store keeps these up to date as audits are submitted and amended (so a month's
/// report reads a few thousand cells, not every answer); `from(records:)` makes the same cells
/// from audits one by one.
public struct GradeCell: Sendable, Hashable {
    public var month: AuditMonth
    public var checklistID: String
    public var checklistHash: String
    public var team: String?
    public var caseType: CaseType?
    /// The auditor's level when they submitted.
    public var auditorLevel: ManagerLevel?
    public var judgement: String
    public var computedGrade: String?
    public var inclusionProbability: Double
    public var files: Int

    public init(
        month: AuditMonth, checklistID: String, checklistHash: String, team: String?, caseType: CaseType?,
        auditorLevel: ManagerLevel?,
        judgement: String, computedGrade: String?, inclusionProbability: Double, files: Int
    ) {
        self.month = month
        self.checklistID = checklistID
        self.checklistHash = checklistHash
        self.team = team
        self.caseType = caseType
        self.auditorLevel = auditorLevel
        self.judgement = judgement
        self.computedGrade = computedGrade
        self.inclusionProbability = inclusionProbability
        self.files = files
    }
}

/// One item's answers that count, and how many of them had the scale's best score.
public struct ItemCell: Sendable, Hashable {
    public var checklistHash: String
    public var team: String?
    public var caseType: CaseType?
    public var auditorLevel: ManagerLevel?
    public var item: String
    public var compliant: Int
    public var answered: Int

    public init(
        checklistHash: String, team: String?, caseType: CaseType?, auditorLevel: ManagerLevel?, item: String,
        compliant: Int, answered: Int
    ) {
        self.checklistHash = checklistHash
        self.team = team
        self.caseType = caseType
        self.auditorLevel = auditorLevel
        self.item = item
        self.compliant = compliant
        self.answered = answered
    }
}

/// An asked item whose answer counts (not "not applicable"), and whether it has the scale's
/// best score: what a submitted audit adds to the item roll-ups.
public struct ItemOutcome: Sendable, Hashable {
    public var item: String
    public var compliant: Bool

    public init(item: String, compliant: Bool) {
        self.item = item
        self.compliant = compliant
    }
}

extension ScoringSession {
    /// The asked items' answers that count, in checklist order.
    public var outcomes: [ItemOutcome] {
        askedItems.compactMap { item in
            guard let answer = answers[item.id], let scale = checklist.scale(for: item),
                let option = scale.option(value: answer.value),
                option.counts
            else { return nil }
            return ItemOutcome(item: item.id, compliant: (option.score ?? 0) >= scale.maximumScore)
        }
    }
}

public enum QualityCells {
    /// The cells for audits one by one (auditor levels from `levels`).
    public static func from(_ records: [QualityRecord], checklists: [String: Checklist], levels: [String: ManagerLevel])
        -> (grades: [GradeCell], items: [ItemCell])
    {
        var grades: [GradeCell: Int] = [:]
        var items: [ItemCell: (Int, Int)] = [:]
        for record in records {
            let level = levels[record.auditorID]
            let key = GradeCell(
                month: record.month, checklistID: record.checklistID, checklistHash: record.checklistHash,
                team: record.team,
                caseType: record.caseType, auditorLevel: level, judgement: record.judgement,
                computedGrade: record.computedGrade,
                inclusionProbability: record.inclusionProbability, files: 0)
            grades[key, default: 0] += 1
            guard let checklist = checklists[record.checklistHash], !record.answers.isEmpty else { continue }
            let session = ScoringSession(
                checklist: checklist, answers: record.answers.map { ItemAnswer(itemID: $0.key, value: $0.value) })
            for outcome in session.outcomes {
                let cell = ItemCell(
                    checklistHash: record.checklistHash, team: record.team, caseType: record.caseType,
                    auditorLevel: level,
                    item: outcome.item, compliant: 0, answered: 0)
                let sums = items[cell, default: (0, 0)]
                items[cell] = (sums.0 + (outcome.compliant ? 1 : 0), sums.1 + 1)
            }
        }
        return (
            grades.map { cell, files in
                var cell = cell
                cell.files = files
                return cell
            },
            items.map { cell, sums in
                var cell = cell
                cell.compliant = sums.0
                cell.answered = sums.1
                return cell
            }
        )
    }
}
