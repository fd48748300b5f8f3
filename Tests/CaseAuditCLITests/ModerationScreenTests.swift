import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// Blind second scoring as a moderator does it: the real binary on a pseudo-terminal, the first
/// audit's notes, judgement and reason nowhere on the moderator's screen, list or JSON until
/// their own scoring is submitted; then both side by side.
@Suite(.serialized, .tags(.terminal)) struct ModerationScreenTests {
    static let secretNote = "FIRST-AUDIT-NOTE-7Q"
    static let secretReason = "FIRST-REASON-9Z"

    @Test func theModeratorsScreenNeverShowsTheFirstAudit() throws {
        let screens = try ScoringScreenTerminalTests()
        let database = screens.database
        let files = try screens.drawnFiles()
        let file = try #require(files.first)
        // The first audit: every asked item at its lowest answer, each with a note, judged
        // inadequate with a reason.
        var session = ScoringSession(checklist: screens.checklist)
        var rows = ["item,answer,note"]
        while let item = session.nextItem {
            let scale = try #require(screens.checklist.scale(for: item))
            let low = try #require(scale.options.filter(\.counts).min { ($0.score ?? 0) < ($1.score ?? 0) })
            try session.answer(item.id, value: low.value, note: Self.secretNote)
            rows.append("\(item.id),\(low.value),\(Self.secretNote)")
        }
        rows.append("#judgement,inadequate,\(Self.secretReason),,")
        let sheet = try screens.folder.write("first.csv", rows.joined(separator: "\n") + "\n")
        let first = CommandRunner.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", sheet, "--submit",
            "--database", database, "--dir", Fixtures.shippedChecklistsDirectory,
        ])
        #expect(first.status == 0, "\(first.errors)")
        let drawn = CommandRunner.run([
            "moderation", "draw", "--month", "2026-12", "--rule", "inadequate,0%", "--seed", "1", "--format", "json",
            "--database", database,
        ])
        #expect(drawn.status == 0, "\(drawn.errors)")
        let draw = try JSONDecoder().decode(ModerationDraw.self, from: Data(drawn.output.utf8))
        let moderated = try #require(draw.files.first)
        #expect(draw.files.count == 1 && moderated.caseReference == file.reference)
        let moderator = try #require(moderated.moderatorID)

        func leaks(_ text: String) -> Bool {
            text.contains(Self.secretNote) || text.contains(Self.secretReason)
                || text.lowercased().contains("inadequate")
        }
        let listed = CommandRunner.run(["moderation", "list", "--format", "json", "--database", database]).output
        #expect(listed.contains(file.reference) && !leaks(listed))

        let terminal = try PseudoTerminal(
            BinaryRunner.binaryPath,
            [
                "audit", "score", file.reference, "--moderation", "--on-behalf-of", moderator, "--database", database,
            ],
            environment: ["NO_COLOR": "1"], columns: 100, rows: 30)
        try terminal.waitFor("0 of 10 answered")
        #expect(!leaks(String(decoding: terminal.transcript, as: UTF8.self)))
        // Not before it is submitted: the comparison is refused.
        let early = CommandRunner.run([
            "moderation", "compare", file.reference, "--on-behalf-of", moderator, "--database", database,
        ])
        #expect(early.status == 1 && early.errors.contains("not submitted yet"), "\(early.errors)")
        var own = ScoringSession(checklist: screens.checklist)
        while own.nextItem != nil { try screens.answerYes(terminal, 1, session: &own) }
        try terminal.waitFor("Every question is answered")
        terminal.type("S")
        try terminal.waitFor("Submit this audit?")
        terminal.type("y")
        try terminal.waitFor("is submitted")
        terminal.type("q")
        #expect(try terminal.waitForExit() == 0)
        let screen = String(decoding: terminal.transcript, as: UTF8.self)
        #expect(screen.contains("Case \(file.reference)") && !leaks(screen), "the first audit leaked onto the screen")

        let compared = CommandRunner.run([
            "moderation", "compare", file.reference, "--on-behalf-of", moderator, "--database", database,
        ])
        #expect(compared.status == 0, "\(compared.errors)")
        #expect(compared.output.contains("Grade: inadequate (first), outstanding (moderation)"))
        #expect(compared.output.contains("moderation outcome"))
        // The file's holder is a quality lead, who sees any moderated file without naming its
        // moderator (and is not offered the moderator's next step).
        let asLead = CommandRunner.run(["moderation", "compare", file.reference, "--database", database])
        #expect(asLead.status == 0, "\(asLead.errors)")
        #expect(asLead.output.contains("Grade: inadequate (first), outstanding (moderation)"))
        #expect(asLead.output.contains("by \(moderator)") && !asLead.output.contains("moderation outcome"))
        let none = CommandRunner.run(["moderation", "compare", "NO-SUCH-CASE", "--database", database])
        #expect(none.status == 1)
        #expect(none.errors.contains("case 'NO-SUCH-CASE' has no audit drawn for moderation"), "\(none.errors)")
    }
}
