import ArgumentParser
import CaseAudit
import CaseAuditFormats
import CaseAuditReports

struct ModerationAgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement between raters, from a CSV of ratings.",
        discussion: """
            The CSV has the columns file, rater and rating, one row per rating; a rater may skip \
            files. With exactly two raters, Cohen's family is computed over the files both rated; \
            with any number, Fleiss' κ (when every file has the same number of ratings), Gwet's AC1 \
            and Krippendorff's α. Give the scale with --categories, in its order and with the \
            grades nobody used: weighted κ and AC1 depend on the whole scale. A coefficient that \
            cannot be computed says why. Below 30 files the figures are indicative only.
            """
    )

    @Option(help: "The ratings CSV (file,rater,rating).")
    var ratings: String

    @Option(help: "The scale in its order, e.g. Outstanding,Good,\"Requires improvement\",Inadequate.")
    var categories: String?

    @Option(help: "table or json.")
    var format: TableFormat = .table

    func validate() throws {
        if let categories, scale(categories).isEmpty || Set(scale(categories)).count != scale(categories).count {
            throw ValidationError("--categories \(categories): expected distinct categories separated by commas")
        }
    }

    private func scale(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            .filter { !$0.isEmpty }
    }

    func run() throws {
        let set = try RatingsCSV.read(file: ratings, categories: categories.map(scale))
        let analysis = AgreementAnalysis(set, scaleFromRatings: categories == nil)
        let console = Console.current
        switch format {
        case .table:
            console.write(analysis.table())
            if analysis.scaleFromRatings {
                console.tell([.note("to measure on the whole scale, give it in its order with --categories")])
            }
        case .json: console.write(JSONOutput.render(analysis))
        }
    }
}
