import Testing

@testable import CaseAudit

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2025-03-31", "2025-03-31"), ("31/03/2025", "2025-03-31"), ("1/2/2024", "2024-02-01"),
        ("2024-02-29T10:00:00", "2024-02-29"), ("2024-02-29 10:00", "2024-02-29"),
    ])
    func parsesTheFormsExportsUse(text: String, iso: String) {
        #expect(CalendarDate(parsing: text)?.description == iso)
    }

    @Test(arguments: ["2025-02-29", "31/04/2025", "2025/03/31", "03-31-2025", "yesterday", "", "12/2025", "25-03-31"])
    func refusesWhatIsNotADate(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func countsDaysAcrossMonthsYearsAndLeapDays() throws {
        let date = try #require(CalendarDate(year: 2024, month: 2, day: 28))
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(date.adding(days: -59).description == "2023-12-31")
        #expect(date.adding(days: 366).description == "2025-02-28")
        #expect(try #require(CalendarDate(year: 1970, month: 1, day: 1)).dayNumber == 0)
        for offset in stride(from: -800, through: 800, by: 37) {
            #expect(date.adding(days: offset).dayNumber == date.dayNumber + offset)
        }
    }
}
