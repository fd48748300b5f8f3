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
}
