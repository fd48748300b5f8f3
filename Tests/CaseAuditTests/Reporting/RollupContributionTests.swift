import CaseAudit
import Testing

/// The roll-ups' arithmetic, computed once in the library: a submission adds its audit, an
/// amendment takes the old version away and adds the new one.
@Suite struct RollupContributionTests {
    func key(_ judgement: String) -> RollupContribution.GradeKey {
        RollupContribution.GradeKey(
            month: "2026-12", checklistID: "c", checklistHash: "sha256:a", team: "A", caseType: "CIN",
            auditorLevel: "TM",
            judgement: judgement, computedGrade: nil, inclusionProbability: 0.5)
    }

    @Test func anAmendmentMovesTheFileAndItsAnswers() {
        let submitted = RollupContribution(
            key("good"),
            outcomes: [ItemOutcome(item: "seen", compliant: true), ItemOutcome(item: "plan", compliant: false)])
        #expect(submitted.grades == [key("good"): 1])
        #expect(submitted.items.count == 2)
        let amendment = RollupContribution(
            key("good"),
            outcomes: [ItemOutcome(item: "seen", compliant: true), ItemOutcome(item: "plan", compliant: false)],
            sign: -1
        ).adding(RollupContribution(key("poor"), outcomes: [ItemOutcome(item: "seen", compliant: false)]))
        let after = submitted.adding(amendment)
        #expect(after.grades[key("good")] == 0)
        #expect(after.grades[key("poor")] == 1)
        let seen = after.items.first { $0.key.item == "seen" }?.value
        #expect(seen == RollupContribution.ItemCount(compliant: 0, answered: 1))
        let plan = after.items.first { $0.key.item == "plan" }?.value
        #expect(plan == RollupContribution.ItemCount(compliant: 0, answered: 0))
        // Absent parts are kept as the roll-ups keep them: "".
        #expect(key("good").computedGrade == "")
    }
}
