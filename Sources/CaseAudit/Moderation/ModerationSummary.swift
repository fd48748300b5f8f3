/// How far moderation agreed with the auditors over a span of months: per checklist version,
/// the auditor × moderator table over every grade of the scale, the agreement coefficients,
/// the grades moved to better or worse by the outcomes, and the same by auditor (their drift),
/// auditor level, team and checklist item. What `report moderation` publishes, and the
/// monthly summary's moderation section.
public struct ModerationSummary: Sendable, Hashable, Encodable {
    /// One moderated file: the auditor's grade, the moderator's own blind grade, the outcome.
    public struct Pair: Sendable, Hashable {
        public var original: AuditID
        public var month: AuditMonth
        public var team: String?
        public var auditorID: String
        public var auditorLevel: ManagerLevel?
        public var moderatorID: String
        public var firstGrade: String
        public var moderatorGrade: String
        /// The grade reported after the outcome; nil until it is decided.
        public var reportedGrade: String?
        public var firstAnswers: [String: String]
        public var moderatorAnswers: [String: String]
    }

    /// Files moderated in a group, how often the two grades were the same, and which way the
    /// outcomes moved the reported grade.
    public struct Group: Sendable, Hashable, Encodable {
        public var name: String
        public var files: Int
        public var sameGrade: Int
        public var percentAgreement: Double?
        public var movedBetter: Int
        public var movedWorse: Int
        public var unchanged: Int
        public var undecided: Int

        init(name: String, pairs: [Pair], order: [String]) {
            self.name = name
            files = pairs.count
            sameGrade = pairs.count { $0.firstGrade == $0.moderatorGrade }
            percentAgreement = pairs.isEmpty ? nil : Double(sameGrade) / Double(pairs.count)
            var better = 0
            var worse = 0
            var same = 0
            var open = 0
            for pair in pairs {
                guard let reported = pair.reportedGrade, let to = order.firstIndex(of: reported),
                    let from = order.firstIndex(of: pair.firstGrade)
                else {
                    open += 1
                    continue
                }
                // The scale runs from the best grade: a smaller place is better.
                if to < from { better += 1 } else if to > from { worse += 1 } else { same += 1 }
            }
            movedBetter = better
            movedWorse = worse
            unchanged = same
            undecided = open
        }
    }

    /// How alike the two answered one checklist item.
    public struct ItemAgreement: Sendable, Hashable, Encodable {
        public var item: String
        public var prompt: String
        /// Files where both answered it.
        public var files: Int
        public var percentAgreement: AgreementFigure
        public var alphaNominal: AgreementFigure
    }

    public struct Section: Sendable, Hashable, Encodable {
        public var checklist: String
        public var title: String
        public var version: String
        public var hash: String
        /// The grades of the scale, best first, with their labels.
        public var grades: [String]
        public var gradeLabels: [String]
        /// Rows: the auditor's grade; columns: the moderator's; every grade of the scale.
        public var table: [[Int]]
        public var agreement: AgreementAnalysis
        public var council: Group
        public var auditors: [Group]
        public var auditorLevels: [Group]
        public var teams: [Group]
        public var items: [ItemAgreement]
    }

    public var months: String
    public var files: Int
    public var sections: [Section]
    /// Whose line the figures take in, when they are a senior manager's (the database shows them
    /// the moderation of their line's files only): their id; nil for the council's.
    public var lineOf: String?

    public init(months: ClosedRange<AuditMonth>, pairs: [(Pair, Checklist, String)]) {
        self.months =
            months.lowerBound == months.upperBound
            ? months.lowerBound.description : "\(months.lowerBound) to \(months.upperBound)"
        files = pairs.count
        var sections: [Section] = []
        for (hash, group) in Dictionary(grouping: pairs, by: \.2) {
            guard let checklist = group.first?.1 else { continue }
            sections.append(Self.section(group.map(\.0), checklist: checklist, hash: hash))
        }
        self.sections = sections.sorted { ($0.checklist, $0.version) < ($1.checklist, $1.version) }
    }

