import Testing

@testable import CaseAudit

@Suite struct HashRepeatsTests {
    static func repeats(_ keys: [String]) -> Bool {
        var hashes = HashRepeats(capacity: keys.count)
        for key in keys { Array(key.utf8).withUnsafeBytes { hashes.add($0) } }
        return hashes.mayRepeat()
    }

    @Test func findsAKeyGivenTwiceAmongAHundredThousandWhereverItIs() {
        let keys = (0..<100_000).map { "C-\($0)" }
        #expect(!Self.repeats(keys))
        for (first, again) in [(0, 99_999), (50_000, 50_001), (99_998, 7)] {
            var given = keys
            given[again] = keys[first]
            #expect(Self.repeats(given), "\(first), \(again)")
        }
    }

    @Test func findsNoneInNoneOneOrTwoDifferentKeys() {
        #expect(!Self.repeats([]))
        #expect(!Self.repeats(["C1"]))
        #expect(!Self.repeats(["C1", "C2"]))
        #expect(Self.repeats(["C1", "C1"]))
        #expect(Self.repeats(["", ""]))
    }
}
