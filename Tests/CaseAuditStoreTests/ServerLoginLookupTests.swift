import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// Every policy, rights function and trail event finds the session's person by its login: the
/// look-up must go through the index on `login`, not read the whole org chart (schema v12); a
/// database whose rights were set before v12 keeps them, and has its policies set again so that
/// they ask who the session is once a statement (v14).
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
        #expect(decides.contains("decided_by = ( SELECT caseaudit_me()"), "\(decides)")
        // The rights are set again after the migrations (v14): who the session is, and whether
        // it leads, are asked once a statement, as sub-selects, not once for every row.
        let lead = try PostgresServer.query(
            "SELECT qual || ' ' || with_check FROM pg_policies WHERE tablename = 'case_snapshot' AND policyname = 'lead'",
            in: database)
        #expect(lead.components(separatedBy: "SELECT caseaudit_is_lead()").count == 3, "\(lead)")
        let mine = try PostgresServer.query(
            "SELECT qual FROM pg_policies WHERE tablename = 'sample_case' AND policyname = 'mine'", in: database)
        #expect(mine.contains("SELECT caseaudit_me()"), "\(mine)")
        let version = try PostgresServer.query("SELECT max(version) FROM schema_migration", in: database)
        #expect(version == String(ServerSchema.migrations.count))
    }
}
