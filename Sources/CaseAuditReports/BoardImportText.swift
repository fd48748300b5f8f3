import CaseAudit
import CaseAuditFormats

/// What `checklist import` says: what was written, and for an update, which ids were kept and
/// how the checklist changed.
public enum BoardImportText {
    public static func render(_ imported: BoardChecklistImport.Imported, out: String) -> String {
        let options = imported.options
        var text = "Wrote \(out) (\(options.id) \(options.version)): \(imported.result.summary).\n"
        if let previous = imported.previous, let matching = imported.result.matching {
            let kept = matching.kept.count
            text +=
                "Kept the ids of \(Plural.count(kept, "question")) (\(matching.kept.count { $0.similarity < 1 }) reworded); \(matching.added.count) new; \(matching.dropped.count) dropped.\n\n"
            let diff = ChecklistDiff(old: previous.checklist, new: imported.result.loaded.checklist)
            text += ChecklistDiffText.render(diff, oldPath: previous.path, newPath: out)
        }
        return text
    }
}
