import CaseAuditXML

/// Builds the model from a parsed checklist document.
///
/// Lenient on purpose: it also runs on documents the XSD rejected, so that one run reports
/// schema and rule errors together. Values the XSD would reject fall back to defaults here;
/// the schema error is what the user sees for them.
struct ChecklistReader {
    /// False when only the structure is needed (validation): prompts, guidance and other prose
    /// are then left empty, since no rule reads them and the XSD has already checked them.
    let includesProse: Bool
    private(set) var violations: [RuleViolation] = []

    init(includesProse: Bool = true) {
        self.includesProse = includesProse
    }

    mutating func read(_ root: XMLElementRef) -> Checklist {
        let defaultScale = root.attribute("scale")
        let sourceElement = root.firstChild(named: "source")
        let source = ChecklistSource(
            issuer: sourceElement?.attribute("issuer") ?? "",
            issued: sourceElement?.attribute("issued"),
            document: sourceElement?.attribute("document"),
            text: includesProse ? sourceElement?.collapsedText ?? "" : "")
        let description = includesProse ? root.firstChild(named: "description")?.collapsedText : nil
        let scales = root.children(named: "scale").map(readScale)
        let sections = root.children(named: "section").map {
            readSection($0, defaultScale: defaultScale)
        }
        let grading = root.firstChild(named: "grading").map(readGrading) ?? Grading(bands: [])
        return Checklist(
            id: root.attribute("id") ?? "",
            version: root.attribute("version") ?? "",
            title: root.attribute("title").map(XMLWhitespace.collapse) ?? "",
            caseTypes: (root.attribute("caseTypes") ?? "").split(whereSeparator: \.isWhitespace)
                .compactMap { CaseType(rawValue: String($0)) },
            source: source, description: description, scales: scales, sections: sections,
            grading: grading, defaultScaleID: defaultScale)
    }

    private func readScale(_ element: XMLElementRef) -> AnswerScale {
        let options = element.children(named: "option").map { option in
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
        let items = element.children(named: "item").map {
            readItem($0, inheritedScale: sectionScale)
        }
        return ChecklistSection(
            id: element.attribute("id") ?? "", title: element.attribute("title").map(XMLWhitespace.collapse) ?? "",
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
        return ChecklistItem(
            id: id,
            reference: element.attribute("ref"),
            prompt: includesProse ? element.firstChild(named: "prompt")?.collapsedText ?? "" : "",
            guidance: includesProse ? element.firstChild(named: "guidance")?.collapsedText : nil,
            scaleID: element.attribute("scale") ?? inheritedScale,
            weight: element.attribute("weight").flatMap { Double(XMLWhitespace.collapse($0)) } ?? 1,
            critical: Self.boolean(element.attribute("critical"), default: false),
            noteRequiredFor: (element.attribute("noteRequired") ?? "").split(whereSeparator: \.isWhitespace).map(String.init),
            condition: condition,
            line: element.line)
    }

    private func readGrading(_ element: XMLElementRef) -> Grading {
        var bands: [GradeBand] = []
        var caps: [GradeCap] = []
        for child in element.childElements {
            if child.isNamed("band") {
                bands.append(
                    GradeBand(
                        grade: child.attribute("grade") ?? "", label: child.attribute("label"),
                        minimum: child.attribute("min").flatMap { Double(XMLWhitespace.collapse($0)) } ?? 0, line: child.line))
            } else if child.isNamed("cap") {
                if let trigger = child.attribute("when").flatMap({ GradeCap.Trigger(rawValue: XMLWhitespace.collapse($0)) }) {
                    caps.append(GradeCap(trigger: trigger, grade: child.attribute("grade") ?? "", line: child.line))
                }
            }
        }
        return Grading(bands: bands, caps: caps)
    }

    /// XSD booleans: true, false, 1, 0.
    static func boolean(_ text: String?, default value: Bool) -> Bool {
        switch text.map(XMLWhitespace.collapse) {
        case "true", "1": true
        case "false", "0": false
        default: value
        }
    }
}
