import CaseAudit

/// Part of an array's uninitialised storage that one reader fills with cases, in order, while
/// another fills the part beside it: the two halves of a large case list read at once.
struct CaseRegion: @unchecked Sendable {
    private let start: UnsafeMutablePointer<CaseRecord>
    let capacity: Int

    /// Positions `from..<to` of the storage at `base`.
    init(_ base: UnsafeMutablePointer<CaseRecord>, from: Int, to: Int) {
        start = base + from
        capacity = to - from
    }

    /// Runs `reader`, which hands its cases to the closure it is given, and returns how many
    /// it wrote (no more than the region holds). When `reader` throws, what it wrote is cleared.
    func fill(_ reader: ((consuming CaseRecord) -> Bool) throws -> Void) throws -> Int {
        var written = 0
        do {
            try reader { record in
                guard written < capacity else { return false }
                (start + written).initialize(to: record)
                written += 1
                return true
            }
        } catch {
            clear(written)
            throw error
        }
        return written
    }

    /// Ends the lives of the first `count` cases written.
    func clear(_ count: Int) { start.deinitialize(count: count) }
}
