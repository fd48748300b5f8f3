import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// Until v21 an auditor never read a moderator's scoring of their file; a database whose rights
/// were set then has them set again when it is brought up to date, so that the file's auditor
/// reads it once the outcome is recorded.
@Suite struct ServerModerationFeedbackMigrationTests {
    @Test func aDatabaseFromBeforeV21LetsAuditorsReadTheirDecidedModerations() throws {
        let database = try OlderServerDatabase.make(before: 21) { database in
            let name = try PostgresServer.query("SELECT current_database()", in: database)
            // The rights as v20 left them: no question about a moderation of the session's file.
            return ServerRights.script(database: name)
                .replacingOccurrences(of: ServerRights.moderationOfMine, with: "")
                .replacingOccurrences(of: " OR caseaudit_moderation_of_mine(target)", with: "")
                .replacing(/\s+OR \(moderates IS NOT NULL AND caseaudit_moderation_of_mine\(id\)\)/, with: "")
        }
        let policy = "SELECT qual FROM pg_policies WHERE tablename = 'audit' AND policyname = 'sees'"
        let question = "SELECT count(*) FROM pg_proc WHERE proname = 'caseaudit_moderation_of_mine'"
        #expect(try !PostgresServer.query(policy, in: database).contains("caseaudit_moderation_of_mine"))
        #expect(try PostgresServer.query(question, in: database) == "0")

        _ = try PostgreSQLStore(conninfo: database)
        #expect(try PostgresServer.query(policy, in: database).contains("caseaudit_moderation_of_mine"))
        #expect(try PostgresServer.query(question, in: database) == "1")
        #expect(
            try PostgresServer.query("SELECT max(version) FROM schema_migration", in: database)
                == String(ServerSchema.migrations.count))
    }
}
