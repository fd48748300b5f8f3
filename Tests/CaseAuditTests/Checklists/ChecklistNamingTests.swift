import CaseAuditTestSupport
import Testing

@testable import CaseAudit

/// `checklist import --id/--version` are checked in words before anything is written: the
/// check says yes exactly where the checklist schema does.
@Suite struct ChecklistNamingTests {
    static let ids = [
        "sample", "a", "1", "A.b_c-d", "climbie-compliance", String(repeating: "x", count: 64),
        String(repeating: "x", count: 65), "", "bad id", "-lead", ".lead", "_lead", "é", "a/b", "a:b", "a\"b",
    ]
    static let versions = [
        "1", "1.0", "1.0.0", "10.20.30", "01.2", "", "v1", "1.", ".1", "1..2", "1.2.3.4", "1-2",
    ]

    func schemaTakes(id: String = "sample", version: String = "1.0.0") -> Bool {
        let escaped = { (text: String) in text.replacingOccurrences(of: "\"", with: "&quot;") }
        let xml = ChecklistSamples.minimal(id: escaped(id), version: escaped(version))
        return (try? ChecklistLoader().load(bytes: Array(xml.utf8), path: "mem.xml")) != nil
    }

    @Test(arguments: ids) func anIDIsCheckedAsTheSchemaChecksIt(_ id: String) {
        #expect(ChecklistNaming.isID(id) == schemaTakes(id: id))
    }

    @Test(arguments: versions) func aVersionIsCheckedAsTheSchemaChecksIt(_ version: String) {
        #expect(ChecklistNaming.isVersion(version) == schemaTakes(version: version))
    }

    /// The schema's `xs:token` trims spaces around a value before its pattern; a name typed with
    /// one is refused here rather than written with the space in it.
    @Test func spacesAroundANameAreRefused() {
        #expect(!ChecklistNaming.isVersion(" 1") && !ChecklistNaming.isID("sample "))
    }

    @Test func bothVerdictsOccur() {
        #expect(Self.ids.filter(ChecklistNaming.isID).count == 6)
        #expect(Self.versions.filter(ChecklistNaming.isVersion).count == 5)
    }
}
