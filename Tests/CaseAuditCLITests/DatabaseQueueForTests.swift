import GRDB

/// Direct SQL on a test database, to tamper with a record the way an attacker or a bug might.
struct DatabaseQueueForTests {
    let queue: DatabaseQueue

    init(path: String) throws {
        queue = try DatabaseQueue(path: path)
    }

    func execute(_ sql: String) throws {
        try queue.write { try $0.execute(sql: sql) }
    }
}
