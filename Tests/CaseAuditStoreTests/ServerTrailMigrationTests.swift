import CaseAudit
import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// A server database from before the trail: migrated, its trail begins with the counts of what
/// it held, in the same payload the embedded store writes.
@Suite struct ServerTrailMigrationTests {
    @Test func aDatabaseFromBeforeTheTrailBeginsWithItsCounts() throws {
        let database = try OlderServerDatabase.make(before: 8) { _ in
            "INSERT INTO person (id, display_name, level, position) VALUES ('tm1', 'Tam', 'TM', 0);"
                + "INSERT INTO team (name, manager_id) VALUES ('A', 'tm1'), ('B', 'tm1');"
        }
        let store = try PostgreSQLStore(conninfo: database)
        let events = try store.trailEvents(TrailFilter())
        #expect(events.map(\.action) == ["trail.began"])
        #expect(
            events.first?.payload
                == #"{"actions":0,"answers":0,"audits":0,"case_snapshots":0,"cases":0,"people":1,"reallocations":0,"samples":0,"teams":2}"#
        )
        #expect(events.first?.actorLogin == (try PostgresServer.shared().admin))
        var verifier = TrailVerifier()
        verifier.feed(events)
        #expect(verifier.finish() == .intact(head: try store.trailHead(), events: 1))
    }
}
