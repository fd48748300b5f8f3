import Testing

@testable import CaseAudit

@Suite struct NumberTests {
    @Test(arguments: [(1.0, "1"), (0.5, "0.5"), (0.95, "0.95"), (-2, "-2"), (0.1 + 0.2, "0.30000000000000004")])
    func formatsAsPeopleWrite(value: Double, text: String) {
        #expect(Number.format(value) == text)
    }

    @Test func formatsPercentages() {
        #expect(Number.percent(0.8) == "80%")
        #expect(Number.percent(0.755) == "75.5%")
        // In a table's column, always to a tenth, so that the figures line up.
        #expect(Number.percentToATenth(0.8) == "80.0%")
        #expect(Number.percentToATenth(1) == "100.0%")
        #expect(Number.percentToATenth(0.755) == "75.5%")
        #expect(Number.percentToATenth(0) == "0.0%")
    }

    @Test func comparesVersionsNumberByNumber() {
        #expect(Version("1.9") < Version("1.10"))
        #expect(Version("2") > Version("1.99.99"))
        #expect(!(Version("1.0") < Version("1")))
    }
}
