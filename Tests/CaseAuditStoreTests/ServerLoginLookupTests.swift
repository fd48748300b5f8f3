import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// Every policy, rights function and trail event finds the session's person by its login: the
/// look-up must go through the index on `login`, not read the whole org chart (schema v12), and
/// a database whose rights were set before v12 keeps them.
@Suite struct ServerLoginLookupTests {
    /// The plan of the look-up every policy makes, with sequential scans priced out: a plan
    /// that still reads the whole table is one the index cannot serve.
    static func lookUpPlan(in database: String) throws -> String {
        try PostgresServer.query(
            "SET enable_seqscan = off; EXPLAIN SELECT id FROM person WHERE login = session_user", in: database)
    }

    @Test func aLoginIsFoundThroughItsIndex() throws {
        let database = try PostgresServer.freshDatabase()
        _ = try PostgreSQLStore(conninfo: database)
        let plan = try Self.lookUpPlan(in: database)
        #expect(plan.contains("Index Scan using person_login_key"), "\(plan)")
        #expect(!plan.contains("Seq Scan"), "\(plan)")
    }

    @Test func aDatabaseWithRightsBeforeV12KeepsThem() throws {
        let database = try OlderServerDatabase.make(before: 12) { database in
            ServerRights.script(database: try PostgresServer.query("SELECT current_database()", in: database))
        }
        let before = try Self.lookUpPlan(in: database)
        #expect(before.contains("Seq Scan"), "v11's look-up read the whole org chart: \(before)")

        _ = try PostgreSQLStore(conninfo: database)
        let after = try Self.lookUpPlan(in: database)
        #expect(after.contains("Index Scan using person_login_key"), "\(after)")
        let decides = try PostgresServer.query(
            """
            SELECT cmd || ' ' || qual || ' ' || with_check FROM pg_policies
            WHERE tablename = 'moderation_challenge' AND policyname = 'decides'
            """, in: database)
        #expect(decides.hasPrefix("UPDATE "), "\(decides)")
        #expect(decides.contains("login = SESSION_USER") && decides.contains("'AD'"), "\(decides)")
        #expect(decides.contains("decided_by = caseaudit_me()"), "\(decides)")
        let version = try PostgresServer.query("SELECT max(version) FROM schema_migration", in: database)
        #expect(version == String(ServerSchema.migrations.count))
    }
}
