/// The monthly quality summary: for each checklist version audited in the month, the figures
/// for the council, each team, each manager's line, each auditor level and each case type;
/// the trend over the last 12 months; and the actions raised.
public struct MonthlySummary: Sendable, Encodable {
    public struct ChecklistSection: Sendable, Encodable {
        public var checklist: String
        public var title: String
        public var version: String
        public var hash: String
        public var council: GroupFigures
        /// The council's share good or better estimated for all open cases, weighting each file
        /// by the inverse of its inclusion probability (Horvitz–Thompson); nil when every file
        /// had the same chance of being drawn, so the plain share is already the estimate.
        public var populationEstimate: Double?
        /// The same estimate with its design-based 95 % interval and how it was made.
        public var weightedEstimate: PopulationEstimate?
        public var teams: [GroupFigures]
        /// Each team manager's, service manager's and assistant director's teams together.
        public var managementLines: [ManagementGroup]
        /// How auditors at each level grade: a check on consistency.
        public var auditorLevels: [GroupFigures]
        public var caseTypes: [GroupFigures]
        /// Files sampled for the checklist this month whose audit is not submitted yet.
        public var filesNotYetAudited: Int
        /// Teams with files sampled and none of them audited yet.
        public var teamsNotYetAudited: [String]
    }

    public struct ManagementGroup: Sendable, Encodable {
        public var level: String
        public var managerID: String
        public var manager: String
        public var teams: [String]
        public var figures: GroupFigures
    }

    /// The council's share good or better this month against last month and the averages of
    /// the last 6 and 12 months (files pooled), per checklist.
    public struct TrendSummary: Sendable, Hashable, Encodable {
        public var checklist: String
        public var thisMonth: Double?
        public var lastMonth: Double?
        public var last6Months: Double?
        public var last12Months: Double?
    }

    public struct TrendPoint: Sendable, Hashable, Encodable {
        public var month: String
        public var checklist: String
        public var audited: Int
        public var goodOrBetter: Int
        public var goodOrBetterShare: Double?
    }

    public struct ActionFigures: Sendable, Hashable, Encodable {
        public var raised: Int
        public var done: Int
        public var overdue: Int
        public var open: Int
    }

    public var month: String
    /// The day the figures were made (actions are overdue as of then).
    public var asOf: String
    public var audited: Int
    public var sections: [ChecklistSection]
    /// The last 12 months, oldest first, per checklist.
    public var trend: [TrendPoint]
    public var trendSummaries: [TrendSummary]
    /// Actions raised in this month's audits.
    public var actions: ActionFigures
    public var actionsByTeam: [String: ActionFigures]
    /// Actions raised in the audits of the last 12 months, this one included: how many are
    /// done, open and overdue today.
    public var actionsLast12Months: ActionFigures
    /// The month's moderation: how far moderators agreed with the auditors (nil when no
    /// moderation of the month's files is submitted).
    public var moderation: ModerationSummary?

