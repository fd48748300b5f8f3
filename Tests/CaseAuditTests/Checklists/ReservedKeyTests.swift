import CaseAuditTestSupport
import Testing

@testable import CaseAudit

/// The scoring screen's commands are upper-case letters, so option keys may not be.
@Suite struct ReservedKeyTests {
    @Test func anUpperCaseOptionKeyIsRefusedWithItsLine() {
        // A value starting with a capital gets that capital as its default key.
        let xml = ChecklistSamples.minimal().replacingOccurrences(
            of: "value=\"yes\" label=\"Yes\"", with: "value=\"Yes\" label=\"Yes\"")
        #expect(xml.contains("value=\"Yes\""))
        do {
            _ = try ChecklistLoader().load(bytes: Array(xml.utf8), path: "keys.xml")
            Issue.record("an upper-case key was accepted")
        } catch {
            let messages = error.diagnostics.map { "\($0.location.line): \($0.message)" }
            #expect(messages.contains { $0.hasPrefix("5: key 'Y' of answer 'Yes' is reserved") })
        }
    }
}
