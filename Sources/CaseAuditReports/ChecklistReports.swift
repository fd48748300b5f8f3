import CaseAudit

/// Shapes of the JSON printed by the checklist commands.
public enum ChecklistReports {
    public struct FileResult: Sendable, Encodable {
        public var path: String
        public var valid: Bool
        public var checklist: ChecklistSummary?
        public var errors: [Diagnostic]

        public init(path: String, result: Result<ChecklistSummary, ChecklistLoadError>) {
            self.path = path
            switch result {
            case .success(let summary):
                valid = true
                checklist = summary
                errors = []
            case .failure(let failure):
                valid = false
                checklist = nil
                errors = failure.diagnostics
            }
        }
    }

    public struct Validation: Sendable, Encodable {
        public var valid: Bool
        public var files: [FileResult]

        public init(files: [FileResult]) {
            self.files = files
            valid = files.allSatisfy(\.valid)
        }
    }

    public struct Shown: Sendable, Encodable {
        public var path: String
        public var hash: String?
        public var checklist: Checklist

        public init(_ loaded: LoadedChecklist) {
            path = loaded.path
            hash = loaded.contentHash?.description
            checklist = loaded.checklist
        }
    }

    public struct Difference: Sendable, Encodable {
        public struct Item: Sendable, Encodable {
            public var id: String
            public var prompt: String
        }

        public struct Changed: Sendable, Encodable {
            public var id: String
            public var changes: [ChecklistDiff.FieldChange]
        }

        public var old: String
        public var new: String
        public var oldVersion: String
        public var newVersion: String
        public var checklistChanges: [ChecklistDiff.FieldChange]
        public var added: [Item]
        public var removed: [Item]
        public var changed: [Changed]
        public var unchanged: Int

        public init(_ diff: ChecklistDiff, oldPath: String, newPath: String) {
            old = oldPath
            new = newPath
            oldVersion = diff.oldVersion
            newVersion = diff.newVersion
            checklistChanges = diff.checklistChanges
            added = diff.added.map { Item(id: $0.id, prompt: $0.prompt) }
            removed = diff.removed.map { Item(id: $0.id, prompt: $0.prompt) }
            changed = diff.changed.map { Changed(id: $0.id, changes: $0.changes) }
            unchanged = diff.unchangedCount
        }
    }
}
