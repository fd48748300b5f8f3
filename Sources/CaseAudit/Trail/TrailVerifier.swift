internal import Crypto

/// One event as a store reads it for verification, as bytes valid only during the call: its
/// number, its previous hash and its hash (64 hex digits each), and its canonical bytes.
public struct TrailRawEvent {
    public var seq: Int64
    public var prevHash: UnsafeRawBufferPointer
    public var rowHash: UnsafeRawBufferPointer
    public var canonical: UnsafeRawBufferPointer
    /// Whether it is a signed checkpoint (whose payload the verification reads afterwards).
    public var isCheckpoint: Bool

    public init(
        seq: Int64, prevHash: UnsafeRawBufferPointer, rowHash: UnsafeRawBufferPointer,
        canonical: UnsafeRawBufferPointer, isCheckpoint: Bool
    ) {
        self.seq = seq
        self.prevHash = prevHash
        self.rowHash = rowHash
        self.canonical = canonical
        self.isCheckpoint = isCheckpoint
    }

    /// `event` as bytes, for `body` (`canonical` is the buffer its canonical bytes are made in).
    public static func with<Result>(
        _ event: TrailEvent, canonical: inout [UInt8], _ body: (TrailRawEvent) -> Result
    ) -> Result {
        canonical.removeAll(keepingCapacity: true)
        TrailCanonical.append(of: event, to: &canonical)
        var prev = event.prevHash
        var row = event.rowHash
        return prev.withUTF8 { prevBytes in
            row.withUTF8 { rowBytes in
                canonical.withUnsafeBytes { bytes in
                    body(
                        TrailRawEvent(
                            seq: event.seq, prevHash: UnsafeRawBufferPointer(prevBytes),
                            rowHash: UnsafeRawBufferPointer(rowBytes), canonical: bytes,
                            isCheckpoint: event.action == TrailAction.checkpointSigned.rawValue))
                }
            }
        }
    }
}

/// Recomputes the chain event by event (fed in sequence order, so ten million events need not
/// be held at once) and stops at the first that is wrong.
public struct TrailVerifier: Sendable {
    public private(set) var broken: TrailBreak?
    public private(set) var count: Int64 = 0
    /// Hashes the chain must have at given events (signed checkpoints, a remembered head).
    private var expected: [Int64: String]
    private var lastSeq: Int64 = 0
    /// The last good event's hash, as hex digits.
    private var lastHash = Array(TrailCanonical.genesis.utf8)

    /// The previous hash the first event was taken to have, when checking from the middle.
    public private(set) var startingHash: String?
    private var trustsFirstLink = false

    public init(expecting expected: [Int64: String] = [:]) {
        self.expected = expected
    }

    /// A verifier for the events after `seq`, taking the first one's previous hash as given
    /// (`startingHash`): the part before is checked by another, and the two joined.
    public init(after seq: Int64, expecting expected: [Int64: String] = [:]) {
        self.expected = expected
        lastSeq = seq
        trustsFirstLink = true
    }

    /// The last event found good.
    public var head: TrailHead? {
        lastSeq == 0 ? nil : TrailHead(seq: lastSeq, hash: String(decoding: lastHash, as: UTF8.self))
    }

    /// Checks the next events; false once the chain is broken (the rest need not be read).
    @discardableResult
    public mutating func feed(_ events: some Sequence<TrailEvent>) -> Bool {
        var canonical: [UInt8] = []
        for event in events where !TrailRawEvent.with(event, canonical: &canonical, { check($0) }) {
            return false
        }
        return true
    }

    /// Checks one event; false once the chain is broken.
    public mutating func check(_ event: TrailRawEvent) -> Bool {
        guard broken == nil else { return false }
        if event.seq != lastSeq + 1 {
            broken = TrailBreak(
                seq: event.seq > lastSeq + 1 ? lastSeq + 1 : event.seq,
                problem: event.seq > lastSeq + 1 ? .missing(next: event.seq) : .outOfOrder(after: lastSeq))
            return false
        }
        if trustsFirstLink, event.prevHash.count == 64 {
            trustsFirstLink = false
            lastHash = Array(event.prevHash)
            startingHash = String(decoding: lastHash, as: UTF8.self)
        }
        guard lastHash.withUnsafeBytes({ Self.same64($0, event.prevHash) }) else {
            broken = TrailBreak(seq: event.seq, problem: .prevHashMismatch)
            return false
        }
        guard Self.hashMatches(event) else {
            broken = TrailBreak(seq: event.seq, problem: .contentChanged)
            return false
        }
        if let want = expected[event.seq], !event.rowHash.elementsEqual(want.utf8) {
            broken = TrailBreak(seq: event.seq, problem: .differsFromKnownHead(known: want))
            return false
        }
        lastSeq = event.seq
        lastHash.withUnsafeMutableBytes { $0.copyMemory(from: event.rowHash) }
        count += 1
        return true
    }

