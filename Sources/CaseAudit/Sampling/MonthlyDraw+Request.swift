extension MonthlyDraw {
    /// A draw as a person asks for it, before the month and the checklist are checked.
    public struct Asked: Sendable {
        public var month: AuditMonth
        public var size: SampleParameters.Size
        public var strata: [SampleParameters.Stratum]
        /// The case types asked for; empty for all the checklist applies to.
        public var caseTypes: [CaseType]
        public var weights: [CaseType: Double]
        public var excludeSampledWithinMonths: Int?
        public var seed: UInt64
        public var mode: Mode
        public var quota: AuditorQuota
        public var allowOwnLine: Bool
        /// Why a past month is drawn late: present only for a catch-up draw.
        public var backdateReason: String?

        public init(
            month: AuditMonth, size: SampleParameters.Size, strata: [SampleParameters.Stratum], caseTypes: [CaseType],
            weights: [CaseType: Double], excludeSampledWithinMonths: Int?, seed: UInt64, mode: Mode,
            quota: AuditorQuota, allowOwnLine: Bool, backdateReason: String?
        ) {
            self.month = month
            self.size = size
            self.strata = strata
            self.caseTypes = caseTypes
            self.weights = weights
            self.excludeSampledWithinMonths = excludeSampledWithinMonths
            self.seed = seed
            self.mode = mode
            self.quota = quota
            self.allowOwnLine = allowOwnLine
            self.backdateReason = backdateReason
        }
    }

    /// The request for `asked` against `checklist` as of `today`: the month must be drawable
    /// (a past one only with a reason), and only the case types the checklist applies to are
    /// eligible.
    public static func request(_ asked: Asked, checklist: Checklist, today: CalendarDate) throws(SampleDrawError)
        -> Request
    {
        let catchUp = try checkMonth(asked.month, today: today, backdated: asked.backdateReason != nil)
        var eligible = checklist.caseTypes
        if !asked.caseTypes.isEmpty { eligible = eligible.filter(asked.caseTypes.contains) }
        guard !eligible.isEmpty else {
            throw .noEligibleCaseTypes(checklist: checklist.id, appliesTo: checklist.caseTypes, asked: asked.caseTypes)
        }
        var parameters = SampleParameters(
            month: asked.month, checklistID: checklist.id, size: asked.size, strata: asked.strata,
            caseTypes: eligible, seed: asked.seed, weights: asked.weights,
            excludeSampledWithinMonths: asked.excludeSampledWithinMonths)
        parameters.backdateReason = catchUp ? asked.backdateReason : nil
        return Request(parameters: parameters, mode: asked.mode, quota: asked.quota, allowOwnLine: asked.allowOwnLine)
    }
}

extension MonthlyDraw.Outcome {
    /// What a person should know besides the sample: replaced samples, cases left out, files
    /// not allocated for want of an org chart, teams the chart lacks. `lookBack` is the
    /// look-back as asked ("6m").
    public func notices(lookBack: String?, topUp: Bool) -> [Notice] {
        var notices = replaced.map { old in
            Notice.note("sample \(old.id) is kept, marked replaced by sample \(sample.id)")
        }
        if excludedCount > 0 {
            let why = topUp ? "drawn this month already" : "drawn within \(lookBack ?? "")"
            notices.append(
                .note(
                    "\(Plural.count(excludedCount, "case")) \(Plural.verb(excludedCount, "was", "were")) left out: \(why)"
                ))
        }
        if !allocated { notices.append(.note("no org chart, so the files are not allocated to auditors")) }
        if let unknownTeams { notices.append(.warning(unknownTeams.message(of: "files drawn"))) }
        return notices
    }

    /// The files nobody could be given: one warning each for a handful, otherwise one that
    /// counts them by reason, with what would help.
    public func unallocatedWarnings(listing limit: Int = 5) -> [Notice] {
        let files = sample.cases.compactMap { file in unallocated[file.reference].map { (file, why: $0) } }
        guard files.count > limit else {
            return files.map { .warning("\($0.reference) (\($0.stratum)) is not allocated: \($1.text)", $1.remedy) }
        }
        let byReason = Dictionary(grouping: files, by: \.why)
            .map { (reason: $0.key.text, count: $0.value.count) }
            .sorted { ($1.count, $0.reason) < ($0.count, $1.reason) }
        let reasons = byReason.prefix(3).map { "\($0.count) because \($0.reason)" }.joined(separator: "; ")
        let more = byReason.count > 3 ? "; \(byReason.count - 3) other reasons" : ""
        let ownLine = files.contains { $0.why != .quotasUsedUp }
        return [
            .warning(
                "\(files.count) files are not allocated: \(reasons)\(more)",
                .listUnallocated(sample.parameters.month, ownLine: ownLine))
        ]
    }
}
