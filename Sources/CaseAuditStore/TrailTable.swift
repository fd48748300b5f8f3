/// The trail's table, the same in both engines but for the type of its number and its index.
enum TrailTable {
    static let columns =
        "seq, at, actor_login, actor_id, on_behalf_of, action, entity, entity_id, payload, reason, prev_hash, row_hash"

    /// With `indexed`, events are found by entity through an index. The embedded store has
    /// none: it cost an answer's commit one more page to write and sync (the commit with its
    /// event went from 1.3x the commit without to 1.1x), and `log show` for one audit reads
    /// the table instead (a local file, read at hundreds of MB/s).
    static func create(numberType: String, indexed: Bool) -> String {
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
        \(indexed ? "CREATE INDEX trail_entity ON trail(entity, entity_id);" : "")
        """
    }
}
