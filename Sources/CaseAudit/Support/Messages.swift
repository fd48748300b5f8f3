/// The library's user-facing wording, in one place so it stays consistent and reviewable.
enum Messages {
    enum Rules {
        static func duplicate(_ what: String, _ value: String, firstLine: Int) -> String {
            firstLine > 0
                ? "duplicate \(what) '\(value)' (first used on line \(firstLine))"
                : "duplicate \(what) '\(value)'"
        }

        static func reservedKey(_ key: Character, value: String) -> String {
            "key '\(key)' of answer '\(value)' is reserved: the scoring screen's commands use the upper-case letters; give the option a lower-case key=\"…\""
        }
        static func duplicateKey(_ key: Character, scale: String, first: String, second: String) -> String {
            "key '\(key)' on scale '\(scale)' is used by both '\(first)' and '\(second)': give one of them key=\"…\""
        }

        static func countingOptionWithoutScore(_ value: String) -> String {
            "answer '\(value)' counts towards the grade but has no score: add score=\"…\" or counts=\"false\""
        }

        static func scoreOnOptionThatDoesNotCount(_ value: String) -> String {
            "answer '\(value)' has counts=\"false\", so it takes no score: remove score=\"…\""
        }

        static func scaleCannotScore(_ scale: String) -> String {
            "no answer on scale '\(scale)' scores above 0, so no file could earn a grade above the lowest"
        }

        static func unknownScale(_ scale: String, on owner: String, defined: [String]) -> String {
            "\(owner) uses scale '\(scale)', which is not defined (defined: \(list(defined)))"
        }

        static func itemWithoutScale(_ item: String) -> String {
            "item '\(item)' has no scale: add scale=\"…\" to it, its section or the checklist"
        }

        static func numberTooLarge(_ what: String, _ value: Double) -> String {
            "\(what) must be at most \(Number.format(ChecklistRules.numberLimit)) (found \(Number.format(value)))"
        }
        static func weightNotPositive(_ weight: Double) -> String {
            "weight must be greater than 0 (found \(Number.format(weight)))"
        }

        static func notAnAnswer(_ value: String, on scale: AnswerScale) -> String {
            "noteRequired names '\(value)', which is not an answer on scale '\(scale.id)' (answers: \(list(scale.options.map(\.value))))"
        }

        static func notAnAnswer(_ value: String, to item: String, on scale: AnswerScale) -> String {
            "the condition expects '\(item)' to be '\(value)', which is not an answer on its scale '\(scale.id)' (answers: \(list(scale.options.map(\.value))))"
        }

        static func criticalCannotFail(_ item: String, scale: String) -> String {
            "critical item '\(item)' can never fail: scale '\(scale)' has no answer with fail=\"true\""
        }

        static func conditionOnItself(_ item: String) -> String {
            "the condition of item '\(item)' refers to the item itself"
        }

        static func conditionOnUnknownItem(_ item: String) -> String {
            "the condition refers to '\(item)', which is not an item of this checklist"
        }

        static func conditionOnLaterItem(_ item: String, line: Int) -> String {
            "the condition refers to '\(item)', which comes later (line \(line)): a condition may depend only on earlier answers"
        }

        static func bandsOutOfOrder(_ band: GradeBand, after previous: GradeBand) -> String {
            "band '\(band.grade)' (min \(Number.format(band.minimum))) must start below the band before it, '\(previous.grade)' (min \(Number.format(previous.minimum))): list bands from the best grade down"
        }

        static func noBandCoversZero(_ last: GradeBand) -> String {
            "no band covers a score of 0: the last band, '\(last.grade)', starts at \(Number.format(last.minimum)); give it min=\"0\""
        }

        static func capOnUnknownGrade(_ grade: String, bands: [String]) -> String {
            "the cap names grade '\(grade)', which is not a band (bands: \(list(bands)))"
        }
    }