    static func section(_ pairs: [Pair], checklist: Checklist, hash: String) -> Section {
        let grades = checklist.grading.bands.map(\.grade)
        var set = RatingSet(categories: grades)
        let onScale = pairs.filter { grades.contains($0.firstGrade) && grades.contains($0.moderatorGrade) }
        for pair in onScale {
            // The auditor is rater 0 in every file, the moderator rater 1.
            try? set.add(file: String(pair.original), rater: "auditor", rating: pair.firstGrade)
            try? set.add(file: String(pair.original), rater: "moderator", rating: pair.moderatorGrade)
        }
        func groups(_ key: (Pair) -> String?) -> [Group] {
            Dictionary(grouping: onScale) { key($0) ?? "(none)" }.sorted { $0.key < $1.key }.map {
                Group(name: $0.key, pairs: $0.value, order: grades)
            }
        }
        let items = checklist.items.map { item -> ItemAgreement in
            let values = checklist.scale(for: item)?.options.map(\.value) ?? []
            var answers = RatingSet(categories: values)
            for pair in pairs {
                guard let first = pair.firstAnswers[item.id], let second = pair.moderatorAnswers[item.id],
                    values.contains(first), values.contains(second)
                else { continue }
                try? answers.add(file: String(pair.original), rater: "auditor", rating: first)
                try? answers.add(file: String(pair.original), rater: "moderator", rating: second)
            }
            let analysis = AgreementAnalysis(answers)
            return ItemAgreement(
                item: item.id, prompt: item.prompt, files: analysis.files,
                percentAgreement: analysis.twoRaters.first?.percentAgreement
                    ?? .undefined("no file was answered by both"),
                alphaNominal: analysis.alphaNominal)
        }
        return Section(
            checklist: checklist.id, title: checklist.title, version: checklist.version, hash: hash, grades: grades,
            gradeLabels: checklist.grading.bands.map(\.displayName), table: set.table(0, 1),
            agreement: AgreementAnalysis(set), council: Group(name: "Council", pairs: onScale, order: grades),
            auditors: groups(\.auditorID), auditorLevels: groups { $0.auditorLevel?.rawValue }, teams: groups(\.team),
            items: items)
    }
}

extension ModerationSummary {
    /// The months' moderated files whose second scoring is submitted, from the store: the use
    /// case behind `report moderation` (a quality lead's, who reads every audit).
    public static func build(months: ClosedRange<AuditMonth>, store: some CaseAuditStore) throws -> ModerationSummary {
        let files = try store.moderationAssignments(moderator: nil, caseReference: nil).filter {
            months.contains($0.month) && $0.moderation?.submittedAt != nil
        }
        // The org chart gives each pair its auditor's level: a month with no moderated file
        // (most, in the monthly summary) need not read it.
        let chart = files.isEmpty ? nil : try store.orgChart(levels: nil)
        // Each checklist version is read once, however many files it graded.
        let checklists = try AuditOpening.checklists(hashes: Set(files.map(\.checklistHash)), store: store)
        var pairs: [(Pair, Checklist, String)] = []
        for file in files {
            guard let moderation = file.moderation, let checklist = checklists[file.checklistHash] else { continue }
            guard let first = try store.audit(id: file.original) else { throw AuditOpeningError.noAudit(file.original) }
            guard let second = try store.audit(id: moderation.id) else {
                throw AuditOpeningError.noAudit(moderation.id)
            }
            guard let firstGrade = first.content.judgement?.grade, let secondGrade = second.content.judgement?.grade
            else { continue }
            func answers(_ record: AuditRecord) -> [String: String] {
                Dictionary(record.content.answers.map { ($0.itemID, $0.value) }, uniquingKeysWith: { _, last in last })
            }
            pairs.append(
                (
                    Pair(
                        original: file.original, month: file.month, team: file.team, auditorID: file.auditorID,
                        auditorLevel: chart?.person(id: file.auditorID)?.level, moderatorID: file.moderatorID,
                        firstGrade: firstGrade, moderatorGrade: secondGrade, reportedGrade: file.outcome?.grade,
                        firstAnswers: answers(first), moderatorAnswers: answers(second)),
                    checklist, file.checklistHash
                ))
        }
        return ModerationSummary(months: months, pairs: pairs)
    }
}
