import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// On the server an event never waits for another transaction's commit: while one holds the
/// chain's lock, another's event goes in unsealed, and is sealed, after it, by the next append
/// or read of the chain. An unsealed event can be sealed and nothing else.
@Suite struct ServerTrailSealingTests {
    @Test func anEventGoesInWithoutWaitingAndIsSealedAfter() throws {
        let database = try PostgresServer.freshDatabase()
        let first = try PostgreSQLStore(conninfo: database)
        let second = try PostgreSQLStore(conninfo: database)
        let before = try first.trailHead()
        let waiting: String = try first.write {
            try first.appendTrail(.redrawChecked(SampleID(1), reproduced: true, differences: 0))
            // The first transaction holds the lock until it commits; the second's event goes
            // in at once, unsealed, and its transaction commits.
            try second.write { try second.appendTrail(.redrawChecked(SampleID(2), reproduced: false, differences: 3)) }
            return try PostgresServer.query(
                "SELECT coalesce(seq::text, 'unsealed') FROM trail WHERE entity_id = '2'", in: database)
        }
        #expect(waiting == "unsealed")
        #expect(
            try PostgresServer.query(
                "SELECT coalesce(seq::text, 'unsealed') FROM trail WHERE entity_id = '2'", in: database)
                == "unsealed")
        // Even a superuser may only seal an unsealed event, not change it.
        #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute("UPDATE trail SET payload = '{}' WHERE entity_id = '2'", in: database)
        }
        // Reading the chain seals it, in the order the events went in.
        let events = try first.trailEvents(TrailFilter())
        let base = before?.seq ?? 0
        #expect(events.suffix(2).map(\.seq) == [base + 1, base + 2])
        #expect(events.suffix(2).map(\.entityID) == ["1", "2"])
        var verifier = TrailVerifier()
        verifier.feed(events)
        #expect(verifier.finish() == .intact(head: try first.trailHead(), events: Int64(events.count)))
        #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute("UPDATE trail SET payload = '{}' WHERE entity_id = '2'", in: database)
        }
    }

    /// The next append that takes the lock seals what waits before itself, in the order it went
    /// in (v11 asks whether anything waits in the same query that reads the head).
    @Test func theNextAppendSealsWhatWaitsBeforeItself() throws {
        let database = try PostgresServer.freshDatabase()
        let first = try PostgreSQLStore(conninfo: database)
        let second = try PostgreSQLStore(conninfo: database)
        let base = try first.trailHead()?.seq ?? 0
        try first.write {
            try first.appendTrail(.redrawChecked(SampleID(1), reproduced: true, differences: 0))
            try second.write { try second.appendTrail(.redrawChecked(SampleID(2), reproduced: false, differences: 3)) }
        }
        let sealed =
            "SELECT string_agg(entity_id || '=' || coalesce(seq::text, 'unsealed'), ',' ORDER BY id) FROM trail"
        #expect(try PostgresServer.query(sealed, in: database) == "1=\(base + 1),2=unsealed")
        // An append, not a read: its trigger finds the lock free and an event waiting.
        try second.write { try second.appendTrail(.redrawChecked(SampleID(3), reproduced: true, differences: 0)) }
        #expect(
            try PostgresServer.query(sealed, in: database) == "1=\(base + 1),2=\(base + 2),3=\(base + 3)")
        var verifier = TrailVerifier()
        let events = try first.trailEvents(TrailFilter())
        verifier.feed(events)
        #expect(events.count == Int(base) + 3)
        #expect(verifier.finish() == .intact(head: try first.trailHead(), events: Int64(events.count)))
    }
}
