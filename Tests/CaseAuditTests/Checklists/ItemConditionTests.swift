import Testing

@testable import CaseAudit

@Suite struct ItemConditionTests {
    @Test func parsesTheDocumentedForms() throws {
        #expect(try ItemCondition.parse("seen-alone = no").clauses == [.init(itemID: "seen-alone", values: ["no"])])
        #expect(
            try ItemCondition.parse("seen=yes|partly").clauses == [.init(itemID: "seen", values: ["yes", "partly"])])
        let both = try ItemCondition.parse("seen = yes and alone != yes")
        #expect(
            both.clauses == [
                .init(itemID: "seen", values: ["yes"]), .init(itemID: "alone", isNegated: true, values: ["yes"]),
            ])
        #expect(both.text == "seen = yes and alone != yes")
    }

    @Test(arguments: [
        "", "seen", "seen yes", "seen = ", "= yes", "seen = yes or x = y", "seen = yes and", "seen ! yes",
        "seen = yes|",
    ])
    func refusesMalformedConditions(text: String) {
        #expect(throws: ItemCondition.SyntaxError.self) { try ItemCondition.parse(text) }
    }

    @Test func holdsOnlyForMatchingAnswers() throws {
        let condition = try ItemCondition.parse("seen = yes|partly and alone != yes")
        #expect(condition.holds { ["seen": "yes", "alone": "no"][$0] })
        #expect(condition.holds { ["seen": "partly", "alone": "na"][$0] })
        #expect(!condition.holds { ["seen": "no", "alone": "no"][$0] })
        #expect(!condition.holds { ["seen": "yes", "alone": "yes"][$0] })
    }

    @Test func doesNotHoldWhenTheEarlierItemHasNoAnswer() throws {
        #expect(!(try ItemCondition.parse("seen = yes")).holds { _ in nil })
        #expect(!(try ItemCondition.parse("seen != yes")).holds { _ in nil })
    }
}
