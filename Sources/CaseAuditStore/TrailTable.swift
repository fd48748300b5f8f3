/// The trail's table, the same in both engines but for the type of its number.
enum TrailTable {
    static let columns =
        "seq, at, actor_login, actor_id, on_behalf_of, action, entity, entity_id, payload, reason, prev_hash, row_hash"

    static func create(numberType: String) -> String {
        """
        CREATE TABLE trail (
            seq \(numberType) PRIMARY KEY,
            at TEXT NOT NULL,
            actor_login TEXT NOT NULL,
            actor_id TEXT,
            on_behalf_of TEXT,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            payload TEXT NOT NULL,
            reason TEXT,
            prev_hash TEXT NOT NULL,
            row_hash TEXT NOT NULL
        );
        CREATE INDEX trail_entity ON trail(entity, entity_id);
        """
    }
}
