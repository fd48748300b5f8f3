import CaseAudit

/// Draws the scoring screen: a header (case, team, worker, checklist, progress), the body for
/// the current mode, a message line and the keys. Every line fits the terminal's width and the
/// frame its height; text wraps, and a body too long for the window ends with "…".
public enum ScoringScreenText {
    public enum Style: Sendable, Hashable { case plain, header, heading, selected, message, dim }

    public struct Line: Sendable, Hashable {
        public var text: String
        public var style: Style

        public init(_ text: String, _ style: Style = .plain) {
            self.text = text
            self.style = style
        }
    }

    /// The screen as lines, no more than `size.rows`, none wider than `size.columns`.
    public static func render(_ screen: ScoringScreen) -> [Line] {
        let width = screen.size.columns
        let height = screen.size.rows
        if screen.isTooSmall {
            let text =
                "The terminal is \(width)×\(height); the scoring screen needs at least \(ScoringScreen.minimumSize.columns)×\(ScoringScreen.minimumSize.rows). Widen the window, or press Q to save and quit: every answer is kept."
            return Array(wrapped(text, width: width).prefix(height))
        }
        var header =
            wrapped(headerLine(screen), width: width, style: .header)
            + wrapped(checklistLine(screen), width: width, style: .header)
        header.append(Line(String(repeating: "─", count: width), .dim))
        var footer: [Line] = []
        if let unsaved = screen.unsaved { footer += wrapped(notSaved(unsaved), width: width, style: .message) }
        if let message = screen.message { footer += wrapped(message, width: width, style: .message) }
        footer.append(Line(String(repeating: "─", count: width), .dim))
        footer += keyLines(keys(screen), width: width)
        let room = max(0, height - header.count - footer.count)
        var body = self.body(screen, width: width)
        if body.count > room {
            body = Array(body.prefix(max(0, room - 1))) + [Line("…", .dim)]
        }
        body += Array(repeating: Line(""), count: room - body.count)
        return Array((header + body + footer).prefix(height))
    }

    /// The whole frame for a terminal: cursor home, each line cleared to its end, the rest of
    /// the screen cleared. Styles become SGR codes only when `colour` is on.
    public static func frame(_ screen: ScoringScreen, colour: Bool) -> String {
        var out = "\u{1B}[H"
        let lines = render(screen)
        for (index, line) in lines.enumerated() {
            if colour, let code = sgr(line.style) {
                out += "\u{1B}[\(code)m" + line.text + "\u{1B}[0m"
            } else {
                out += line.text
            }
            out += "\u{1B}[K"
            if index < lines.count - 1 { out += "\r\n" }
        }
        return out + "\u{1B}[J"
    }

    private static func sgr(_ style: Style) -> String? {
        switch style {
        case .plain: nil
        case .header: "7"
        case .heading: "1"
        case .selected: "1;7"
        case .message: "1;33"
        case .dim: "2"
        }
    }

    private static func headerLine(_ screen: ScoringScreen) -> String {
        let context = screen.context
        var parts = ["Case \(context.caseReference)"]
        if let team = context.team { parts.append("Team \(team)") }
        if let worker = context.worker { parts.append("Worker \(worker)") }
        parts.append("Auditor \(context.auditorID)")
        return parts.joined(separator: " · ")
    }

    /// Progress first, so a narrow terminal still shows it on the first line.
    private static func checklistLine(_ screen: ScoringScreen) -> String {
        let session = screen.session
        let progress = session.progress
        var line = ""
        let current: String? =
            switch screen.mode {
            case .question(let item), .note(let item, _, _): item
            default: nil
            }
        if let current, let position = session.askedItems.firstIndex(where: { $0.id == current }) {
            line += "\(position + 1) of \(progress.asked) · "
        }
        return line
            + "\(progress.answered) of \(progress.asked) answered · \(session.checklist.title) v\(session.checklist.version) · audit \(screen.context.auditID)"
    }

    static func keys(_ screen: ScoringScreen) -> String {
        switch screen.mode {
        case .question(let itemID):
            let item = screen.session.checklist.items.first { $0.id == itemID }
            let options = item.flatMap { screen.session.checklist.scale(for: $0) }?.options.map { String($0.key) } ?? []
            return
                "\(options.joined(separator: "/")) answer · N note · B/← back · →/Enter next · G guidance · R review · Q save & quit · ? help"
        case .note, .reason: return "Type, Backspace to correct, Enter to keep, Esc to cancel"
        case .review:
            return "↑/↓ choose · Enter open · J judgement · A action · S submit · B back · Q save & quit · ? help"
        case .judgement: return "1-\(screen.session.checklist.grading.bands.count) choose a grade · Esc back"
        case .action: return "Type, Enter for the next field, Esc to cancel"
        case .confirmSubmit: return "y submit · any other key: back to the review"
        case .help: return "Any key: back"
        case .submitted: return "Any key: quit"
        }
    }

