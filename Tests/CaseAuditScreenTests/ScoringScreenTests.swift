import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit
@testable import CaseAuditScreen

/// The scoring screen's keys and drawing, without a terminal (the binary on a pseudo-terminal
/// is tested in CaseAuditCLITests).
@Suite struct ScoringScreenTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!
    static let context = ScreenContext(
        caseReference: "C-1", team: "North", worker: "Worker One", auditID: 7, auditorID: "tm1")

    func screen(_ session: ScoringSession = ScoringSession(checklist: ChecklistSamples.scoring)) -> ScoringScreen {
        ScoringScreen(session: session, context: Self.context, today: Self.today)
    }

    func type(_ text: String, into screen: inout ScoringScreen) -> [ScreenEffect] {
        text.map { character in
            screen.handle(character == "\r" ? .enter : character == "\u{1B}" ? .escape : .character(character))
        }.filter { $0 != .none }
    }

    @Test func answersOnOneKeyAndAsksForANoteWhereTheChecklistNeedsOne() {
        var screen = screen()
        #expect(screen.mode == .question("seen"))
        // "partly" needs a note: nothing is kept until it is written.
        #expect(screen.handle(.character("p")) == .none)
        #expect(screen.mode == .note(item: "seen", value: "partly", text: ""))
        #expect(screen.handle(.enter) == .none)
        #expect(screen.message == "item 'seen' needs a note when the answer is 'partly'")
        #expect(
            type("At school\r", into: &screen) == [
                .record(ItemAnswer(itemID: "seen", value: "partly", note: "At school"))
            ])
        #expect(screen.mode == .question("seen-alone"))
        // Unknown keys are refused with the keys that work.
        #expect(screen.handle(.character("x")) == .none)
        #expect(screen.message?.contains("press y, p, n, -") == true)
        // A command's small letter (not an answer here) says the command is a capital.
        #expect(screen.handle(.character("q")) == .none)
        #expect(
            screen.message
                == "'q' is not an answer here: press y, p, n, -, or Q (a capital) to save and quit; ? for help.")
        #expect(screen.handle(.character("y")) == .record(ItemAnswer(itemID: "seen-alone", value: "yes")))
        #expect(screen.mode == .question("plan"))
    }

    @Test func goesBackAndChangesAnAnswerKeepingItsNote() {
        var screen = screen()
        _ = type("pAt school\r", into: &screen)
        #expect(screen.handle(.left) == .none)
        #expect(screen.mode == .question("seen"))
        #expect(screen.handle(.left) == .none)
        #expect(screen.message == "This is the first question.")
        #expect(screen.handle(.character("y")) == .record(ItemAnswer(itemID: "seen", value: "yes", note: "At school")))
        // Forward over an answered question; not over an unanswered one.
        #expect(screen.mode == .question("seen-alone"))
        #expect(screen.handle(.enter) == .none)
        #expect(screen.message == "This question has no answer yet.")
    }

    @Test func reviewsJudgesWithAReasonAddsAnActionAndSubmits() {
        var screen = screen()
        _ = type("yyy", into: &screen)
        guard case .review = screen.mode else {
            Issue.record("expected the review after the last answer, got \(screen.mode)")
            return
        }
        // Judging below the computed grade asks for the reason.
        #expect(type("J2", into: &screen) == [])
        #expect(screen.mode == .reason(grade: "good", text: ""))
        #expect(type("Thin plan\r", into: &screen) == [.judge(AuditJudgement(grade: "good", reason: "Thin plan"))])
        // An action: what, who, due; a date in the past is refused and can be corrected.
        #expect(type("AUpdate the plan\rsw1\r2026-11-01\r", into: &screen) == [])
        #expect(screen.message == "the action is due 2026-11-01, which is in the past (today is 2026-11-21)")
        for _ in 0..<2 { _ = screen.handle(.backspace) }
        let due = CalendarDate(year: 2026, month: 11, day: 30)!
        #expect(type("30\r", into: &screen) == [.addAction(AuditAction(what: "Update the plan", who: "sw1", due: due))])
        // Submitting asks first; any key but y goes back.
        #expect(type("Sn", into: &screen) == [])
        #expect(screen.message == "Not submitted.")
        #expect(type("Sy", into: &screen) == [.submit(AuditJudgement(grade: "good", reason: "Thin plan"))])
        #expect(screen.mode == .submitted)
    }

    @Test func refusesToSubmitWithQuestionsLeft() {
        var screen = screen()
        _ = type("y", into: &screen)
        #expect(type("S", into: &screen) == [])
        #expect(screen.message == "2 asked items are not answered yet, starting with 'seen-alone'")
    }

    @Test func quitsOnQCtrlCAndWhenTooSmallTakesOnlyQ() {
        var screen = screen()
        #expect(screen.handle(.interrupt) == .quit)
        #expect(screen.handle(.character("Q")) == .quit)
        screen.size = (30, 10)
        #expect(screen.handle(.character("y")) == .none)
        #expect(screen.session.answers.isEmpty)
        #expect(screen.handle(.character("Q")) == .quit)
        #expect(ScoringScreenText.render(screen).map(\.text).joined(separator: " ").contains("The terminal is 30×10"))
    }

    @Test func resumesAtTheFirstUnansweredQuestion() throws {
        var session = ScoringSession(checklist: ChecklistSamples.scoring)
        try session.answer("seen", value: "yes")
        let screen = screen(session)
        #expect(screen.mode == .question("seen-alone"))
        #expect(screen.message == "Resumed: 1 answer kept from before.")
    }

    /// Every mode, at every size from the smallest usable to wide: the frame fits.
    @Test(arguments: [(40, 12), (50, 20), (80, 24), (132, 43)])
    func everyFrameFitsTheTerminal(columns: Int, rows: Int) {
        var screen = screen()
        screen.size = (columns, rows)
        let keys =
            "G?xpA long note that goes on and on, well past the edge of any narrow terminal window\ryyRJ2Reason\rAWhat\rWho\r"
        for character in keys {
            _ = screen.handle(character == "\r" ? .enter : .character(character))
            let lines = ScoringScreenText.render(screen)
            #expect(lines.count <= rows)
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.text.count <= columns }, "\(screen.mode)")
        }
        let header = ScoringScreenText.render(screen).prefix(3).map(\.text).joined(separator: " ")
        #expect(header.contains("C-1"))
    }

    /// The keys wrap between entries, never inside one: "Q save & quit" is never split.
    @Test(arguments: [40, 60, 80, 100])
    func theKeysWrapBetweenEntries(columns: Int) {
        var screen = screen()
        screen.size = (columns, 24)
        let lines = ScoringScreenText.render(screen).map(\.text)
        let rule = lines.lastIndex { $0.hasPrefix("──") }
        let shown = lines[((rule ?? 0) + 1)...]
        // Lines after the first are indented, as the header's are.
        #expect(shown.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(shown)")
        let keys = shown.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(keys.count >= 1 && keys.count <= 4, "\(keys)")
        #expect(keys.contains { $0.contains("Q save & quit") }, "\(keys)")
        #expect(keys.allSatisfy { !$0.hasPrefix("·") && !$0.hasSuffix("·") && !$0.hasSuffix(" Q") }, "\(keys)")
        #expect(keys.joined(separator: " · ") == ScoringScreenText.keys(screen), "\(keys)")
    }

    @Test func framesUseColourOnlyWhenAsked() {
        let screen = screen()
        #expect(ScoringScreenText.frame(screen, colour: true).contains("\u{1B}[7m"))
        #expect(!ScoringScreenText.frame(screen, colour: false).contains("\u{1B}[7m"))
    }

    @Test func decodesKeysArrowsAndSplitSequences() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array("y\r\u{7F}\u{03}".utf8)) == [.character("y"), .enter, .backspace, .interrupt])
        #expect(decoder.decode([0x1B, 0x5B, 0x44, 0x1B, 0x4F, 0x43]) == [.left, .right])
        // An arrow split across two reads, a character split across two reads, a lone Escape.
        #expect(decoder.decode([0x1B, 0x5B]) == [])
        #expect(decoder.decode([0x41]) == [.up])
        #expect(decoder.decode([0xC3]) == [])
        #expect(decoder.decode([0xA9]) == [.character("é")])
        #expect(decoder.decode([0x1B]) == [.escape])
        #expect(decoder.decode([0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43]) == [.right])
    }
}
