import ArgumentParser
import CaseAudit
import CaseAuditStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The raw audit data, for your own analysis: submitted audits, or their answers.",
        discussion: """
            Only the latest version of each submitted audit. CSV opens correctly in Excel (UTF-8, and a \
            cell starting with =, +, - or @ is neutralised with an apostrophe).
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
        let range = month.map { $0.month...$0.month } ?? (AuditMonth(year: 2000, month: 1)!...AuditMonth(year: 2999, month: 12)!)
        let records: [QualityRecord]
        do throws(StoreError) {
            records = try database.qualityRecords(months: range, withAnswers: kind == .answers)
        } catch {
            throw console.reject(error)
        }
        let rows = AuditExport.rows(records, kind: kind == .audits ? .audits : .answers)
        console.write(format == .csv ? CSVWriter.render(rows) : JSONOutput.render(AuditExport.objects(rows)))
    }
}
