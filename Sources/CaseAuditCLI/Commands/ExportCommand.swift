import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The raw audit data, for your own analysis: submitted audits, or their answers.",
        discussion: """
            Only the latest version of each submitted audit. Audits: one row each, with the checklist's \
            version and hash, the auditor and their level, the judgement, computed grade and the reason \
            where they differ, the score, when it was started and submitted, and for an amendment its \
            version, who amended it and why. Answers: one row per answer, with the audit's identity and \
            the auditor's note. JSON keeps numbers as numbers and an absent value as null. CSV opens \
            correctly in Excel (UTF-8, and a cell starting with =, +, - or @ is neutralised with an \
            apostrophe).
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case audits, answers
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Argument(help: "audits or answers.")
    var kind: Kind

    @Option(help: "Only files drawn for this month, YYYY-MM (default: every month).")
    var month: MonthArgument?

    @Option(help: "csv or json.")
    var format: Format = .csv

    @OptionGroup var store: DatabaseOption

    func run() throws {
        let console = Console.current
        let database = try store.open(console)
        let range = month.map { $0.month...$0.month } ?? AuditMonth.all
        let records: [QualityRecord]
        records = try database.qualityRecords(months: range, withAnswers: kind == .answers)

        let table = AuditExport.table(records, kind: kind == .audits ? .audits : .answers)
        console.write(format == .csv ? CSVWriter.render(table.csvRows) : JSONOutput.render(table.objects))
    }
}
