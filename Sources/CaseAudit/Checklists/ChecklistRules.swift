/// The rules a checklist must keep that its XSD cannot express.
package enum ChecklistRules {
    /// The largest weight or score: grades are ratios of sums of these, which must stay finite.
    package static let numberLimit = 1000.0

    package static func check(_ checklist: Checklist) -> [RuleViolation] {
        var violations: [RuleViolation] = []
        checkScales(checklist, into: &violations)
        checkSections(checklist, into: &violations)
        checkItems(checklist, into: &violations)
        checkGrading(checklist.grading, into: &violations)
        return violations
    }

    private static func checkScales(_ checklist: Checklist, into violations: inout [RuleViolation]) {
        var scaleIDs = FirstUse<String>()
        for scale in checklist.scales {
            if let line = scaleIDs.earlier(scale.id, line: scale.line) {
                violations.append(
                    RuleViolation(
                        line: scale.line, element: "scale", attribute: "id",
                        Messages.Rules.duplicate("scale id", scale.id, firstLine: line)))
            }
            var values = FirstUse<String>()
            var keys: [Character: String] = [:]
            for option in scale.options {
                if let line = values.earlier(option.value, line: option.line) {
                    violations.append(
                        RuleViolation(
                            line: option.line, element: "option", attribute: "value",
                            Messages.Rules.duplicate("answer '\(option.value)' on scale", scale.id, firstLine: line)))
                }
                if option.key.isASCII && option.key.isUppercase {
                    violations.append(
                        RuleViolation(
                            line: option.line, element: "option", attribute: "key",
                            Messages.Rules.reservedKey(option.key, value: option.value)))
                }
                if let other = keys[option.key] {
                    violations.append(
                        RuleViolation(
                            line: option.line, element: "option", attribute: "key",
                            Messages.Rules.duplicateKey(option.key, scale: scale.id, first: other, second: option.value)
                        ))
                } else {
                    keys[option.key] = option.value
                }
                if let score = option.score, !(score <= Self.numberLimit) {
                    violations.append(
                        RuleViolation(
                            line: option.line, element: "option", attribute: "score",
                            Messages.Rules.numberTooLarge("score", score)))
                }
                if option.counts && option.score == nil {
                    violations.append(
                        RuleViolation(
                            line: option.line, element: "option", attribute: "score",
                            Messages.Rules.countingOptionWithoutScore(option.value)))
                }
                if !option.counts && option.score != nil {
                    violations.append(
                        RuleViolation(
                            line: option.line, element: "option", attribute: "score",
                            Messages.Rules.scoreOnOptionThatDoesNotCount(option.value)))
                }
            }
            if !scale.options.isEmpty && scale.maximumScore <= 0 {
                violations.append(
                    RuleViolation(
                        line: scale.line, element: "scale", attribute: "id",
                        Messages.Rules.scaleCannotScore(scale.id)))
            }
        }
        if let defaultScale = checklist.defaultScaleID, checklist.scale(id: defaultScale) == nil {
            violations.append(
                RuleViolation(
                    line: 0, element: "checklist", attribute: "scale",
                    Messages.Rules.unknownScale(defaultScale, on: "the checklist", defined: checklist.scales.map(\.id)))
            )
        }
    }

    private static func checkSections(_ checklist: Checklist, into violations: inout [RuleViolation]) {
        var sectionIDs = FirstUse<String>()
        for section in checklist.sections {
            if let line = sectionIDs.earlier(section.id, line: section.line) {
                violations.append(
                    RuleViolation(
                        line: section.line, element: "section", attribute: "id",
                        Messages.Rules.duplicate("section id", section.id, firstLine: line)))
            }
        }
    }

    private static func checkItems(_ checklist: Checklist, into violations: inout [RuleViolation]) {
        // Items are visited in place (by index) rather than copied: a checklist can have
        // tens of thousands.
        let sections = checklist.sections
        var position: [String: Int] = [:]
        var itemLines: [Int] = []
        var itemScales: [String?] = []
        position.reserveCapacity(checklist.itemCount)
        for sectionIndex in sections.indices {
            for itemIndex in sections[sectionIndex].items.indices {
                let id = sections[sectionIndex].items[itemIndex].id
                let line = sections[sectionIndex].items[itemIndex].line
                if let first = position[id] {
                    violations.append(
                        RuleViolation(
                            line: line, element: "item", attribute: "id",
                            Messages.Rules.duplicate("item id", id, firstLine: itemLines[first])))
                } else {
                    position[id] = itemLines.count
                }
                itemLines.append(line)
                itemScales.append(sections[sectionIndex].items[itemIndex].scaleID)
            }
        }

        let definedScales = checklist.scales.map(\.id)
        var ordinal = -1
        for sectionIndex in sections.indices {
            for itemIndex in sections[sectionIndex].items.indices {
                ordinal += 1
                check(sections[sectionIndex].items[itemIndex], ordinal: ordinal)
            }
        }

        func check(_ item: borrowing ChecklistItem, ordinal index: Int) {
            func violation(_ attribute: String?, _ message: String) {
                violations.append(RuleViolation(line: item.line, element: "item", attribute: attribute, message))
            }
            if item.weight <= 0 {
                violation("weight", Messages.Rules.weightNotPositive(item.weight))
            } else if !(item.weight <= Self.numberLimit) {
                violation("weight", Messages.Rules.numberTooLarge("weight", item.weight))
            }
            var scale: AnswerScale?
            if let scaleID = item.scaleID {
                scale = checklist.scale(id: scaleID)
                if scale == nil {
                    violation(
                        "scale", Messages.Rules.unknownScale(scaleID, on: "item '\(item.id)'", defined: definedScales))
                }
            } else {
                violation("scale", Messages.Rules.itemWithoutScale(item.id))
            }
            if let scale {
                for value in item.noteRequiredFor where scale.option(value: value) == nil {
                    violation("noteRequired", Messages.Rules.notAnAnswer(value, on: scale))
                }
                if item.critical && !scale.options.contains(where: \.fails) {
                    violation("critical", Messages.Rules.criticalCannotFail(item.id, scale: scale.id))
                }
            }
            for clause in item.condition?.clauses ?? [] {
                guard clause.itemID != item.id else {
                    violation("when", Messages.Rules.conditionOnItself(item.id))
                    continue
                }
                guard let target = position[clause.itemID] else {
                    violation("when", Messages.Rules.conditionOnUnknownItem(clause.itemID))
                    continue
                }
                guard target < index else {
                    violation("when", Messages.Rules.conditionOnLaterItem(clause.itemID, line: itemLines[target]))
                    continue
                }
                if let targetScale = itemScales[target].flatMap(checklist.scale(id:)) {
                    for value in clause.values where targetScale.option(value: value) == nil {
                        violation("when", Messages.Rules.notAnAnswer(value, to: clause.itemID, on: targetScale))
                    }
                }
            }
        }
    }

    private static func checkGrading(_ grading: Grading, into violations: inout [RuleViolation]) {
        var grades = FirstUse<String>()
        for (index, band) in grading.bands.enumerated() {
            if let line = grades.earlier(band.grade, line: band.line) {
                violations.append(
                    RuleViolation(
                        line: band.line, element: "band", attribute: "grade",
                        Messages.Rules.duplicate("grade", band.grade, firstLine: line)))
            }
            if index > 0, band.minimum >= grading.bands[index - 1].minimum {
                violations.append(
                    RuleViolation(
                        line: band.line, element: "band", attribute: "min",
                        Messages.Rules.bandsOutOfOrder(band, after: grading.bands[index - 1])))
            }
        }
        if let last = grading.bands.last, last.minimum != 0 {
            violations.append(
                RuleViolation(
                    line: last.line, element: "band", attribute: "min",
                    Messages.Rules.noBandCoversZero(last)))
        }
        for cap in grading.caps where !grades.contains(cap.grade) {
            violations.append(
                RuleViolation(
                    line: cap.line, element: "cap", attribute: "grade",
                    Messages.Rules.capOnUnknownGrade(cap.grade, bands: grading.bands.map(\.grade))))
        }
    }
}

/// Where each id was first used, so that a second use can say "first used on line N".
private struct FirstUse<Key: Hashable> {
    private var lines: [Key: Int] = [:]

    /// The line `key` was first used on; nil the first time, which records `line`.
    package mutating func earlier(_ key: Key, line: Int) -> Int? {
        if let first = lines[key] { return first }
        lines[key] = line
        return nil
    }

    package func contains(_ key: Key) -> Bool { lines[key] != nil }
}
