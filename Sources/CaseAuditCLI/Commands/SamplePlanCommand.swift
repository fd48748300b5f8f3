import ArgumentParser
import CaseAudit
import CaseAuditReports

struct SamplePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "How many files to audit to estimate a compliance rate within a margin.",
        discussion: """
            Cochran's formula (normal approximation to the binomial) with the finite-population \
            correction, for the latest case list as a whole and per stratum, with proportional, equal \
            or Neyman allocation across strata. For example, ±10% at 95% confidence with 1,000 cases \
            and an expected rate of 50% needs 88 files. --method binomial or hypergeometric plans \
            exactly instead: the smallest n whose exact (Clopper-Pearson, or hypergeometric for the \
            finite population) interval meets the margin.
            """
    )

    @Option(help: "The confidence level, between 0.5 and 0.999.")
    var confidence: Double = 0.95

    @Option(help: "The margin of error, e.g. 0.10 for ±10 percentage points.")
    var margin: Double = 0.10

    @Option(name: .customLong("expected-rate"), help: "The expected compliance rate (0.5 is the cautious choice).")
    var expectedRate: Double = 0.5

    @Option(help: "How strata are formed: team, case-type or team,case-type.")
    var strata: String = "team"

    @Option(help: "How the files are shared across strata: proportional, equal or neyman.")
    var allocation: SamplePlan.Allocation = .proportional

    @Option(
        name: .customLong("stratum-rate"),
        help: "STRATUM=RATE: a stratum's expected rate, for Neyman allocation (repeatable).")
    var stratumRates: [String] = []

    @Option(name: .customLong("case-types"), help: "Only these case types, e.g. CIN,CP.")
    var caseTypes: String?

    @Option(help: "cochran (normal approximation), binomial or hypergeometric (exact).")
    var method: SamplePlan.Method = .cochran

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard (0.5...0.999).contains(confidence) else {
            throw ValidationError("--confidence must be between 0.5 and 0.999")
        }
        guard margin > 0, margin < 0.5 else { throw ValidationError("--margin must be above 0 and below 0.5") }
        guard expectedRate > 0, expectedRate < 1 else {
            throw ValidationError("--expected-rate must be between 0 and 1")
        }
        _ = try rates()
        _ = try parsedStrata()
        _ = try CaseTypesArgument.parse(caseTypes)
    }

    private func rates() throws -> [String: Double] {
        do {
            return try SamplePlan.stratumRates(parsing: stratumRates).get()
        } catch {
            throw ValidationError("--stratum-rate \(error.entry): expected STRATUM=RATE with RATE between 0 and 1")
        }
    }

    private func parsedStrata() throws -> [SampleParameters.Stratum] {
        guard let list = SampleParameters.Stratum.list(strata) else {
            throw ValidationError("--strata \(strata): each part must be team or case-type")
        }
        return list
    }

    func run() throws {
        let console = Console.current
        let plan = try SamplePlan.forLatestCaseList(
            in: try store.open(console), strata: try parsedStrata(), caseTypes: try CaseTypesArgument.parse(caseTypes),
            confidence: confidence, margin: margin, expectedRate: expectedRate, stratumRates: try rates(),
            allocation: allocation, method: method)
        switch format {
        case .text: console.write(plan.table())
        case .json: console.write(JSONOutput.render(plan))
        }
    }
}

extension SamplePlan.Allocation: ExpressibleByArgument {}
extension SamplePlan.Method: ExpressibleByArgument {}
