import CaseAudit
import Testing

@testable import CaseAuditStore

/// The parts of a large case list are written straight into one array's storage, each case at
/// its position, in whatever order the server hands them over.
@Suite struct CaseRegionTests {
    struct Broken: Error {}

    static func record(_ index: Int) -> CaseRecord {
        CaseRecord(reference: "REF-\(index)-with-a-longer-reference", caseType: .childInNeed, team: "Team \(index)")
    }

    @Test func twoRegionsFillOneArrayEachCaseAtItsPlace() throws {
        let cases = try [CaseRecord](unsafeUninitializedCapacity: 5) { buffer, initialized in
            let base = try #require(buffer.baseAddress)
            let halves = [CaseRegion(base, from: 0, to: 2), CaseRegion(base, from: 2, to: 5)]
            // The second half first, as the other connection may finish first, its cases out of order.
            try halves[1].fill { take in for position in [4, 2, 3] { try take(position, Self.record(position)) } }
            try halves[0].fill { take in for position in [1, 0] { try take(position, Self.record(position)) } }
            initialized = 5
        }
        #expect(cases == (0..<5).map(Self.record))
    }

    @Test func aCaseOutOfPlaceTwiceOrMissingLeavesItsRegionEmpty() throws {
        let cases = try [CaseRecord](unsafeUninitializedCapacity: 3) { buffer, initialized in
            let base = try #require(buffer.baseAddress)
            let region = CaseRegion(base, from: 0, to: 3)
            #expect(throws: CaseRegion.Fault.misplaced(position: 3)) {
                try region.fill { take in for position in [0, 3] { try take(position, Self.record(position)) } }
            }
            #expect(throws: CaseRegion.Fault.misplaced(position: 1)) {
                try region.fill { take in for position in [1, 1] { try take(position, Self.record(position)) } }
            }
            #expect(throws: CaseRegion.Fault.incomplete(found: 2, expected: 3)) {
                try region.fill { take in for position in [2, 0] { try take(position, Self.record(position)) } }
            }
            #expect(throws: Broken.self) {
                try region.fill { take in
                    try take(0, Self.record(0))
                    throw Broken()
                }
            }
            // Each time cleared, so the storage can be written afresh.
            try region.fill { take in for position in [2, 1, 0] { try take(position, Self.record(9 - position)) } }
            initialized = 3
        }
        #expect(cases == [9, 8, 7].map(Self.record))
    }

    /// Parts cut by pages hold a few cases of each other's regions: each is placed once both are
    /// read, and a stray with no free place, or a place left empty, leaves both regions empty.
    @Test func casesOfTheOtherPartArePlacedOnceBothAreRead() throws {
        func read(_ first: [Int], _ second: [Int]) throws(StoreError) -> [CaseRecord] {
            try CaseRegion.read(
                list: 7, count: 6, middle: 3, strays: true,
                first: { region in try region.fill { take in for p in first { try take(p, Self.record(p)) } } },
                second: { region in try region.fill { take in for p in second { try take(p, Self.record(p)) } } })
        }
        #expect(try read([0, 4, 1, 2], [3, 5]) == (0..<6).map(Self.record))
        #expect(try read([0, 1], [2, 3, 5, 4]) == (0..<6).map(Self.record))
        #expect(try read([5, 0, 1], [3, 2, 4]) == (0..<6).map(Self.record))
        // A stray whose place the other part filled too; a place nobody filled.
        #expect {
            try read([0, 1, 2, 4], [3, 4, 5])
        } throws: { error in
            String(describing: error).contains("case list 7 is damaged: its case at position 4")
        }
        #expect {
            try read([0, 1], [2, 3, 5])
        } throws: { error in
            String(describing: error).contains("case list 7 is damaged: 2 of the 3 cases expected")
        }
        // A position beyond the list is refused as the part is read.
        #expect(throws: StoreError.self) { try read([0, 1, 2, 6], [3, 4, 5]) }
    }
}
