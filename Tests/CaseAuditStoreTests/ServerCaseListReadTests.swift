import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// Since schema v16 a case list's rows are found through a block range index, and the server
/// hands them over in the table's order: the store puts each at its position, whatever order
/// the rows lie in, and refuses a list whose positions are not one to a case. Rows go in only
/// for the list their import names, which must exist.
@Suite struct ServerCaseListReadTests {
    static func list(_ count: Int) -> [CaseRecord] {
        (0..<count).map { index in
            CaseRecord(
                reference: "C\(index)", caseType: CaseType.allCases[index % CaseType.allCases.count],
                team: ["A", "B", "C"][index % 3], worker: "W\(index % 41)")
        }
    }

    /// A list kept in `store` whose rows are then rewritten in a shuffled order, as a table
    /// whose freed space is reused would hold them.
    static func shuffled(_ records: [CaseRecord], in database: String) throws -> (PostgreSQLStore, Int64) {
        let store = try PostgreSQLStore(conninfo: database)
        let snapshot = try store.addCaseSnapshot(CaseList(records: records, format: .csv), source: "cases.csv")
        try PostgresServer.execute(
            """
            SET caseaudit.filling_list = '\(snapshot.id)';
            CREATE TABLE kept AS SELECT * FROM case_record WHERE snapshot_id = \(snapshot.id);
            DELETE FROM case_record WHERE snapshot_id = \(snapshot.id);
            INSERT INTO case_record SELECT * FROM kept ORDER BY md5(reference);
            DROP TABLE kept;
            """, in: database)
        return (store, snapshot.id)
    }

    @Test(arguments: [2_000, 100_002]) func casesComeBackInTheirOrderWhateverOrderTheyLieIn(_ count: Int) throws {
        let database = try PostgresServer.freshDatabase()
        let records = Self.list(count)
        let (store, snapshot) = try Self.shuffled(records, in: database)
        // The rows do lie out of order.
        #expect(
            try PostgresServer.query(
                "SELECT (array_agg(position))[1:3] <> '{0,1,2}' FROM (SELECT position FROM case_record LIMIT 3) t",
                in: database) == "t")
        let read = try store.cases(snapshot: snapshot, includingDates: false)
        #expect(read.count == count)
        #expect(read == records)
    }

    @Test func aListWithAPositionTwiceOrMissingIsRefused() throws {
        let database = try PostgresServer.freshDatabase()
        let (store, snapshot) = try Self.shuffled(Self.list(100_002), in: database)
        // One case moved onto another's position (in the second half): one there twice, one missing.
        try PostgresServer.execute(
            "SET caseaudit.filling_list = '\(snapshot)'; UPDATE case_record SET position = 70001 WHERE snapshot_id = \(snapshot) AND position = 70000",
            in: database)
        #expect {
            try store.cases(snapshot: snapshot, includingDates: false)
        } throws: { error in
            String(describing: error).contains("case list \(snapshot) is damaged")
        }
        // Put back, the list reads again, on the same store.
        try PostgresServer.execute(
            "SET caseaudit.filling_list = '\(snapshot)'; UPDATE case_record SET position = 70000 WHERE snapshot_id = \(snapshot) AND reference = 'C70000'",
            in: database)
        #expect(try store.cases(snapshot: snapshot, includingDates: false) == Self.list(100_002))
        // A case gone from the first half.
        try PostgresServer.execute(
            "DELETE FROM case_record WHERE snapshot_id = \(snapshot) AND position = 5", in: database)
        #expect {
            try store.cases(snapshot: snapshot, includingDates: false)
        } throws: { error in
            String(describing: error).contains("case list \(snapshot) is damaged: 50000 of the 50001 cases expected")
        }
    }

    @Test func rowsGoInOnlyForTheListTheirImportNames() throws {
        let database = try PostgresServer.freshDatabase()
        let store = try PostgreSQLStore(conninfo: database)
        let kept = try store.addCaseSnapshot(CaseList(records: Self.list(3), format: .csv), source: "cases.csv")
        let row = "INSERT INTO case_record (snapshot_id, position, reference, case_type) VALUES"
        func refusal(_ sql: String) -> String {
            do {
                try PostgresServer.execute(sql, in: database)
                return "kept"
            } catch {
                return String(describing: error)
            }
        }
        // No list named, or a list that does not exist: refused before any row.
        #expect(refusal("\(row) (\(kept.id), 3, 'X', 'CIN')").contains("a case row names no snapshot"))
        #expect(
            refusal("SET caseaudit.filling_list = '999'; \(row) (999, 0, 'X', 'CIN')")
                .contains("a case row names no snapshot"))
        // A list named, and a row for another.
        let other = try store.addCaseSnapshot(CaseList(records: Self.list(2), format: .csv), source: "more.csv")
        #expect(
            refusal("SET caseaudit.filling_list = '\(other.id)'; \(row) (\(kept.id), 3, 'X', 'CIN')")
                .contains("case_record_in_its_list"))
        // Copying a council in is for the schema's owner alone.
        let role = "list_probe_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresServer.execute(
            "CREATE ROLE \(role) LOGIN; GRANT SELECT, INSERT ON case_record, case_snapshot TO \(role)", in: database)
        let server = try PostgresServer.shared()
        let name = try #require(
            database.split(separator: " ").first { $0.hasPrefix("dbname=") }.map { String($0.dropFirst(7)) })
        do {
            try PostgresServer.execute(
                "SET caseaudit.copying_trail = on; \(row) (\(kept.id), 3, 'X', 'CIN')",
                in: server.conninfo(database: name, user: role))
            Issue.record("someone other than the owner copied case rows in")
        } catch {
            #expect(String(describing: error).contains("only the schema's owner copies a council in"))
        }
        #expect(try PostgresServer.query("SELECT count(*) FROM case_record", in: database) == "5")
    }
}
