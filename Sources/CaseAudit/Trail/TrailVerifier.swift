/// Recomputes the chain event by event (fed in sequence order, in batches, so ten million
/// events need not be held at once) and stops at the first that is wrong.
public struct TrailVerifier: Sendable {
    public private(set) var head: TrailHead?
    public private(set) var broken: TrailBreak?
    public private(set) var count: Int64 = 0
    /// Hashes the chain must have at given events (signed checkpoints, a remembered head).
    private var expected: [Int64: String]
    private var seenExpected: Set<Int64> = []

    public init(expecting expected: [Int64: String] = [:]) {
        self.expected = expected
    }

    /// Checks the next events; false once the chain is broken (the rest need not be read).
    @discardableResult
    public mutating func feed(_ events: some Sequence<TrailEvent>) -> Bool {
        guard broken == nil else { return false }
        var canonical: [UInt8] = []
        for event in events {
            let previous = head ?? TrailHead(seq: 0, hash: TrailCanonical.genesis)
            if event.seq != previous.seq + 1 {
                broken = TrailBreak(
                    seq: event.seq > previous.seq + 1 ? previous.seq + 1 : event.seq,
                    problem: event.seq > previous.seq + 1
                        ? .missing(next: event.seq) : .outOfOrder(after: previous.seq))
                return false
            }
            if event.prevHash != previous.hash {
                broken = TrailBreak(seq: event.seq, problem: .prevHashMismatch)
                return false
            }
            canonical.removeAll(keepingCapacity: true)
            TrailCanonical.append(of: event, to: &canonical)
            let hash = TrailCanonical.hash(prevHash: event.prevHash, canonical: canonical)
            if hash != event.rowHash {
                broken = TrailBreak(seq: event.seq, problem: .contentChanged)
                return false
            }
            if let want = expected[event.seq] {
                seenExpected.insert(event.seq)
                if want != hash {
                    broken = TrailBreak(seq: event.seq, problem: .differsFromKnownHead(known: want))
                    return false
                }
            }
            head = TrailHead(seq: event.seq, hash: hash)
            count += 1
        }
        return true
    }

    /// The verdict once every event has been fed: a head the trail once had beyond its end is
    /// a break too (the trail was cut short).
    public func finish() -> TrailVerdict {
        if let broken { return .broken(broken, head: head) }
        let last = head?.seq ?? 0
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
