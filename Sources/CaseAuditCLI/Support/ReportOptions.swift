import ArgumentParser
import CaseAudit
import CaseAuditReports

/// `--month YYYY-MM`, checked as the command line is read (a bad month exits 2).
struct MonthArgument: ExpressibleByArgument {
    let month: AuditMonth

    init?(argument: String) {
        guard let month = AuditMonth(argument) else { return nil }
        self.month = month
    }
}

/// `--format html,md,csv,json`: one or more report formats.
struct ReportFormats: ExpressibleByArgument {
    let formats: [MonthlyReport.Format]

    init?(argument: String) {
        var formats: [MonthlyReport.Format] = []
        for part in argument.split(separator: ",") {
            guard let format = MonthlyReport.Format(rawValue: part.lowercased()) else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
    }

    init(_ formats: [MonthlyReport.Format]) {
        self.formats = formats
    }

    /// Every format: what `--format` means when not given.
    static let all = ReportFormats(MonthlyReport.Format.allCases)

    static var allValueStrings: [String] { MonthlyReport.Format.allCases.map(\.rawValue) }

    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }
}

/// An option whose values are a library enum's raw values (the library stays free of
/// ArgumentParser).
struct ArgumentChoice<Value: RawRepresentable & CaseIterable & Sendable>: ExpressibleByArgument
where Value.RawValue == String {
    let value: Value

    init?(argument: String) {
        guard let value = Value(rawValue: argument) else { return nil }
        self.value = value
    }

    static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }
}

/// `--min-cell N` and `--detail`: small-number suppression in a published report.
struct SuppressionOptions: ParsableArguments {
    @Option(
        name: .customLong("min-cell"), help: "Cells based on fewer files than this show \"<N\" in published formats.")
    var minimumCell: Int = 5

    @Flag(help: "Show every figure, small numbers included (for internal use only).")
    var detail = false

    func validate() throws {
        if minimumCell < 1 { throw ValidationError("--min-cell must be at least 1") }
    }

    var suppression: Suppression { Suppression(minimum: minimumCell, detail: detail) }
}
