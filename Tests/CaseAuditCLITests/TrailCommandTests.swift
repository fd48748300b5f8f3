import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `log show`, `log export`, and the trail's head in what is published, on both engines.
@Suite struct TrailCommandTests {
    @Test(arguments: CommandEngine.allCases) func theTrailIsShownExportedAndNamedInReports(_ engine: CommandEngine)
        throws
    {
        let folder = try TemporaryDirectory()
        let database = try engine.newDatabase(in: folder)
        let files = try CommandRunner.drawSampleCouncil(into: database, seed: 3, engine: engine, folder: folder)
        #expect(CommandRunner.run(["sample", "redraw", "1"], on: database).status == 0)

        let table = CommandRunner.run(["log", "show"], on: database)
        #expect(table.status == 0)
        for action in [
            "org-chart.imported", "cases.imported", "sample.drawn", "file.allocated", "sample.redraw-checked",
        ] {
            #expect(table.output.contains(action), "\(action)")
        }
        // Imports carry the file's SHA-256 and counts, never a case's content.
        let sha = try #require(ImportSource.sha256(ofFile: "\(Fixtures.packageRoot)/Samples/cases.csv"))
        #expect(table.output.contains(sha))
        let reference = try #require(files.first?["caseReference"] as? String)
        let ofFile = CommandRunner.run(["log", "show", "--case", reference, "--format", "json"], on: database)
        let fileEvents = try #require(
            try JSONSerialization.jsonObject(with: Data(ofFile.output.utf8)) as? [[String: Any]])
        #expect(fileEvents.map { $0["action"] as? String } == ["file.allocated"])
        #expect(CommandRunner.run(["log", "show", "--since", "2999-01-01"], on: database).output == "No events.\n")
        #expect(CommandRunner.run(["log", "show", "--since", "yesterday"], on: database).status == 2)

        // The export: every event with its hashes, as JSON lines or CSV, to a new file only.
        let lines = CommandRunner.run(["log", "export", "--format", "jsonl"], on: database).output
            .split(separator: "\n")
        let lastLine = try #require(lines.last)
        let lastEvent = try #require(try JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any])
        let count = try #require(lastEvent["seq"] as? Int)
        #expect(lines.count == count)
        let csv = "\(folder.path)/trail.csv"
        #expect(CommandRunner.run(["log", "export", "--format", "csv", "--output", csv], on: database).status == 0)
        let exported = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n")
        #expect(
            exported.first
                == "seq,at,actor_login,actor,on_behalf_of,action,entity,entity_id,payload,reason,prev_hash,row_hash")
        #expect(exported.count == count + 1)
        let again = CommandRunner.run(["log", "export", "--format", "csv", "--output", csv], on: database)
        #expect(again.status == 1 && again.errors.contains("is not overwritten"))

        // A published report names the head it was made at, and its publication is an event.
        let head = try #require(lastEvent["row_hash"] as? String)
        let out = "\(folder.path)/report"
        let report = CommandRunner.run(
            ["report", "monthly", "--month", "2026-12", "--format", "md,json,csv", "--out", out], on: database)
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.contains("The trail's head when published: event \(count), sha256 \(head)"))
        #expect(
            try String(contentsOfFile: "\(out)/summary.md", encoding: .utf8).contains("event \(count), sha256 \(head)"))
        #expect(try String(contentsOfFile: "\(out)/summary.json", encoding: .utf8).contains(head))
        #expect(try String(contentsOfFile: "\(out)/csv/trail_head.csv", encoding: .utf8).contains("\(count),\(head)"))
        let published = CommandRunner.run(["log", "show", "--format", "json"], on: database)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(published.output.utf8)) as? [[String: Any]])
        let last = try #require(all.last)
        #expect(last["action"] as? String == "report.published")
        #expect((last["payload"] as? String)?.contains(#""head_seq":\#(count)"#) == true)
    }
}
