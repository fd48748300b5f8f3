import CaseAudit

/// The scoring screen's state and what each key does, independent of any terminal: the driver
/// feeds keys, performs the effect each returns (keeping answers at once), and draws
/// `ScoringScreenText.render(self)`.
///
/// Keys: the scale's option keys answer (no Enter needed); `N` note; `B` or Left back;
/// Right or Enter next; `G` or Tab guidance; `R` review; `J` judgement; `A` action; `S` submit;
/// `Q`, Ctrl-C or Ctrl-D save and quit; `?` help. Checklists may not use upper-case letters or
/// `?` as option keys, so these never clash.
public struct ScoringScreen: Sendable {
    public enum Mode: Sendable, Hashable {
        case question(String)
        /// Writing a note for `item`; `value` is the answer it goes with.
        case note(item: String, value: String, text: String)
        case review(selected: Int)
        case help(returnTo: ReturnPoint)
        case judgement
        case reason(grade: String, text: String)
        case action(ActionDraft)
        case confirmSubmit
        case submitted
    }

    /// Where Escape goes back to.
    public enum ReturnPoint: Sendable, Hashable {
        case question(String)
        case review
    }

    public struct ActionDraft: Sendable, Hashable {
        public enum Field: Sendable, Hashable { case what, who, due }
        public var field: Field = .what
        public var what = ""
        public var who = ""
        public var due = ""
    }

    public private(set) var session: ScoringSession
    public let context: ScreenContext
    public let today: CalendarDate
    public private(set) var mode: Mode
    public private(set) var showGuidance = false
    /// A one-line message: why a key was refused, or what just happened.
    public private(set) var message: String?
    /// Columns and rows of the terminal.
    public var size: (columns: Int, rows: Int) = (80, 24)
    /// Changes shown on screen that the store could not keep yet (the server cannot be
    /// reached); the driver retries them and clears this once they are kept.
    public var unsaved: Unsaved?

    /// What is on screen but not kept, and why.
    public struct Unsaved: Sendable, Hashable {
        public var changes: Int
        public var reason: String
        /// Whether the auditor has asked to leave once already (a second Q leaves without them).
        public var leaveAsked: Bool

        public init(changes: Int, reason: String, leaveAsked: Bool = false) {
            self.changes = changes
            self.reason = reason
            self.leaveAsked = leaveAsked
        }
    }

    public static let minimumSize = (columns: 40, rows: 12)

    public init(session: ScoringSession, context: ScreenContext, today: CalendarDate) {
        self.session = session
        self.context = context
        self.today = today
        if let next = session.nextItem {
            mode = .question(next.id)
            let answered = session.progress.answered
            if answered > 0 { message = "Resumed: \(answered) answer\(answered == 1 ? "" : "s") kept from before." }
        } else {
            mode = .review(selected: 0)
        }
    }

    public var isTooSmall: Bool { size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows }

    /// Handles one key and says what to keep or whether to end.
    public mutating func handle(_ key: KeyPress) -> ScreenEffect {
        if key == .interrupt { return .quit }
        message = nil
        if isTooSmall {
            if key == .character("Q") { return .quit }
            return .none
        }
        switch mode {
        case .question(let item): return question(item, key)
        case .note(let item, let value, let text): return note(item, value, text, key)
        case .review(let selected): return review(selected, key)
        case .help(let point):
            mode = point.mode
            return .none
        case .judgement: return judgement(key)
        case .reason(let grade, let text): return reason(grade, text, key)
        case .action(let draft): return action(draft, key)
        case .confirmSubmit: return confirmSubmit(key)
        case .submitted: return .quit
        }
    }

    // MARK: Questions

    /// The commands on a question, which are capitals (an answer's key may be the small
    /// letter: n is No, N a note).
    private static let questionCommands: [Character: String] = [
        "N": "to add a note", "B": "to go back", "G": "to show the guidance", "R": "to review the audit",
        "J": "to judge", "A": "to add an action", "S": "to submit", "Q": "to save and quit",
    ]

