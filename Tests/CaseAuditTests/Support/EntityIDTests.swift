import Foundation
import Testing

@testable import CaseAudit

/// Ids are typed by what they name, and read, printed and encoded as their bare numbers.
@Suite struct EntityIDTests {
    @Test func readsPrintsAndEncodesAsTheNumber() throws {
        #expect(AuditID("12") == AuditID(12))
        #expect(AuditID("twelve") == nil && SampleID("") == nil)
        #expect("\(SampleID(7))" == "7")
        let encoded = try JSONEncoder().encode([AuditID(3), AuditID(41)])
        #expect(String(decoding: encoded, as: UTF8.self) == "[3,41]")
        #expect(try JSONDecoder().decode([SampleID].self, from: Data("[5]".utf8)) == [SampleID(5)])
        #expect(AuditID(2) < AuditID(10))
    }
}
