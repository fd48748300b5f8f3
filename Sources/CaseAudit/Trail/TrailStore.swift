/// Where the trail is kept. Every change a store makes appends its event in the change's own
/// transaction (rolled back with it); this is how the trail is read, and how the events that
/// change nothing else (a report published, a redraw checked, a checkpoint) are appended.
public protocol TrailStore: Sendable {
    /// Appends an event on its own, in its own transaction. Like any change's event, it joins
    /// the chain when the chain is next read (on the server, whoever reads it seals it).
    func appendEvent(_ entry: TrailEntry) throws(StoreError)
    /// The trail's head (nil while it is empty); everyone may read it, whatever they may see.
    func trailHead() throws(StoreError) -> TrailHead?
    /// The hash of event `seq`, if the trail has it; everyone may read it.
    func trailHash(at seq: Int64) throws(StoreError) -> String?
    /// Whether this session may read every event (a quality lead; on the server, also the
    /// schema's owner): only then can it verify the chain.
    func readsWholeTrail() throws(StoreError) -> Bool
    /// The events `filter` selects that this session may read, in sequence order.
    func trailEvents(_ filter: TrailFilter) throws(StoreError) -> [TrailEvent]
    /// Every event from `seq` on, in sequence order, given to `body` in batches until it
    /// returns false (for `log verify` and `log export` over millions of events).
    func scanTrail(from seq: Int64, _ body: ([TrailEvent]) -> Bool) throws(StoreError)
    /// The same as bytes, for `log verify`: each event's hashes and canonical bytes, until
    /// `body` returns false. (A store may read them without making strings of them.)
    func scanTrailCanonical(from seq: Int64, through last: Int64?, _ body: (TrailRawEvent) -> Bool)
        throws(StoreError)
    /// Whether two scans may run at once, on two threads (each reads on a connection of its own).
    var scansTrailInParallel: Bool { get }
}

extension TrailStore {
    public var scansTrailInParallel: Bool { false }

    /// From the events, for a store with no faster way.
    public func scanTrailCanonical(from seq: Int64, through last: Int64?, _ body: (TrailRawEvent) -> Bool)
        throws(StoreError)
    {
        var canonical: [UInt8] = []
        try scanTrail(from: seq) { events in
            for event in events {
                if let last, event.seq > last { return false }
                if !TrailRawEvent.with(event, canonical: &canonical, body) { return false }
            }
            return true
        }
    }
}

/// Which events `log show` and `audit history` read.
public struct TrailFilter: Sendable, Hashable {
    /// One audit's events, and its file's.
    public var audit: AuditID?
    /// One case file's events, with those of its audits.
    public var caseReference: String?
    /// One person's (or login's) events.
    public var actor: String?
    /// From this day on (UTC).
    public var since: CalendarDate?
    public var actions: Set<TrailAction>?

    public init(
        audit: AuditID? = nil, caseReference: String? = nil, actor: String? = nil, since: CalendarDate? = nil,
        actions: Set<TrailAction>? = nil
    ) {
        self.audit = audit
        self.caseReference = caseReference
        self.actor = actor
        self.since = since
        self.actions = actions
    }

    /// Whether `event` is selected, given the ids of the audits of `caseReference`.
    public func selects(_ event: TrailEvent, auditsOfCase: Set<String>) -> Bool {
        if let audit, !(event.entity == TrailEntity.audit.rawValue && event.entityID == String(audit.rawValue)) {
            return false
        }
        if let caseReference {
            let ofCase = event.entity == TrailEntity.caseFile.rawValue && event.entityID == caseReference
            let ofItsAudit =
                event.entity == TrailEntity.audit.rawValue && event.entityID.map(auditsOfCase.contains) == true
            if !ofCase && !ofItsAudit { return false }
        }
        if let actor, event.actorID != actor && event.actorLogin != actor { return false }
        if let since, event.at < since.description { return false }
        if let actions, !actions.contains(where: { $0.rawValue == event.action }) { return false }
        return true
    }
}
