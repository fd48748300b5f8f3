import CaseAuditTestSupport
import Testing

@testable import CaseAudit

@Suite struct ShippedChecklistsTests {
    @Test(arguments: Fixtures.shippedChecklistNames)
    func isValidAndUsable(name: String) throws {
        let loaded = try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/\(name)")
        let checklist = loaded.checklist
        let items = checklist.items
        #expect(checklist.id + ".xml" == name)
        #expect(items.count >= 8)
        #expect(items.contains { $0.critical })
        #expect(items.contains { $0.condition != nil })
        // Guidance a new auditor can act on: every item has some, and it says what "yes" means.
        for item in items {
            let guidance = try #require(item.guidance, "item \(item.id) has no guidance")
            #expect(guidance.count >= 80, "guidance of \(item.id) is too thin to act on")
        }
        #expect(!checklist.source.issuer.isEmpty)
        #expect(loaded.contentHash != nil)
    }

    @Test(arguments: Fixtures.shippedChecklistNames)
    func namesTheSeedPassagesItDrawsOn(name: String) throws {
        let text = try Fixtures.text("\(Fixtures.shippedChecklistsDirectory)/\(name)")
        let cited = ["000_f835fef91fd3f2bf", "001_83cd431402c5ce7d", "003_2f312d456f3910bd", "004_40630cf815303af8"]
            .filter { text.contains($0) }
        #expect(cited.count >= 2)
        for seed in cited {
            #expect(try Fixtures.text("\(Fixtures.sharedDirectory)/domain/seeds/\(seed).txt").count > 1000)
        }
    }

    @Test func climbieComplianceCoversPeterboroughItemTwo() throws {
        let checklist = try ChecklistLoader().load(
            file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml"
        )
        .checklist
        let prompts = checklist.items.map { $0.prompt.lowercased() }.joined(separator: " ")
        for topic in [
            "allocated", "decision", "referrer", "chronology", "wishes and feelings", "supervision", "24 hours",
            "7 working days", "seen alone",
        ] {
            #expect(prompts.contains(topic), "no item about \(topic)")
        }
    }

    @Test func embeddedSchemaIsTheShippedFile() throws {
        let shipped = try Fixtures.text(
            "\(Fixtures.shippedChecklistsDirectory)/schema/\(ChecklistFormat.schemaFileName)")
        #expect(ChecklistFormat.schemaText == shipped, "run `make schema` after editing the XSD")
    }

    @Test func everyShippedChecklistHasADistinctHash() throws {
        let hashes = try Fixtures.shippedChecklistNames.map {
            try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/\($0)").contentHash
        }
        #expect(Set(hashes).count == Fixtures.shippedChecklistNames.count)
    }
}
