import CaseAudit

/// What the command line says next about a moderation: which command goes on from here.
enum ModerationHints {
    static func compare(_ caseReference: String) -> String {
        "Your moderation is submitted. See both side by side: caseaudit moderation compare \(ShellWord.quoted(caseReference))\n"
    }

    static func outcome(_ caseReference: String) -> String {
        let word = ShellWord.quoted(caseReference)
        return
            "Record the outcome: caseaudit moderation outcome \(word) --confirm, or caseaudit moderation outcome \(word) --change-to GRADE --reason TEXT\n"
    }
}
