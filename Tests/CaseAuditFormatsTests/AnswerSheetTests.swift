import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditFormats

/// Paper audits keyed in bulk: CSV and JSON read into one sheet, checked whole.
@Suite struct AnswerSheetTests {
    let folder: TemporaryDirectory
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    init() throws { folder = try TemporaryDirectory() }

    func file(_ name: String, _ text: String) throws -> String {
        try folder.write(name, text)
    }

    func check(_ sheet: AnswerSheet) throws(InputError) -> AnswerSheet.Checked {
        try sheet.check(against: ScoringSession(checklist: ChecklistSamples.scoring), today: Self.today)
    }

    func problems(_ sheet: AnswerSheet) -> [String] {
        do {
            _ = try check(sheet)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func readsAnswersJudgementAndActionsFromCSV() throws {
        let path = try file(
            "paper.csv",
            """
            item,answer,note,who,due
            seen,partly,Seen at school,,
            seen-alone,yes,,,
            plan,yes,,,
            #judgement,good,Seen only at school,,
            #action,See the child at home,,sw1,2026-12-15

            """)
        let checked = try check(try AnswerSheetCSV.read(file: path))
        #expect(checked.answers.map(\.itemID) == ["seen", "seen-alone", "plan"])
        #expect(checked.session.isComplete)
        #expect(checked.judgement == AuditJudgement(grade: "good", reason: "Seen only at school"))
        #expect(
            checked.actions == [
                AuditAction(what: "See the child at home", who: "sw1", due: CalendarDate(parsing: "2026-12-15")!)
            ])
    }

    @Test func reportsEveryProblemWithItsLineAndColumn() throws {
        let path = try file(
            "bad.csv",
            """
            item,answer,note,who,due
            seen,yes,,,
            voice,yes,,,
            seen,no,,,
            ghost,yes,,,
            plan,maybe,,,
            #judgement,requires-improvement,,,
            #action,Update the plan,,,2026-01-01
            #action,Review,,tm1,
            #memo,x,,,

            """)
        #expect(
            problems(try AnswerSheetCSV.read(file: path)) == [
                "3:1: item 'voice' is not asked: the answers so far skip it (its condition does not hold)",
                "4:1: item 'seen' is answered twice (first on line 2)",
                "5:1: the checklist has no item 'ghost'",
                "6:2: 'maybe' is not an answer to item 'plan' (answers: yes, partly, no, na)",
                "7:3: the judgement 'requires-improvement' differs from the computed grade 'outstanding': give the reason",
                "8:4: the action does not say who is to do it",
                "8:5: the action is due 2026-01-01, which is in the past (today is 2026-11-21)",
                "9:5: the action has no due date",
                "10:1: '#memo' is not a row kind: rows are item answers, #judgement or #action",
            ])
    }

    @Test func anActionDueInThePastIsRefused() throws {
        let path = try file(
            "past.csv", "item,answer,note,who,due\nseen,yes,,,\nseen-alone,yes,,,\n#action,Update,,tm1,2026-11-20\n")
        #expect(
            problems(try AnswerSheetCSV.read(file: path)) == [
                "4:5: the action is due 2026-11-20, which is in the past (today is 2026-11-21)"
            ])
    }

    @Test func readsJSONAndNamesTheLineOfEachEntry() throws {
        let good = try file(
            "paper.json",
            """
            {
              "answers": [
                { "item": "seen", "answer": "yes" },
                { "item": "seen-alone", "answer": "yes" },
                { "item": "plan", "answer": "partly", "note": "Out of date" }
              ],
              "judgement": { "grade": "good", "reason": "The plan is being rewritten" },
              "actions": [ { "what": "Rewrite the plan", "who": "sw1", "due": "2026-12-01" } ]
            }
            """)
        let checked = try check(try AnswerSheetJSON.read(file: good))
        #expect(checked.answers.count == 3)
        #expect(checked.judgement?.grade == "good")
        #expect(checked.actions.first?.due == CalendarDate(year: 2026, month: 12, day: 1))

        let bad = try file(
            "bad.json",
            """
            {
              "answers": [
                { "item": "seen", "answer": "yes" },
                { "item": "seen", "answer": "no" },
                { "answer": "yes" }
              ],
              "actions": [ { "what": "Rewrite the plan", "who": "sw1", "due": "next week" } ]
            }
            """)
        #expect(
            problems(try AnswerSheetJSON.read(file: bad)) == [
                "4:0: item 'seen' is answered twice (first on line 3)",
                "5:0: answers[2] has no \"item\"",
                "7:0: 'next week' is not a date: expected YYYY-MM-DD",
            ])
    }

    @Test func refusesJSONThatIsNotAnAnswersFile() throws {
        let broken = try file("broken.json", "{ \"answers\": [ { \"item\": \"seen\", ")
        #expect(throws: InputError.self) { try AnswerSheetJSON.read(file: broken) }
        let empty = try file("empty.json", "{}")
        #expect(
            problems(try AnswerSheetJSON.read(file: empty)) == [
                "1:0: the file has none of \"answers\", \"judgement\" and \"actions\""
            ])
    }
}
