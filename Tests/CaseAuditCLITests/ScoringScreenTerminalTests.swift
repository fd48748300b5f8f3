import CaseAudit
import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The scoring screen as an auditor uses it: the real binary on a real pseudo-terminal, keys
/// typed, the screen read back, the process killed at any point and started again.
@Suite(.serialized, .tags(.terminal)) struct ScoringScreenTerminalTests {
    let folder: TemporaryDirectory
    let database: String
    let checklist: Checklist

    init() throws {
        folder = try TemporaryDirectory()
        database = "\(folder.path)/screen.sqlite"
        checklist = try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml")
            .checklist
    }

    /// The demo council with December's Climbié sample drawn: the allocated files.
    func drawnFiles() throws -> [(reference: String, auditor: String, team: String)] {
        // Files with a team (the header shows it), drawn from the teams' strata.
        CommandRunner.importSampleCouncil(into: database)
        let drawn = CommandRunner.run([
            "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed",
            "3",
            "--database", database, "--dir", Fixtures.shippedChecklistsDirectory,
        ])
        #expect(drawn.status == 0)
        let listed = CommandRunner.run(["audit", "list", "--format", "json", "--database", database]).output
        let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let files = try all.compactMap { entry -> (String, String, String)? in
            guard let team = entry["team"] as? String else { return nil }
            return (try #require(entry["caseReference"] as? String), try #require(entry["auditorID"] as? String), team)
        }
        #expect(files.count >= 8)
        return files
    }

    func score(
        _ reference: String, _ auditor: String, environment: [String: String] = ["NO_COLOR": "1"], columns: Int = 80,
        rows: Int = 24
    )
        throws -> PseudoTerminal
    {
        try PseudoTerminal(
            BinaryRunner.binaryPath,
            [
                "audit", "score", reference, "--on-behalf-of", auditor, "--database", database, "--dir",
                Fixtures.shippedChecklistsDirectory,
            ],
            environment: environment, columns: columns, rows: rows)
    }

    /// Answers the next `count` questions "yes", waiting for the screen to move on each time.
    func answerYes(_ terminal: PseudoTerminal, _ count: Int, session: inout ScoringSession) throws {
        for _ in 0..<count {
            let item = try #require(session.nextItem)
            try session.answer(item.id, value: "yes")
            terminal.type("y")
            try terminal.waitFor("\(session.progress.answered) of \(session.progress.asked) answered")
        }
    }

    func answerCount(_ reference: String) throws -> Int {
        let queue = try DatabaseQueue(path: database)
        return try queue.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM audit_answer JOIN audit ON audit.id = audit_id WHERE case_reference = ?",
                arguments: [reference]) ?? -1
        }
    }

    @Test func scoresAFileFromTheKeyboardToSubmission() throws {
        let file = try #require(try drawnFiles().first)
        let terminal = try score(file.reference, file.auditor)
        let first = try terminal.waitFor("1 of 10 · 0 of 10 answered · Climbié compliance v1.0.0")
        #expect(first.contains("Case \(file.reference)"))
        #expect(first.contains("Team \(file.team)"))
        #expect(first.contains(checklist.items[0].prompt))
        #expect(first.contains("y  Yes") && first.contains("-  Not applicable"))

        // An unknown key is refused with the keys that work; guidance on demand.
        terminal.type("x")
        try terminal.waitFor("'x' is not an answer here: press y, p, n, -")
        terminal.type("G")
        try terminal.waitFor("Guidance:")

        // "partly" needs a note here: the note is asked for before anything is kept.
        terminal.type("p")
        try terminal.waitFor("Partly needs a note")
        terminal.type("\r")
        try terminal.waitFor("needs a note when the answer is 'partly'")
        #expect(try answerCount(file.reference) == 0)
        terminal.type("Named worker on leave\r")
        try terminal.waitFor("2 of 10 · 1 of 10 answered")

        // Back, and change the answer: still one answer, now "yes", the note kept.
        terminal.type("B")
        try terminal.waitFor("> p  Partly  (current answer)")
        terminal.type("y")
        try terminal.waitFor("2 of 10 · 1 of 10 answered")

        var session = ScoringSession(checklist: checklist)
        try session.answer(checklist.items[0].id, value: "yes")
        try answerYes(terminal, 10, session: &session)
        #expect(session.isComplete)
        try terminal.waitFor("Every question is answered")
        try terminal.waitFor("Computed grade: Outstanding (score 100%)")

        // A judgement below the computed grade needs a reason.
        terminal.type("J")
        try terminal.waitFor("Your overall judgement of the file")
        terminal.type("2")
        try terminal.waitFor("differs from the computed grade")
        terminal.type("\r")
        try terminal.waitFor("give the reason")
        terminal.type("Recording is late throughout\r")
        try terminal.waitFor("Judgement kept: good.")

        // An action due in the past is refused; then one due next month is kept.
        terminal.type("A")
        try terminal.waitFor("A new action for the worker")
        terminal.type("Bring the chronology up to date\rtm1\r2020-01-01\r")
        try terminal.waitFor("which is in the past")
        for _ in 0..<10 { terminal.type("\u{7F}") }
        terminal.type("2099-12-31\r")
        try terminal.waitFor("Action kept (1 in all)")

        terminal.type("S")
        try terminal.waitFor("Submit this audit?")
        terminal.type("y")
        try terminal.waitFor("is submitted")
        terminal.type("q")
        let status = try terminal.waitForExit()
        #expect(status == 0)
        try terminal.waitFor("Submitted audit")

        let shown = CommandRunner.run(["audit", "show", "1", "--format", "json", "--database", database])
        #expect(shown.status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        #expect(record["status"] as? String == "submitted")
        #expect(record["computedGrade"] as? String == "outstanding")
        let judgement = try #require(record["judgement"] as? [String: Any])
        #expect(judgement["grade"] as? String == "good")
        #expect(judgement["reason"] as? String == "Recording is late throughout")
        let answers = try #require(record["answers"] as? [[String: Any]])
        #expect(answers.count == 11)
        #expect(answers.first?["value"] as? String == "yes")
        #expect(answers.first?["note"] as? String == "Named worker on leave")
        let actions = try #require(record["actions"] as? [[String: Any]])
        #expect(actions.first?["due"] as? String == "2099-12-31")
    }

    /// Killed with SIGKILL after k answers: exactly k are kept, the database is sound, and the
    /// same command resumes at question k + 1.
    @Test(arguments: [0, 1, 4, 8])
    func killedMidAuditResumesWithNothingLost(answered k: Int) throws {
        let files = try drawnFiles()
        let file = files[k % files.count]
        var session = ScoringSession(checklist: checklist)
        let terminal = try score(file.reference, file.auditor)
        try terminal.waitFor("0 of 10 answered")
        try answerYes(terminal, k, session: &session)
        terminal.signal(SIGKILL)
        let status = try terminal.waitForExit()
        #expect(status & 0x7F == SIGKILL)

        #expect(try answerCount(file.reference) == k)
        let check = try DatabaseQueue(path: database).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(check == ["ok"])

        let resumed = try score(file.reference, file.auditor)
        let next = try #require(session.nextItem)
        let position = try #require(session.askedItems.firstIndex { $0.id == next.id }) + 1
        let screen = try resumed.waitFor(
            "\(position) of \(session.progress.asked) · \(k) of \(session.progress.asked) answered")
        #expect(screen.contains(next.prompt.split(separator: " ").prefix(4).joined(separator: " ")))
        if k > 0 { #expect(screen.contains("Resumed: \(k) answer")) }
        resumed.type("Q")
        #expect(try resumed.waitForExit() == 0)
        #expect(try answerCount(file.reference) == k)
    }

    /// Every way the process is told to stop puts the terminal back (cooked mode, echo, the
    /// main screen) and says what was saved and how to resume, then dies of the signal. The
    /// answers given before are kept.
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func restoresTheTerminalOnSignals(_ signal: Int32) throws {
        let file = try #require(try drawnFiles().first)
        let terminal = try score(file.reference, file.auditor)
        try terminal.waitFor("0 of 10 answered")
        #expect(terminal.settings.c_lflag & tcflag_t(ICANON | ECHO) == 0)
        var session = ScoringSession(checklist: checklist)
        try answerYes(terminal, 2, session: &session)
        terminal.signal(signal)
        let status = try terminal.waitForExit()
        #expect(status & 0x7F == signal)
        #expect(terminal.settings.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == tcflag_t(ICANON | ECHO | ISIG))
        let transcript = String(decoding: terminal.transcript, as: UTF8.self)
        let afterScreen = try #require(transcript.range(of: "\u{1B}[?1049l", options: .backwards)).upperBound
        #expect(
            transcript[afterScreen...].contains(
                "Saved audit 1 of case \(file.reference): 2 of 10 asked items answered. Resume with: caseaudit audit score \(file.reference) --on-behalf-of \(file.auditor)"
            ))
        #expect(transcript[afterScreen...].contains("--database "))
        #expect(try answerCount(file.reference) == 2)
    }

    @Test func quitsWithQAndSaysHowToResume() throws {
        let file = try #require(try drawnFiles().first)
        let terminal = try score(file.reference, file.auditor)
        try terminal.waitFor("0 of 10 answered")
        terminal.type("y\u{03}")
        #expect(try terminal.waitForExit() == 0)
        try terminal.waitFor("Saved audit 1 of case \(file.reference): 1 of 10 asked items")
        #expect(terminal.settings.c_lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
    }

    @Test func redrawsOnResizeAndCopesWithNarrowTerminals() throws {
        let file = try #require(try drawnFiles().first)
        let terminal = try score(file.reference, file.auditor)
        try terminal.waitFor("0 of 10 answered")
        terminal.resize(columns: 120, rows: 30)
        try terminal.waitFor(String(repeating: "─", count: 120))
        // Narrower than 80: the text wraps and the keys still work.
        terminal.resize(columns: 50, rows: 20)
        let narrow = try terminal.waitUntil("a 50-column redraw") { screen in
            screen.contains("0 of 10 answered") && !screen.contains(String(repeating: "─", count: 51))
        }
        #expect(!narrow.split(separator: "\n").isEmpty)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 50 })
        terminal.type("y")
        try terminal.waitFor("1 of 10 answered")
        // Too small to use: a clear message, and only Q works (an answer key is not taken).
        terminal.resize(columns: 30, rows: 10)
        try terminal.waitFor("The terminal is 30×10")
        terminal.type("yQ")
        #expect(try terminal.waitForExit() == 0)
        #expect(try answerCount(file.reference) == 1)
    }

    @Test func usesColourOnlyWithoutNoColour() throws {
        let files = try drawnFiles()
        let plain = try score(files[0].reference, files[0].auditor, environment: ["NO_COLOR": "1"])
        try plain.waitFor("0 of 10 answered")
        plain.type("Q")
        try plain.waitForExit()
        #expect(!String(decoding: plain.transcript, as: UTF8.self).contains("\u{1B}[7m"))

        let coloured = try score(files[1].reference, files[1].auditor, environment: [:])
        try coloured.waitFor("0 of 10 answered")
        coloured.type("Q")
        try coloured.waitForExit()
        #expect(String(decoding: coloured.transcript, as: UTF8.self).contains("\u{1B}[7m"))
    }

    /// A second session on the same audit is refused while the first is open, and a paper
    /// sheet keyed afterwards sees the first session's answers rather than overwriting them.
    @Test func aSecondSessionIsRefusedWhileTheFirstIsOpen() throws {
        let file = try #require(try drawnFiles().first)
        let first = try score(file.reference, file.auditor)
        try first.waitFor("0 of 10 answered")
        var session = ScoringSession(checklist: checklist)
        try answerYes(first, 2, session: &session)

        let second = try score(file.reference, file.auditor)
        #expect(try second.waitForExit() == 1 << 8)
        try second.waitFor("is open in another session")
        let sheet = "\(folder.path)/paper.csv"
        try Data("item,answer,note\n\(checklist.items[2].id),yes,\n".utf8).write(to: URL(fileURLWithPath: sheet))
        let (keyed, _) = try BinaryRunner.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", sheet, "--database",
            database,
            "--dir", Fixtures.shippedChecklistsDirectory,
        ])
        #expect(keyed.status == 1)
        #expect(keyed.errors.contains("is open in another session"))

        first.type("Q")
        #expect(try first.waitForExit() == 0)
        let (after, _) = try BinaryRunner.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", sheet, "--database",
            database,
            "--dir", Fixtures.shippedChecklistsDirectory,
        ])
        #expect(after.status == 0)
        #expect(after.output.contains("Recorded 1 answer"))
        #expect(try answerCount(file.reference) == 3)
    }

    @Test func refusesTheScreenWhenInputIsNotATerminal() throws {
        let file = try #require(try drawnFiles().first)
        let (result, _) = try BinaryRunner.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--database", database,
        ])
        #expect(result.status == 1)
        #expect(result.errors.contains("standard input is not a terminal"))
        #expect(result.errors.contains("--answers FILE"))
    }
}