    private mutating func question(_ itemID: String, _ key: KeyPress) -> ScreenEffect {
        guard let item = session.checklist.items.first(where: { $0.id == itemID }) else { return .none }
        switch key {
        case .character(let character):
            if let option = session.checklist.scale(for: item)?.options.first(where: { $0.key == character }) {
                if item.noteRequiredFor.contains(option.value) {
                    mode = .note(item: itemID, value: option.value, text: session.answers[itemID]?.note ?? "")
                    message = "\(option.label) needs a note: type it and press Enter (Esc cancels)."
                    return .none
                }
                return record(item, value: option.value, note: session.answers[itemID]?.note)
            }
            switch character {
            case "N":
                guard let answer = session.answers[itemID] else {
                    message = "Answer first, then add a note."
                    return .none
                }
                mode = .note(item: itemID, value: answer.value, text: answer.note ?? "")
            case "B": back(from: itemID)
            case "G": showGuidance.toggle()
            case "R": mode = .review(selected: 0)
            case "J": mode = .judgement
            case "A": mode = .action(ActionDraft())
            case "S": startSubmit()
            case "Q": return .quit
            case "?": mode = .help(returnTo: .question(itemID))
            default:
                let keys = session.checklist.scale(for: item)?.options.map { String($0.key) } ?? []
                // A command's small letter: say the command is a capital.
                let capital = Character(character.uppercased())
                let command = character.isLowercase ? Self.questionCommands[capital] : nil
                let orElse = command.map { "or \(capital) (a capital) \($0); ? for help" } ?? "or ? for help"
                message = "'\(character)' is not an answer here: press \(keys.joined(separator: ", ")), \(orElse)."
            }
        case .left: back(from: itemID)
        case .right, .enter:
            guard session.answers[itemID] != nil else {
                message = "This question has no answer yet."
                return .none
            }
            advance(after: itemID)
        case .tab: showGuidance.toggle()
        case .escape, .backspace, .up, .down, .interrupt: break
        }
        return .none
    }

    private mutating func record(_ item: ChecklistItem, value: String, note: String?) -> ScreenEffect {
        do throws(ScoringError) {
            try session.answer(item.id, value: value, note: note)
        } catch {
            message = error.message
            return .none
        }
        guard let answer = session.answers[item.id] else { return .none }
        advance(after: item.id)
        return .record(answer)
    }

    private mutating func back(from itemID: String) {
        if let previous = session.item(before: itemID) {
            mode = .question(previous.id)
        } else {
            message = "This is the first question."
        }
    }

    /// The next asked item after this one; past the last, the first one still unanswered, or
    /// the review when every asked item has an answer.
    private mutating func advance(after itemID: String) {
        let asked = session.askedItems
        if let index = asked.firstIndex(where: { $0.id == itemID }), index + 1 < asked.count {
            mode = .question(asked[index + 1].id)
        } else if let next = session.nextItem {
            mode = .question(next.id)
        } else {
            mode = .review(selected: 0)
            message = "Every question is answered: check the answers, then J judgement, A action, S submit."
        }
    }

    // MARK: Notes and text

    private mutating func note(_ itemID: String, _ value: String, _ text: String, _ key: KeyPress) -> ScreenEffect {
        switch key {
        case .enter:
            guard let item = session.checklist.items.first(where: { $0.id == itemID }) else { return .none }
            let effect = record(item, value: value, note: text)
            if case .none = effect { mode = .note(item: itemID, value: value, text: text) }
            return effect
        case .escape:
            mode = .question(itemID)
            message = session.answers[itemID] == nil ? "Not answered: the note was needed." : nil
        default:
            mode = .note(item: itemID, value: value, text: Self.edit(text, key))
        }
        return .none
    }

    /// Text entry: printable characters append, Backspace removes the last.
    private static func edit(_ text: String, _ key: KeyPress) -> String {
        switch key {
        case .character(let character): text + String(character)
        case .backspace: String(text.dropLast())
        default: text
        }
    }

    // MARK: Review, judgement, actions, submission