    enum Load {
        static let notFound = "no such file"
        static let isDirectory = "is a directory, not a checklist file"
        static func notReadable(_ reason: String) -> String { "cannot be read: \(reason)" }
        static func lineTooLong(limit: Int) -> String {
            "has a line longer than \(limit) bytes, far more than any CSV row: is it a CSV file? (refused without reading the rest)"
        }
        static func tooLarge(_ size: Int, limit: Int) -> String {
            "is \(size) bytes, more than the \(limit)-byte limit for this kind of file"
        }
        static func binary(offset: Int) -> String {
            "is not a text file (a NUL byte at offset \(offset)); a checklist is UTF-8 XML"
        }
        static let empty = "the file is empty"
        static func wrongRootElement(_ name: String) -> String {
            "the root element is <\(name)>; a caseaudit checklist starts with <\(ChecklistFormat.rootElement) xmlns=\"\(ChecklistFormat.namespace)\">"
        }
        static let noNamespace =
            "the root element <checklist> has no namespace: add xmlns=\"\(ChecklistFormat.namespace)\""
        static func wrongNamespace(_ namespace: String) -> String {
            "the root element is in namespace '\(namespace)'; a caseaudit checklist uses '\(ChecklistFormat.namespace)'"
        }
        static func omitted(_ count: Int) -> String {
            "\(count) more error\(count == 1 ? "" : "s") not shown; fix these first"
        }
        static let canonicalisationFailed = "libxml2 could not produce the canonical form for the content hash"
        static func schemaDidNotCompile(_ detail: String) -> String {
            "the built-in checklist schema did not compile (an internal fault): \(detail)"
        }
    }

    enum CSV {
        static func duplicatedColumn(_ header: String, first: Int, second: Int) -> String {
            "the column '\(header)' appears twice (columns \(first) and \(second))"
        }
        static func mappedColumnMissing(_ field: String, header: String, headers: [String]) -> String {
            "--map \(field)=\(header): no column is called '\(header)' (columns: \(quoted(headers)))"
        }
        static func ambiguousColumn(_ field: String, headers: [String], mappable: Bool) -> String {
            "several columns could be the \(field): \(quoted(headers)); "
                + (mappable ? "choose one with --map \(field)=HEADER" : "rename all but one")
        }
        static func missingColumn(_ field: String, aliases: [String], headers: [String], mappable: Bool) -> String {
            "no column for the \(field) (looked for \(quoted(aliases))); the file has \(quoted(headers)): "
                + (mappable ? "name it with --map \(field)=HEADER" : "head the column with one of those names")
        }
        static func badMapping(_ argument: String, fields: [String]) -> String {
            "--map \(argument): expected FIELD=HEADER, where FIELD is one of \(list(fields))"
        }
        static func unknownMappedField(_ field: String, fields: [String]) -> String {
            "--map: '\(field)' is not a field (fields: \(list(fields)))"
        }
        static let unclosedQuote = "a quoted field is never closed"
        static func fieldTooLong(_ length: Int) -> String {
            "a field is \(length) bytes long, more than the \(InputLimits.field) a spreadsheet cell can hold: is this a CSV file?"
        }
        static func tooManyColumns(_ count: Int) -> String {
            "a row has more than \(InputLimits.columns) fields (the most a spreadsheet has): is this a CSV file?"
        }
        static let empty = "the file has no rows"
        static let headerOnly = "the file has a header row but no data rows"
    }

