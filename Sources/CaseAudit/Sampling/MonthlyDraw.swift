/// Drawing a month's sample for a checklist: one sample per checklist per month.
///
/// - `.first`: refused when the month already has a current sample of the checklist.
/// - `.replace`: draws afresh, only while none of the current sample's files (nor its
///   top-ups') has an audit begun; the old ones are kept, marked as replaced by the new one.
/// - `.topUp(n)`: `n` more files with the first sample's design (strata, case types, weights,
///   look-back), none of them a file the month's samples of the checklist already hold, and
///   the auditors' quotas counted across those samples.
///
/// The draw, the allocation and the replacement are recorded in one transaction.
public enum MonthlyDraw {
    public enum Mode: Sendable, Hashable {
        case first
        case replace
        case topUp(Int)
    }

    /// What was asked: the parameters of a first draw (for a top-up, its month, checklist, seed
    /// and catch-up reason are used, the rest comes from the first sample).
    public struct Request: Sendable {
        public var parameters: SampleParameters
        public var mode: Mode
        public var quota: AuditorQuota
        public var allowOwnLine: Bool

        public init(parameters: SampleParameters, mode: Mode, quota: AuditorQuota, allowOwnLine: Bool) {
            self.parameters = parameters
            self.mode = mode
            self.quota = quota
            self.allowOwnLine = allowOwnLine
        }
    }

    public struct Outcome: Sendable {
        public var sample: StoredSample
        /// The samples this one replaced (with `.replace`).
        public var replaced: [StoredSample]
        /// Cases left out because an earlier sample holds them (the look-back, and for a
        /// top-up the month's samples).
        public var excludedCount: Int
        /// Whether there was an org chart to allocate the files with.
        public var allocated: Bool
        /// Teams of the drawn files that the org chart does not have.
        public var unknownTeams: UnknownTeams?
        /// Why each file nobody could be given was left (by case reference).
        public var unallocated: [String: Unallocated] = [:]
    }

    /// Where a draw has got to, for a progress line: reading a snapshot of n cases, drawing.
    public enum Step: Sendable {
        case reading(cases: Int)
        case drawing(cases: Int)
    }

    /// Whether `month` may be drawn as of `today`: this month or next; an earlier month only as
    /// a catch-up draw (`backdated`), whose files are overdue at once. Returns whether it is one.
    public static func checkMonth(_ month: AuditMonth, today: CalendarDate, backdated: Bool) throws(SampleDrawError)
        -> Bool
    {
        let latest = AuditMonth.following(today)
        let current = latest.subtracting(months: 1)
        if month > latest { throw .futureMonth(month, latest: latest) }
        if month < current && !backdated { throw .pastMonth(month, current: current) }
        return month < current
    }

    public static func draw(
        _ request: Request, store: some PopulationStore & SampleStore, progress: (Step) -> Void = { _ in }
    ) throws(SampleDrawError) -> Outcome {
        do {
            return try run(request, store: store, progress: progress)
        } catch let error as SampleDrawError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.failed(reason: String(describing: error)))
        }
    }

    private static func run(
        _ request: Request, store: some PopulationStore & SampleStore, progress: (Step) -> Void
    ) throws -> Outcome {
        guard let snapshot = try store.latestCaseSnapshot() else { throw SampleDrawError.noCaseList }
        var parameters = request.parameters
        let existing = try store.samples(month: parameters.month).filter {
            $0.parameters.checklistID == parameters.checklistID && $0.replacedBy == nil
        }
        var replacing: [StoredSample] = []
        var monthFiles: Set<String> = []
        var alreadyAllocated: [String: Int] = [:]
        switch request.mode {
        case .first:
            guard existing.isEmpty else { throw SampleDrawError.alreadyDrawn(existing) }
        case .replace:
            guard !existing.isEmpty else {
                throw SampleDrawError.nothingToReplace(parameters.month, parameters.checklistID)
            }
            let begun = try store.allocations(auditor: nil, caseReference: nil, today: nil).filter { allocation in
                allocation.status != .allocated && existing.contains { $0.id == allocation.sampleID }
            }
            if let first = begun.first { throw SampleDrawError.scored(sample: first.sampleID, files: begun.count) }
            replacing = existing
        case .topUp(let files):
            guard let first = existing.first else {
                throw SampleDrawError.nothingToTopUp(parameters.month, parameters.checklistID)
            }
            parameters = topUp(of: first.parameters, files: files, asked: parameters, first: first.id)
            monthFiles = Set(existing.flatMap { $0.cases.map(\.reference) })
            for sample in existing {
                for file in sample.cases {
                    if let auditor = file.auditorID { alreadyAllocated[auditor, default: 0] += 1 }
                }
            }
        }

        let lookBack =
            try parameters.excludeSampledWithinMonths.map { months in
                try store.sampledReferences(since: parameters.month.subtracting(months: months))
            } ?? []
        // A replacement's look-back does not count the samples it replaces.
        let replaced = Set(replacing.flatMap { $0.cases.map(\.reference) })
        let excluded = lookBack.subtracting(replaced).union(monthFiles)
        progress(.reading(cases: snapshot.cases))
        let population = try store.cases(snapshot: snapshot.id, includingDates: false)
        progress(.drawing(cases: population.count))
        var drawn = StratifiedSampler.draw(population, parameters: parameters, excluded: excluded)

        var unknown: UnknownTeams?
        var unallocated: [String: Unallocated] = [:]
        let chart = try store.orgChart()
        if let chart {
            let staffed = Set(chart.people.map(\.level))
            let empty = request.quota.filesPerAuditor.filter { $0.value > 0 && !staffed.contains($0.key) }.keys
            guard empty.isEmpty else { throw SampleDrawError.quotaUnstaffed(Array(empty), request.quota) }
            let allocations = AuditorAllocator.allocate(
                drawn, chart: chart, quota: request.quota, allowOwnLine: request.allowOwnLine,
                alreadyAllocated: alreadyAllocated)
            drawn = drawn.allocated(allocations)
            for allocation in allocations { unallocated[allocation.reference] = allocation.reason }
            let teams = UnknownTeams(teams: drawn.compactMap { $0.team.map { ($0, 1) } }, chart: chart)
            unknown = teams.isEmpty ? nil : teams
        }
        let stored: StoredSample
        do {
            stored = try store.addSample(
                parameters, snapshot: snapshot.id, cases: drawn, replacing: replacing.map(\.id),
                expectingCurrent: Set(existing.map(\.id)))
        } catch {
            guard case .drawnMeanwhile = error else { throw error }
            // Someone else's draw won: say what is there now, as if it had been there before.
            let now = try store.samples(month: parameters.month).filter {
                $0.parameters.checklistID == parameters.checklistID && $0.replacedBy == nil
            }
            throw SampleDrawError.alreadyDrawn(now)
        }
        return Outcome(
            sample: stored, replaced: replacing, excludedCount: excluded.count, allocated: chart != nil,
            unknownTeams: unknown, unallocated: unallocated)
    }

    /// A top-up's parameters: the first sample's design, `files` in all, the seed and catch-up
    /// reason asked for.
    static func topUp(of design: SampleParameters, files: Int, asked: SampleParameters, first: SampleID)
        -> SampleParameters
    {
        var parameters = design
        parameters.size = .total(files)
        parameters.seed = asked.seed
        parameters.backdateReason = asked.backdateReason
        parameters.topUpOf = first
        return parameters
    }

    /// What a redraw of `sample` leaves out besides its look-back: for a top-up, the files the
    /// month's samples of its checklist held when it was drawn.
    public static func heldByMonth(before sample: StoredSample, store: some SampleStore) throws(StoreError) -> Set<
        String
    > {
        guard sample.parameters.topUpOf != nil else { return [] }
        let earlier = try store.samples(month: sample.parameters.month).filter {
            $0.parameters.checklistID == sample.parameters.checklistID && $0.wasCurrent(whenDrawing: sample)
        }
        return Set(earlier.flatMap { $0.cases.map(\.reference) })
    }
}

