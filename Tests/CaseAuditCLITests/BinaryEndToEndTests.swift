import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// The real binary, as a user runs it: exit codes, stderr lines, hostile files.
@Suite struct BinaryEndToEndTests {
    @Test func validatesTheShippedChecklists() throws {
        let files = Fixtures.shippedChecklistNames.map { "\(Fixtures.shippedChecklistsDirectory)/\($0)" }
        let (result, _) = try BinaryRunner.run(["checklist", "validate"] + files)
        #expect(result.status == 0)
        #expect(result.output.split(separator: "\n").count == 4)
        #expect(result.errors.isEmpty)
    }

    /// Every bad input of the issue: exit 1, a one-line reason, nothing echoed from elsewhere.
    @Test func refusesBadAndHostileFilesWithOneLineReasons() throws {
        let folder = try TemporaryDirectory()
        let marker = "SECRET-\(UUID().uuidString)"
        let secret = try folder.write("secret.txt", "root:x:0:0:\(marker)\n")
        let listener = try LoopbackListener()
        let files: [(path: String, reason: String)] = [
            (try folder.write("xxe.xml", HostileXML.externalEntity(readingFile: secret)), "DOCTYPE is not allowed"),
            (try folder.write("dtd.xml", HostileXML.networkDTD(port: listener.port)), "DOCTYPE is not allowed"),
            (Fixtures.checklist("billion-laughs.xml"), "DOCTYPE is not allowed"),
            (
                try folder.write("quadratic.xml", HostileXML.quadraticBlowUp(entityLength: 50_000, references: 20_000)),
                "DOCTYPE is not allowed"
            ),
            (Fixtures.checklist("empty.xml"), "the file is empty"),
            (
                try folder.write("binary.xml", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])),
                "not a text file"
            ),
            ("\(folder.path)/missing.xml", "no such file"),
            (folder.path, "is a directory"),
            (Fixtures.checklist("wrong-namespace.xml"), "namespace"),
            (Fixtures.checklist("not-well-formed.xml"), "mismatch"),
        ]
        for file in files {
            let (result, elapsed) = try BinaryRunner.run(["checklist", "validate", file.path])
            #expect(result.status == 1, "\(file.path)")
            let lines = result.errorLines
            #expect(lines.count == 2, "\(file.path): \(lines)")
            #expect(lines.first?.hasPrefix(file.path) == true)
            #expect(lines.first?.contains(file.reason) == true, "\(lines)")
            #expect(!result.errors.contains(marker))
            #expect(!result.output.contains(marker))
            // A guard against an expansion running away, not a speed test (see Benchmarks/).
            #expect(elapsed < .seconds(5))
        }
        #expect(listener.connectionsWaiting() == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        let (result, _) = try BinaryRunner.run(["checklist", "validate"])
        #expect(result.status == 2)
        #expect(!result.errors.isEmpty)
    }

    @Test func versionAndHelp() throws {
        let (version, _) = try BinaryRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("0."))
        let (help, _) = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("checklist"))
    }

    @Test func demoRunsFromTheRepository() throws {
        let demo = try DemoFixture.run.get()
        let folder = demo.directory
        let result = demo.result
        #expect(result.status == 0, "\(result.errors)")
        let month = String(Fixtures.today.prefix(7))
        #expect(result.output.contains("== climbie-compliance, as an auditor reads it"))
        #expect(result.output.contains("== This month's sample"))
        #expect(result.output.contains("== Scoring this month's sample from paper audits"))
        #expect(result.output.contains("== The monthly quality summary for"))
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/report/\(month)/summary.html"))
        // The month's moderation: drawn, scored blind, decided, and its agreement published.
        #expect(result.output.contains("== This month's moderation (caseaudit moderation draw --month \(month)"))
        #expect(result.output.contains("Each moderator scored their files blind"))
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/report/\(month)/moderation/moderation.html"))
        let summary = try Fixtures.text("\(folder.path)/report/\(month)/summary.md")
        #expect(summary.contains("- **Moderation**: Climbié compliance v1.0.0: "))
        #expect(result.output.contains("Finish a half-done audit on the scoring screen"))
        // Every allocated file was keyed in from its generated sheet; most are submitted.
        let (listed, _) = try BinaryRunner.run([
            "audit", "list", "--format", "json", "--database", "\(folder.path)/demo.sqlite",
        ])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let statuses = files.compactMap { $0["status"] as? String }
        #expect(statuses.count == files.count && !files.isEmpty)
        #expect(!statuses.isEmpty)
        #expect(statuses.allSatisfy { $0 == "submitted" || $0 == "in-progress" })
        #expect(statuses.filter { $0 == "submitted" }.count > statuses.count / 2)
        let months = try FileManager.default.contentsOfDirectory(atPath: "\(folder.path)/answers")
        #expect(months.count == 6)
        let sheets = try months.flatMap {
            try FileManager.default.contentsOfDirectory(atPath: "\(folder.path)/answers/\($0)")
        }
        #expect(sheets.count == files.count && sheets.allSatisfy { $0.hasPrefix("demo-") })
        let mode =
            try FileManager.default.attributesOfItem(atPath: "\(folder.path)/demo.sqlite")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
