import GRDB

/// The connection a store's `readingOneState` holds its read transaction on, while its body
/// runs: that store's reads go through it meanwhile. Bound to the thread (or task) running the
/// body, so another thread using the same store, or another store, is not affected; the queue
/// lets no other closure use the connection meanwhile.
struct PinnedConnection: @unchecked Sendable {
    @TaskLocal static var current: PinnedConnection?

    let store: ObjectIdentifier
    let database: Database

    init(store: ObjectIdentifier, _ database: Database) {
        self.store = store
        self.database = database
    }
}
