import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// On the server an event goes in unsealed (schema v15), and the README promises it is sealed
/// as soon as anyone runs a command: every command, as it opens the database, checks the head
/// this machine remembers, and reading the head seals what waits.
@Suite struct ServerTrailSealingCommandTests {
    static let unsealed = "SELECT count(*) FROM trail WHERE seq IS NULL"

    @Test func theNextCommandSealsWhatTheLastOneAppended() throws {
        let folder = try TemporaryDirectory()
        let database = try CommandEngine.postgresql.newDatabase(in: folder)
        _ = try CommandRunner.drawSampleCouncil(into: database, seed: 7, engine: .postgresql, folder: folder)
        let environment = ["CASEAUDIT_STATE_DIR": "\(folder.path)/state"]
        // The draw's events (one an allocation) went in after its own opening read the head.
        let waiting = try #require(Int(try PostgresServer.query(Self.unsealed, in: database)))
        #expect(waiting > 0)
        let shown = CommandRunner.run(["whoami", "--database", database], environment: environment)
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(try PostgresServer.query(Self.unsealed, in: database) == "0")
        // Sealed in the order they went in, one chain with no gap.
        #expect(
            try PostgresServer.query(
                "SELECT bool_and(seq = rank) FROM (SELECT seq, row_number() OVER (ORDER BY id) AS rank FROM trail) t",
                in: database) == "t")
        let verified = CommandRunner.run(["log", "verify", "--database", database], environment: environment)
        #expect(verified.status == 0 && verified.output.contains("intact"), "\(verified.output)\(verified.errors)")
    }
}
