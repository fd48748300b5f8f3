import CaseAudit

/// `checklist diff` for people: what was added, removed and changed, by item id.
public enum ChecklistDiffText {
    public static func render(_ diff: ChecklistDiff, oldPath: String, newPath: String, width: Int = 80) -> String {
        var out = "--- \(oldPath) (version \(diff.oldVersion))\n+++ \(newPath) (version \(diff.newVersion))\n"
        if diff.isEmpty {
            return out + "No differences: the same items, wording, scales and grading.\n"
        }
        for change in diff.checklistChanges {
            out += "~ \(change.field): \(change.old) → \(change.new)\n"
        }
        out += "\nAdded: \(diff.added.count)\n"
        for item in diff.added {
            out +=
                TextWrap.wrap("\(item.id): \(item.prompt)", width: width, indent: "      ", firstIndent: "  + ") + "\n"
        }
        out += "Removed: \(diff.removed.count)\n"
        for item in diff.removed {
            out +=
                TextWrap.wrap("\(item.id): \(item.prompt)", width: width, indent: "      ", firstIndent: "  - ") + "\n"
        }
        out += "Changed: \(diff.changed.count)\n"
        for item in diff.changed {
            out += "  ~ \(item.id)\n"
            for change in item.changes {
                out +=
                    TextWrap.wrap(
                        "\(change.field): \(change.old.isEmpty ? "(none)" : change.old)", width: width,
                        indent: "          ", firstIndent: "      - ") + "\n"
                out +=
                    TextWrap.wrap(
                        "\(change.field): \(change.new.isEmpty ? "(none)" : change.new)", width: width,
                        indent: "          ", firstIndent: "      + ") + "\n"
            }
        }
        out += "Unchanged: \(diff.unchangedCount)\n"
        return out
    }
}