/// Why a draw was refused. The messages say what exists; the command line adds how to go on.
public enum SampleDrawError: Error, Sendable {
    case store(StoreError)
    /// After next month: too early to draw.
    case futureMonth(AuditMonth, latest: AuditMonth)
    /// Before this month, and not drawn as a catch-up.
    case pastMonth(AuditMonth, current: AuditMonth)
    case noCaseList
    /// None of the case types asked for is one the checklist applies to.
    case noEligibleCaseTypes(checklist: String, appliesTo: [CaseType], asked: [CaseType])
    /// The month has a sample of the checklist already (with its top-ups).
    case alreadyDrawn([StoredSample])
    case nothingToReplace(AuditMonth, String)
    case nothingToTopUp(AuditMonth, String)
    /// Files of the sample have audits begun or submitted, so it cannot be drawn afresh.
    case scored(sample: SampleID, files: Int)
    /// The quota gives files to a level nobody in the org chart holds.
    case quotaUnstaffed([ManagerLevel], AuditorQuota)

    public var message: String {
        switch self {
        case .store(let error): return error.message
        case .futureMonth(let month, let latest):
            return "\(month) is in the future: draw this month's or next month's sample (\(latest) at the latest)"
        case .pastMonth(let month, let current):
            return
                "\(month) is past: draw this month's or next month's sample (\(current) or \(current.subtracting(months: -1)))"
        case .noCaseList: return "no case list yet"
        case .noEligibleCaseTypes(let checklist, let applies, let asked):
            return
                "checklist '\(checklist)' applies to \(applies.map(\.rawValue).joined(separator: ", ")); none of the case types asked for (\(asked.map(\.rawValue).joined(separator: ",")))"
        case .alreadyDrawn(let samples):
            guard let first = samples.first else { return "the month has a sample already" }
            let files = samples.reduce(0) { $0 + $1.cases.count }
            let topUps = samples.count - 1
            let extra = topUps == 0 ? "" : " and \(Plural.count(topUps, "top-up"))"
            return
                "\(first.parameters.month) has a \(first.parameters.checklistID) sample already: sample \(first.id), drawn "
                + "\(first.drawnAt.prefix(10)) with seed \(first.parameters.seed)\(extra), \(Plural.count(files, "file")); "
                + "one sample per checklist per month, so nothing was drawn"
        case .nothingToReplace(let month, let checklist), .nothingToTopUp(let month, let checklist):
            return "\(month) has no \(checklist) sample yet, so there is nothing to \(isReplace ? "replace" : "top up")"
        case .scored(let sample, let files):
            return
                "sample \(sample) cannot be drawn afresh: \(Plural.count(files, "file")) of it \(Plural.verb(files, "has", "have")) "
                + "an audit begun or submitted; nothing was drawn"
        case .quotaUnstaffed(let levels, let quota):
            return
                "the quota \(quota.description): the org chart has no \(levels.map(\.rawValue).sorted().joined(separator: ", ")), "
                + "so that quota cannot be met"
        }
    }

    private var isReplace: Bool {
        if case .nothingToReplace = self { return true }
        return false
    }
}
