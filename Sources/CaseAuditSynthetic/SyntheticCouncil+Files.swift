import CaseAudit
import CaseAuditFormats
import Foundation

extension SyntheticCouncil {
    /// Writes the council's files into `folder`: org.csv, cases.csv, annex-a.xlsx, and a board's
    /// audit tool in the forms boards issue them (board/, for `checklist import`), with one of
    /// `boardQuestions` questions when asked (for benchmarks).
    public func write(to folder: String, boardQuestions: Int? = nil) throws(OutputError) {
        try OutputFiles.into(folder, what: "the files") { folder in
            try Data(orgCSV().utf8).write(to: URL(fileURLWithPath: "\(folder)/org.csv"))
            try Data(casesCSV().utf8).write(to: URL(fileURLWithPath: "\(folder)/cases.csv"))
            try annexAWorkbook().write(to: URL(fileURLWithPath: "\(folder)/annex-a.xlsx"))
            let board = "\(folder)/board"
            try FileManager.default.createDirectory(atPath: board, withIntermediateDirectories: true)
            try SyntheticBoardTool.workbook().write(to: URL(fileURLWithPath: "\(board)/board-audit-tool.xlsx"))
            try SyntheticBoardTool.workbook(version: 2).write(
                to: URL(fileURLWithPath: "\(board)/board-audit-tool-v2.xlsx"))
            try SyntheticBoardTool.document().write(to: URL(fileURLWithPath: "\(board)/board-audit-tool.docx"))
            try Data(SyntheticBoardTool.csv().utf8).write(to: URL(fileURLWithPath: "\(board)/board-audit-tool.csv"))
            if let boardQuestions {
                try SyntheticBoardTool.workbook(questions: boardQuestions).write(
                    to: URL(fileURLWithPath: "\(board)/board-audit-tool-\(boardQuestions).xlsx"))
            }
        }
    }

    /// What `generate` says it wrote into `folder`.
    public func written(to folder: String, asOf date: CalendarDate) -> String {
        "Wrote \(folder)/org.csv (\(chart.people.count) people, \(chart.teams.count) teams), \(folder)/cases.csv and \(folder)/annex-a.xlsx (\(cases.count) cases, as of \(date)), and a board's audit tool in \(folder)/board/\n"
    }
}
