import Testing

@testable import CaseAudit

@Suite struct StringInternerTests {
    /// Names that differ only past the first eight bytes, only in the last byte, or only in
    /// length, and enough of them to make the table grow many times.
    static let names: [String] =
        (0..<3_000).map { "Charlie Testcase \($0) (SW, demo)" } + (0..<300).map { "Team \($0)" }
        + ["", "a", "ab", "Team 1 ", "Team 10"]

    @Test func givesBackTheSameTextForTheSameBytesThroughBothEntrances() {
        var interner = StringInterner()
        for name in Self.names {
            let bytes = Array(name.utf8)
            let first = bytes.withUnsafeBufferPointer { interner.intern($0) }
            #expect(first == name)
        }
        for name in Self.names.reversed() {
            let bytes = Array(("x" + name).utf8)
            #expect(interner.intern(bytes[1...]) == name)
        }
    }

    @Test func neverConfusesNamesThatShareAHashBucket() {
        // Every name interned again between newer ones, as rows of an export come.
        var interner = StringInterner()
        for (index, name) in Self.names.enumerated() {
            #expect(interner.intern(ArraySlice(name.utf8)) == name)
            let earlier = Self.names[index / 2]
            #expect(interner.intern(ArraySlice(earlier.utf8)) == earlier)
        }
    }
}

@Suite struct CaseTypeBytesTests {
    @Test(arguments: CaseType.allCases)
    func readsEachRawValueFromItsBytes(type: CaseType) {
        let bytes = Array(type.rawValue.utf8)
        #expect(bytes.withUnsafeBufferPointer { CaseType(rawValueBytes: $0) } == type)
    }

    @Test(arguments: ["", "C", "CI", "CINX", "cp", "LA", "LACK", "CX", "Child in Need"])
    func refusesAnythingElse(text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { CaseType(rawValueBytes: $0) } == nil)
    }
}
