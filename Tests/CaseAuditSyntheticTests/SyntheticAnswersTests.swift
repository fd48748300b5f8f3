import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats
@testable import CaseAuditSynthetic

/// The demo's paper-audit sheets: valid for every shipped checklist, the same for the same seed.
@Suite struct SyntheticAnswersTests {
    static let due = CalendarDate(year: 2027, month: 1, day: 31)!
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    @Test(arguments: Fixtures.shippedChecklistNames)
    func everySheetChecksAndIsDemoData(_ name: String) throws {
        let checklist = try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/\(name)").checklist
        let folder = try TemporaryDirectory()
        var grades: Set<String> = []
        for index in 0..<40 {
            let reference = "DEMO-\(index)"
            let sheet = SyntheticAnswers.sheet(
                for: checklist, caseReference: reference, worker: "sw1", due: Self.due, seed: 7)
            let path = try folder.write("\(reference).csv", sheet.csv)
            let checked = try AnswerSheetCSV.read(file: path).check(
                against: ScoringSession(checklist: checklist), today: Self.today)
            #expect(checked.session.isComplete)
            #expect(checked.session.grade.band?.grade == sheet.computedGrade)
            #expect(throws: Never.self) { try checked.session.submission() }
            #expect(!checked.answers.isEmpty)
            #expect(checked.answers.allSatisfy { $0.note.map { $0.hasPrefix("Demo data") } ?? true })
            sheet.computedGrade.map { _ = grades.insert($0) }
            // The same seed and case give the same sheet.
            #expect(
                SyntheticAnswers.sheet(for: checklist, caseReference: reference, worker: "sw1", due: Self.due, seed: 7)
                    .csv == sheet.csv)
        }
        #expect(grades.count >= 2)
    }

    @Test func anUnfinishedSheetStopsHalfWay() throws {
        let checklist = try ChecklistLoader().load(
            file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml"
        ).checklist
        let folder = try TemporaryDirectory()
        let sheet = SyntheticAnswers.sheet(
            for: checklist, caseReference: "DEMO-1", worker: nil, due: Self.due, seed: 7, complete: false)
        let checked = try AnswerSheetCSV.read(file: try folder.write("half.csv", sheet.csv))
            .check(against: ScoringSession(checklist: checklist), today: Self.today)
        #expect(!checked.session.isComplete)
        #expect(checked.answers.count == checklist.itemCount / 2)
    }

    /// A moderator's blind reading of a file already audited keeps most of the first reading's
    /// answers and differs on some (the demo's agreement figures look like a programme's, not
    /// chance), and it is a sheet that checks as any other.
    @Test func aSecondReadingMostlyAgreesWithTheFirst() throws {
        let checklist = try ChecklistLoader().load(
            file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml"
        ).checklist
        let folder = try TemporaryDirectory()
        var same = 0
        var asked = 0
        for index in 0..<40 {
            let reference = "DEMO-\(index)"
            let first = try AnswerSheetCSV.read(
                file: try folder.write(
                    "\(reference)-1.csv",
                    SyntheticAnswers.sheet(
                        for: checklist, caseReference: reference, worker: nil, due: Self.due, seed: 7
                    ).csv)
            ).check(against: ScoringSession(checklist: checklist), today: Self.today).answers
            let second = try AnswerSheetCSV.read(
                file: try folder.write(
                    "\(reference)-2.csv",
                    SyntheticAnswers.sheet(
                        for: checklist, caseReference: reference, worker: nil, due: Self.due, seed: 14,
                        secondReadingOf: first
                    ).csv)
            ).check(against: ScoringSession(checklist: checklist), today: Self.today)
            #expect(second.session.isComplete)
            let firstValues = Dictionary(first.map { ($0.itemID, $0.value) }, uniquingKeysWith: { a, _ in a })
            for answer in second.answers where firstValues[answer.itemID] != nil {
                asked += 1
                if firstValues[answer.itemID] == answer.value { same += 1 }
            }
        }
        #expect(asked >= 40 * 10)
        #expect(same * 100 >= asked * 85)
        #expect(same < asked)
    }
}
