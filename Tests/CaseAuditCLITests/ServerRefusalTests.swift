import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// Bad connections and bad identities on the server store: a clear error, exit 1, nothing
/// written, and never a password.
@Suite struct ServerRefusalTests {
    @Test func aConnectionThatCannotBeMadeSaysWhyWithoutThePassword() throws {
        let server = try PostgresServer.shared()
        let malformed = CommandRunner.run(["cases", "summary", "--database", "postgresql://[nowhere"])
        #expect(malformed.status == 1)
        #expect(malformed.errors.hasPrefix("caseaudit: error: postgresql://[nowhere: cannot open the database: "))
        let refused = CommandRunner.run([
            "cases", "summary", "--database", "host=\(server.folder) port=\(server.port) user=nobody password=hunter2",
        ])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("role \"nobody\" does not exist"))
        #expect(!refused.errors.contains("hunter2") && !refused.output.contains("hunter2"))
        let uri = CommandRunner.run([
            "cases", "summary", "--database", "postgresql://nobody:hunter2@localhost:1/caseaudit?sslmode=disable",
        ])
        #expect(uri.status == 1 && !uri.errors.contains("hunter2"))
        #expect(uri.errors.contains("postgresql://nobody@localhost:1/caseaudit?sslmode=disable"))
    }

    @Test func aServerDatabaseFromANewerCaseauditIsRefused() throws {
        let database = try PostgresServer.freshDatabase()
        #expect(CommandRunner.run(["whoami", "--database", database]).status == 0)
        try PostgresServer.execute("INSERT INTO schema_migration VALUES (99, 'from the future', 'now')", in: database)
        let refused = CommandRunner.run(["whoami", "--database", database])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("this database was written by a newer version of caseaudit"))
    }

    @Test func aLoginThatIsNobodysCannotScore() throws {
        let database = try PostgresServer.freshDatabase()
        CommandRunner.importSampleCouncil(into: database)
        let refused = CommandRunner.run([
            "audit", "score", "DEMO-0000001", "--answers", "x.csv", "--database", database,
        ])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("(database login), which is nobody's login in the org chart"))
    }
}
