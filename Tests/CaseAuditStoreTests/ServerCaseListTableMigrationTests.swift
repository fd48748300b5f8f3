import CaseAudit
import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// A server database from before v18 keeps its case lists: the migration moves each list's rows
/// into a table of its own, which reads as before and is kept from then on.
@Suite struct ServerCaseListTableMigrationTests {
    @Test func eachListKeptBeforeIsMovedIntoItsOwnTable() throws {
        let database = try OlderServerDatabase.make(before: 18) { _ in
            """
            INSERT INTO case_snapshot (imported_at, source, format, case_count, unallocated_count, sequence)
                VALUES ('then', 'a.csv', 'csv', 3, 1, 1), ('then', 'b.csv', 'csv', 2, 0, 2);
            UPDATE store_sequence SET value = 2 WHERE name = 'case_snapshot';
            SET caseaudit.filling_list = '1';
            INSERT INTO case_record (snapshot_id, position, reference, case_type, team, worker) VALUES
                (1, 2, 'C3', 'CP', 'A', 'W1'), (1, 0, 'C1', 'CIN', 'A', 'W2'), (1, 1, 'C2', 'CIN', NULL, NULL);
            SET caseaudit.filling_list = '2';
            INSERT INTO case_record (snapshot_id, position, reference, case_type, team) VALUES
                (2, 0, 'D1', 'LAC', 'B'), (2, 1, 'D2', 'LAC', 'B');
            """
        }
        let store = try PostgreSQLStore(conninfo: database)
        #expect(
            try store.cases(snapshot: 1, includingDates: false) == [
                CaseRecord(reference: "C1", caseType: .childInNeed, team: "A", worker: "W2"),
                CaseRecord(reference: "C2", caseType: .childInNeed, team: nil, worker: nil),
                CaseRecord(reference: "C3", caseType: .childProtection, team: "A", worker: "W1"),
            ])
        #expect(try store.cases(snapshot: 2, includingDates: false).map(\.reference) == ["D1", "D2"])
        #expect(
            try PostgresServer.query(
                "SELECT string_agg(format('%s:%s', tablename, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM case_lists.%I', tablename), false, true, '')))[1]), ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'case_lists'",
                in: database) == "list_1:3,list_2:2")
        // The old table and its checks are gone; the lists are kept.
        #expect(try PostgresServer.query("SELECT to_regclass('case_record_before_v18') IS NULL", in: database) == "t")
        #expect {
            try PostgresServer.execute("DELETE FROM case_record WHERE snapshot_id = 2", in: database)
        } throws: { error in
            String(describing: error).contains("case list 2 is kept")
        }
        // A list imported afterwards gets a table of its own too.
        let next = try store.addCaseSnapshot(
            CaseList(records: [CaseRecord(reference: "E1", caseType: .childInNeed, team: "C")], format: .csv),
            source: "c.csv")
        #expect(
            try PostgresServer.query("SELECT count(*) FROM case_lists.list_\(next.id)", in: database) == "1")
    }
}
