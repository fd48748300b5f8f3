import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// On the server an append never waits for the chain nor works on it (schema v15): every event
/// goes in unsealed, stamped with its time and actor, and whoever next reads the chain seals
/// what waits, in the order the events went in. An unsealed event can be sealed and nothing else.
@Suite struct ServerTrailSealingTests {
    static let sealed =
        "SELECT string_agg(entity_id || '=' || coalesce(seq::text, 'unsealed'), ',' ORDER BY id) FROM trail WHERE entity = 'sample'"

    @Test func anEventGoesInUnsealedAndTheNextReaderSealsIt() throws {
        let database = try PostgresServer.freshDatabase()
        let first = try PostgreSQLStore(conninfo: database)
        let second = try PostgreSQLStore(conninfo: database)
        let base = try first.trailHead()?.seq ?? 0
        try first.write {
            try first.appendTrail(.redrawChecked(SampleID(1), reproduced: true, differences: 0))
            // Neither append waits for the other.
            try second.write { try second.appendTrail(.redrawChecked(SampleID(2), reproduced: false, differences: 3)) }
        }
        #expect(try PostgresServer.query(Self.sealed, in: database) == "1=unsealed,2=unsealed")
        // The server stamped who and when, though the event has no place in the chain yet.
        #expect(
            try PostgresServer.query(
                "SELECT count(*) FROM trail WHERE entity = 'sample' AND at LIKE '20%Z' AND actor_login = session_user",
                in: database) == "2")
        // Even a superuser may only seal an unsealed event, not change it.
        #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute("UPDATE trail SET payload = '{}' WHERE entity_id = '2'", in: database)
        }
        // Reading the chain seals it, in the order the events went in.
        let events = try first.trailEvents(TrailFilter())
        #expect(events.suffix(2).map(\.seq) == [base + 1, base + 2])
        #expect(events.suffix(2).map(\.entityID) == ["1", "2"])
        #expect(try PostgresServer.query(Self.sealed, in: database) == "1=\(base + 1),2=\(base + 2)")
        var verifier = TrailVerifier()
        verifier.feed(events)
        #expect(verifier.finish() == .intact(head: try first.trailHead(), events: Int64(events.count)))
        #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute("UPDATE trail SET payload = '{}' WHERE entity_id = '2'", in: database)
        }
    }

    /// A reader seals only what has committed; an event whose transaction commits later joins
    /// the chain after, at the next reading, so the chain's order is the order events were sealed.
    @Test func anEventCommittedLateJoinsTheChainAtTheNextReading() throws {
        let database = try PostgresServer.freshDatabase()
        let first = try PostgreSQLStore(conninfo: database)
        let second = try PostgreSQLStore(conninfo: database)
        let reader = try PostgreSQLStore(conninfo: database)
        let base = try reader.trailHead()?.seq ?? 0
        let headWhileOpen: TrailHead? = try first.write {
            try first.appendTrail(.redrawChecked(SampleID(1), reproduced: true, differences: 0))
            try second.write { try second.appendTrail(.redrawChecked(SampleID(2), reproduced: false, differences: 3)) }
            // The reader sees the second event, committed, and not the first.
            return try reader.trailHead()
        }
        #expect(headWhileOpen?.seq == base + 1)
        #expect(try PostgresServer.query(Self.sealed, in: database) == "1=unsealed,2=\(base + 1)")
        let head = try reader.trailHead()
        #expect(head?.seq == base + 2)
        #expect(try PostgresServer.query(Self.sealed, in: database) == "1=\(base + 2),2=\(base + 1)")
        let events = try reader.trailEvents(TrailFilter())
        #expect(events.count == Int(base) + 2)
        var verifier = TrailVerifier()
        verifier.feed(events)
        #expect(verifier.finish() == .intact(head: head, events: Int64(events.count)))
    }

    /// A report reads in one snapshot and seals the chain in it. When another reader seals the
    /// events that snapshot saw waiting, its sealing loses the race (SQLSTATE 40001): the
    /// snapshot is taken again, not shown as an error, and the head read is the chain's.
    @Test func aSnapshotWhoseSealingLosesTheRaceIsTakenAgain() throws {
        let database = try PostgresServer.freshDatabase()
        let store = try PostgreSQLStore(conninfo: database)
        let other = try PostgreSQLStore(conninfo: database)
        let month = try #require(AuditMonth("2026-11"))
        let base = try store.trailHead()?.seq ?? 0
        try store.write { try store.appendTrail(.redrawChecked(SampleID(1), reproduced: true, differences: 0)) }
        var runs = 0
        let head = try store.readingOneState {
            runs += 1
            let expected = runs == 1 ? "1=unsealed" : "1=\(base + 1)"
            #expect(try PostgresServer.query(Self.sealed, in: database) == expected)
            _ = try store.gradeCells(months: month...month)
            let sealedElsewhere = try other.trailHead()
            return (try store.trailHead(), sealedElsewhere)
        }
        #expect(runs == 2)
        #expect(head.0 == head.1)
        #expect(head.0?.seq == base + 1)
    }
}
