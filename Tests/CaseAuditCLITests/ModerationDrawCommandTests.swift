import CaseAudit
import CaseAuditStore
import CaseAuditTestSupport
import Foundation
import Testing

/// `moderation draw` and `moderation redraw` on a copy of the demo council's audits.
@Suite struct ModerationDrawCommandTests {
    /// The month before the demo's own (whose moderation the demo draws itself).
    static let month = "2026-11"

    /// The demo's database, copied so that drawing leaves the shared one as it was.
    func demoCopy() throws -> (TemporaryDirectory, String) {
        let demo = try DemoFixture.run.get()
        let folder = try TemporaryDirectory()
        let copy = "\(folder.path)/demo.sqlite"
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: demo.database + suffix) {
            try FileManager.default.copyItem(atPath: demo.database + suffix, toPath: copy + suffix)
        }
        return (folder, copy)
    }

    @Test func drawsOncePerMonthAndRedrawsTheSame() throws {
        let (folder, database) = try demoCopy()
        defer { _ = folder }
        let drawn = CommandRunner.run(
            ["moderation", "draw", "--month", Self.month, "--seed", "11", "--database", database])
        #expect(drawn.status == 0, "\(drawn.errors)")
        #expect(drawn.output.contains("Moderation 2 for \(Self.month): "))
        #expect(drawn.output.contains("rule inadequate,10%, seed 11"))
        #expect(drawn.output.contains("\nCASE          CHECKLIST"), "\(drawn.output)")

        let json = CommandRunner.run(
            ["moderation", "draw", "--month", Self.month, "--seed", "12", "--database", database, "--format", "json"])
        #expect(json.status == 1)
        #expect(json.errors.contains("\(Self.month)'s moderation was drawn already (draw 2), so nothing was drawn"))

        let again = CommandRunner.run(["moderation", "redraw", "--month", Self.month, "--database", database])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.contains("Identical: the same "))
        let log = CommandRunner.run(["log", "show", "--format", "json", "--database", database])
        #expect(log.output.contains("moderation.drawn") && log.output.contains("moderation.redraw-checked"))
    }

    @Test func everyFileJudgedInadequateIsChosenAndNoModeratorIsInTheFilesLine() throws {
        let (folder, database) = try demoCopy()
        defer { _ = folder }
        let result = CommandRunner.run(
            ["moderation", "draw", "--month", Self.month, "--seed", "3", "--format", "json", "--database", database])
        #expect(result.status == 0, "\(result.errors)")
        let draw = try JSONDecoder().decode(ModerationDraw.self, from: Data(result.output.utf8))
        let inadequate = draw.candidates.filter { $0.judgement == "inadequate" }.map(\.auditID)
        #expect(draw.files.filter { $0.reason == .grade }.map(\.auditID).sorted() == inadequate.sorted())
        let rest = draw.candidates.count - inadequate.count
        #expect(draw.files.count(where: { $0.reason == .random }) == (rest + 9) / 10)
        // Each moderator is more senior than the auditor, and not in the file's management line.
        let store = try StoreFactory.open(database, creating: false)
        let chart = try #require(try store.orgChart(levels: nil))
        let lines = chart.managementLines()
        let moderated = draw.files.filter { $0.moderatorID != nil }
        #expect(!moderated.isEmpty)
        for file in moderated {
            let moderator = try #require(chart.person(id: file.moderatorID ?? ""))
            let auditor = try #require(chart.person(id: file.auditorID))
            #expect(moderator.level.order < auditor.level.order, "\(file)")
            if moderator.level != .director {
                #expect(!(lines[file.team ?? ""] ?? []).contains { $0.id == moderator.id }, "\(file)")
            }
        }
    }

    @Test func refusesABadRuleAndAMonthWithNothingToModerate() throws {
        let (folder, database) = try demoCopy()
        defer { _ = folder }
        let bad = CommandRunner.run(
            [
                "moderation", "draw", "--month", Self.month, "--seed", "1", "--rule", "inadequate,150%", "--database",
                database,
            ])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("'150%' is not understood: expected one share, from 0% to 100%"))
        let empty = CommandRunner.run([
            "moderation", "draw", "--month", "2031-01", "--seed", "1", "--database", database,
        ])
        #expect(empty.status == 1)
        #expect(empty.errors.contains("no audits of files drawn for 2031-01 are submitted yet"))
        let none = CommandRunner.run(["moderation", "redraw", "--month", "2031-01", "--database", database])
        #expect(none.status == 1 && none.errors.contains("no moderation was drawn for 2031-01"))
    }
}
