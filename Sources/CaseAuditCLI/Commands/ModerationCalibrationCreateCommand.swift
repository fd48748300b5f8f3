import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationCalibrationCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Name a calibration exercise: its files and its auditors (a quality lead).")

    @Argument(help: "The exercise's name, e.g. 2026-12-team-managers.")
    var name: String

    @Option(help: "The month the files were drawn for, YYYY-MM.")
    var month: MonthArgument

    @Option(name: .customLong("case"), help: "A file to score (its case reference); repeat for more.")
    var cases: [String] = []

    @Option(help: "The auditors taking part, by org chart id, comma-separated (two or more).")
    var auditors: String

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let exercise = try CalibrationExercise.create(
            name: name, month: month.month, cases: cases,
            participants: auditors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            store: database)
        console.write(
            "Calibration exercise \(exercise.name): \(Plural.count(exercise.files.count, "file")) (\(exercise.files.map(\.caseReference).joined(separator: ", "))) for \(exercise.participants.joined(separator: ", ")). Each scores with: caseaudit audit score CASE --calibration \(ShellWord.quoted(exercise.name))\n"
        )
    }
}
