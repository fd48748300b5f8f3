import CaseAudit
import Dispatch

/// Imports a CSV case list into a store: the file is read on one core while the records
/// already made are written on the other, in one transaction that is rolled back if the file
/// turns out to be wrong anywhere.
public enum CaseListImporter {
    public static let batchSize = 20_000

    public struct Result: Sendable {
        public var snapshot: CaseSnapshot
        public var notes: [String]
    }

    /// `progress` is called on the calling thread with the number of cases stored so far,
    /// after each batch.
    public static func importCSV(
        file path: String, mapping: [CaseListCSVImport.Field: String] = [:], into store: some PopulationStore,
        progress: (Int) -> Void = { _ in }
    ) throws(CaseImportError) -> Result {
        let channel = BatchChannel<[CaseRecord], InputError>()
        let reading = BackgroundWork { () -> [String] in
            do throws(InputError) {
                let notes = try CaseListCSVImport.read(file: path, mapping: mapping, batchSize: batchSize) {
                    channel.send($0)
                }
                channel.finish()
                return notes
            } catch {
                channel.fail(error)
                return []
            }
        }
        // The file's digest, for the trail, worked out while the rows are read and stored.
        let digest = BackgroundWork { ImportSource.sha256(ofFile: path) }
        do {
            var stored = 0
            let snapshot = try store.addCaseSnapshot(
                source: ImportSource(name: path, sha256: digest.wait()), format: .csv
            ) { () throws(InputError) in
                if stored > 0 { progress(stored) }
                let batch = try channel.receive()
                stored += batch?.count ?? 0
                return batch
            }
            return Result(snapshot: snapshot, notes: reading.wait())
        } catch {
            // The reader may still be sending (the store failed first): drain it so it ends.
            while (try? channel.receive()) != nil {}
            _ = reading.wait()
            _ = digest.wait()
            throw error
        }
    }
}
