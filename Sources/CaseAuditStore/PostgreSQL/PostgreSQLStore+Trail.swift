import CaseAudit

extension PostgreSQLStore: TrailStore {
    /// Appends `entries` inside the current transaction; the server stamps them, and chains
    /// them when the chain is next read (`ServerTrail`). Many events (a draw's allocations) go in a few hundred to
    /// a statement, in their order: one round trip each was most of a draw's time.
    func appendTrail(_ entries: [TrailEntry]) throws {
        guard keepsTrail else { return }
        let columns = 6
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + Self.trailEventsPerStatement, entries.endIndex)
            let rows = (0..<(end - start)).map { row in
                "(" + (1...columns).map { "$\(row * columns + $0)" }.joined(separator: ", ") + ")"
            }
            try run(
                "INSERT INTO trail (action, entity, entity_id, payload, reason, on_behalf_of) VALUES "
                    + rows.joined(separator: ", "),
                entries[start..<end].flatMap { entry -> [(any PGBindable)?] in
                    [
                        entry.action.rawValue, entry.entity.rawValue, entry.entityID, entry.payload, entry.reason,
                        entry.onBehalfOf,
                    ]
                })
            start = end
        }
    }

    /// Events in one INSERT: 6 parameters each, well under the protocol's 65,535.
    static let trailEventsPerStatement = 500

    func appendTrail(_ entry: TrailEntry) throws { try appendTrail([entry]) }

    /// Seals whatever waits to join the chain, in the current transaction (which then holds the
    /// chain's lock until it ends).
    func sealTrail() throws {
        guard keepsTrail else { return }
        try run("SELECT caseaudit_trail_seal()")
    }

    /// The event goes in as any change's does, to be sealed into the chain by its next reader
    /// (schema v15): sealing it here cost a report its slowest statement, for a head nobody used.
    public func appendEvent(_ entry: TrailEntry) throws(StoreError) {
        try write { try appendTrail(entry) }
    }

    public func trailHead() throws(StoreError) -> TrailHead? {
        try read {
            try run("SELECT seq, row_hash FROM caseaudit_trail_head()").first.flatMap { row in
                row.int("seq").map { TrailHead(seq: $0, hash: row.string("row_hash")) }
            }
        }
    }

    public func trailHash(at seq: Int64) throws(StoreError) -> String? {
        try read { try run("SELECT caseaudit_trail_hash_at($1) AS hash", [seq]).first?.text("hash") }
    }

    /// Before `server init` nobody's reading is limited; after it, the server says.
    public func readsWholeTrail() throws(StoreError) -> Bool {
        try read { try connection.leads() ?? true }
    }

    static let trailColumns = TrailTable.columns

    public func trailEvents(_ filter: TrailFilter) throws(StoreError) -> [TrailEvent] {
        let query = TrailQuery(filter) { "$\($0)" }
        let sealed = query.whereClause.isEmpty ? "WHERE seq IS NOT NULL" : query.whereClause + " AND seq IS NOT NULL"
        return try read {
            try sealTrail()
            return try run(
                "SELECT \(Self.trailColumns) FROM trail \(sealed) ORDER BY seq", query.arguments
            ).all.map(Self.event)
        }
    }

    static func event(_ row: PGRow) -> TrailEvent {
        TrailEvent(
            seq: row.int("seq") ?? 0, at: row.string("at"), actorLogin: row.string("actor_login"),
            actorID: row.text("actor_id"), onBehalfOf: row.text("on_behalf_of"), action: row.string("action"),
            entity: row.string("entity"), entityID: row.text("entity_id"), payload: row.string("payload"),
            reason: row.text("reason"), prevHash: row.string("prev_hash"), rowHash: row.string("row_hash"))
    }

    /// In pages of events, by number, each page its own statement: a verifier of ten million
    /// events holds one page at a time.
    public func scanTrail(from seq: Int64, _ body: ([TrailEvent]) -> Bool) throws(StoreError) {
        var next = seq
        try read { try sealTrail() }
        while true {
            let page = try read {
                try run(
                    "SELECT \(Self.trailColumns) FROM trail WHERE seq >= $1 ORDER BY seq LIMIT 20000", [next]
                ).all.map(Self.event)
            }
            guard let last = page.last else { return }
            guard body(page) else { return }
            next = last.seq + 1
        }
    }
}