    /// The summary from the month's cells, the last 12 months' grade cells (for the trend),
    /// the files sampled, the actions, the checklists by content hash and the org chart (for the
    /// management lines). With `itemsByGroup` false, `items` are summed per item and give the
    /// council's item figures only (the published tables show no others).
    public init(
        month: AuditMonth, today: CalendarDate, grades: [GradeCell], items: [ItemCell], itemsByGroup: Bool = true,
        trendGrades: [GradeCell], sampled: [SampledCount], actions: [ActionRecord], checklists: [String: Checklist],
        chart: OrgChart?
    ) {
        self.month = month.description
        asOf = today.description
        let monthGrades = grades.filter { $0.month == month }
        audited = monthGrades.reduce(0) { $0 + $1.files }
        let lines = monthGrades.isEmpty ? [:] : chart?.managementLines() ?? [:]
        var sections: [ChecklistSection] = []
        let itemsByVersion = Dictionary(grouping: items, by: \.checklistHash)
        for (hash, group) in Dictionary(grouping: monthGrades, by: \.checklistHash) {
            guard let checklist = checklists[hash] else { continue }
            let itemCells = itemsByVersion[hash] ?? []
            let sampledHere = sampled.filter { $0.checklistID == checklist.id }
            // Two versions of one checklist in a month share the month's samples: each version
            // reports the files sampled for the checklist.
            func sampledCount(_ include: (SampledCount) -> Bool) -> Int {
                sampledHere.filter(include).reduce(0) { $0 + $1.files }
            }
            // One pass over the cells makes a tally per team, level and case type; the council
            // and each manager's line add those up (a council has hundreds of teams and managers).
            let scheme = GroupTally.Scheme(checklist)
            var teamTallies: [String: GroupTally] = [:]
            var levelTallies: [ManagerLevel: GroupTally] = [:]
            var typeTallies: [CaseType: GroupTally] = [:]
            for cell in group {
                scheme.add(cell, to: &teamTallies[cell.team ?? Self.noTeam, default: scheme.empty])
                if let level = cell.auditorLevel { scheme.add(cell, to: &levelTallies[level, default: scheme.empty]) }
                if let type = cell.caseType { scheme.add(cell, to: &typeTallies[type, default: scheme.empty]) }
            }
            var teamItems: [String: GroupTally.Items] = [:]
            var levelItems: [ManagerLevel: GroupTally.Items] = [:]
            var typeItems: [CaseType: GroupTally.Items] = [:]
            if itemsByGroup {
                for cell in itemCells {
                    scheme.add(cell, to: &teamItems[cell.team ?? Self.noTeam, default: scheme.emptyItems])
                    if let level = cell.auditorLevel {
                        scheme.add(cell, to: &levelItems[level, default: scheme.emptyItems])
                    }
                    if let type = cell.caseType { scheme.add(cell, to: &typeItems[type, default: scheme.emptyItems]) }
                }
            }
            func items(_ tally: GroupTally.Items?) -> GroupTally.Items? {
                itemsByGroup ? tally ?? scheme.emptyItems : nil
            }
            var sampledByTeam: [String: Int] = [:]
            for count in sampledHere { sampledByTeam[count.team ?? Self.noTeam, default: 0] += count.files }
            // Every team with files sampled is reported, audited or not: a team that did not
            // audit is what a director most needs to see.
            let teamNames = Set(teamTallies.keys).union(sampledByTeam.filter { $0.value > 0 }.keys).sorted()
            let teams = teamNames.map { name in
                GroupFigures(
                    name: name, tally: teamTallies[name] ?? scheme.empty, items: items(teamItems[name]),
                    sampled: sampledByTeam[name] ?? 0,
                    checklist: checklist)
            }
            var managers: [String: (level: ManagerLevel, person: Person, teams: [String])] = [:]
            for name in teamNames {
                for person in lines[name] ?? []
                where [.teamManager, .serviceManager, .assistantDirector].contains(person.level) {
                    managers[person.id, default: (person.level, person, [])].teams.append(name)
                }
            }
            // By level, then id: the keys are sorted, not the entries, which carry their people
            // and teams (hundreds of managers, each compared many times).
            let levelOrder: [ManagerLevel] = [.teamManager, .serviceManager, .assistantDirector]
            let order = managers.map { (rank: levelOrder.firstIndex(of: $0.value.level) ?? 9, id: $0.key) }
                .sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
            let management = order.compactMap { managers[$0.id] }.map { entry in
                let names = entry.teams
                let tally = names.reduce(scheme.empty) { $0 + (teamTallies[$1] ?? scheme.empty) }
                let itemTally =
                    itemsByGroup ? names.reduce(scheme.emptyItems) { $0 + (teamItems[$1] ?? scheme.emptyItems) } : nil
                return ManagementGroup(
                    level: entry.level.rawValue, managerID: entry.person.id, manager: entry.person.displayName,
                    teams: names,
                    figures: GroupFigures(
                        name: "\(entry.level.rawValue) \(entry.person.displayName)", tally: tally, items: itemTally,
                        sampled: names.reduce(0) { $0 + (sampledByTeam[$1] ?? 0) }, checklist: checklist))
            }
            let auditorLevels = ManagerLevel.allCases.compactMap { level -> GroupFigures? in
                guard let tally = levelTallies[level] else { return nil }
                return GroupFigures(
                    name: level.rawValue, tally: tally, items: items(levelItems[level]), sampled: 0,
                    checklist: checklist)
            }
            let caseTypes = CaseType.allCases.compactMap { type -> GroupFigures? in
                let drawn = sampledCount { $0.caseType == type }
                guard drawn > 0 || typeTallies[type] != nil else { return nil }
                return GroupFigures(
                    name: type.rawValue, tally: typeTallies[type] ?? scheme.empty, items: items(typeItems[type]),
                    sampled: drawn,
                    checklist: checklist)
            }
            let estimate = Self.populationEstimate(group, checklist)
            let council = GroupFigures(
                name: "Council", tally: teamTallies.values.reduce(scheme.empty, +), items: scheme.items(itemCells),
                sampled: sampledCount { _ in true }, checklist: checklist)
            sections.append(
                ChecklistSection(
                    checklist: checklist.id, title: checklist.title, version: checklist.version, hash: hash,
                    council: council,
                    populationEstimate: estimate?.share, weightedEstimate: estimate, teams: teams,
                    managementLines: management,
                    auditorLevels: auditorLevels, caseTypes: caseTypes,
                    filesNotYetAudited: max(0, council.sampled - council.audited),
                    teamsNotYetAudited: teams.filter { $0.audited == 0 && $0.sampled > 0 }.map(\.name)))
        }
        self.sections = sections.sorted { ($0.checklist, $0.version) < ($1.checklist, $1.version) }
        trend = Self.trend(trendGrades, ending: month, checklists: checklists)
        trendSummaries = Self.summaries(trend, month: month)
        func figures(_ actions: [ActionRecord]) -> ActionFigures {
            let done = actions.count(where: \.done)
            let overdue = actions.count { !$0.done && $0.due < today }
            return ActionFigures(raised: actions.count, done: done, overdue: overdue, open: actions.count - done)
        }
        let thisMonth = actions.filter { $0.month == nil || $0.month == month }
        self.actions = figures(thisMonth)
        actionsByTeam = Dictionary(grouping: thisMonth, by: { $0.team ?? Self.noTeam }).mapValues(figures)
        actionsLast12Months = figures(actions)
    }