    // MARK: Bodies

    private static func body(_ screen: ScoringScreen, width: Int) -> [Line] {
        switch screen.mode {
        case .question(let item): return question(screen, item, width: width)
        case .note(let item, let value, let text):
            var lines = question(screen, item, width: width, pending: value)
            let label = option(screen, item, value)?.label ?? value
            lines.append(Line(""))
            lines += wrapped("Note for \(label): \(text)▌", width: width, style: .selected)
            return lines
        case .review(let selected): return review(screen, selected: selected, width: width)
        case .help: return help(width: width)
        case .judgement: return judgement(screen, width: width)
        case .reason(let grade, let text):
            var lines = judgement(screen, width: width)
            lines.append(Line(""))
            lines += wrapped("Reason for \(grade): \(text)▌", width: width, style: .selected)
            return lines
        case .action(let draft): return action(draft, width: width)
        case .confirmSubmit:
            return summary(screen, width: width) + [Line("")]
                + wrapped(
                    "Submit this audit? Once submitted it cannot change; a correction is made as an amendment, a new version.",
                    width: width, style: .heading)
        case .submitted:
            return wrapped(
                "Audit \(screen.context.auditID) of case \(screen.context.caseReference) is submitted.", width: width,
                style: .heading)
        }
    }

    private static func option(_ screen: ScoringScreen, _ itemID: String, _ value: String) -> AnswerOption? {
        let checklist = screen.session.checklist
        return checklist.items.first { $0.id == itemID }.flatMap { checklist.scale(for: $0)?.option(value: value) }
    }

    private static func question(_ screen: ScoringScreen, _ itemID: String, width: Int, pending: String? = nil)
        -> [Line]
    {
        let checklist = screen.session.checklist
        guard let section = checklist.sections.first(where: { $0.items.contains { $0.id == itemID } }),
            let item = section.items.first(where: { $0.id == itemID })
        else { return [] }
        var lines = wrapped("Section: \(section.title)", width: width, style: .heading)
        lines.append(Line(""))
        let reference = item.reference.map { "\($0) " } ?? ""
        lines += wrapped(
            "\(reference)\(item.prompt)\(item.critical ? " [critical]" : "")", width: width, style: .heading)
        lines.append(Line(""))
        let answer = screen.session.answers[itemID]
        for option in checklist.scale(for: item)?.options ?? [] {
            let chosen = option.value == (pending ?? answer?.value)
            let text =
                "\(chosen ? ">" : " ") \(option.key)  \(option.label)\(chosen && pending == nil ? "  (current answer)" : "")"
            lines.append(Line(fit(text, width), chosen ? .selected : .plain))
        }
        if pending == nil, let note = answer?.note {
            lines.append(Line(""))
            lines += wrapped("Note: \(note)", width: width)
        }
        lines.append(Line(""))
        if screen.showGuidance {
            lines += wrapped("Guidance: \(item.guidance ?? "none for this question.")", width: width, style: .dim)
        } else if item.guidance != nil {
            lines.append(Line(fit("G shows the guidance for this question.", width), .dim))
        }
        return lines
    }

    private static func summary(_ screen: ScoringScreen, width: Int) -> [Line] {
        let session = screen.session
        let grade = session.grade
        var computed =
            grade.band.map { band in
                var text = band.displayName
                if let score = grade.score { text += " (score \(Number.percent(score)))" }
                if grade.cap != nil { text += ", capped: a critical item fails" }
                return text
            } ?? "none (no answer counts towards a grade)"
        if !session.isComplete { computed += " so far" }
        var lines = wrapped("Computed grade: \(computed)", width: width, style: .heading)
        let judgement =
            session.judgement.map { judged in
                "\(judged.grade)" + (judged.reason.map { ", because: \($0)" } ?? "")
            } ?? "not given (the computed grade is used)"
        lines += wrapped("Judgement: \(judgement)", width: width)
        lines.append(Line(fit("Actions: \(session.actions.count)", width)))
        for action in session.actions {
            lines += wrapped("- \(action.what) (\(action.who), by \(action.due))", width: width)
        }
        return lines
    }

