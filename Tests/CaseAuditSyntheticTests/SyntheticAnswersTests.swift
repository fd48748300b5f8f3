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
}
