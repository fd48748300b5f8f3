import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

/// `moderation challenge`: an auditor disputes a grade the moderator changed; a grade the
/// moderator confirmed is the auditor's own, and there is nothing to dispute.
@Suite struct ModerationChallengeCommandTests {
    @Test func aChangedGradeIsChallengedAndAConfirmedOneIsNot() throws {
        let folder = try TemporaryDirectory()
        let database = "\(folder.path)/council.sqlite"
        try DatabaseQueue(path: try DemoFixture.run.get().database).backup(to: try DatabaseQueue(path: database))
        let listed = CommandRunner.run(["moderation", "list", "--format", "json", "--database", database])
        let files = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        func decided(_ decision: String) throws -> (reference: String, auditor: String) {
            let file = try #require(
                files.first {
                    ($0["outcome"] as? [String: Any])?["decision"] as? String == decision && $0["challenge"] == nil
                })
            return (try #require(file["caseReference"] as? String), try #require(file["auditorID"] as? String))
        }
        func challenge(_ file: (reference: String, auditor: String)) -> CommandResult {
            CommandRunner.run([
                "moderation", "challenge", file.reference, "--reason", "The plan is on the paper file",
                "--on-behalf-of", file.auditor, "--database", database,
            ])
        }
        let confirmed = try decided("confirmed")
        let refused = challenge(confirmed)
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "the moderation of case '\(confirmed.reference)' confirmed its auditor's grade ("), "\(refused.errors)")
        #expect(refused.errors.contains("so there is nothing to challenge"))
        let changed = challenge(try decided("changed"))
        #expect(changed.status == 0, "\(changed.errors)")
        #expect(changed.output.contains("Challenged the moderated grade of case"))
    }
}
