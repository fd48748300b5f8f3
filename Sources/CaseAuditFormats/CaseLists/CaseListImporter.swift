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
        // One opening for the reading and the digest, so that both are of the same file, and
        // each fails if it changed while they read it.
        let file: FileContents.OpenFile
        do throws(InputError) {
            file = try CSVInput.open(path)
        } catch {
            throw .input(error)
        }
        let channel = BatchChannel<[CaseRecord], InputError>()
        let reading = BackgroundWork { () -> [String] in
            do throws(InputError) {
                let notes = try CaseListCSVImport.read(file: path, opened: file, mapping: mapping, batchSize: batchSize)
                { channel.send($0) }
                channel.finish()
                return notes
            } catch {
                channel.fail(error)
                return []
            }
        }
        // The file's digest, for the trail, worked out while the rows are read and stored.
        let digest = BackgroundWork { () -> Swift.Result<String, FileContents.Failure> in
            Swift.Result { () throws(FileContents.Failure) in try ImportSource.sha256(of: file) }
        }
        do {
            var stored = 0
            let snapshot = try store.addCaseSnapshot(
                source: ImportSource(name: path, sha256: try? digest.wait().get()), format: .csv
            ) { () throws(InputError) in
                if stored > 0 { progress(stored) }
                let batch = try channel.receive()
                stored += batch?.count ?? 0
                // The last batch is taken only with the digest of the same bytes.
                if batch == nil, case .failure(let failure) = digest.wait() {
                    throw FileContents.input(failure, path)
                }
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
