import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// What every server session of caseaudit's is set to: the store's own connection and any
/// other it makes (a lease's, a draw's second half).
@Suite struct ServerSessionTests {
    @Test func aSessionPlansWithoutJITAndKeepsNoticesQuiet() throws {
        let store = try PostgreSQLStore(conninfo: try PostgresServer.freshDatabase())
        for connection in [store.connection, try PGConnection(store.conninfo)] {
            #expect(try connection.execute("SHOW jit").first?.text("jit") == "off")
            #expect(try connection.execute("SHOW client_min_messages").first?.text("client_min_messages") == "warning")
        }
    }
}
