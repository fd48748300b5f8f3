import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `sample reallocate`: a quality lead moves a drawn file, with a reason, never into the new
/// auditor's own line, and never once it is submitted.
@Suite struct ReallocationTests {
    @Test(arguments: CommandEngine.allCases)
    func aFileMovesToAnIndependentAuditorUntilItIsSubmitted(_ engine: CommandEngine) throws {
        let folder = try TemporaryDirectory()
        let database = try engine.newDatabase(in: folder)
        func run(_ arguments: [String]) -> CommandResult { CommandRunner.run(arguments + ["--database", database]) }
        let files = try CommandRunner.drawSampleCouncil(into: database, seed: 3, engine: engine, folder: folder)
        let file = try #require(files.first { $0["team"] is String })
        let reference = try #require(file["caseReference"] as? String)
        let team = try #require(file["team"] as? String)
        let current = try #require(file["auditorID"] as? String)
        let chart = try #require(
            try JSONSerialization.jsonObject(with: Data(run(["org", "show", "--format", "json"]).output.utf8))
                as? [String: Any])
        let people = try #require(chart["people"] as? [[String: Any]])
        let teams = try #require(chart["teams"] as? [[String: Any]])
        let manager = try #require(teams.first { $0["name"] as? String == team }?["managerID"] as? String)
        let worker = try #require(people.first { $0["level"] as? String == "SW" }?["id"] as? String)
        let elsewhere = try #require(
            people.first {
                $0["level"] as? String == "TM" && $0["team"] as? String != team && $0["id"] as? String != current
            }?["id"] as? String)

        let ownLine = run(["sample", "reallocate", reference, "--to", manager, "--reason", "cover"])
        #expect(ownLine.status == 1)
        #expect(ownLine.errors.contains("which is in \(manager)'s own management line"))
        let notAnAuditor = run(["sample", "reallocate", reference, "--to", worker, "--reason", "cover"])
        #expect(notAnAuditor.status == 1 && notAnAuditor.errors.contains("'\(worker)' is not an auditor"))
        #expect(run(["sample", "reallocate", reference, "--to", elsewhere, "--reason", " "]).status == 2)

        let moved = run(["sample", "reallocate", reference, "--to", elsewhere, "--reason", "\(current) is on leave"])
        #expect(moved.status == 0, "\(moved.errors)")
        #expect(
            moved.output.contains(
                "Case \(reference) (sample 1) is now allocated to \(elsewhere), no longer \(current): \(current) is on leave"
            ))
        #expect(run(["audit", "list", "--auditor", elsewhere]).output.contains(reference))
        #expect(!run(["audit", "list", "--auditor", current]).output.contains(reference))

        let sheet = try AnswerSheets.best(in: folder)
        #expect(
            run([
                "audit", "score", reference, "--on-behalf-of", elsewhere, "--answers", sheet, "--submit", "--dir",
                Fixtures.shippedChecklistsDirectory,
            ]).status == 0)
        let late = run(["sample", "reallocate", reference, "--to", current, "--reason", "back from leave"])
        #expect(late.status == 1)
        #expect(
            late.errors.contains(
                "case '\(reference)' was audited by \(elsewhere) and submitted (audit 1), so it is not reallocated; nothing was written"
            ), "\(late.errors)")
        #expect(!late.errors.contains("amend"))
    }
}
