import CaseAudit
import GRDB

/// The trail in the embedded store. A trigger cannot assign to NEW in SQLite, so the program
/// computes each event inside the change's (immediate) transaction; a BEFORE INSERT trigger
/// refuses any row whose number, previous hash or hash is not right (through
/// `caseaudit_trail_hash`, registered on caseaudit's own connections only, so a row inserted
/// with another SQLite client is refused), and UPDATE and DELETE are refused outright.
enum SQLiteTrail {
    /// `caseaudit_trail_hash(prev_hash, seq, at, actor_login, actor_id, on_behalf_of, action,
    /// entity, entity_id, payload, reason)`: what `TrailCanonical` computes.
    static let hashFunction = DatabaseFunction("caseaudit_trail_hash", argumentCount: 11, pure: true) { values in
        let texts = values.map { String.fromDatabaseValue($0) }
        guard let prev = texts[0], let seq = Int64.fromDatabaseValue(values[1]), let at = texts[2],
            let login = texts[3], let action = texts[6], let entity = texts[7], let payload = texts[9]
        else { return nil }
        return TrailCanonical.hash(
            prevHash: prev,
            fields: TrailCanonical.fields(
                seq: seq, at: at, actorLogin: login, actorID: texts[4], onBehalfOf: texts[5], action: action,
                entity: entity, entityID: texts[8], payload: payload, reason: texts[10]))
    }

    /// Makes `caseaudit_trail_hash` known to every connection `configuration` opens.
    static func register(in configuration: inout Configuration) {
        configuration.prepareDatabase { db in db.add(function: hashFunction) }
    }

    static let schema = """
        \(TrailTable.create(numberType: "INTEGER", indexed: false))
        CREATE TRIGGER trail_append BEFORE INSERT ON trail
        WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM trail)
            OR NEW.prev_hash IS NOT COALESCE((SELECT row_hash FROM trail ORDER BY seq DESC LIMIT 1), '\(TrailCanonical.genesis)')
            OR NEW.row_hash IS NOT caseaudit_trail_hash(NEW.prev_hash, NEW.seq, NEW.at, NEW.actor_login, NEW.actor_id,
                NEW.on_behalf_of, NEW.action, NEW.entity, NEW.entity_id, NEW.payload, NEW.reason)
        BEGIN SELECT RAISE(ABORT, 'the trail only takes the next event, with its hashes right'); END;
        CREATE TRIGGER trail_no_update BEFORE UPDATE ON trail
        BEGIN SELECT RAISE(ABORT, 'the trail is append-only: an event cannot be changed'); END;
        CREATE TRIGGER trail_no_delete BEFORE DELETE ON trail
        BEGIN SELECT RAISE(ABORT, 'the trail is append-only: an event cannot be removed'); END;
        """

    static let columns = TrailTable.columns

    /// Appends `entry` as `login` at `at`, inside the caller's transaction.
    @discardableResult
    static func append(_ entry: TrailEntry, login: String, at: String, _ db: Database) throws -> TrailHead {
        try append([entry], login: login, at: at, db) ?? TrailHead(seq: 0, hash: TrailCanonical.genesis)
    }

    /// Appends `entries` in order; the new head, or nil when there were none.
    @discardableResult
    static func append(_ entries: [TrailEntry], login: String, at: String, _ db: Database) throws -> TrailHead? {
        guard !entries.isEmpty else { return nil }
        // Cached statements: an answer's event is appended at every key press.
        let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, row_hash FROM trail ORDER BY seq DESC LIMIT 1"))
        var head = TrailHead(
            seq: last?["seq"] as Int64? ?? 0, hash: last?["row_hash"] as String? ?? TrailCanonical.genesis)
        let actorID = try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM person WHERE login = ?"), arguments: [login])
        let statement = try db.cachedStatement(
            sql: "INSERT INTO trail (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for entry in entries {
            let seq = head.seq + 1
            let hash = TrailCanonical.hash(
                prevHash: head.hash,
                fields: TrailCanonical.fields(
                    seq: seq, at: at, actorLogin: login, actorID: actorID, onBehalfOf: entry.onBehalfOf,
                    action: entry.action.rawValue, entity: entry.entity.rawValue, entityID: entry.entityID,
                    payload: entry.payload, reason: entry.reason))
            try statement.execute(arguments: [
                seq, at, login, actorID, entry.onBehalfOf, entry.action.rawValue, entry.entity.rawValue,
                entry.entityID, entry.payload, entry.reason, head.hash, hash,
            ])
            head = TrailHead(seq: seq, hash: hash)
        }
        return head
    }

    static func event(_ row: Row) -> TrailEvent {
        TrailEvent(
            seq: row["seq"], at: row["at"], actorLogin: row["actor_login"], actorID: row["actor_id"],
            onBehalfOf: row["on_behalf_of"], action: row["action"], entity: row["entity"], entityID: row["entity_id"],
            payload: row["payload"], reason: row["reason"], prevHash: row["prev_hash"], rowHash: row["row_hash"])
    }

    /// The "trail began" event of a database that held data before it had a trail: counts of
    /// what was there.
    static func began(_ db: Database, login: String, at: String) throws {
        var counts: [(String, TrailJSON)] = []
        for (name, table) in TrailBeginning.tables {
            counts.append((name, .int(try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)))
        }
        guard counts.contains(where: { $0.1 != .int(0) }) else { return }
        try append(TrailBeginning.entry(counts), login: login, at: at, db)
    }
}