    public static let noTeam = "(no team)"

    /// The Horvitz–Thompson ratio estimate of the share good or better across all open cases,
    /// with its interval; each cell's files are a stratum's (its team and inclusion probability).
    static func populationEstimate(_ cells: [GradeCell], _ checklist: Checklist) -> PopulationEstimate? {
        guard Set(cells.map(\.inclusionProbability)).count > 1 else { return nil }
        let good = checklist.grading.goodOrBetter
        return PopulationEstimate(
            files: cells.map {
                PopulationEstimate.File(
                    stratum: $0.team ?? noTeam, inclusionProbability: $0.inclusionProbability,
                    good: good.contains($0.judgement), count: $0.files)
            })
    }

    static func summaries(_ points: [TrendPoint], month: AuditMonth) -> [TrendSummary] {
        Dictionary(grouping: points, by: \.checklist).keys.sorted().map { checklist in
            let mine = points.filter { $0.checklist == checklist }
            func pooled(_ months: Int) -> Double? {
                let recent = mine.filter { point in
                    AuditMonth(point.month).map { $0 > month.subtracting(months: months) } ?? false
                }
                let audited = recent.reduce(0) { $0 + $1.audited }
                return audited > 0 ? Double(recent.reduce(0) { $0 + $1.goodOrBetter }) / Double(audited) : nil
            }
            let last = month.subtracting(months: 1).description
            return TrendSummary(
                checklist: checklist, thisMonth: mine.first { $0.month == month.description }?.goodOrBetterShare,
                lastMonth: mine.first { $0.month == last }?.goodOrBetterShare, last6Months: pooled(6),
                last12Months: pooled(12))
        }
    }

    static func trend(_ cells: [GradeCell], ending month: AuditMonth, checklists: [String: Checklist]) -> [TrendPoint] {
        var points: [TrendPoint] = []
        let ids = Set(cells.map(\.checklistID)).sorted()
        let byMonth = Dictionary(grouping: cells, by: \.month)
        var good: [String: Set<String>] = [:]
        for (hash, checklist) in checklists { good[hash] = checklist.grading.goodOrBetter }
        for offset in stride(from: 11, through: 0, by: -1) {
            let when = month.subtracting(months: offset)
            for id in ids {
                let here = (byMonth[when] ?? []).filter { $0.checklistID == id }
                let audited = here.reduce(0) { $0 + $1.files }
                let better = here.reduce(0) { sum, cell in
                    sum + ((good[cell.checklistHash]?.contains(cell.judgement) ?? false) ? cell.files : 0)
                }
                points.append(
                    TrendPoint(
                        month: when.description, checklist: id, audited: audited, goodOrBetter: better,
                        goodOrBetterShare: audited == 0 ? nil : Double(better) / Double(audited)))
            }
        }
        return points
    }
}
