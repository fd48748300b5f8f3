import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// Until v21 an auditor never read a moderator's scoring of their file, nor the others' scorings
/// in a calibration exercise; a database whose rights were set then has them set again when it
/// is brought up to date, so that they read them once the outcome is recorded, or once their own
/// scoring is submitted.
@Suite struct ServerModerationFeedbackMigrationTests {
    @Test func aDatabaseFromBeforeV21LetsAuditorsReadTheirDecidedModerationsAndCalibrations() throws {
        let database = try OlderServerDatabase.make(before: 21) { database in
            let name = try PostgresServer.query("SELECT current_database()", in: database)
            // The rights as v20 left them: no question about a moderation of the session's file,
            // nor about the others' scorings of a calibration file.
            return ServerRights.script(database: name)
                .replacingOccurrences(of: ServerRights.v21Questions, with: "")
                .replacing(
                    /\s+OR caseaudit_moderation_of_mine\(target\)\s+OR caseaudit_calibrated_with_me\(target\)/, with: ""
                )
                .replacing(
                    /\s+OR \(moderates IS NOT NULL AND calibration IS NULL AND caseaudit_moderation_of_mine\(id\)\)/,
                    with: ""
                )
                .replacing(/\s+OR \(calibration IS NOT NULL AND caseaudit_calibrated_with_me\(id\)\)/, with: "")
        }
        let policy = "SELECT qual FROM pg_policies WHERE tablename = 'audit' AND policyname = 'sees'"
        let questions =
            "SELECT count(*) FROM pg_proc WHERE proname IN ('caseaudit_moderation_of_mine', 'caseaudit_calibrated_with_me')"
        let before = try PostgresServer.query(policy, in: database)
        #expect(!before.contains("caseaudit_moderation_of_mine") && !before.contains("caseaudit_calibrated_with_me"))
        #expect(try PostgresServer.query(questions, in: database) == "0")

        _ = try PostgreSQLStore(conninfo: database)
        let after = try PostgresServer.query(policy, in: database)
        #expect(after.contains("caseaudit_moderation_of_mine") && after.contains("caseaudit_calibrated_with_me"))
        #expect(try PostgresServer.query(questions, in: database) == "2")
        #expect(
            try PostgresServer.query("SELECT max(version) FROM schema_migration", in: database)
                == String(ServerSchema.migrations.count))
    }
}
