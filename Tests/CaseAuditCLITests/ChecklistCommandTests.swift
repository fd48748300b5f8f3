import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@Suite struct ChecklistCommandTests {
    let shipped = Fixtures.shippedChecklistsDirectory

    @Test func validatePassesTheShippedChecklists() {
        let result = CommandRunner.run(
            ["checklist", "validate"] + Fixtures.shippedChecklistNames.map { "\(shipped)/\($0)" })
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output.split(separator: "\n").count == 4)
        #expect(result.output.contains("climbie-compliance.xml: ok (climbie-compliance 1.0.0, 12 items)"))
    }

    @Test func validatePrintsEveryErrorAsPathLineColumn() throws {
        let path = Fixtures.checklist("dangling-references.xml")
        let result = CommandRunner.run(["checklist", "validate", path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.errorLines
        #expect(lines.count == 6)
        #expect(
            lines[0] == "\(path):9:26: error: item 'allocated' uses scale 'grade4', which is not defined (defined: ynp)"
        )
        #expect(!lines.dropLast().isEmpty)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("\(path):") && $0.contains(": error: ") })
        #expect(lines.last == "1 of 1 file invalid")
    }

    @Test func validateChecksEveryFileEvenAfterABadOne() {
        let result = CommandRunner.run([
            "checklist", "validate", Fixtures.checklist("when-self.xml"), Fixtures.checklist("valid-minimal.xml"),
            Fixtures.checklist("empty.xml"),
        ])
        #expect(result.status == 1)
        #expect(result.output.contains("valid-minimal.xml: ok"))
        #expect(result.errors.contains("when-self.xml:9:21: error:"))
        #expect(result.errors.contains("empty.xml: error: the file is empty"))
        #expect(result.errors.hasSuffix("2 of 3 files invalid\n"))
    }

    @Test func validateAsJSON() throws {
        let result = CommandRunner.run([
            "checklist", "validate", "--format", "json", Fixtures.checklist("valid-minimal.xml"),
            Fixtures.checklist("when-forward.xml"),
        ])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [true, false])
        #expect((files[0]["checklist"] as? [String: Any])?["id"] as? String == "minimal")
        let error = try #require((files[1]["errors"] as? [[String: Any]])?.first)
        let location = try #require(error["location"] as? [String: Any])
        #expect(location["line"] as? Int == 9)
        #expect(location["column"] as? Int == 27)
        #expect(error["stage"] as? String == "rules")
    }

    @Test func validateWithoutFilesIsAUsageError() {
        let result = CommandRunner.run(["checklist", "validate"])
        #expect(result.status == 2)
        #expect(result.errors.contains("Missing expected argument '<files> ...'"))
    }

    @Test func listShowsIdVersionTitleItemsAndHash() {
        let result = CommandRunner.run(["checklist", "list", "--dir", shipped])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.count == 5)
        #expect(
            lines.contains {
                $0.hasPrefix("climbie-compliance") && $0.contains("Climbié compliance") && $0.contains("12")
                    && $0.contains("sha256:")
            })
    }

    @Test func listUsesTheEnvironmentsFolder() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.xml", ChecklistSamples.minimal(id: "from-env"))
        let result = CommandRunner.run(
            ["checklist", "list", "--format", "json"], environment: ["CASEAUDIT_CHECKLISTS": folder.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(json.map { $0["id"] as? String } == ["from-env"])
        #expect((json[0]["hash"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test func listReportsInvalidFilesAndFails() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.xml", ChecklistSamples.minimal(id: "good"))
        try folder.write(
            "bad.xml",
            ChecklistSamples.minimal(id: "bad").replacingOccurrences(of: "seen = yes", with: "seen-alone = yes"))
        let result = CommandRunner.run(["checklist", "list", "--dir", folder.path])
        #expect(result.status == 1)
        #expect(result.output.contains("good"))
        #expect(!result.output.contains("bad "))
        #expect(result.errors.contains("bad.xml:"))
        #expect(result.errors.contains("refers to the item itself"))
    }

    @Test func listOfAMissingFolderSaysSo() {
        let result = CommandRunner.run(["checklist", "list", "--dir", "/no/such/folder"])
        #expect(result.status == 1)
        #expect(result.errors.contains("/no/such/folder: no such folder of checklists"))
    }

    @Test func showPrintsAnOutlineById() {
        let result = CommandRunner.run(["checklist", "show", "climbie-compliance", "--dir", shipped])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Climbié compliance\n"))
        #expect(
            result.output.contains("1. Allocation\n  1.1 Is the case allocated to a named, qualified social worker?"))
        #expect(result.output.contains("Asked only when child-seen = yes|partly."))
        #expect(result.output.contains("A failed critical item caps the grade at Inadequate."))
        #expect(!result.output.split(separator: "\n").isEmpty)
        #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func showByFileAndAsJSON() throws {
        let result = CommandRunner.run([
            "checklist", "show", Fixtures.checklist("valid-minimal.xml"), "--format", "json",
        ])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let checklist = try #require(json["checklist"] as? [String: Any])
        #expect(checklist["id"] as? String == "minimal")
        #expect((checklist["sections"] as? [[String: Any]])?.first?["items"] is [[String: Any]])
        #expect((json["hash"] as? String)?.count == 71)
    }

    /// A name with no ".xml" and no "/" is still a file when one exists (here, in the current
    /// folder; the working directory is not changed, since tests run in parallel).
    @Test func showTakesAnExistingFileWhateverItsName() throws {
        let name = "caseaudit-test-\(UUID().uuidString)"
        try Data(ChecklistSamples.minimal(id: "renamed").utf8).write(to: URL(fileURLWithPath: name))
        defer { try? FileManager.default.removeItem(atPath: name) }
        let result = CommandRunner.run(["checklist", "show", name])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("renamed version 1.0.0"))
    }

    @Test func showOfAnUnknownIdListsWhatThereIs() {
        let result = CommandRunner.run(["checklist", "show", "nonesuch", "--dir", shipped])
        #expect(result.status == 1)
        #expect(result.errors.contains("no checklist with id 'nonesuch'"))
        #expect(result.errors.contains("climbie-compliance"))
    }

    @Test func diffPrintsTheDifferenceAndExitsZero() throws {
        let folder = try TemporaryDirectory()
        let old = try folder.write("v1.xml", ChecklistSamples.minimal())
        let new = try folder.write(
            "v2.xml",
            ChecklistSamples.minimal(
                version: "2.0.0",
                extraItems: "    <item id=\"chronology\"><prompt>Is there a chronology?</prompt></item>\n"))
        let result = CommandRunner.run(["checklist", "diff", old, new])
        #expect(result.status == 0)
        #expect(result.output.contains("(version 1.0.0)"))
        #expect(result.output.contains("(version 2.0.0)"))
        #expect(result.output.contains("+ chronology: Is there a chronology?"))
        let same = CommandRunner.run(["checklist", "diff", old, old])
        #expect(same.status == 0)
        #expect(same.output.contains("No differences"))
    }

    @Test func diffAsJSON() throws {
        let folder = try TemporaryDirectory()
        let old = try folder.write("v1.xml", ChecklistSamples.minimal())
        let new = try folder.write(
            "v2.xml",
            ChecklistSamples.minimal().replacingOccurrences(of: "Was the child seen?", with: "Was the child visited?"))
        let result = CommandRunner.run(["checklist", "diff", old, new, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let changed = try #require(json["changed"] as? [[String: Any]])
        #expect(changed.map { $0["id"] as? String } == ["seen"])
        #expect(json["unchanged"] as? Int == 2)
    }

    @Test func diffOfAnInvalidFileFails() {
        let result = CommandRunner.run([
            "checklist", "diff", Fixtures.checklist("valid-minimal.xml"), Fixtures.checklist("when-self.xml"),
        ])
        #expect(result.status == 1)
        #expect(result.errors.contains("when-self.xml:9:21: error:"))
    }

    @Test func demoListsValidatesAndShows() throws {
        let folder = try TemporaryDirectory()
        // A folder with a space in its name: the commands the demo suggests can be pasted back.
        let database = "\(folder.path)/council files/demo.sqlite"
        let result = CommandRunner.run([
            "demo", "--dir", shipped, "--samples", "\(Fixtures.packageRoot)/Samples", "--database", database,
            "--report-templates", "\(Fixtures.packageRoot)/Reports/templates",
        ])
        #expect(result.status == 0)
        for id in ["climbie-compliance", "childs-voice", "chronology", "supervision"] {
            #expect(result.output.contains("\(id) "))
        }
        #expect(result.output.components(separatedBy: " valid\n").count == 5)
        #expect(result.output.contains("Is the case allocated to a named, qualified social worker?"))
        #expect(result.output.contains("Org chart: 117 people, 12 teams"))
        #expect(result.output.contains("72 files from 12 strata"))
        #expect(result.output.contains("try `caseaudit cases summary --database '\(database)'`"))
        #expect(result.output.contains(" --database '\(database)'\n"))
        // The demo never overwrites a database it did not make.
        let again = CommandRunner.run([
            "demo", "--dir", shipped, "--samples", "\(Fixtures.packageRoot)/Samples", "--database", database,
        ])
        #expect(again.status == 1)
        #expect(again.errors.contains("exists: only a new database is written to (nothing was written)"))
        // Said before the demo starts, not after its first steps.
        #expect(again.output.isEmpty, "\(again.output)")
    }

    @Test func unknownCommandIsAUsageError() {
        #expect(CommandRunner.run(["checklist", "frobnicate"]).status == 2)
        #expect(CommandRunner.run(["checklist", "list", "--format", "xml"]).status == 2)
    }

    @Test func helpExitsZero() {
        let result = CommandRunner.run(["checklist", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("validate"))
    }
}

@Suite struct CLIReferenceTests {
    @Test func committedReferenceMatchesTheParser() throws {
        let generated = CommandRunner.run(["cli-reference"])
        #expect(generated.status == 0)
        let committed = try Fixtures.text("\(Fixtures.packageRoot)/docs/cli-reference.md")
        #expect(committed == generated.output, "run `make cli-reference` and commit docs/cli-reference.md")
        #expect(committed.contains("## caseaudit checklist validate"))
        // Walked from the parser: every command is there, the scoring and reporting ones too.
        for command in [
            "audit score", "audit show", "audit amend", "audit actions", "report monthly", "export", "checklist import",
        ] {
            #expect(committed.contains("\n## caseaudit \(command)\n"), "\(command)")
        }
    }
}

/// `checklist import` as a user runs it on the demo board's documents.
@Suite struct ChecklistImportCommandTests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory() }

    var board: String { "\(Fixtures.packageRoot)/Samples/board" }

    @Test func importsTheBoardsWorkbookAndTheResultValidates() throws {
        let out = "\(folder.path)/board.xml"
        let result = CommandRunner.run(
            ["checklist", "import", "\(board)/board-audit-tool.xlsx", "-o", out], today: "2026-11-22")
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.output
                == "Wrote \(out) (board-audit-tool 1.0.0): 18 questions in 4 sections, 3 critical; scale rag from the document's 'RAG' column.\n"
        )
        #expect(CommandRunner.run(["checklist", "validate", out]).status == 0)
        let xml = try Fixtures.text(out)
        #expect(xml.contains("document=\"board-audit-tool.xlsx\""))
        #expect(xml.contains("Imported from board-audit-tool.xlsx on 2026-11-22"))
        #expect(xml.contains("ref=\"1.1\""))

        let next = "\(folder.path)/board-v2.xml"
        let updated = CommandRunner.run([
            "checklist", "import", "\(board)/board-audit-tool-v2.xlsx", "-o", next, "--update", out,
        ])
        #expect(updated.status == 0, "\(updated.errors)")
        #expect(updated.output.contains("(board-audit-tool 1.1.0)"))
        #expect(updated.output.contains("Kept the ids of 17 questions (2 reworded); 1 new; 1 dropped."))
        #expect(updated.output.contains("+ q3-6: Is the plan reviewed at every statutory review?"))
    }

    @Test func aLayoutItCannotReadSuggestsMap() throws {
        let path = try folder.write("odd.csv", "Area,Point to check\nAllocation,\n,Is the case allocated?\n")
        let refused = CommandRunner.run(["checklist", "import", path, "-o", "\(folder.path)/odd.xml"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("headers seen were 'Area', 'Point to check'"))
        #expect(refused.errors.contains("--map"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/odd.xml"))
        let mapped = CommandRunner.run([
            "checklist", "import", path, "-o", "\(folder.path)/odd.xml", "--map", "prompt=Point to check,section=A",
        ])
        #expect(mapped.status == 0, "\(mapped.errors)")
        #expect(mapped.output.contains("1 question in 1 section"))
        let bad = CommandRunner.run(["checklist", "import", path, "-o", "\(folder.path)/odd.xml", "--map", "question"])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("--map 'question': expected ROLE=COLUMN"))
    }

    /// An id or version given by hand that the checklist could not carry is refused in words,
    /// before anything is written.
    @Test func anIDOrVersionItCannotTakeIsRefusedInWords() throws {
        let out = "\(folder.path)/named.xml"
        let badID = CommandRunner.run([
            "checklist", "import", "\(board)/board-audit-tool.xlsx", "-o", out, "--id", "bad id",
        ])
        #expect(badID.status == 2)
        #expect(
            badID.errors.contains("--id 'bad id': letters, digits, '.', '_' and '-', starting with a letter or digit"))
        #expect(!badID.errors.contains("pattern"))
        let badVersion = CommandRunner.run([
            "checklist", "import", "\(board)/board-audit-tool.xlsx", "-o", out, "--version", "v2",
        ])
        #expect(badVersion.status == 2)
        #expect(badVersion.errors.contains("--version 'v2': one to three numbers joined by dots, e.g. 1.2.0"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let named = CommandRunner.run([
            "checklist", "import", "\(board)/board-audit-tool.xlsx", "-o", out, "--id", "board-2026", "--version",
            "2.0",
        ])
        #expect(named.status == 0, "\(named.errors)")
        #expect(named.output.contains("(board-2026 2.0)"))
    }

    /// Done when: a board's tool, imported, drives a sample and a scored audit like a shipped one.
    @Test func filesCanBeScoredAgainstAnImportedChecklist() throws {
        let checklists = "\(folder.path)/checklists"
        try FileManager.default.createDirectory(atPath: checklists, withIntermediateDirectories: true)
        #expect(
            CommandRunner.run([
                "checklist", "import", "\(board)/board-audit-tool.docx", "-o", "\(checklists)/board.xml", "--id",
                "board-tool",
            ])
            .status == 0)
        let database = "\(folder.path)/db.sqlite"
        CommandRunner.importSampleCouncil(into: database)
        let drawn = CommandRunner.run([
            "sample", "draw", "--month", "2026-12", "--checklist", "board-tool", "--per-team", "1", "--seed", "5",
            "--database", database,
            "--dir", checklists,
        ])
        #expect(drawn.status == 0, "\(drawn.errors)")
        let listed = CommandRunner.run(["audit", "list", "--format", "json", "--database", database]).output
        let files = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let file = try #require(files.first)
        let checklist = try ChecklistLoader().load(file: "\(checklists)/board.xml").checklist
        let sheet = try folder.write(
            "answers.csv", (["item,answer,note"] + checklist.items.map { "\($0.id),yes," }).joined(separator: "\n"))
        let scored = CommandRunner.run(
            [
                "audit", "score", try #require(file["caseReference"] as? String), "--on-behalf-of",
                try #require(file["auditorID"] as? String),
                "--answers", sheet, "--submit", "--database", database, "--dir", checklists,
            ], today: "2026-11-22")
        #expect(scored.status == 0, "\(scored.errors)")
        #expect(scored.output.contains("18 of 18 asked items answered"))
        #expect(scored.output.contains(": outstanding."))
    }
}
