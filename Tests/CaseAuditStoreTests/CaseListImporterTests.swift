import CaseAudit
import CaseAuditFormats
import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import CaseAuditStore

@Suite struct CaseListImporterTests {
    static func csv(rows: Int, badRow: Int? = nil) -> String {
        var text = "Case Reference,Case Type,Team\n"
        for index in 0..<rows {
            text += "C\(index),\(index == badRow ? "Adoption" : "CIN"),Team \(index % 7)\n"
        }
        return text
    }

    @Test func importsALargeFileInBatches() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/big.sqlite")
        let path = try folder.write("cases.csv", Self.csv(rows: 50_000))
        var batches = 0
        let result = try CaseListImporter.importCSV(file: path, into: store) { _ in batches += 1 }
        #expect(result.snapshot.cases == 50_000)
        #expect(batches >= 50_000 / CaseListImporter.batchSize)
        #expect(try store.cases(snapshot: result.snapshot.id).count == 50_000)
    }

    /// The error is found after earlier batches were already written: the transaction is rolled
    /// back and the row is reported.
    @Test func aLateErrorStoresNothing() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/late.sqlite")
        let path = try folder.write("cases.csv", Self.csv(rows: 50_000, badRow: 49_990))
        do {
            _ = try CaseListImporter.importCSV(file: path, into: store)
            Issue.record("the import should have failed")
        } catch {
            guard case .input(let input) = error else {
                Issue.record("expected an input error, got \(error)")
                return
            }
            #expect(input.diagnostics.map(\.location.line) == [49_992])
        }
        #expect(try store.latestCaseSnapshot() == nil)
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM case_record") } == 0)
    }

    /// A snapshot read in two halves on two connections comes back whole and in order.
    @Test func readsAHalfOnEachConnection() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/halves.sqlite")
        _ = try store.addCaseSnapshot(
            CaseList(records: [CaseRecord(reference: "OLD", caseType: .careLeaver)], format: .csv), source: "old.csv")
        let path = try folder.write("cases.csv", Self.csv(rows: 1_001))
        let result = try CaseListImporter.importCSV(file: path, into: store)
        let whole = try store.cases(snapshot: result.snapshot.id, includingDates: true, parallelFrom: .max)
        let halves = try store.cases(snapshot: result.snapshot.id, includingDates: true, parallelFrom: 1)
        #expect(whole.count == 1_001)
        #expect(halves == whole)
        #expect(whole.first?.reference == "C0")
        #expect(whole.last?.reference == "C1000")
    }

    /// A list with a row gone (someone with the file in their hands) is refused as damaged,
    /// read whole or in halves, rather than drawn from short.
    @Test func aListWithARowGoneIsRefusedAsDamaged() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/damaged.sqlite")
        let path = try folder.write("cases.csv", Self.csv(rows: 1_001))
        let result = try CaseListImporter.importCSV(file: path, into: store)
        try store.queue.write { try $0.execute(sql: "DELETE FROM case_record WHERE reference = 'C700'") }
        for threshold in [Int.max, 1] {
            #expect {
                try store.cases(snapshot: result.snapshot.id, includingDates: true, parallelFrom: threshold)
            } throws: { error in
                String(describing: error).contains("case list \(result.snapshot.id) is damaged")
            }
        }
    }
}
