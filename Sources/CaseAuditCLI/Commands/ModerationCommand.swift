import ArgumentParser

struct ModerationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderation",
        abstract: "Moderation: do auditors grade alike?",
        discussion: """
            `moderation draw` chooses the month's submitted audits to moderate (every Inadequate and a \
            seeded share of the rest, by default) and gives each a moderator more senior than its \
            auditor and outside the file's line; `moderation redraw` checks a draw reproduces.

            The moderator scores each file blind (`audit score CASE --moderation`, on the screen or \
            from a paper sheet, against the first audit's checklist version), then sees both side by \
            side (`moderation compare CASE`) and records the outcome (`moderation outcome CASE \
            --confirm`, or `--change-to GRADE --reason TEXT`); `moderation list` shows where each stands. \
            The auditor may challenge the outcome once (`moderation challenge`); a quality lead or an \
            assistant director decides (`moderation resolve`).

            `moderation agreement` measures how far raters agree on any ratings (a calibration day on \
            paper, or a moderation exercise): Cohen's κ (unweighted, linear, quadratic) with \
            Fleiss–Cohen–Everitt standard errors and 95% intervals, the null z kept apart, Scott's π, \
            Gwet's AC1 and AC2, Fleiss' κ, and Krippendorff's α (nominal, ordinal, interval), which \
            takes files some raters skipped.
            """,
        subcommands: [
            ModerationDrawCommand.self, ModerationRedrawCommand.self, ModerationListCommand.self,
            ModerationCompareCommand.self, ModerationOutcomeCommand.self, ModerationChallengeCommand.self,
            ModerationResolveCommand.self, ModerationCalibrationCommand.self, ModerationAgreementCommand.self,
        ]
    )
}
