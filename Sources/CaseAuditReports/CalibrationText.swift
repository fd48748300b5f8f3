import CaseAudit

/// What `moderation calibration show` prints: each file's grades and answers, each auditor
/// against the group's.
public enum CalibrationText {
    public static func result(_ result: CalibrationResult) -> String {
        var text =
            "Calibration exercise \(result.name): \(Plural.count(result.participants.count, "auditor")) (\(result.participants.joined(separator: ", "))), \(Plural.count(result.files.count, "file"))\n"
        for file in result.files {
            text += "\nCase \(file.caseReference), \(file.checklist) \(file.version): "
            guard !file.yoursFirst else {
                text += "yours is not submitted yet; the group's scorings are shown to you once it is\n"
                continue
            }
            let waiting = file.waitingFor.joined(separator: ", ")
            guard !file.participants.isEmpty else {
                text += "no scoring submitted yet" + (waiting.isEmpty ? "" : " (waiting for \(waiting))") + "\n"
                continue
            }
            text += file.groupGrade.map { "the group's grade \($0)" } ?? "no grade given by most of the group"
            if !waiting.isEmpty { text += "; not yet scored by \(waiting)" }
            text += "\n"
            text += TextTable(
                headers: ["AUDITOR", "GRADE", "AS THE GROUP", "ITEMS ANSWERED AS THE GROUP"],
                rows: file.participants.map { person in
                    [
                        person.person, person.grade, person.sameGradeAsGroup ? "yes" : "no",
                        "\(person.itemsAsGroup) of \(person.itemsWithGroupAnswer)",
                    ]
                }
            ).render()
            let people = file.participants.map(\.person)
            text += TextTable(
                headers: ["ITEM", "GROUP"] + people,
                rows: file.items.filter { !$0.answers.isEmpty }.map { item in
                    [item.item, item.groupAnswer ?? "(split)"] + people.map { item.answers[$0] ?? "–" }
                }
            ).render()
        }
        if let agreement = result.agreement, agreement.files > 0 {
            text += "\nHow far the group agrees on grades, across the files:\n"
            text += TextTable(
                headers: ["COEFFICIENT", "VALUE", "SE", "95% INTERVAL", "NULL Z", "NOTE"],
                rows: agreement.coefficientRows().filter { !$0[0].contains("interval)") }
            ).render()
        }
        return text
    }
}
