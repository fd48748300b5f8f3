import CaseAudit

/// The text of `checklist list` and `checklist validate`.
public enum ChecklistCatalogText {
    /// The valid checklists of a folder, one row each.
    public static func table(_ entries: [ChecklistCatalog.Entry]) -> String {
        let rows = entries.compactMap { try? $0.result.get() }.map { loaded in
            [
                loaded.checklist.id, loaded.checklist.version, loaded.checklist.title,
                String(loaded.checklist.items.count), loaded.contentHash.map { "sha256:\($0.short)" } ?? "",
            ]
        }
        return TextTable(headers: ["ID", "VERSION", "TITLE", "ITEMS", "HASH"], rows: rows).render()
    }

    /// Everything wrong with a folder: each invalid file's problems, and the same id and
    /// version held twice.
    public static func problems(_ entries: [ChecklistCatalog.Entry]) -> CatalogProblems? {
        let diagnostics = entries.flatMap { entry -> [Diagnostic] in
            if case .failure(let failure) = entry.result { return failure.diagnostics }
            return []
        }
        let twins = ChecklistCatalog.sameVersionTwice(entries)
        return diagnostics.isEmpty && twins.isEmpty ? nil : CatalogProblems(diagnostics: diagnostics, twins: twins)
    }

    /// One line per file checked: ok with what it is, or nothing (its problems are reported).
    public static func validated(_ results: [(path: String, result: Result<ChecklistSummary, ChecklistLoadError>)])
        -> String
    {
        results.compactMap { path, result in
            guard case .success(let summary) = result else { return nil }
            return "\(path): ok (\(summary.id) \(summary.version), \(Plural.count(summary.items, "item")))\n"
        }.joined()
    }
}

/// A folder of checklists with files that are invalid or hold the same version twice.
public struct CatalogProblems: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var twins: [ChecklistCatalog.LookupError]
}
