import CaseAudit

/// Part of an array's uninitialised storage that one reader fills with a case list's cases,
/// each put at its position, while another reader fills the part beside it: the two halves of
/// a large case list read at once. The server hands rows over in the order it finds them (the
/// table's order, not asked to sort), so every position must turn up exactly once. When the
/// two parts of a table are cut by its pages rather than by positions, a few cases of one part
/// belong in the other's region (PostgreSQL puts a short row in the room an earlier page has
/// left): those are kept aside as strays, and put in their places once both parts are read.
final class CaseRegion: @unchecked Sendable {
    private let start: UnsafeMutablePointer<CaseRecord>
    /// The position of the region's first case in its list.
    let first: Int
    let capacity: Int
    /// The positions a case read for this region may have outside it: the other region's.
    private let strayPositions: Range<Int>
    private var filled: [Bool]
    private var count = 0
    private var strays: [(position: Int, record: CaseRecord)] = []

    /// A case out of place: its position is outside the region, or was there already; or the
    /// region was not filled.
    enum Fault: Error, Equatable {
        case misplaced(position: Int)
        case incomplete(found: Int, expected: Int)
    }

    /// Positions `from..<to` of the list whose storage is at `base`; cases read for it at
    /// `strays` positions are kept aside for the region that holds them.
    init(_ base: UnsafeMutablePointer<CaseRecord>, from: Int, to: Int, strays: Range<Int> = 0..<0) {
        start = base + from
        first = from
        capacity = to - from
        strayPositions = strays
        filled = [Bool](repeating: false, count: to - from)
    }

    /// Runs `reader`, which hands each case, with its position, to the closure it is given; the
    /// case goes to its place, or aside as a stray. When a position is out of the region (and
    /// not a stray's) or comes twice, when positions are missing (with no strays expected), or
    /// when `reader` throws, what was written is cleared and the error thrown: the region is
    /// then as it was.
    func fill(_ reader: ((Int, consuming CaseRecord) throws -> Void) throws -> Void) throws {
        do {
            try reader { position, record in
                if (first..<first + capacity).contains(position) {
                    try place(position, record)
                } else if strayPositions.contains(position) {
                    strays.append((position, record))
                } else {
                    throw Fault.misplaced(position: position)
                }
            }
            if strayPositions.isEmpty { try requireComplete() }
        } catch {
            clear()
            throw error
        }
    }

    /// `fill`, its faults said as the store says them, for case list `snapshot`: so they reach
    /// the caller as they are through a store's transaction, which passes a `StoreError` on.
    func fill(list snapshot: Int64, _ reader: ((Int, consuming CaseRecord) throws -> Void) throws -> Void) throws {
        do { try fill(reader) } catch { throw Self.damaged(snapshot, error) }
    }

    /// Puts the strays `other` kept aside for this region in their places; then every place
    /// must be filled. On a fault the caller clears both regions.
    func settle(_ other: CaseRegion) throws {
        for (position, record) in other.strays {
            guard (first..<first + capacity).contains(position) else { throw Fault.misplaced(position: position) }
            try place(position, record)
        }
        try requireComplete()
    }

    private func place(_ position: Int, _ record: consuming CaseRecord) throws {
        let offset = position - first
        guard !filled[offset] else { throw Fault.misplaced(position: position) }
        (start + offset).initialize(to: record)
        filled[offset] = true
        count += 1
    }

    private func requireComplete() throws {
        guard count == capacity else { throw Fault.incomplete(found: count, expected: capacity) }
    }

    /// Ends the lives of the cases written into the region, and forgets its strays.
    func clear() {
        for offset in filled.indices where filled[offset] { (start + offset).deinitialize(count: 1) }
        filled = [Bool](repeating: false, count: capacity)
        count = 0
        strays = []
    }
}

extension CaseRegion {
    /// A case list of `count` cases read in two parts at once, positions before `middle` and
    /// from it on (`count` itself: the whole at once), each written straight into its place in
    /// the one array (appending a second half to the first copied half a million records,
    /// retaining and releasing each of their strings): the first part by `first`, on the
    /// calling thread, and the second by `second`, on another core. Either failing, nothing is
    /// kept and the failure is thrown, said as the store says it.
    static func read(
        list snapshot: Int64, count: Int, middle: Int, strays: Bool = false, first: (CaseRegion) throws -> Void,
        second: @escaping @Sendable (CaseRegion) throws -> Void
    ) throws(StoreError) -> [CaseRecord] {
        guard count > 0 else { return [] }
        let middle = min(max(middle, 0), count)
        do {
            return try [CaseRecord](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress else { throw StoreError.failed(reason: "no room for the cases") }
                let halves = [
                    CaseRegion(base, from: 0, to: middle, strays: strays ? middle..<count : 0..<0),
                    CaseRegion(base, from: middle, to: count, strays: strays ? 0..<middle : 0..<0),
                ]
                let later = BackgroundWork { () -> Result<Void, StoreError> in
                    guard halves[1].capacity > 0 else { return .success(()) }
                    do {
                        try second(halves[1])
                        return .success(())
                    } catch {
                        return .failure(damaged(snapshot, error))
                    }
                }
                let earlier = Result { () throws(StoreError) in
                    do { try first(halves[0]) } catch { throw damaged(snapshot, error) }
                }
                // A part that failed left its region empty; the other is cleared.
                switch (earlier, later.wait()) {
                case (.success, .success):
                    do {
                        if strays {
                            try halves[0].settle(halves[1])
                            try halves[1].settle(halves[0])
                        }
                    } catch {
                        halves.forEach { $0.clear() }
                        throw damaged(snapshot, error)
                    }
                    initialized = count
                case (.failure(let failure), let other):
                    if case .success = other { halves[1].clear() }
                    throw failure
                case (.success, .failure(let failure)):
                    halves[0].clear()
                    throw failure
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failed(reason: String(describing: error))
        }
    }

    /// A failure to read case list `snapshot`, said as the store says it.
    static func damaged(_ snapshot: Int64, _ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case Fault.misplaced(let position):
            .failed(
                reason:
                    "case list \(snapshot) is damaged: its case at position \(position) is out of place or there twice")
        case Fault.incomplete(let found, let expected):
            .failed(
                reason:
                    "case list \(snapshot) is damaged: \(found) of the \(expected) cases expected in a part of it are there"
            )
        default: .failed(reason: String(describing: error))
        }
    }
}
