import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `report moderation` and the monthly summary's moderation section, on a copy of the demo
/// council with a month's moderation drawn, scored blind from sheets and decided.
@Suite struct ReportModerationCommandTests {
    /// The month before the demo's own (whose moderation the demo draws itself).
    static let month = "2026-11"

    @Test func publishesTheAgreementAndTheMonthlySummarySaysIt() throws {
        let (folder, database) = try ModerationDrawCommandTests().demoCopy()
        let drawn = CommandRunner.run([
            "moderation", "draw", "--month", Self.month, "--rule", "inadequate,10%", "--seed", "5", "--format", "json",
            "--database", database,
        ])
        #expect(drawn.status == 0, "\(drawn.errors)")
        let draw = try JSONDecoder().decode(ModerationDraw.self, from: Data(drawn.output.utf8))
        let moderated = draw.files.filter { $0.moderatorID != nil }
        #expect(moderated.count >= 5)
        let sheet = try AnswerSheets.best(in: folder)
        for (index, file) in moderated.enumerated() {
            let moderator = try #require(file.moderatorID)
            let scored = CommandRunner.run([
                "audit", "score", file.caseReference, "--moderation", "--on-behalf-of", moderator, "--answers", sheet,
                "--submit", "--database", database,
            ])
            #expect(scored.status == 0, "\(scored.errors)")
            // The first is changed (to another grade than its own), the rest decided as they stand.
            let first = draw.candidates.first { $0.auditID == file.auditID }?.judgement
            let other = first == "good" ? "requires-improvement" : "good"
            let decision = index == 0 ? ["--change-to", other, "--reason", "Supervision is recorded"] : ["--confirm"]
            let decided = CommandRunner.run(
                ["moderation", "outcome", file.caseReference, "--on-behalf-of", moderator] + decision
                    + ["--database", database])
            #expect(decided.status == 0, "\(decided.errors)")
        }
        let out = "\(folder.path)/moderation"
        let report = CommandRunner.run([
            "report", "moderation", "--month", Self.month, "--detail", "-o", out, "--database", database,
        ])
        #expect(report.status == 0, "\(report.errors)")
        #expect(
            report.output.contains("\(moderated.count) files moderated; auditor and moderator gave the same grade in"))
        let markdown = try Fixtures.text("\(out)/moderation.md")
        #expect(markdown.contains("the auditor's grade (rows) against the moderator's (columns)"))
        #expect(markdown.contains("| Auditor's grade | Outstanding | Good | Requires improvement | Inadequate |"))
        #expect(markdown.contains("Cohen's kappa (quadratic)") && markdown.contains("Krippendorff's alpha (ordinal)"))
        let html = try Fixtures.text("\(out)/moderation.html")
        #expect(html.contains("<svg") && html.contains("Moderation outcomes by auditor level"))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/moderation.json")))
            as? [String: Any]
        #expect((json?["files"] as? Int) == moderated.count)
        #expect(json?["figures"] != nil && json?["trailHead"] != nil)
        let csv = try FileManager.default.contentsOfDirectory(atPath: "\(out)/csv")
        #expect(csv.contains("moderation-climbie-compliance-1.0.0-grades.csv"))
        #expect(csv.contains("moderation-climbie-compliance-1.0.0-items.csv"))
        // The grid counts every moderated file once.
        let grid = try Fixtures.text("\(out)/csv/moderation-climbie-compliance-1.0.0-grades.csv")
        let cells = grid.split(separator: "\r\n").dropFirst().flatMap { $0.split(separator: ",").dropFirst() }
        #expect(cells.compactMap { Int($0) }.reduce(0, +) == moderated.count)
        let council = try Fixtures.text("\(out)/csv/moderation-climbie-compliance-1.0.0-council.csv")
        let row = try #require(council.split(separator: "\r\n").last?.split(separator: ",").map(String.init))
        #expect(row.first == "Council" && row[1] == String(moderated.count))
        // One grade changed (better or worse), the rest unchanged, none left undecided.
        #expect(Int(row[4])! + Int(row[5])! == 1 && Int(row[6]) == moderated.count - 1 && row[7] == "0")

        // Published, small groups are withheld; the monthly summary says the month's moderation.
        let published = CommandRunner.run([
            "report", "moderation", "--month", Self.month, "--min-cell", "100", "-o", "\(out)-published",
            "--database", database,
        ])
        #expect(published.output.contains("figures withheld"))
        #expect(try !Fixtures.text("\(out)-published/moderation.md").contains("Cohen's kappa (quadratic)"))
        let monthly = CommandRunner.run([
            "report", "monthly", "--month", Self.month, "--format", "md", "--templates",
            "\(Fixtures.packageRoot)/Reports/templates", "-o", "\(folder.path)/monthly", "--detail", "--database",
            database,
        ])
        #expect(monthly.status == 0, "\(monthly.errors)")
        let summary = try Fixtures.text("\(folder.path)/monthly/summary.md")
        #expect(summary.contains("- **Moderation**: Climbié compliance v1.0.0: \(moderated.count) files moderated"))
        // And the drift: by auditor level and by auditor.
        #expect(summary.contains("### Climbié compliance v1.0.0: by auditor level"))
        #expect(summary.contains("| Auditor | Moderated | Same grade | Agreement | Moved better | Moved worse |"))
    }
}
