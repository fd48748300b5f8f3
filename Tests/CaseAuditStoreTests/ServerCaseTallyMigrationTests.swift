import CaseAudit
import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// A server database from before v13 keeps its case lists' counts: the migration counts them
/// from the rows, so the summary reads the same after it as a recount.
@Suite struct ServerCaseTallyMigrationTests {
    @Test func theListsAlreadyKeptAreCounted() throws {
        let database = try OlderServerDatabase.make(before: 13) { _ in
            """
            INSERT INTO case_snapshot (imported_at, source, format, case_count, unallocated_count, sequence)
                VALUES ('then', 'a.csv', 'csv', 5, 1, 1), ('then', 'b.csv', 'csv', 2, 0, 2);
            INSERT INTO case_record (snapshot_id, position, reference, case_type, team) VALUES
                (1, 0, 'C1', 'CIN', 'A'), (1, 1, 'C2', 'CIN', 'A'), (1, 2, 'C3', 'CP', 'A'),
                (1, 3, 'C4', 'CIN', 'B'), (1, 4, 'C5', 'CIN', NULL),
                (2, 0, 'D1', 'LAC', 'B'), (2, 1, 'D2', 'LAC', 'B');
            """
        }
        let store = try PostgreSQLStore(conninfo: database)
        #expect(
            try store.caseCounts(snapshot: 1) == [
                TeamCaseCount(team: "A", caseType: .childInNeed, count: 2),
                TeamCaseCount(team: "A", caseType: .childProtection, count: 1),
                TeamCaseCount(team: "B", caseType: .childInNeed, count: 1),
                TeamCaseCount(team: nil, caseType: .childInNeed, count: 1),
            ])
        #expect(try store.caseCounts(snapshot: 2) == [TeamCaseCount(team: "B", caseType: .lookedAfter, count: 2)])
    }
}