    enum Scoring {
        static func tooLong(_ field: AnswerSheet.Field, length: Int) -> String {
            let what: String
            switch field {
            case .reason: what = "the reason"
            case .what: what = "the action's text"
            case .who: what = "who is to do the action"
            default: what = "the note"
            }
            return "\(what) is \(length) characters long; at most \(InputLimits.note) are kept"
        }
        static func unknownItem(_ item: String) -> String { "the checklist has no item '\(item)'" }
        static func hidden(_ item: String) -> String {
            "item '\(item)' is not asked: the answers so far skip it (its condition does not hold)"
        }
        static func unknownAnswer(_ value: String, item: String, allowed: [String]) -> String {
            "'\(value)' is not an answer to item '\(item)' (answers: \(list(allowed)))"
        }
        static func answeredTwice(_ item: String, firstLine: Int) -> String {
            "item '\(item)' is answered twice (first on line \(firstLine))"
        }
        static func noteRequired(_ value: String, item: String) -> String {
            "item '\(item)' needs a note when the answer is '\(value)'"
        }
        static func unknownGrade(_ grade: String, allowed: [String]) -> String {
            "'\(grade)' is not a grade of this checklist (grades: \(list(allowed)))"
        }
        static func reasonRequired(judged: String, computed: String) -> String {
            "the judgement '\(judged)' differs from the computed grade '\(computed)': give the reason"
        }
        static func judgedTwice(firstLine: Int) -> String {
            "the judgement is given twice (first on line \(firstLine))"
        }
        static func badDate(_ text: String) -> String { "'\(text)' is not a date: expected YYYY-MM-DD" }
        static func unknownRow(_ text: String) -> String {
            "'\(text)' is not a row kind: rows are item answers, #judgement or #action"
        }
        static func badJSON(_ reason: String) -> String { "not a valid answers file: \(reason)" }
        static func jsonMissing(_ key: String, entry: String) -> String { "\(entry) has no \"\(key)\"" }
        static let jsonEmpty = "the file has none of \"answers\", \"judgement\" and \"actions\""
        static let judgementRequired = "no answer counts towards a grade: give an overall judgement"
        static func actionIncomplete(_ part: AuditAction.Part) -> String {
            switch part {
            case .what: "the action does not say what is to be done"
            case .who: "the action does not say who is to do it"
            case .due: "the action has no due date"
            }
        }
        static func actionDueInPast(_ due: CalendarDate, today: CalendarDate) -> String {
            "the action is due \(due), which is in the past (today is \(today))"
        }
        static func unanswered(_ item: String, remaining: Int) -> String {
            "\(remaining) asked item\(remaining == 1 ? " is" : "s are") not answered yet, starting with '\(item)'"
        }
    }

    enum BoardImport {
        static func noQuestionColumn(seen: String) -> String {
            "no column of questions found: the headers seen were \(seen). Name the columns with --map, e.g. --map prompt=B,guidance=C,section=A (letters or header names)"
        }
        static func unknownMapTarget(_ target: String, role: String) -> String {
            "--map \(role)=\(target): no column is called '\(target)' (give a header name or a column letter)"
        }
        static func badMap(_ part: String) -> String {
            "--map '\(part)': expected ROLE=COLUMN, the roles being \(list(BoardColumn.allCases.map(\.rawValue)))"
        }
        static func duplicateNumber(_ number: String, firstLine: Int) -> String {
            "question number '\(number)' is used twice (first on row \(firstLine))"
        }
        static func badWeight(_ text: String) -> String {
            "'\(text)' is not a weight: expected a number above 0 and at most \(Number.format(ChecklistRules.numberLimit))"
        }
        static func tooLong(_ length: Int, limit: Int) -> String {
            "the cell is \(length) characters long; a checklist keeps at most \(limit) here"
        }
        static func tooWide(_ column: String) -> String {
            "the sheet has a cell in column \(column): a board's audit tool uses at most \(BoardTable.columnLimit) columns (clear the cells far to the right)"
        }
        static let noQuestions = "the document has no questions under its header row"
        static let emptySheet = "the sheet is empty"
    }

    enum Org {
        static func missing(_ field: String) -> String { "the \(field) is empty" }
        static func duplicateID(_ id: String, firstLine: Int) -> String {
            "the id '\(id)' is used twice (first on line \(firstLine))"
        }
        static func unknownLevel(_ level: String) -> String {
            "'\(level)' is not a level (levels: \(list(ManagerLevel.allCases.map(\.rawValue))))"
        }
        static func twoManagers(_ team: String, first: String, firstLine: Int) -> String {
            "team '\(team)' already has a manager, '\(first)' (line \(firstLine)): a team has one team manager"
        }
        static func unknownManager(_ manager: String, of person: String) -> String {
            "'\(person)' reports to '\(manager)', who is not in the org chart"
        }
        static func teamWithoutManager(_ team: String, lines: [Int]) -> String {
            "team '\(team)' (lines \(lines.map(String.init).joined(separator: ", "))) has no manager: give its team manager manages=\(team)"
        }
        static func cycle(_ ids: [String]) -> String {
            "reporting lines go round in a circle: \(ids.joined(separator: " → "))"
        }
        static func doesNotRollUp(_ team: String, top: Person) -> String {
            "team '\(team)' rolls up to '\(top.id)' (\(top.level.rawValue)), who reports to no one: every team must roll up to the DCS"
        }
    }