    private mutating func review(_ selected: Int, _ key: KeyPress) -> ScreenEffect {
        let asked = session.askedItems
        switch key {
        case .up: mode = .review(selected: max(0, selected - 1))
        case .down: mode = .review(selected: min(max(asked.count - 1, 0), selected + 1))
        case .enter, .right:
            if selected < asked.count { mode = .question(asked[selected].id) }
        case .escape, .left, .character("B"):
            if let item = session.nextItem ?? asked.last { mode = .question(item.id) }
        case .character("J"): mode = .judgement
        case .character("A"): mode = .action(ActionDraft())
        case .character("S"): startSubmit()
        case .character("Q"): return .quit
        case .character("?"): mode = .help(returnTo: .review)
        default:
            message = "Up/Down choose a question, Enter opens it; J judgement, A action, S submit, Q save and quit."
        }
        return .none
    }

    private mutating func judgement(_ key: KeyPress) -> ScreenEffect {
        let bands = session.checklist.grading.bands
        switch key {
        case .character(let character):
            guard let number = character.wholeNumberValue, number >= 1, number <= bands.count else {
                message = "Press 1 to \(bands.count) to choose a grade, or Esc."
                return .none
            }
            let grade = bands[number - 1].grade
            if grade == session.grade.band?.grade {
                return judge(grade, reason: nil)
            }
            mode = .reason(grade: grade, text: session.judgement?.grade == grade ? session.judgement?.reason ?? "" : "")
            message = "This differs from the computed grade: give the reason and press Enter (Esc cancels)."
        case .escape: mode = .review(selected: 0)
        default: message = "Press 1 to \(bands.count) to choose a grade, or Esc."
        }
        return .none
    }

    private mutating func reason(_ grade: String, _ text: String, _ key: KeyPress) -> ScreenEffect {
        switch key {
        case .enter: return judge(grade, reason: text)
        case .escape: mode = .judgement
        default: mode = .reason(grade: grade, text: Self.edit(text, key))
        }
        return .none
    }

    private mutating func judge(_ grade: String, reason: String?) -> ScreenEffect {
        do throws(ScoringError) {
            try session.judge(grade, reason: reason)
        } catch {
            message = error.message
            return .none
        }
        guard let judgement = session.judgement else { return .none }
        mode = .review(selected: 0)
        message = "Judgement kept: \(grade)."
        return .judge(judgement)
    }

    private mutating func action(_ draft: ActionDraft, _ key: KeyPress) -> ScreenEffect {
        var draft = draft
        switch key {
        case .escape:
            mode = .review(selected: 0)
            return .none
        case .enter:
            switch draft.field {
            case .what: draft.field = .who
            case .who: draft.field = .due
            case .due:
                guard let due = CalendarDate(parsing: draft.due) else {
                    message =
                        draft.due.isEmpty
                        ? Messages.Scoring.actionIncomplete(.due) : Messages.Scoring.badDate(draft.due)
                    mode = .action(draft)
                    return .none
                }
                do throws(ScoringError) {
                    try session.addAction(AuditAction(what: draft.what, who: draft.who, due: due), today: today)
                } catch {
                    message = error.message
                    mode = .action(draft)
                    return .none
                }
                mode = .review(selected: 0)
                message = "Action kept (\(session.actions.count) in all)."
                return .addAction(session.actions[session.actions.count - 1])
            }
        default:
            switch draft.field {
            case .what: draft.what = Self.edit(draft.what, key)
            case .who: draft.who = Self.edit(draft.who, key)
            case .due: draft.due = Self.edit(draft.due, key)
            }
        }
        mode = .action(draft)
        return .none
    }

    private mutating func startSubmit() {
        do throws(ScoringError) {
            _ = try session.submission()
            mode = .confirmSubmit
        } catch {
            message = error.message
        }
    }

    private mutating func confirmSubmit(_ key: KeyPress) -> ScreenEffect {
        guard key == .character("y") else {
            mode = .review(selected: 0)
            message = "Not submitted."
            return .none
        }
        do throws(ScoringError) {
            let judgement = try session.submission()
            mode = .submitted
            return .submit(judgement)
        } catch {
            mode = .review(selected: 0)
            message = error.message
            return .none
        }
    }
}

extension ScoringScreen.ReturnPoint {
    var mode: ScoringScreen.Mode {
        switch self {
        case .question(let item): .question(item)
        case .review: .review(selected: 0)
        }
    }
}
