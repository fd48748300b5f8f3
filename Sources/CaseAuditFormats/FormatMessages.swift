import CaseAudit

/// What the file-format readers say when input is wrong: each message names what was expected.
enum FormatMessages {
    enum CSV {
        static func duplicatedColumn(_ header: String, first: Int, second: Int) -> String {
            "the column '\(header)' appears twice (columns \(first) and \(second))"
        }
        static func mappedColumnMissing(_ field: String, header: String, headers: [String]) -> String {
            "the \(field) is to be read from a column called '\(header)', and there is none (columns: \(quoted(headers)))"
        }
        static func ambiguousColumn(_ field: String, headers: [String], mappable: Bool) -> String {
            "several columns could be the \(field): \(quoted(headers))" + (mappable ? "" : "; rename all but one")
        }
        static func missingColumn(_ field: String, aliases: [String], headers: [String], mappable: Bool) -> String {
            "no column for the \(field) (looked for \(quoted(aliases))); the file has \(quoted(headers))"
                + (mappable ? "" : ": head the column with one of those names")
        }
        static func badMapping(_ argument: String, fields: [String]) -> String {
            "'\(argument)': expected FIELD=HEADER, where FIELD is one of \(list(fields))"
        }
        static func unknownMappedField(_ field: String, fields: [String]) -> String {
            "'\(field)' is not a field (fields: \(list(fields)))"
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

    enum BoardImport {
        static func noQuestionColumn(seen: String) -> String {
            "no column of questions found: the headers seen were \(seen)"
        }
        static func unknownMapTarget(_ target: String, role: String) -> String {
            "the \(role) is to be read from a column called '\(target)', and there is none (give a header name or a column letter)"
        }
        static func badMap(_ part: String) -> String {
            "'\(part)': expected ROLE=COLUMN, the roles being \(list(BoardColumn.allCases.map(\.rawValue)))"
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
        static func sharedLogin(_ login: String, first: String, firstLine: Int) -> String {
            "the login '\(login)' is \(first)'s already (line \(firstLine)): each person signs in as themselves"
        }

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
        static let notValidated = "not checked against the DfE schema"
        static let notACensus =
            "this is not a Children in Need census: its root element should be <Message> holding <Children>"
        static let noChildID = "a child has no LAchildID"
        static func noTeams(_ count: Int) -> String {
            "a census names no team or worker, so \(count == 1 ? "its child is" : "all \(count) of its children are") unallocated"
        }
        static func closedChildren(_ count: Int) -> String {
            "\(Plural.count(count, "child", "children")) \(Plural.verb(count, "has", "have")) no open episode (every episode has a closure date) and \(Plural.verb(count, "is", "are")) not in the population"
        }
        static func unknownInTeams(_ count: Int) -> String {
            "\(count) child id\(count == 1 ? "" : "s") in the teams file \(count == 1 ? "is" : "are") not in the census"
        }
    }

    static func quoted(_ values: [String]) -> String { Messages.quoted(values) }
    static func list(_ values: [String]) -> String { Messages.list(values) }
}
