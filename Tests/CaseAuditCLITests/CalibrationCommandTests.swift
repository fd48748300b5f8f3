import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `moderation calibration` and `audit score --calibration` on a copy of the demo council.
@Suite struct CalibrationCommandTests {
    @Test func eachAuditorIsSetAgainstTheGroup() throws {
        let (folder, database) = try ModerationDrawCommandTests().demoCopy()
        let listed = CommandRunner.run(["audit", "list", "--format", "json", "--database", database]).output
        let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let files = all.filter { $0["month"] as? String == "2026-11" && $0["status"] as? String == "submitted" }
            .compactMap { $0["caseReference"] as? String }.prefix(2)
        #expect(files.count == 2)
        let created = CommandRunner.run(
            ["moderation", "calibration", "create", "tm-day", "--month", "2026-11"]
                + files.flatMap { ["--case", $0] } + ["--auditors", "tm1,tm2,tm3", "--database", database])
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("caseaudit audit score CASE --calibration tm-day"))
        let again = CommandRunner.run(
            [
                "moderation", "calibration", "create", "tm-day", "--month", "2026-11", "--case",
                files[files.startIndex],
                "--auditors", "tm1,tm2", "--database", database,
            ])
        #expect(again.status == 1 && again.errors.contains("calibration exercise 'tm-day' exists"))
        // Before anyone has scored, the lead sees whom each file waits for, and no grade of a group.
        let unscored = CommandRunner.run(["moderation", "calibration", "show", "tm-day", "--database", database])
        #expect(
            unscored.output.contains("no scoring submitted yet (waiting for tm1, tm2, tm3)\n"), "\(unscored.output)")
        #expect(!unscored.output.contains("most of the group"))

        // tm1 and tm2 find everything in place; tm3 finds no up-to-date chronology.
        let best = try AnswerSheets.best(in: folder)
        let text = try String(contentsOfFile: best, encoding: .utf8)
        let lowered = try folder.write(
            "chronology.csv",
            text.replacingOccurrences(of: "\nchronology,yes,", with: "\nchronology,no,Not kept up to date"))
        for (person, sheet) in [("tm1", best), ("tm2", best), ("tm3", lowered)] {
            for file in files {
                let scored = CommandRunner.run([
                    "audit", "score", file, "--calibration", "tm-day", "--on-behalf-of", person, "--answers", sheet,
                    "--submit", "--database", database,
                ])
                #expect(scored.status == 0, "\(scored.errors)")
            }
        }
        let outsider = CommandRunner.run([
            "audit", "score", files[files.startIndex], "--calibration", "tm-day", "--on-behalf-of", "tm4",
            "--answers", best, "--database", database,
        ])
        #expect(outsider.status == 1 && outsider.errors.contains("tm4 does not score case"))

        let shown = CommandRunner.run(["moderation", "calibration", "show", "tm-day", "--database", database])
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.contains("Calibration exercise tm-day: 3 auditors (tm1, tm2, tm3), 2 files"))
        let json = CommandRunner.run(
            ["moderation", "calibration", "show", "tm-day", "--format", "json", "--database", database])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let first = try #require((result["files"] as? [[String: Any]])?.first)
        #expect(first["groupGrade"] as? String == "outstanding")
        let people = try #require(first["participants"] as? [[String: Any]])
        let tm3 = try #require(people.first { $0["person"] as? String == "tm3" })
        #expect(tm3["itemsAsGroup"] as? Int == (tm3["itemsWithGroupAnswer"] as? Int ?? 0) - 1)
        let chronology = try #require(
            (first["items"] as? [[String: Any]])?.first { $0["item"] as? String == "chronology" })
        #expect(chronology["groupAnswer"] as? String == "yes")
        #expect((chronology["answers"] as? [String: String])?["tm3"] == "no")
        // The scorings count in no report: the month's summary is as it was.
        let records = CommandRunner.run(["audit", "list", "--format", "json", "--database", database]).output
        #expect(records == listed)
    }
}
