import CaseAudit

/// A case list's batches as its reader hands them over to a store's import, remembering the
/// reader's own failure (a bad row): that rolls the import back, and is reported as the
/// input's fault rather than the store's.
struct CaseBatches {
    private(set) var failure: InputError?

    /// Hands each batch `next` reads to `body`, in order, until the reader has no more.
    mutating func forEach(
        _ next: () throws(InputError) -> [CaseRecord]?, _ body: ([CaseRecord]) throws -> Void
    ) throws {
        while true {
            let batch: [CaseRecord]?
            do throws(InputError) {
                batch = try next()
            } catch {
                failure = error
                throw error
            }
            guard let batch else { return }
            try body(batch)
        }
    }

    /// The import's error: the reader's failure when there was one, otherwise the store's.
    func importError(_ error: StoreError) -> CaseImportError { failure.map { .input($0) } ?? .store(error) }
}
