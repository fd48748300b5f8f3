import CaseAuditXML

/// Builds the model from a parsed checklist document.
///
/// Lenient on purpose: it also runs on documents the XSD rejected, so that one run reports
/// schema and rule errors together. Values the XSD would reject fall back to defaults here;
/// the schema error is what the user sees for them.
struct ChecklistReader {
    private(set) var violations: [RuleViolation] = []

    mutating func read(_ root: XMLElementRef) -> Checklist {
        let children = root.childElements
        let defaultScale = root.attribute("scale")
        let sourceElement = children.first { $0.localName == "source" }
        let source = ChecklistSource(
            issuer: sourceElement?.attribute("issuer") ?? "",
            issued: sourceElement?.attribute("issued"),
            document: sourceElement?.attribute("document"),
            text: sourceElement.map { Self.clean($0.text) } ?? "")
        let description = children.first { $0.localName == "description" }.map { Self.clean($0.text) }
        let scales = children.filter { $0.localName == "scale" }.map(readScale)
        let sections = children.filter { $0.localName == "section" }.map {
            readSection($0, defaultScale: defaultScale)
        }
        let grading = children.first { $0.localName == "grading" }.map(readGrading) ?? Grading(bands: [])
        return Checklist(
            id: root.attribute("id") ?? "",
            version: root.attribute("version") ?? "",
            title: root.attribute("title").map(Self.clean) ?? "",
            caseTypes: (root.attribute("caseTypes") ?? "").split(whereSeparator: \.isWhitespace)
                .compactMap { CaseType(rawValue: String($0)) },
            source: source, description: description, scales: scales, sections: sections,
            grading: grading, defaultScaleID: defaultScale)
    }

    private func readScale(_ element: XMLElementRef) -> AnswerScale {
        let options = element.childElements.filter { $0.localName == "option" }.map { option in
            let value = option.attribute("value") ?? ""
            return AnswerOption(
                value: value, label: option.attribute("label") ?? value,
                key: option.attribute("key").flatMap(\.first),
                score: option.attribute("score").flatMap(Double.init),
                counts: Self.boolean(option.attribute("counts"), default: true),
                fails: Self.boolean(option.attribute("fail"), default: false),
                line: option.line)
        }
        return AnswerScale(
            id: element.attribute("id") ?? "", label: element.attribute("label"), options: options, line: element.line)
    }

    private mutating func readSection(_ element: XMLElementRef, defaultScale: String?) -> ChecklistSection {
        let sectionScale = element.attribute("scale") ?? defaultScale
        let items = element.childElements.filter { $0.localName == "item" }.map {
            readItem($0, inheritedScale: sectionScale)
        }
        return ChecklistSection(
            id: element.attribute("id") ?? "", title: element.attribute("title").map(Self.clean) ?? "",
            items: items, line: element.line)
    }

    private mutating func readItem(_ element: XMLElementRef, inheritedScale: String?) -> ChecklistItem {
        let id = element.attribute("id") ?? ""
        var condition: ItemCondition?
        if let text = element.attribute("when") {
            do {
                condition = try ItemCondition.parse(text)
            } catch {
                violations.append(RuleViolation(line: element.line, element: "item", attribute: "when", error.message))
            }
        }
        let children = element.childElements
        return ChecklistItem(
            id: id,
            reference: element.attribute("ref"),
            prompt: children.first { $0.localName == "prompt" }.map { Self.clean($0.text) } ?? "",
            guidance: children.first { $0.localName == "guidance" }.map { Self.clean($0.text) },
            scaleID: element.attribute("scale") ?? inheritedScale,
            weight: element.attribute("weight").flatMap { Double($0.trimmingSpaces) } ?? 1,
            critical: Self.boolean(element.attribute("critical"), default: false),
            noteRequiredFor: (element.attribute("noteRequired") ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
            condition: condition,
            line: element.line)
    }

    private func readGrading(_ element: XMLElementRef) -> Grading {
        var bands: [GradeBand] = []
        var caps: [GradeCap] = []
        for child in element.childElements {
            switch child.localName {
            case "band":
                bands.append(
                    GradeBand(
                        grade: child.attribute("grade") ?? "", label: child.attribute("label"),
                        minimum: child.attribute("min").flatMap { Double($0.trimmingSpaces) } ?? 0, line: child.line))
            case "cap":
                if let trigger = child.attribute("when").flatMap({ GradeCap.Trigger(rawValue: $0.trimmingSpaces) }) {
                    caps.append(GradeCap(trigger: trigger, grade: child.attribute("grade") ?? "", line: child.line))
                }
            default:
                break
            }
        }
        return Grading(bands: bands, caps: caps)
    }

    /// XSD booleans: true, false, 1, 0.
    static func boolean(_ text: String?, default value: Bool) -> Bool {
        switch text?.trimmingSpaces {
        case "true", "1": true
        case "false", "0": false
        default: value
        }
    }

    /// Prompts and guidance are written indented across lines; auditors read them as prose.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
