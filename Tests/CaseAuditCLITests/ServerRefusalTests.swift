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

    /// The scoring screen's "resume with" names the database without the password (libpq
    /// finds it again in ~/.pgpass or PGPASSWORD).
    @Test func theResumeCommandLeavesThePasswordOut() throws {
        let folder = try TemporaryDirectory()
        let database = try PostgresServer.freshDatabase()
        let files = try CommandRunner.drawSampleCouncil(into: database, seed: 3, engine: .postgresql, folder: folder)
        let file = try #require(files.first)
        let terminal = try PseudoTerminal(
            BinaryRunner.binaryPath,
            [
                "audit", "score", try #require(file["caseReference"] as? String), "--on-behalf-of",
                try #require(file["auditorID"] as? String), "--database", database + " password=hunter2", "--dir",
                Fixtures.shippedChecklistsDirectory,
            ], environment: ["NO_COLOR": "1"], columns: 100, rows: 30)
        try terminal.waitFor("0 of 10 answered")
        terminal.type("yQ")
        #expect(try terminal.waitForExit() == 0)
        let transcript = String(decoding: terminal.transcript, as: UTF8.self)
        #expect(transcript.contains("Resume with: caseaudit audit score "), "\(transcript.suffix(400))")
        #expect(transcript.contains("--database 'host="), "\(transcript.suffix(400))")
        #expect(!transcript.contains("hunter2"))
    }

    @Test func aServerDatabaseFromANewerCaseauditIsRefused() throws {
        let database = try PostgresServer.freshDatabase()
        #expect(CommandRunner.run(["whoami", "--database", database]).status == 0)
        try PostgresServer.execute("INSERT INTO schema_migration VALUES (99, 'from the future', 'now')", in: database)
        let refused = CommandRunner.run(["whoami", "--database", database])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("this database was written by a newer version of caseaudit"))
    }

    /// A login that is not the schema's owner neither makes the schema nor brings it up to
    /// date: it is told who may, and nothing is read or written.
    @Test func onlyTheSchemasOwnerMakesOrUpdatesIt() throws {
        let server = try PostgresServer.shared()
        let database = try PostgresServer.freshDatabase()
        let login = "m\(UInt32.random(in: 0...UInt32.max))"
        try PostgresServer.execute("CREATE ROLE \(login) LOGIN", in: database)
        let asLogin = database.replacingOccurrences(of: "user=\(server.admin)", with: "user=\(login)")
        let unmade = CommandRunner.run(["whoami", "--database", asLogin])
        #expect(unmade.status == 1)
        #expect(
            unmade.errors.contains(
                "holds no caseaudit schema yet, so nothing was read or written; only the database's owner may make it, by running `caseaudit server init` against it"
            ), "\(unmade.errors)")
        #expect(try PostgresServer.query("SELECT to_regclass('schema_migration') IS NULL", in: database) == "t")

        // As an older caseaudit left it: the last migration (v20, which changed only the rights)
        // not applied yet.
        #expect(CommandRunner.run(["whoami", "--database", database]).status == 0)
        try PostgresServer.execute(
            "DELETE FROM schema_migration WHERE version = 20; GRANT SELECT ON schema_migration TO \(login)",
            in: database)
        let older = CommandRunner.run(["whoami", "--database", asLogin])
        #expect(older.status == 1)
        #expect(
            older.errors.contains(
                "this database's schema is from an older caseaudit, so nothing was read or written; only the schema's owner may bring it up to date, by running `caseaudit server init` against it"
            ), "\(older.errors)")
        let applied = "SELECT count(*) FROM schema_migration WHERE version = 20"
        #expect(try PostgresServer.query(applied, in: database) == "0")
        #expect(CommandRunner.run(["server", "init", "--database", database]).status == 0)
        #expect(try PostgresServer.query(applied, in: database) == "1")
    }

    @Test func aLoginThatIsNobodysCannotScore() throws {
        let database = try PostgresServer.freshDatabase()
        CommandRunner.importSampleCouncil(into: database)
        let refused = CommandRunner.run([
            "audit", "score", "DEMO-0000001", "--answers", "x.csv", "--database", database,
        ])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains(
                "(database login), which is nobody's login in the org chart; to score for an auditor, add --on-behalf-of ID"
            ), "\(refused.errors)")
    }
}