    enum Cases {
        static let missingReference = "the case reference is empty"
        static func duplicateReference(_ reference: String, firstLine: Int) -> String {
            "case reference '\(reference)' appears twice (first on line \(firstLine))"
        }
        static func unknownCaseType(_ text: String) -> String {
            "'\(text)' is not a case type (expected CIN, CP, LAC or CL, or a spelling such as 'Child in need', 'CLA', 'Care leaver')"
        }
        static func badDate(_ text: String, column: String) -> String {
            "'\(text)' in '\(column)' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)"
        }
        static func badSerialDate(_ text: String, column: String) -> String {
            "the number \(text) in '\(column)' is not a date: a date cell holds a day number from 1 (1900-01-01) to \(CheckedNumber.excelLastSerial) (2999-12-31)"
        }
        static let readAsWindows1252 = "the file is not UTF-8: read as Windows-1252"
    }

    enum Office {
        static let notAZip =
            "is not a zip file, or a damaged one: .xlsx workbooks and .docx documents are zips of XML parts (a password-protected file is not: remove the password and save it again)"
        static let notAWorkbook = "is a zip file but not an Excel workbook: it has no xl/workbook.xml"
        static let corrupt = "cannot be unpacked: the zip file is damaged"
        static let notADocument = "is a zip file but not a Word document: it has no word/document.xml"
        static func noSheet(_ name: String, sheets: [String]) -> String {
            "has no sheet called '\(name)' (sheets: \(list(sheets)))"
        }
        static let unknownKind =
            "is not a board document caseaudit can read: give an .xlsx workbook, a .docx document or a .csv file"
        static func beyondLastColumn(_ reference: String) -> String {
            "the cell '\(reference)' is beyond column XFD, the last column a workbook can have"
        }
        static func cellTooLong(_ length: Int) -> String {
            "the cell holds \(length) characters, more than the \(InputLimits.cell) a spreadsheet cell can"
        }
        static func badRowNumber(_ text: String) -> String {
            "'\(text)' is not a row number: rows are numbered 1 to \(XLSXWorkbook.rowLimit)"
        }
        static func tooBig(_ size: UInt64) -> String {
            "unpacks to \(size) bytes, far more than a workbook holds (refused as a possible zip bomb)"
        }
    }

    enum AnnexA {
        static func noChildColumn(_ sheet: String) -> String {
            "\(sheet) has no 'Child Unique ID' column in its first rows"
        }
        static func noLists(_ lists: [String], sheets: [String]) -> String {
            "the workbook has none of \(lists.joined(separator: ", ")) (its sheets: \(quoted(sheets))): is it an Annex A workbook?"
        }
        static func missingLists(_ lists: [String]) -> String {
            "the workbook has no \(lists.joined(separator: ", "))"
        }
        static func closedRows(_ count: Int) -> String {
            "\(count) row\(count == 1 ? " has" : "s have") a closure or end date and \(count == 1 ? "is" : "are") not open cases"
        }
    }

    enum Census {
        static let notValidated = "not checked against the DfE schema: give it with --schema FILE.xsd"
        static let notACensus =
            "this is not a Children in Need census: its root element should be <Message> holding <Children>"
        static let noChildID = "a child has no LAchildID"
        static func closedChildren(_ count: Int) -> String {
            "\(Plural.count(count, "child", "children")) \(Plural.verb(count, "has", "have")) no open episode (every episode has a closure date) and \(Plural.verb(count, "is", "are")) not in the population"
        }
        static func unknownInTeams(_ count: Int) -> String {
            "\(count) child id\(count == 1 ? "" : "s") in the teams file \(count == 1 ? "is" : "are") not in the census"
        }
    }

    enum Allocation {
        static let quotasUsedUp = "every auditor's quota is used up: raise --quota"
        static func onlyOwnLine(_ team: String) -> String {
            "every auditor with quota left manages team '\(team)' or oversees it: use --allow-own-line or raise --quota"
        }
    }

    static func quoted(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.map { "'\($0)'" }.joined(separator: ", ")
    }

    static func list(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: ", ")
    }
}
