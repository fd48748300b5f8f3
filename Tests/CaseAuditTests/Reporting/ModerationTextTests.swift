import Testing

@testable import CaseAudit
@testable import CaseAuditReports

/// `moderation compare`'s text: where answers alike are graded apart, it says which grade was
/// judged against its answers, and why.
@Suite struct ModerationTextTests {
    static func comparison(secondGrade: String, secondComputed: String, reason: String?) -> ModerationComparison {
        ModerationComparison(
            caseReference: "DEMO-1", checklist: "climbie", version: "1.0.0", original: AuditID(4),
            moderation: AuditID(9), auditorID: "tm1", moderatorID: "sm1", firstGrade: "inadequate",
            secondGrade: secondGrade, firstComputedGrade: "inadequate", secondComputedGrade: secondComputed,
            firstReason: nil, secondReason: reason,
            items: [.init(item: "seen", prompt: "Was the child seen?", first: "no", second: "no")], outcome: nil)
    }

    @Test func aJudgementAgainstTheAnswersIsShownWithItsReason() {
        let text = ModerationText.comparison(
            Self.comparison(
                secondGrade: "requires-improvement", secondComputed: "inadequate", reason: "The plan is sound"))
        #expect(text.contains("Grade: inadequate (first), requires-improvement (moderation)\n"))
        #expect(
            text.contains(
                "Moderation: judged requires-improvement where the answers compute inadequate: The plan is sound\n"))
        #expect(!text.contains("First: judged"))
        #expect(text.contains("Items answered alike: 1 of 1 both answered"))
    }

    @Test func gradesAsTheAnswersComputeNeedNoWord() {
        let text = ModerationText.comparison(
            Self.comparison(secondGrade: "inadequate", secondComputed: "inadequate", reason: nil))
        #expect(text.contains("Grade: inadequate (first), inadequate (moderation): the same\n"))
        #expect(!text.contains("judged"))
    }
}
