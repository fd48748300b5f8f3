/// A paper audit as keyed in bulk (from CSV or JSON), before it is checked: answers, and
/// optionally the auditor's judgement and actions, each with where it came from.
public struct AnswerSheet: Sendable {
    /// Where one entry is in the file: its line, and the columns of its fields where known.
    public struct Place: Sendable, Hashable {
        public var line: Int
        public var columns: [Field: Int]

        public init(line: Int, columns: [Field: Int] = [:]) {
            self.line = line
            self.columns = columns
        }
    }

    public enum Field: Sendable, Hashable { case item, answer, note, grade, reason, what, who, due }

    public struct Entry<Value: Sendable>: Sendable {
        public var value: Value
        public var place: Place

        package init(value: Value, place: Place) {
            self.value = value
            self.place = place
        }
    }

    /// An action as written: the due date is checked with everything else.
    public struct ActionText: Sendable {
        public var what: String
        public var who: String
        public var due: String

        package init(what: String, who: String, due: String) {
            self.what = what
            self.who = who
            self.due = due
        }
    }

    public var path: String
    public var answers: [Entry<ItemAnswer>] = []
    public var judgements: [Entry<AuditJudgement>] = []
    public var actions: [Entry<ActionText>] = []
    /// Problems found while reading (missing fields, unknown rows), reported with the rest.
    public var problems: [Diagnostic] = []

    public init(path: String) { self.path = path }

    package mutating func problem(_ place: Place, _ field: Field, _ message: String) {
        problems.append(
            Diagnostic(
                .rules, at: SourceLocation(file: path, line: place.line, column: place.columns[field] ?? 0), message))
    }

    /// What a checked sheet adds to an audit.
    public struct Checked: Sendable {
        /// The audit's session with the sheet applied.
        public var session: ScoringSession
        /// The sheet's answers, in sheet order.
        public var answers: [ItemAnswer]
        public var judgement: AuditJudgement?
        public var actions: [AuditAction]
    }

    /// Checks the whole sheet against the audit so far and returns what it adds, or every
    /// problem, each naming its line and item: an item the checklist does not have, an item
    /// answered twice, an answer the scale does not have, a missing note, an answer to an item
    /// the other answers skip, an unknown grade, a judgement that differs from the computed
    /// grade with no reason, and an action without what, who or a due date, or due in the past.
    /// Answers are applied in checklist order, so skip logic sees earlier items first.
    public func check(against session: ScoringSession, today: CalendarDate) throws(InputError) -> Checked {
        var sheet = self
        let order = Dictionary(
            session.checklist.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var firstLine: [String: Int] = [:]
        var accepted: [Entry<ItemAnswer>] = []
        for entry in answers {
            let item = entry.value.itemID
            guard order[item] != nil else {
                sheet.problem(entry.place, .item, Messages.Scoring.unknownItem(item))
                continue
            }
            if let first = firstLine[item] {
                sheet.problem(entry.place, .item, Messages.Scoring.answeredTwice(item, firstLine: first))
                continue
            }
            firstLine[item] = entry.place.line
            accepted.append(entry)
        }
        var result = session
        for entry in accepted.sorted(by: { order[$0.value.itemID, default: 0] < order[$1.value.itemID, default: 0] }) {
            // A sheet may spell an answer as its value, its key or its label, in any case.
            let value =
                session.checklist.items.first { $0.id == entry.value.itemID }
                .flatMap { session.checklist.scale(for: $0)?.option(spelled: entry.value.value)?.value }
                ?? entry.value.value
            do throws(ScoringError) {
                try result.answer(entry.value.itemID, value: value, note: entry.value.note)
            } catch {
                sheet.problem(entry.place, Self.field(of: error), error.message)
            }
        }
        if judgements.count > 1 {
            sheet.problem(
                judgements[1].place, .grade, Messages.Scoring.judgedTwice(firstLine: judgements[0].place.line))
        }
        var judgement: AuditJudgement?
        if let entry = judgements.first {
            let grade =
                session.checklist.grading.bands.first { Self.sameSpelling($0.grade, entry.value.grade) }?.grade
                ?? entry.value.grade
            do throws(ScoringError) {
                try result.judge(grade, reason: entry.value.reason)
                judgement = result.judgement
            } catch {
                sheet.problem(entry.place, Self.field(of: error), error.message)
            }
        }
        var raised: [AuditAction] = []
        for entry in actions {
            // Every fault of the row is reported, not the first.
            var faults: [(Field, String)] = []
            if entry.value.what.trimmingWhitespace.isEmpty {
                faults.append((.what, Messages.Scoring.actionIncomplete(.what)))
            }
            if entry.value.who.trimmingWhitespace.isEmpty {
                faults.append((.who, Messages.Scoring.actionIncomplete(.who)))
            }
            let due = CalendarDate(parsing: entry.value.due.trimmingWhitespace)
            if let due, due < today {
                faults.append((.due, ScoringError.actionDueInPast(due: due, today: today).message))
            } else if due == nil {
                let text = entry.value.due.trimmingWhitespace
                faults.append(
                    (.due, text.isEmpty ? Messages.Scoring.actionIncomplete(.due) : Messages.Scoring.badDate(text)))
            }
            guard let due, faults.isEmpty else {
                for (field, message) in faults { sheet.problem(entry.place, field, message) }
                continue
            }
            do throws(ScoringError) {
                try result.addAction(AuditAction(what: entry.value.what, who: entry.value.who, due: due), today: today)
                raised.append(result.actions[result.actions.count - 1])
            } catch {
                sheet.problem(entry.place, Self.field(of: error), error.message)
            }
        }
        guard sheet.problems.isEmpty else {
            throw InputError(
                sheet.problems.sorted {
                    ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
                })
        }
        return Checked(session: result, answers: accepted.map(\.value), judgement: judgement, actions: raised)
    }

    /// "Requires improvement" and "REQUIRES-IMPROVEMENT" are the grade requires-improvement.
    static func sameSpelling(_ grade: String, _ written: String) -> Bool {
        func plain(_ text: String) -> String {
            text.trimmingWhitespace.lowercased().replacingOccurrences(of: " ", with: "-")
        }
        return plain(grade) == plain(written)
    }

    private static func field(of error: ScoringError) -> Field {
        switch error {
        case .unknownItem, .hidden: .item
        case .unknownAnswer: .answer
        case .noteRequired: .note
        case .unknownGrade, .judgementRequired, .unanswered: .grade
        case .reasonRequired: .reason
        case .actionIncomplete(let part):
            switch part {
            case .what: .what
            case .who: .who
            case .due: .due
            }
        case .actionDueInPast: .due
        case .tooLong(let field, _): field
        }
    }
}
