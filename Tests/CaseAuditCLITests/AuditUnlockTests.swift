import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `audit unlock`: a quality lead breaks a hold, with a reason. On a SQLite file a hold ends
/// with its session, so there is never one to break.
@Suite struct AuditUnlockTests {
    @Test func onAFileThereIsNothingToBreak() throws {
        let folder = try TemporaryDirectory()
        let database = "\(folder.path)/caseaudit.sqlite"
        func run(_ arguments: [String]) -> CommandResult { CommandRunner.run(arguments + ["--database", database]) }
        let files = try CommandRunner.drawSampleCouncil(into: database, seed: 3)
        let file = try #require(files.first)
        #expect(
            run([
                "audit", "score", try #require(file["caseReference"] as? String), "--on-behalf-of",
                try #require(file["auditorID"] as? String), "--answers", try AnswerSheets.best(in: folder), "--dir",
                Fixtures.shippedChecklistsDirectory,
            ]).status == 0)
        let unlocked = run(["audit", "unlock", "1", "--reason", "left open on a laptop"])
        #expect(unlocked.status == 0)
        #expect(unlocked.output == "Nobody holds audit 1: there is nothing to break.\n")
        #expect(run(["audit", "unlock", "1", "--reason", " "]).status == 2)
        let unknown = run(["audit", "unlock", "99", "--reason", "typo"])
        #expect(unknown.status == 1 && unknown.errors.contains("there is no audit 99"))
    }
}
