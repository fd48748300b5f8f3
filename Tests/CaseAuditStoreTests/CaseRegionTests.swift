import CaseAudit
import Testing

@testable import CaseAuditStore

/// The two halves of a large case list are written straight into one array's storage.
@Suite struct CaseRegionTests {
    struct Broken: Error {}

    static func record(_ index: Int) -> CaseRecord {
        CaseRecord(reference: "REF-\(index)-with-a-longer-reference", caseType: .childInNeed, team: "Team \(index)")
    }

    @Test func twoRegionsFillOneArrayInOrderAndStopAtTheirEnd() throws {
        let cases = try [CaseRecord](unsafeUninitializedCapacity: 5) { buffer, initialized in
            let base = try #require(buffer.baseAddress)
            let halves = [CaseRegion(base, from: 0, to: 2), CaseRegion(base, from: 2, to: 5)]
            var refused = 0
            // The second half first, as the other connection may finish first; a reader that
            // offers more than its region holds is told to stop.
            let second = try halves[1].fill { take in
                for index in 2..<7 where !take(Self.record(index)) { refused += 1 }
            }
            let first = try halves[0].fill { take in for index in 0..<2 { _ = take(Self.record(index)) } }
            #expect([first, second] == [2, 3])
            #expect(refused == 2)
            initialized = 5
        }
        #expect(cases == (0..<5).map(Self.record))
    }

    @Test func aReaderThatFailsLeavesItsRegionEmpty() throws {
        let cases = try [CaseRecord](unsafeUninitializedCapacity: 4) { buffer, initialized in
            let base = try #require(buffer.baseAddress)
            let region = CaseRegion(base, from: 0, to: 4)
            #expect(throws: Broken.self) {
                _ = try region.fill { take in
                    _ = take(Self.record(0))
                    _ = take(Self.record(1))
                    throw Broken()
                }
            }
            // Cleared, so the storage can be written afresh.
            #expect(try region.fill { take in _ = take(Self.record(9)) } == 1)
            initialized = 1
        }
        #expect(cases == [Self.record(9)])
    }
}
