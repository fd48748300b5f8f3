import CaseAuditTestSupport
import Testing

@testable import CaseAudit
@testable import CaseAuditReports

@Suite struct ChecklistDiffTests {
    func load(_ xml: String) throws -> Checklist {
        try ChecklistLoader().load(bytes: Array(xml.utf8), path: "mem.xml").checklist
    }

    /// The sample checklist against itself with `text` replaced.
    func sampleDiff(replacing text: String, with replacement: String) throws -> ChecklistDiff {
        ChecklistDiff(
            old: try load(ChecklistSamples.minimal()),
            new: try load(ChecklistSamples.minimal().replacingOccurrences(of: text, with: replacement)))
    }

    @Test func findsAddedRemovedAndChangedItemsById() throws {
        let old = try load(ChecklistSamples.minimal())
        let newXML = ChecklistSamples.minimal(
            version: "1.1.0",
            extraItems: "    <item id=\"chronology\"><prompt>Is there a chronology?</prompt></item>\n"
        )
        .replacingOccurrences(of: "Was the child seen?", with: "Was the child seen by the worker?")
        .replacingOccurrences(of: "weight=\"2\"", with: "weight=\"3\"")
        .replacingOccurrences(
            of:
                "<item id=\"seen-alone\" when=\"seen = yes\">\n      <prompt>Was the child seen alone?</prompt>\n    </item>\n",
            with: "")
        let diff = ChecklistDiff(old: old, new: try load(newXML))
        #expect(diff.oldVersion == "1.0.0")
        #expect(diff.newVersion == "1.1.0")
        #expect(diff.added.map(\.id) == ["chronology"])
        #expect(diff.removed.map(\.id) == ["seen-alone"])
        #expect(diff.changed.map(\.id) == ["allocated", "seen"])
        #expect(diff.changed[0].changes == [.init(field: "weight", old: "2", new: "3")])
        #expect(diff.changed[1].changes.map(\.field) == ["prompt"])
        #expect(diff.unchangedCount == 0)
        #expect(!diff.isEmpty)
    }

    @Test func sameChecklistHasNoDifferences() throws {
        let checklist = try load(ChecklistSamples.minimal())
        let diff = ChecklistDiff(old: checklist, new: checklist)
        #expect(diff.isEmpty)
        #expect(diff.unchangedCount == 3)
    }

    @Test func reportsChecklistLevelChanges() throws {
        let diff = try sampleDiff(
            replacing: "<band grade=\"good\" min=\"0.8\"/>", with: "<band grade=\"good\" min=\"0.7\"/>")
        #expect(diff.checklistChanges.map(\.field) == ["grading"])
        #expect(diff.changed.isEmpty)
    }

    /// A new document changes the source's name and note: each is its own line, the rest unsaid.
    @Test func aSourceChangesFieldByField() throws {
        let diff = try sampleDiff(
            replacing: "issued=\"2026-01-01\">For tests.", with: "issued=\"2026-01-01\" document=\"v2.xlsx\">Reissued.")
        #expect(
            diff.checklistChanges == [
                .init(field: "source document", old: "(none)", new: "v2.xlsx"),
                .init(field: "source note", old: "For tests.", new: "Reissued."),
            ])
    }

    @Test func rendersForPeople() throws {
        let old = try load(ChecklistSamples.minimal())
        let new = try load(
            ChecklistSamples.minimal(extraItems: "    <item id=\"new-one\"><prompt>New?</prompt></item>\n"))
        let text = ChecklistDiffText.render(ChecklistDiff(old: old, new: new), oldPath: "a.xml", newPath: "b.xml")
        #expect(text.contains("Added: 1\n  + new-one: New?\n"))
        #expect(text.contains("Removed: 0\n"))
        #expect(text.contains("Unchanged: 3\n"))
    }
}
