import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// Until v20 every auditor read the roll-ups, the council's figures the reports are made of; a
/// database whose rights were set then has them set again when it is brought up to date, so
/// that only senior managers (and leads) read them.
@Suite struct ServerRollupRightsMigrationTests {
    @Test func aDatabaseFromBeforeV20StopsShowingAuditorsTheRollups() throws {
        let database = try OlderServerDatabase.make(before: 20) { database in
            let name = try PostgresServer.query("SELECT current_database()", in: database)
            // The rights as v19 left them: the roll-ups read by auditors and senior managers alike.
            var script = ServerRights.script(database: name)
            for table in ["rollup_grade", "rollup_trend", "rollup_item", "rollup_item_council"] {
                script += """
                    ;
                    DROP POLICY reports_read ON \(table);
                    CREATE POLICY submission_reads ON \(table) FOR SELECT USING (
                        pg_has_role(session_user, '\(name)_auditor', 'MEMBER') OR pg_has_role(session_user, '\(name)_senior', 'MEMBER'))
                    """
            }
            return script
        }
        let policies =
            "SELECT string_agg(policyname || ':' || qual, ' | ') FROM pg_policies WHERE tablename = 'rollup_grade' AND cmd = 'SELECT'"
        #expect(try PostgresServer.query(policies, in: database).contains("_auditor"))

        _ = try PostgreSQLStore(conninfo: database)
        let after = try PostgresServer.query(policies, in: database)
        #expect(after.contains("reports_read:") && after.contains("_senior"), "\(after)")
        #expect(!after.contains("_auditor") && !after.contains("submission_reads"), "\(after)")
        #expect(
            try PostgresServer.query("SELECT max(version) FROM schema_migration", in: database)
                == String(ServerSchema.migrations.count))
    }
}
