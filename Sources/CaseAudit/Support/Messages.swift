/// The library's user-facing wording, in one place so it stays consistent and reviewable.
package enum Messages {
    package enum Rules {
        package static func duplicate(_ what: String, _ value: String, firstLine: Int) -> String {
            firstLine > 0
                ? "duplicate \(what) '\(value)' (first used on line \(firstLine))"
                : "duplicate \(what) '\(value)'"
        }

        package static func reservedKey(_ key: Character, value: String) -> String {
            "key '\(key)' of answer '\(value)' is reserved: the scoring screen's commands use the upper-case letters; give the option a lower-case key=\"…\""
        }
        package static func duplicateKey(_ key: Character, scale: String, first: String, second: String) -> String {
            "key '\(key)' on scale '\(scale)' is used by both '\(first)' and '\(second)': give one of them key=\"…\""
        }

        package static func countingOptionWithoutScore(_ value: String) -> String {
            "answer '\(value)' counts towards the grade but has no score: add score=\"…\" or counts=\"false\""
        }

        package static func scoreOnOptionThatDoesNotCount(_ value: String) -> String {
            "answer '\(value)' has counts=\"false\", so it takes no score: remove score=\"…\""
        }

        package static func scaleCannotScore(_ scale: String) -> String {
            "no answer on scale '\(scale)' scores above 0, so no file could earn a grade above the lowest"
        }

        package static func unknownScale(_ scale: String, on owner: String, defined: [String]) -> String {
            "\(owner) uses scale '\(scale)', which is not defined (defined: \(list(defined)))"
        }

        package static func itemWithoutScale(_ item: String) -> String {
            "item '\(item)' has no scale: add scale=\"…\" to it, its section or the checklist"
        }

        package static func numberTooLarge(_ what: String, _ value: Double) -> String {
            "\(what) must be at most \(Number.format(ChecklistRules.numberLimit)) (found \(Number.format(value)))"
        }
        package static func weightNotPositive(_ weight: Double) -> String {
            "weight must be greater than 0 (found \(Number.format(weight)))"
        }

        package static func notAnAnswer(_ value: String, on scale: AnswerScale) -> String {
            "noteRequired names '\(value)', which is not an answer on scale '\(scale.id)' (answers: \(list(scale.options.map(\.value))))"
        }

        package static func notAnAnswer(_ value: String, to item: String, on scale: AnswerScale) -> String {
            "the condition expects '\(item)' to be '\(value)', which is not an answer on its scale '\(scale.id)' (answers: \(list(scale.options.map(\.value))))"
        }

        package static func criticalCannotFail(_ item: String, scale: String) -> String {
            "critical item '\(item)' can never fail: scale '\(scale)' has no answer with fail=\"true\""
        }

        package static func conditionOnItself(_ item: String) -> String {
            "the condition of item '\(item)' refers to the item itself"
        }

        package static func conditionOnUnknownItem(_ item: String) -> String {
            "the condition refers to '\(item)', which is not an item of this checklist"
        }

        package static func conditionOnLaterItem(_ item: String, line: Int) -> String {
            "the condition refers to '\(item)', which comes later (line \(line)): a condition may depend only on earlier answers"
        }

        package static func bandsOutOfOrder(_ band: GradeBand, after previous: GradeBand) -> String {
            "band '\(band.grade)' (min \(Number.format(band.minimum))) must start below the band before it, '\(previous.grade)' (min \(Number.format(previous.minimum))): list bands from the best grade down"
        }

        package static func noBandCoversZero(_ last: GradeBand) -> String {
            "no band covers a score of 0: the last band, '\(last.grade)', starts at \(Number.format(last.minimum)); give it min=\"0\""
        }

        package static func capOnUnknownGrade(_ grade: String, bands: [String]) -> String {
            "the cap names grade '\(grade)', which is not a band (bands: \(list(bands)))"
        }
    }

    package enum Load {
        package static let notFound = "no such file"
        package static let isDirectory = "is a directory, not a checklist file"
        package static func notReadable(_ reason: String) -> String { "cannot be read: \(reason)" }
        package static func lineTooLong(limit: Int) -> String {
            "has a line longer than \(limit) bytes, far more than any CSV row: is it a CSV file? (refused without reading the rest)"
        }
        package static func tooLarge(_ size: Int, limit: Int) -> String {
            "is \(size) bytes, more than the \(limit)-byte limit for this kind of file"
        }
        package static func binary(offset: Int) -> String {
            "is not a text file (a NUL byte at offset \(offset)); a checklist is UTF-8 XML"
        }
        package static let empty = "the file is empty"
        package static let changedWhileRead =
            "the file changed while it was being read (is it still being written?): nothing was taken from it; try again once it is complete"
        package static func wrongRootElement(_ name: String) -> String {
            "the root element is <\(name)>; a caseaudit checklist starts with <\(ChecklistFormat.rootElement) xmlns=\"\(ChecklistFormat.namespace)\">"
        }
        package static let noNamespace =
            "the root element <checklist> has no namespace: add xmlns=\"\(ChecklistFormat.namespace)\""
        package static func wrongNamespace(_ namespace: String) -> String {
            "the root element is in namespace '\(namespace)'; a caseaudit checklist uses '\(ChecklistFormat.namespace)'"
        }
        package static func omitted(_ count: Int) -> String {
            "\(count) more error\(count == 1 ? "" : "s") not shown; fix these first"
        }
        package static let canonicalisationFailed = "libxml2 could not produce the canonical form for the content hash"
        package static func schemaDidNotCompile(_ detail: String) -> String {
            "the built-in checklist schema did not compile (an internal fault): \(detail)"
        }
    }

    package enum Scoring {
        package static func tooLong(_ field: AnswerSheet.Field, length: Int) -> String {
            let what: String
            switch field {
            case .reason: what = "the reason"
            case .what: what = "the action's text"
            case .who: what = "who is to do the action"
            default: what = "the note"
            }
            return "\(what) is \(length) characters long; at most \(InputLimits.note) are kept"
        }
        package static func unknownItem(_ item: String) -> String { "the checklist has no item '\(item)'" }
        package static func hidden(_ item: String) -> String {
            "item '\(item)' is not asked: the answers so far skip it (its condition does not hold)"
        }
        package static func unknownAnswer(_ value: String, item: String, allowed: [String]) -> String {
            "'\(value)' is not an answer to item '\(item)' (answers: \(list(allowed)))"
        }
        package static func answeredTwice(_ item: String, firstLine: Int) -> String {
            "item '\(item)' is answered twice (first on line \(firstLine))"
        }
        package static func noteRequired(_ value: String, item: String) -> String {
            "item '\(item)' needs a note when the answer is '\(value)'"
        }
        package static func unknownGrade(_ grade: String, allowed: [String]) -> String {
            "'\(grade)' is not a grade of this checklist (grades: \(list(allowed)))"
        }
        package static func reasonRequired(judged: String, computed: String) -> String {
            "the judgement '\(judged)' differs from the computed grade '\(computed)': give the reason"
        }
        package static func judgedTwice(firstLine: Int) -> String {
            "the judgement is given twice (first on line \(firstLine))"
        }
        package static func badDate(_ text: String) -> String { "'\(text)' is not a date: expected YYYY-MM-DD" }
        package static func unknownRow(_ text: String) -> String {
            "'\(text)' is not a row kind: rows are item answers, #judgement or #action"
        }
        package static func badJSON(_ reason: String) -> String { "not a valid answers file: \(reason)" }
        package static func jsonMissing(_ key: String, entry: String) -> String { "\(entry) has no \"\(key)\"" }
        package static let jsonEmpty = "the file has none of \"answers\", \"judgement\" and \"actions\""
        package static let judgementRequired = "no answer counts towards a grade: give an overall judgement"
        package static func actionIncomplete(_ part: AuditAction.Part) -> String {
            switch part {
            case .what: "the action does not say what is to be done"
            case .who: "the action does not say who is to do it"
            case .due: "the action has no due date"
            }
        }
        package static func actionDueInPast(_ due: CalendarDate, today: CalendarDate) -> String {
            "the action is due \(due), which is in the past (today is \(today))"
        }
        package static func unanswered(_ item: String, remaining: Int) -> String {
            "\(remaining) asked item\(remaining == 1 ? " is" : "s are") not answered yet, starting with '\(item)'"
        }
    }

    package enum Allocation {
        package static let quotasUsedUp = "every auditor's quota is used up"
        package static func onlyOwnLine(_ team: String) -> String {
            "every auditor with quota left manages team '\(team)' or oversees it"
        }
    }

    package static func quoted(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.map { "'\($0)'" }.joined(separator: ", ")
    }

    package static func list(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: ", ")
    }
}
