import CaseAuditTestSupport
import Testing

@testable import CaseAudit

@Suite struct ContentHashTests {
    func hash(_ xml: String) throws -> ContentHash? {
        try ChecklistLoader().load(bytes: Array(xml.utf8), path: "mem.xml").contentHash
    }

    @Test func isSHA256() {
        // FIPS 180-2 test vector.
        #expect(
            ContentHash(of: Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
        #expect(ContentHash(hex: "ab").description == "sha256:ab")
    }

    @Test func ignoresWhitespaceAttributeOrderAndComments() throws {
        let original = ChecklistSamples.minimal()
        let reformatted =
            original
            .replacingOccurrences(of: "\n    ", with: "\n\t\t")
            .replacingOccurrences(
                of: "<item id=\"allocated\" critical=\"true\" weight=\"2\">",
                with: "<item weight=\"2\"\n      critical=\"true\" id=\"allocated\">"
            )
            .replacingOccurrences(
                of: "<prompt>Is the case allocated?</prompt>",
                with: "<!-- reworded in v2? --><prompt>\n   Is the case\n   allocated?\n</prompt>")
        #expect(reformatted != original)
        #expect(try hash(reformatted) == hash(original))
    }

    @Test func changesWithAnyWordAUserReads() throws {
        let original = try hash(ChecklistSamples.minimal())
        #expect(
            try hash(
                ChecklistSamples.minimal().replacingOccurrences(
                    of: "Is the case allocated?", with: "Is the case allocated now?")) != original)
        #expect(
            try hash(ChecklistSamples.minimal().replacingOccurrences(of: "weight=\"2\"", with: "weight=\"3\""))
                != original)
        #expect(try hash(ChecklistSamples.minimal(version: "1.0.1")) != original)
    }
}
