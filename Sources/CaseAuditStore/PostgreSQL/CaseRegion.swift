import CaseAudit

/// Part of an array's uninitialised storage that one reader fills with a case list's cases,
/// each put at its position, while another reader fills the part beside it: the two halves of
/// a large case list read at once. The server hands rows over in the order it finds them (the
/// table's order, not asked to sort), so every position must turn up exactly once.
struct CaseRegion: @unchecked Sendable {
    private let start: UnsafeMutablePointer<CaseRecord>
    /// The position of the region's first case in its list.
    let first: Int
    let capacity: Int

    /// A case out of place: its position is outside the region, or was there already; or the
    /// region was not filled.
    enum Fault: Error, Equatable {
        case misplaced(position: Int)
        case incomplete(found: Int, expected: Int)
    }

    /// Positions `from..<to` of the list whose storage is at `base`.
    init(_ base: UnsafeMutablePointer<CaseRecord>, from: Int, to: Int) {
        start = base + from
        first = from
        capacity = to - from
    }

    /// Runs `reader`, which hands each case, with its position, to the closure it is given; the
    /// case goes to its place. When a position is out of the region or comes twice, when
    /// positions are missing, or when `reader` throws, what was written is cleared and the
    /// error thrown: the region is then as it was.
    func fill(_ reader: ((Int, consuming CaseRecord) throws -> Void) throws -> Void) throws {
        var filled = [Bool](repeating: false, count: capacity)
        var count = 0
        do {
            try reader { position, record in
                let offset = position - first
                guard offset >= 0, offset < capacity, !filled[offset] else {
                    throw Fault.misplaced(position: position)
                }
                (start + offset).initialize(to: record)
                filled[offset] = true
                count += 1
            }
            guard count == capacity else { throw Fault.incomplete(found: count, expected: capacity) }
        } catch {
            for offset in filled.indices where filled[offset] { (start + offset).deinitialize(count: 1) }
            throw error
        }
    }

    /// Ends the lives of the cases of a region that was filled.
    func clear() { start.deinitialize(count: capacity) }
}