    /// SHA-256 of the previous hash's 32 bytes and the canonical bytes, against the stored hash.
    private static func hashMatches(_ event: TrailRawEvent) -> Bool {
        guard event.prevHash.count == 64, event.rowHash.count == 64,
            let prev = event.prevHash.baseAddress?.assumingMemoryBound(to: UInt8.self)
        else { return false }
        var raw = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let decoded = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            var bad: UInt8 = 0
            for index in 0..<32 {
                let high = HexBytes.table[Int(prev[2 * index])]
                let low = HexBytes.table[Int(prev[2 * index + 1])]
                bad |= high | low
                out[index] = high << 4 | (low & 0x0f)
            }
            return bad & 0xf0 == 0
        }
        guard decoded else { return false }
        var hasher = SHA256()
        withUnsafeBytes(of: &raw) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: event.canonical)
        let digest = hasher.finalize()
        var hex = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &hex) { out in
            var index = 0
            for byte in digest {
                out[index] = HexBytes.digits[Int(byte >> 4)]
                out[index + 1] = HexBytes.digits[Int(byte & 0x0f)]
                index += 2
            }
            return same64(UnsafeRawBufferPointer(out), event.rowHash)
        }
    }

    /// Whether two runs of 64 bytes (hex hashes) are the same.
    private static func same64(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == 64, right.count == 64 else { return false }
        for offset in stride(from: 0, to: 64, by: 8)
        where left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        {
            return false
        }
        return true
    }

    /// This verifier's events followed by `later`'s (which began after this one's end): the
    /// join must link, or the break is there.
    public func joined(with later: TrailVerifier) -> TrailVerifier {
        guard broken == nil else { return self }
        var joined = self
        if later.count == 0 && later.broken == nil { return joined }
        guard let start = later.startingHash else {
            // The later part broke at its first event, before taking its link.
            joined.broken = later.broken ?? TrailBreak(seq: lastSeq + 1, problem: .prevHashMismatch)
            return joined
        }
        guard start == String(decoding: lastHash, as: UTF8.self) else {
            joined.broken = TrailBreak(seq: lastSeq + 1, problem: .prevHashMismatch)
            return joined
        }
        joined.broken = later.broken
        joined.count += later.count
        if later.count > 0 {
            joined.lastSeq = later.lastSeq
            joined.lastHash = later.lastHash
        }
        return joined
    }

    /// The verdict once every event has been fed: a head the trail once had beyond its end is
    /// a break too (the trail was cut short).
    public func finish() -> TrailVerdict {
        if let broken { return .broken(broken, head: head) }
        let last = lastSeq
        if let beyond = expected.keys.filter({ $0 > last }).min() {
            return .broken(TrailBreak(seq: beyond, problem: .truncated(end: last)), head: head)
        }
        return .intact(head: head, events: count)
    }
}

/// What `log verify` found.
public enum TrailVerdict: Sendable, Hashable {
    case intact(head: TrailHead?, events: Int64)
    /// The first event that is wrong, and the last good head before it.
    case broken(TrailBreak, head: TrailHead?)
}

/// The first event at which the chain is wrong, and how.
public struct TrailBreak: Sendable, Hashable, Error {
    public enum Problem: Sendable, Hashable {
        /// The event's content no longer hashes to its stored hash (it was changed).
        case contentChanged
        /// The event does not follow the one before it (one was changed, removed or forged).
        case prevHashMismatch
        /// The numbers jump: the events from `seq` to `next` - 1 are missing.
        case missing(next: Int64)
        case outOfOrder(after: Int64)
        /// A head known from elsewhere (a signed checkpoint, a remembered head) says the event
        /// had another hash: the chain was rebuilt from here.
        case differsFromKnownHead(known: String)
        /// A known head lies beyond the trail's end at `end`: events were cut off.
        case truncated(end: Int64)
    }

    public var seq: Int64
    public var problem: Problem

    public init(seq: Int64, problem: Problem) {
        self.seq = seq
        self.problem = problem
    }

    public var message: String {
        switch problem {
        case .contentChanged:
            "event \(seq) was changed after it was written: its content no longer gives its hash"
        case .prevHashMismatch:
            "event \(seq) does not follow event \(seq - 1): its previous hash is not event \(seq - 1)'s hash (an event was changed, removed or inserted)"
        case .missing(let next):
            next - 1 == seq
                ? "event \(seq) is missing: the trail goes from event \(seq - 1) to event \(next)"
                : "events \(seq) to \(next - 1) are missing: the trail goes from event \(seq - 1) to event \(next)"
        case .outOfOrder(let after): "event \(seq) is out of order after event \(after)"
        case .differsFromKnownHead(let known):
            "event \(seq) is not the event \(seq) known from elsewhere (sha256 \(known)): the trail was rebuilt from here"
        case .truncated(let end):
            "the trail ends at event \(end), but event \(seq) was known from elsewhere: events were cut off"
        }
    }
}
