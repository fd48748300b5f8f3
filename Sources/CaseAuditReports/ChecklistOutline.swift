import CaseAudit

/// The outline of a checklist an auditor reads before scoring: every question, its guidance,
/// how it is answered and when it is asked.
public enum ChecklistOutline {
    public static func render(_ loaded: LoadedChecklist, width: Int = 80) -> String {
        let checklist = loaded.checklist
        var out = ""
        out += "\(checklist.title)\n"
        out += "\(checklist.id) version \(checklist.version) · \(Plural.count(checklist.items.count, "item"))"
        out += " · applies to \(checklist.caseTypes.map(\.rawValue).joined(separator: ", "))\n"
        var issued = checklist.source.issuer
        if let date = checklist.source.issued { issued += ", \(date)" }
        if let document = checklist.source.document { issued += ", \(document)" }
        out +=
            TextWrap.wrap("Source: \(issued). \(checklist.source.text)", width: width, indent: "  ", firstIndent: "")
            + "\n"
        if let hash = loaded.contentHash { out += "Hash: \(hash)\n" }
        if let description = checklist.description {
            out += "\n" + TextWrap.wrap(description, width: width, indent: "") + "\n"
        }

        out += "\nAnswer scales\n"
        for scale in checklist.scales {
            let options = scale.options.map { option in
                var text = "[\(option.key)] \(option.label)"
                if let score = option.score, option.counts { text += " \(Number.format(score))" }
                if !option.counts { text += " (not counted)" }
                if option.fails { text += " (fails a critical item)" }
                return text
            }
            out +=
                TextWrap.wrap(
                    "\(scale.label ?? scale.id): " + options.joined(separator: " · "), width: width,
                    indent: "      ", firstIndent: "  ") + "\n"
        }

        for (sectionIndex, section) in checklist.sections.enumerated() {
            out += "\n\(sectionIndex + 1). \(section.title)\n"
            for (itemIndex, item) in section.items.enumerated() {
                let number = item.reference ?? "\(sectionIndex + 1).\(itemIndex + 1)"
                let head = "  \(number) "
                out += TextWrap.wrap(item.prompt, width: width, indent: "      ", firstIndent: head.padding(6)) + "\n"
                var facts = ["id \(item.id)"]
                if let scale = item.scaleID { facts.append("scale \(scale)") }
                if item.weight != 1 { facts.append("weight \(Number.format(item.weight))") }
                if item.critical { facts.append("CRITICAL") }
                if !item.noteRequiredFor.isEmpty {
                    facts.append("note required for \(item.noteRequiredFor.joined(separator: "/"))")
                }
                out +=
                    TextWrap.wrap(
                        "(\(facts.joined(separator: " · ")))", width: width, indent: "       ",
                        firstIndent: "      ") + "\n"
                if let condition = item.condition {
                    out += "      Asked only when \(condition.text).\n"
                }
                if let guidance = item.guidance {
                    out +=
                        TextWrap.wrap("Guidance: \(guidance)", width: width, indent: "        ", firstIndent: "      ")
                        + "\n"
                }
            }
        }

        out += "\nGrading (share of the weighted score on items that count)\n"
        for band in checklist.grading.bands {
            out += "  \(band.displayName): from \(Number.percent(band.minimum))\n"
        }
        for cap in checklist.grading.caps {
            let grade = checklist.grading.bands.first { $0.grade == cap.grade }?.displayName ?? cap.grade
            switch cap.trigger {
            case .criticalFail: out += "  A failed critical item caps the grade at \(grade).\n"
            }
        }
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
