import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationCalibrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibration",
        abstract: "Calibration exercises: a group of auditors scoring the same files, each against the group.",
        discussion: """
            `create` names the exercise, its files (submitted audits of the month) and its auditors; \
            each scores each file blind (`audit score CASE --calibration NAME`, on the screen or from \
            a sheet), against the checklist version the file's audit used; `show` sets each one's \
            grade and answers against the group's. The scorings count in no report.
            """,
        subcommands: [ModerationCalibrationCreateCommand.self, ModerationCalibrationShowCommand.self]
    )
}
