import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAuditStore

/// The server hands a case list's rows over in the table's order: the store puts each at its
/// position, whatever order the rows lie in, and refuses a list whose positions are not one to
/// a case. Since v18 each list is a table of its own: rows go in only for a list that exists,
/// and only while the transaction that makes it is open.
@Suite struct ServerCaseListReadTests {
    static func list(_ count: Int) -> [CaseRecord] {
        (0..<count).map { index in
            CaseRecord(
                reference: "C\(index)", caseType: CaseType.allCases[index % CaseType.allCases.count],
                team: ["A", "B", "C"][index % 3], worker: "W\(index % 41)")
        }
    }

    /// Runs `sql` on a kept list's rows as someone who damages them would: the table's owner,
    /// with the trigger that keeps the list turned off.
    static func tamper(list: Int64, _ sql: String, in database: String) throws {
        try PostgresServer.execute(
            """
            ALTER TABLE case_lists.list_\(list) DISABLE TRIGGER kept;
            \(sql);
            ALTER TABLE case_lists.list_\(list) ENABLE ALWAYS TRIGGER kept;
            """, in: database)
    }

    /// A list kept in `store` whose rows are then rewritten in a shuffled order, as a table
    /// whose freed space is reused would hold them.
    static func shuffled(_ records: [CaseRecord], in database: String) throws -> (PostgreSQLStore, Int64) {
        let store = try PostgreSQLStore(conninfo: database)
        let snapshot = try store.addCaseSnapshot(CaseList(records: records, format: .csv), source: "cases.csv")
        try tamper(
            list: snapshot.id,
            """
            CREATE TABLE kept AS SELECT * FROM case_record WHERE snapshot_id = \(snapshot.id);
            DELETE FROM case_record WHERE snapshot_id = \(snapshot.id);
            INSERT INTO case_record SELECT * FROM kept ORDER BY md5(reference);
            DROP TABLE kept
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

    @Test func aListWrittenInOrderIsReadInTwoPartsCutAtItsMiddlePage() throws {
        let database = try PostgresServer.freshDatabase()
        let store = try PostgreSQLStore(conninfo: database)
        let records = Self.list(100_002)
        let snapshot = try store.addCaseSnapshot(CaseList(records: records, format: .csv), source: "cases.csv")
        let split = try #require(try PostgreSQLStore.ListSplit.find(list: snapshot.id, on: PGConnection(database)))
        #expect(split.page > 0)
        #expect(abs(split.position - 50_001) < 1_000, "\(split.position)")
        // Read in the two parts, not again whole.
        #expect(try store.cases(snapshot.id, count: 100_002, split: split, includingDates: false) == records)
        // Cut elsewhere, the cases on the wrong side of the cut are placed once both parts are read.
        for position in [split.position + 1, split.position - 1_000, 3] {
            let elsewhere = PostgreSQLStore.ListSplit(page: split.page, position: position)
            let read = try store.cases(snapshot.id, count: 100_002, split: elsewhere, includingDates: false)
            #expect(read.count == records.count && read == records, "cut at \(position)")
        }
    }

    @Test func aListWithAPositionTwiceOrMissingIsRefused() throws {
        let database = try PostgresServer.freshDatabase()
        let (store, snapshot) = try Self.shuffled(Self.list(100_002), in: database)
        // One case moved onto another's position (in the second half): one there twice, one missing.
        try Self.tamper(
            list: snapshot,
            "UPDATE case_record SET position = 70001 WHERE snapshot_id = \(snapshot) AND position = 70000",
            in: database)
        #expect {
            try store.cases(snapshot: snapshot, includingDates: false)
        } throws: { error in
            String(describing: error).contains("case list \(snapshot) is damaged")
        }
        // Put back, the list reads again, on the same store.
        try Self.tamper(
            list: snapshot,
            "UPDATE case_record SET position = 70000 WHERE snapshot_id = \(snapshot) AND reference = 'C70000'",
            in: database)
        #expect(try store.cases(snapshot: snapshot, includingDates: false) == Self.list(100_002))
        // A case gone from the first half.
        try Self.tamper(
            list: snapshot, "DELETE FROM case_record WHERE snapshot_id = \(snapshot) AND position = 5", in: database)
        #expect {
            try store.cases(snapshot: snapshot, includingDates: false)
        } throws: { error in
            String(describing: error).contains("case list \(snapshot) is damaged: 100001 of the 100002 cases expected")
        }
    }

    @Test func rowsGoInOnlyForAListBeingMadeAndAKeptListDoesNotChange() throws {
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
        // A list that does not exist has no table to take the row.
        #expect(refusal("\(row) (999, 0, 'X', 'CIN')").contains("no partition of relation \"case_record\" found"))
        // A kept list takes no row, and its rows neither change nor go, even for a superuser
        // with the triggers off.
        for sql in [
            "\(row) (\(kept.id), 3, 'X', 'CIN')",
            "UPDATE case_record SET team = 'Z' WHERE snapshot_id = \(kept.id)",
            "DELETE FROM case_record WHERE snapshot_id = \(kept.id)",
            "SET session_replication_role = replica; DELETE FROM case_lists.list_\(kept.id)",
        ] {
            #expect(refusal(sql).contains("case list \(kept.id) is kept"), "\(sql)")
        }
        // A list made in psql takes rows until its transaction commits, and none after.
        #expect(
            refusal(
                """
                BEGIN;
                INSERT INTO case_snapshot (id, imported_at, source, format, case_count, unallocated_count, sequence)
                    OVERRIDING SYSTEM VALUE VALUES (50, 'now', 'psql', 'csv', 1, 0, 50);
                \(row) (50, 0, 'Y', 'CIN');
                COMMIT;
                """) == "kept")
        #expect(refusal("\(row) (50, 1, 'Z', 'CIN')").contains("case list 50 is kept"))
        #expect(try PostgresServer.query("SELECT count(*) FROM case_record", in: database) == "4")
        // A list whose import failed leaves no table behind.
        #expect(
            refusal(
                """
                BEGIN;
                INSERT INTO case_snapshot (id, imported_at, source, format, case_count, unallocated_count, sequence)
                    OVERRIDING SYSTEM VALUE VALUES (60, 'now', 'psql', 'csv', 1, 0, 60);
                \(row) (60, 0, NULL, 'CIN');
                COMMIT;
                """
            ).contains("null value"))
        #expect(
            try PostgresServer.query(
                "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'case_lists'",
                in: database) == ["list_\(kept.id)", "list_50"].sorted().joined(separator: ","))
    }
}