    private static func review(_ screen: ScoringScreen, selected: Int, width: Int) -> [Line] {
        let session = screen.session
        var items: [Line] = []
        for (index, item) in session.askedItems.enumerated() {
            let answer = session.answers[item.id]
            let label = answer.flatMap { option(screen, item.id, $0.value)?.label } ?? "(not answered)"
            let mark = index == selected ? ">" : " "
            let text =
                "\(mark) \(item.reference ?? item.id)  \(label)\(answer?.note != nil ? " [note]" : "")  \(item.prompt)"
            items.append(Line(fit(text, width), index == selected ? .selected : .plain))
        }
        let top = summary(screen, width: width) + [Line("")]
        // Keep the selected item in view: show a window of the list around it.
        let room = max(3, screen.size.rows - 8 - top.count)
        let start = min(max(0, selected - room / 2), max(0, items.count - room))
        return top + Array(items.dropFirst(start).prefix(room))
    }

    private static func judgement(_ screen: ScoringScreen, width: Int) -> [Line] {
        let computed = screen.session.grade.band?.grade
        var lines = wrapped("Your overall judgement of the file:", width: width, style: .heading)
        for (index, band) in screen.session.checklist.grading.bands.enumerated() {
            let notes = [
                band.grade == computed ? "computed" : nil,
                band.grade == screen.session.judgement?.grade ? "chosen" : nil,
            ]
            .compactMap { $0 }
            let suffix = notes.isEmpty ? "" : "  (\(notes.joined(separator: ", ")))"
            lines.append(Line(fit("  \(index + 1)  \(band.displayName)\(suffix)", width)))
        }
        return lines
    }

    private static func action(_ draft: ScoringScreen.ActionDraft, width: Int) -> [Line] {
        var lines = wrapped("A new action for the worker:", width: width, style: .heading)
        let fields: [(ScoringScreen.ActionDraft.Field, String, String)] = [
            (.what, "What is to be done", draft.what), (.who, "Who is to do it", draft.who),
            (.due, "Due (YYYY-MM-DD)", draft.due),
        ]
        for (field, label, value) in fields {
            let current = field == draft.field
            lines += wrapped(
                "\(label): \(value)\(current ? "▌" : "")", width: width, style: current ? .selected : .plain)
        }
        return lines
    }

    private static func help(width: Int) -> [Line] {
        let entries = [
            ("y, p, n, - …", "answer with the scale's keys (shown under each question); no Enter needed"),
            ("N", "add or change the note on this answer"),
            ("B or ←", "back to the previous question; answer again to change it"),
            ("→ or Enter", "on to the next question"),
            ("G or Tab", "show or hide the guidance"),
            ("R", "review every answer, the computed grade and the actions"),
            ("J", "give your overall judgement (a reason is needed when it differs)"),
            ("A", "add an action: what, who, and a due date"),
            ("S", "submit, once every question is answered"),
            ("Q or Ctrl-C", "save and quit: every answer is already kept; come back with the same command"),
        ]
        var lines = wrapped("Keys: answers are small letters (or -), commands capitals", width: width, style: .heading)
        for (key, meaning) in entries {
            lines += wrapped(
                "\(key.padding(to: 14))\(meaning)", width: width, indent: String(repeating: " ", count: 14))
        }
        return lines
    }

    // MARK: Text

    private static func wrapped(
        _ text: String, width: Int, style: Style = .plain, indent: String = "  ", firstIndent: String = ""
    ) -> [Line] {
        TextWrap.wrap(text, width: width, indent: indent, firstIndent: firstIndent).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { Line(fit(String($0), width), style) }
    }

    /// The keys, wrapped between entries ("Q save & quit" stays on one line), each line after
    /// the first indented.
    private static func keyLines(_ text: String, width: Int) -> [Line] {
        var lines: [String] = []
        for entry in text.components(separatedBy: " · ") {
            guard let last = lines.last else {
                lines.append(entry)
                continue
            }
            let joined = last + " · " + entry
            if joined.count + (lines.count == 1 ? 0 : 2) <= width {
                lines[lines.count - 1] = joined
            } else {
                lines.append(entry)
            }
        }
        return lines.enumerated().flatMap { index, line in
            wrapped(line, width: width, style: .dim, indent: "  ", firstIndent: index == 0 ? "" : "  ")
        }
    }

    /// The banner while changes on screen wait for the server.
    static func notSaved(_ unsaved: ScoringScreen.Unsaved) -> String {
        let what = unsaved.changes == 1 ? "your last change is" : "your last \(unsaved.changes) changes are"
        let leave =
            unsaved.leaveAsked
            ? "Press Q again to leave without \(unsaved.changes == 1 ? "it" : "them"), or wait."
            : "Retrying every 2 seconds; keep going or wait."
        return "NOT SAVED: \(what) on screen only: the server cannot be reached (\(unsaved.reason)). \(leave)"
    }

    private static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
