import ArgumentParser
import CaseAudit
import CaseAuditReports

struct ModerationCalibrationShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A calibration exercise's result: each auditor against the group.",
        discussion: """
            A quality lead sees all of it; a participant sees each file's scorings once their own \
            of it is submitted (blind until then).
            """)

    @Argument(help: "The exercise's name.")
    var name: String

    @Option(help: "table or json.")
    var format: TableFormat = .table

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let result = try CalibrationResult.build(exercise: name, for: try Caller.current(in: database), store: database)
        switch format {
        case .table: console.write(CalibrationText.result(result))
        case .json: console.write(JSONOutput.render(result))
        }
    }
}
