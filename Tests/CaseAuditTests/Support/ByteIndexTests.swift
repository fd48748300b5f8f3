import Testing

@testable import CaseAudit

@Suite struct ByteIndexTests {
    /// Keys that differ only past the first eight bytes, only in the last byte, or only in
    /// length, and enough of them to make the index grow many times from its smallest (each
    /// once: the interner's list names "Team 10" twice).
    static let keys: [String] = StringInternerTests.names.reduce(into: []) { keys, name in
        if !keys.contains(name) { keys.append(name) }
    }

    @Test func numbersKeysInTheOrderTheyAreFirstSeen() {
        var index = ByteIndex(capacity: 1)
        for (position, key) in Self.keys.enumerated() {
            let numbered = Array(key.utf8).withUnsafeBytes { index.number($0) }
            #expect(numbered.number == position && numbered.isNew, "\(key)")
        }
        #expect(index.count == Self.keys.count && Self.keys.count > 3_000)
    }

    /// A key given again keeps its first number, whatever bytes around it.
    @Test func givesAKeySeenBeforeItsFirstNumberAndKeepsNothingNew() {
        var index = ByteIndex(capacity: 1)
        for key in Self.keys { _ = Array(key.utf8).withUnsafeBytes { index.number($0) } }
        for (position, key) in Self.keys.enumerated().reversed() {
            let again = Array(("x" + key).utf8).dropFirst().withUnsafeBytes { index.number($0) }
            #expect(again.number == position && !again.isNew, "\(key)")
        }
        #expect(index.count == Self.keys.count)
    }
}
