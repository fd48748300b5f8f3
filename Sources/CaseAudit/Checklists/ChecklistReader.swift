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
            caseTypes: root.tokensAttribute("caseTypes").compactMap(CaseType.init(rawValue:)),
            source: source, description: description, scales: scales, sections: sections,
            grading: grading, defaultScaleID: defaultScale)
    }

    private func readScale(_ element: XMLElementRef) -> AnswerScale {
        let options = element.children(named: "option").map { option in
            let value = option.attribute("value") ?? ""
            return AnswerOption(
                value: value, label: option.attribute("label") ?? value,
                key: option.attribute("key").flatMap(\.first),
                score: option.decimalAttribute("score"),
                counts: option.booleanAttribute("counts") ?? true,
                fails: option.booleanAttribute("fail") ?? false,
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
        // One pass over the attributes: a large checklist has tens of thousands of items.
        var id = ""
        var reference: String?
        var scale: String?
        var weight = 1.0
        var critical = false
        var noteRequired: [String] = []
        var conditionText: String?
        element.forEachAttribute { attribute in
            if attribute.is("id") {
                id = attribute.string
            } else if attribute.is("when") {
                conditionText = attribute.string
            } else if attribute.is("weight") {
                weight = attribute.decimal ?? 1
            } else if attribute.is("critical") {
                critical = attribute.boolean ?? false
            } else if attribute.is("noteRequired") {
                noteRequired = attribute.tokens
            } else if attribute.is("scale") {
                scale = attribute.string
            } else if attribute.is("ref") {
                reference = attribute.string
            }
        }
        let line = element.line
        var condition: ItemCondition?
        if let conditionText {
            do {
                condition = try ItemCondition.parse(conditionText)
            } catch {
                violations.append(RuleViolation(line: line, element: "item", attribute: "when", error.message))
            }
        }
        return ChecklistItem(
            id: id,
            reference: reference,
            prompt: includesProse ? element.firstChild(named: "prompt")?.collapsedText ?? "" : "",
            guidance: includesProse ? element.firstChild(named: "guidance")?.collapsedText : nil,
            scaleID: scale ?? inheritedScale,
            weight: weight,
            critical: critical,
            noteRequiredFor: noteRequired,
            condition: condition,
            line: line)
    }

    private func readGrading(_ element: XMLElementRef) -> Grading {
        var bands: [GradeBand] = []
        var caps: [GradeCap] = []
        for child in element.childElements {
            if child.isNamed("band") {
                bands.append(
                    GradeBand(
                        grade: child.attribute("grade") ?? "", label: child.attribute("label"),
                        minimum: child.decimalAttribute("min") ?? 0, line: child.line))
            } else if child.isNamed("cap") {
                if let trigger = child.attribute("when").flatMap({
                    GradeCap.Trigger(rawValue: XMLWhitespace.collapse($0))
                }) {
                    caps.append(GradeCap(trigger: trigger, grade: child.attribute("grade") ?? "", line: child.line))
                }
            }
        }
        return Grading(bands: bands, caps: caps)
    }
}
