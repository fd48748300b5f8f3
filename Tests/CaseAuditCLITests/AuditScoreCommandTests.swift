import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `audit score --answers`: a paper audit keyed in bulk, in-process against a real SQLite file.
@Suite struct AuditScoreCommandTests {
    let folder: TemporaryDirectory
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        database = "\(folder.path)/test.sqlite"
    }

    func run(_ arguments: [String]) -> CommandResult {
        CommandRunner.run(arguments + ["--database", database, "--dir", Fixtures.shippedChecklistsDirectory], today: "2026-11-21")
    }

    /// Imports the demo council, draws December's sample and returns one allocated file.
    func drawnFile() throws -> (reference: String, auditor: String) {
        #expect(CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", database]).status == 0)
        #expect(CommandRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv", "--database", database]).status == 0)
        #expect(run(["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "3"]).status == 0)
        let listed = CommandRunner.run(["audit", "list", "--format", "json", "--database", database]).output
        let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let first = try #require(all.first)
        return (try #require(first["caseReference"] as? String), try #require(first["auditorID"] as? String))
    }

    /// The best answer to every item asked, in order, as CSV rows.
    func bestAnswers() throws -> [String] {
        let checklist = try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml").checklist
        var session = ScoringSession(checklist: checklist)
        var rows: [String] = []
        while let item = session.nextItem, rows.count <= checklist.itemCount {
            let scale = try #require(checklist.scale(for: item))
            let best = try #require(scale.options.first { $0.counts && $0.score == scale.maximumScore })
            try session.answer(item.id, value: best.value)
            rows.append("\(item.id),\(best.value),")
        }
        return rows
    }

    func sheet(_ name: String, _ rows: [String]) throws -> String {
        let path = "\(folder.path)/\(name)"
        try Data((["item,answer,note"] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func entersAPaperAuditInPartsAndResumesWhereItStopped() throws {
        let file = try drawnFile()
        let rows = try bestAnswers()
        let first = run(["audit", "score", file.reference, "--auditor", file.auditor, "--answers", try sheet("part1.csv", Array(rows.prefix(3)))])
        #expect(first.status == 0)
        #expect(first.output.contains("Recorded 3 answers for case \(file.reference)"))
        // Items whose condition needs a later answer are not asked yet, so "of" counts fewer.
        #expect(first.output.contains(": 3 of "))
        #expect(first.output.contains("Next unanswered item: \(rows[3].split(separator: ",")[0])"))
        let listed = CommandRunner.run(["audit", "list", "--auditor", file.auditor, "--database", database]).output
        #expect(listed.split(separator: "\n").contains { $0.contains(file.reference) && $0.hasSuffix("in-progress") })

        let rest = run(["audit", "score", file.reference, "--auditor", file.auditor, "--answers", try sheet("part2.csv", Array(rows.dropFirst(3)))])
        #expect(rest.status == 0)
        #expect(rest.output.contains("\(rows.count) of \(rows.count) asked items answered"))
        #expect(rest.output.contains("Computed grade: Outstanding (score 100%)"))
    }

    @Test func aBadSheetNamesEveryRowAndKeepsNothing() throws {
        let file = try drawnFile()
        let rows = try bestAnswers()
        let item = rows[0].split(separator: ",")[0]
        let bad = try sheet("bad.csv", [rows[0], "no-such-item,yes,", "\(item),no,", rows[1].replacingOccurrences(of: ",yes,", with: ",maybe,")])
        let refused = run(["audit", "score", file.reference, "--auditor", file.auditor, "--answers", bad])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("bad.csv:3:1: error: the checklist has no item 'no-such-item'"))
        #expect(refused.errors.contains("bad.csv:4:1: error: item '\(item)' is answered twice (first on line 2)"))
        #expect(refused.errors.contains("bad.csv:5:2: error: 'maybe' is not an answer to item"))

        // Nothing of the refused sheet was kept: one good answer makes one answered item.
        let good = run(["audit", "score", file.reference, "--auditor", file.auditor, "--answers", try sheet("good.csv", [rows[0]])])
        #expect(good.status == 0)
        #expect(good.output.contains("1 of "))
    }

    @Test func refusesAFileAllocatedToSomeoneElseOrNeverDrawn() throws {
        let file = try drawnFile()
        let answers = try sheet("one.csv", [try bestAnswers()[0]])
        let other = run(["audit", "score", file.reference, "--auditor", "someone-else", "--answers", answers])
        #expect(other.status == 1)
        #expect(other.errors.contains("is allocated to \(file.auditor), not someone-else"))
        let undrawn = run(["audit", "score", "NOT-DRAWN-1", "--auditor", file.auditor, "--answers", answers])
        #expect(undrawn.status == 1)
        #expect(undrawn.errors.contains("case 'NOT-DRAWN-1' is not allocated in any sample"))
    }
}
