import CaseAudit

extension ChecklistSamples {
    /// seen (critical, note for partly/no) → seen-alone (when seen = yes|partly) → plan (weight 5)
    /// → voice (when seen-alone = no).
    public static let scoring: Checklist = {
        let scale = AnswerScale(
            id: "ypn",
            options: [
                AnswerOption(value: "yes", label: "Yes", score: 1),
                AnswerOption(value: "partly", label: "Partly", score: 0.5),
                AnswerOption(value: "no", label: "No", score: 0, fails: true),
                AnswerOption(value: "na", label: "Not applicable", key: "-", score: nil, counts: false),
            ])
        func condition(_ text: String) -> ItemCondition? { try? ItemCondition.parse(text) }
        let items = [
            ChecklistItem(
                id: "seen", prompt: "Was the child seen?", scaleID: "ypn", critical: true,
                noteRequiredFor: ["partly", "no"]),
            ChecklistItem(
                id: "seen-alone", prompt: "Seen alone?", scaleID: "ypn", condition: condition("seen = yes|partly")),
            ChecklistItem(id: "plan", prompt: "Is there a plan?", scaleID: "ypn", weight: 5),
            ChecklistItem(
                id: "voice", prompt: "Is the child's voice recorded?", scaleID: "ypn",
                condition: condition("seen-alone = no")),
        ]
        return Checklist(
            id: "test", version: "1", title: "Test", caseTypes: [.childInNeed],
            source: ChecklistSource(issuer: "test", text: "test"),
            scales: [scale], sections: [ChecklistSection(id: "s", title: "S", items: items)],
            grading: Grading(
                bands: [
                    GradeBand(grade: "outstanding", minimum: 0.9), GradeBand(grade: "good", minimum: 0.75),
                    GradeBand(grade: "requires-improvement", minimum: 0.5), GradeBand(grade: "inadequate", minimum: 0),
                ],
                caps: [GradeCap(trigger: .criticalFail, grade: "requires-improvement")]))
    }()
}
