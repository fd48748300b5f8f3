import ArgumentParser
import CaseAudit
import CaseAuditReports

struct SampleDrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Draw a stratified random sample from the latest case list.",
        discussion: """
            The draw is a pure function of the population snapshot, the parameters and the seed, and \
            records all three: `sample show` prints them, and the same command with the same seed \
            redraws the same files on any machine. Only case types the checklist applies to are eligible.

            One sample per checklist per month: a second draw for the month is refused, saying what \
            exists. --replace draws it afresh while none of its files has an audit begun (the old sample \
            is kept, marked replaced); --top-up N adds N files with the first sample's strata, case types \
            and weights, none already drawn that month, with each auditor's quota counted across the \
            month's samples.
            """
    )

    @Option(help: "The audit month, YYYY-MM: this month or next (an earlier month only with --backdate --reason).")
    var month: String

    @Option(help: "The checklist the files will be audited against (its id).")
    var checklist: String

    @Option(help: "Files in all, shared across strata in proportion to their size.")
    var size: Int?

    @Option(name: .customLong("per-team"), help: "Files from each stratum (with the default strata, each team).")
    var perTeam: Int?

    @Option(name: .customLong("per-worker"), help: "Files from each worker (the strata are then workers).")
    var perWorker: Int?

    @Option(
        help: "How strata are formed: team, case-type, worker, or a combination such as team,case-type (default: team)."
    )
    var strata: String?

    @Flag(
        help:
            "Draw the month's sample afresh, while none of its files has an audit begun; the old one is kept, marked replaced."
    )
    var replace = false

    @Option(
        name: .customLong("top-up"),
        help: "Add this many files to the month's sample, with its design; none already drawn.")
    var topUp: Int?

    @Option(help: "Risk weights by case type, e.g. CP=3,LAC=2 (others 1): files drawn with probability in proportion.")
    var weights: String?

    @Option(
        name: .customLong("exclude-audited-within"),
        help: "Leave out cases drawn in a sample in the last N months, e.g. 6m or 1y.")
    var excludeWithin: String?

    @Option(name: .customLong("case-types"), help: "Only these case types, e.g. CIN,CP.")
    var caseTypes: String?

    @Option(help: "The seed (a whole number). When absent one is generated, and printed and recorded.")
    var seed: UInt64?

    @Option(help: "Files per auditor of each level this month, e.g. TM=2,SM=2,AD=1,DCS=1 (the default).")
    var quota: String = AuditorQuota.standard.description

    @Flag(
        help:
            "Allow a catch-up draw for a month before this one; needs --reason. Its files are due by that month's end, so they are overdue at once."
    )
    var backdate = false

    @Option(help: "With --backdate: why the sample is drawn late (recorded with the sample).")
    var reason: String?

    @Flag(
        name: .customLong("allow-own-line"), help: "Let auditors audit files from teams in their own management line.")
    var allowOwnLine = false

    @OptionGroup var location: ChecklistDirectoryOption
    @OptionGroup var store: DatabaseOption

    func validate() throws {
        guard AuditMonth(month) != nil else {
            throw ValidationError("--month \(month): expected YYYY-MM, e.g. 2026-12")
        }
        let sizes = [size, perTeam, perWorker].compactMap { $0 }
        if let topUp {
            guard !replace else { throw ValidationError("Give --replace or --top-up, not both.") }
            let design = [
                ("--size", size != nil), ("--per-team", perTeam != nil), ("--per-worker", perWorker != nil),
                ("--strata", strata != nil), ("--weights", weights != nil), ("--case-types", caseTypes != nil),
                ("--exclude-audited-within", excludeWithin != nil),
            ].filter(\.1).map(\.0)
            guard design.isEmpty else {
                throw ValidationError(
                    "--top-up N draws with the first sample's design, so \(design.joined(separator: ", ")) cannot go with it"
                )
            }
            guard (1...SampleParameters.sizeLimit).contains(topUp) else {
                throw ValidationError("--top-up must be between 1 and \(SampleParameters.sizeLimit).")
            }
        } else {
            guard sizes.count == 1 else {
                throw ValidationError("Give one of --size N, --per-team N or --per-worker N.")
            }
            guard (1...SampleParameters.sizeLimit).contains(sizes[0]) else {
                throw ValidationError("The sample size must be between 1 and \(SampleParameters.sizeLimit).")
            }
        }
        if let weights, SampleParameters.weights(parsing: weights) == nil {
            throw ValidationError(
                "--weights \(weights): expected TYPE=WEIGHT pairs such as CP=3,LAC=2, each weight above 0 and at most \(Number.format(SampleParameters.weightLimit))"
            )
        }
        if let excludeWithin, SampleParameters.months(parsing: excludeWithin) == nil {
            throw ValidationError(
                "--exclude-audited-within \(excludeWithin): expected a number of months or years up to \(SampleParameters.monthLimit / 12) years, e.g. 6m or 1y"
            )
        }
        if backdate && (reason?.nonBlank == nil) {
            throw ValidationError("--backdate needs --reason TEXT: why the sample is drawn late")
        }
        if !backdate && reason != nil { throw ValidationError("--reason goes with --backdate") }
        if topUp != nil { _ = try parsedQuota(); return }
        _ = try parsedStrata()
        _ = try CaseTypesArgument.parse(caseTypes)
        _ = try parsedQuota()
    }

    private func parsedQuota() throws -> AuditorQuota {
        do {
            return try AuditorQuota(parsing: quota)
        } catch {
            throw ValidationError("--quota \(error.message)")
        }
    }

    private func parsedStrata() throws -> [SampleParameters.Stratum] {
        guard let list = SampleParameters.Stratum.list(strata ?? "team") else {
            throw ValidationError("--strata \(strata ?? ""): each part must be team or case-type")
        }
        return list
    }

    func run() throws {
        let console = Console.current
        guard let auditMonth = AuditMonth(month) else { throw ExitCode(2) }
        let tool = try location.load(checklist, console)
        let asked = MonthlyDraw.Asked(
            month: auditMonth,
            size: size.map(SampleParameters.Size.total) ?? .perStratum(perTeam ?? perWorker ?? topUp ?? 1),
            strata: perWorker != nil ? [.worker] : try parsedStrata(),
            caseTypes: try CaseTypesArgument.parse(caseTypes),
            weights: weights.flatMap(SampleParameters.weights(parsing:)) ?? [:],
            excludeSampledWithinMonths: excludeWithin.flatMap(SampleParameters.months(parsing:)),
            seed: seed ?? UInt64.random(in: 0...UInt64.max),
            mode: topUp.map(MonthlyDraw.Mode.topUp) ?? (replace ? .replace : .first), quota: try parsedQuota(),
            allowOwnLine: allowOwnLine, backdateReason: backdate ? reason?.nonBlank : nil)
        let request = try MonthlyDraw.request(asked, checklist: tool.checklist, today: console.today())
        let database = try store.open(console)
        let outcome = try console.whileProgressing {
            try MonthlyDraw.draw(request, store: database) { step in
                switch step {
                case .reading(let cases): console.progress("caseaudit: reading \(cases) cases…")
                case .drawing(let cases): console.progress("caseaudit: drawing from \(cases) cases…")
                }
            }
        }
        console.tell(outcome.notices(lookBack: excludeWithin, topUp: topUp != nil))
        console.write(SampleReport.drawn(outcome.sample))
        console.tell(outcome.unallocatedWarnings())
    }
}
