import GRDB

/// The next number in the order writes of one kind (snapshots, samples) are committed in,
/// taken inside the writing transaction.
enum StoreSequence {
    static func next(_ name: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "UPDATE store_sequence SET value = value + 1 WHERE name = ?", arguments: [name])
        guard
            let value = try Int64.fetchOne(
                db, sql: "SELECT value FROM store_sequence WHERE name = ?", arguments: [name])
        else { throw DatabaseError(message: "no sequence called \(name)") }
        return value
    }
}
