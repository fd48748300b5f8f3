import CaseAudit
import CaseAuditFormats
import Foundation

/// A made-up safeguarding board's audit tool, for the demo, the README and the import tests:
/// the same questions as an Excel workbook (title rows, a header, section rows, a merged-looking
/// section title, numbering like "1.", "1.2" and "a)"), a Word document (headings and a table),
/// and a CSV; and a second version of the workbook with some questions reworded, one added and
/// one removed. Every text is plainly fictional.
public enum SyntheticBoardTool {
    struct Question {
        var number: String
        var prompt: String
        var guidance: String
        var critical: Bool
    }

    static let sections: [(title: String, questions: [Question])] = [
        (
            "1. Allocation and management oversight",
            [
                Question(
                    number: "1.1", prompt: "Is the case allocated to a named, qualified social worker?",
                    guidance: "Check the allocation record on the case management system.", critical: true),
                Question(
                    number: "1.2", prompt: "Is there a recorded management decision on the referral, with reasons?",
                    guidance: "The manager's name, decision and reasons on the contact record.", critical: true),
                Question(
                    number: "1.3", prompt: "Has the case been discussed in supervision in the last month?",
                    guidance: "A supervision note on the child's own file.", critical: false),
                Question(
                    number: "1.4", prompt: "Are supervision decisions followed up by the next visit?",
                    guidance: "Compare the actions in supervision with the next visit record.", critical: false),
            ]
        ),
        (
            "2. Seeing and hearing the child",
            [
                Question(
                    number: "2.1", prompt: "Was the child seen within the timescale set by the plan?",
                    guidance: "Dates of visits against the plan's visiting frequency.", critical: true),
                Question(
                    number: "2.2", prompt: "Was the child seen alone, or is the reason recorded?",
                    guidance: "The visit record says seen alone, or why not.", critical: false),
                Question(
                    number: "2.3", prompt: "Are the child's wishes and feelings recorded in their own words?",
                    guidance: "Direct quotes or the child's own work on file.", critical: false),
                Question(
                    number: "2.4", prompt: "Has the child's view changed what the plan says?",
                    guidance: "The plan refers to what the child said.", critical: false),
                Question(
                    number: "2.5", prompt: "Is the child's identity and culture considered in the assessment?",
                    guidance: "Identity, language, faith and culture in the assessment.", critical: false),
            ]
        ),
        (
            "3. Assessment and planning",
            [
                Question(
                    number: "3.1", prompt: "Is the assessment up to date (within the last 12 months)?",
                    guidance: "The date of the latest authorised assessment.", critical: false),
                Question(
                    number: "3.2", prompt: "Does the plan have outcomes that are specific and measurable?",
                    guidance: "SMART outcomes in the plan.", critical: false),
                Question(
                    number: "3.3", prompt: "Are contingency arrangements recorded in the plan?",
                    guidance: "What happens if the plan does not work.", critical: false),
                Question(
                    number: "3.4", prompt: "Are other agencies' contributions recorded in the plan?",
                    guidance: "Health, school and police actions named.", critical: false),
                Question(
                    number: "3.5", prompt: "Is there an up-to-date chronology?",
                    guidance: "A chronology with entries in the last three months.", critical: false),
            ]
        ),
        (
            "4. Recording",
            [
                Question(
                    number: "a)", prompt: "Are case notes written within 5 working days of the event?",
                    guidance: "Event dates against recording dates.", critical: false),
                Question(
                    number: "b)", prompt: "Is the recording clear about risk and what is being done about it?",
                    guidance: "A reader can tell the risks and the response.", critical: false),
                Question(
                    number: "c)", prompt: "Is the file free of jargon the family would not understand?",
                    guidance: "Read a page as the family would.", critical: false),
                Question(
                    number: "d)", prompt: "Are letters to the family on file?", guidance: "Copies of letters sent.",
                    critical: false),
            ]
        ),
    ]

    /// The second version: 1.3 reworded, 2.4 removed, 3.6 added, 4(c) lightly reworded.
    static var sectionsVersion2: [(title: String, questions: [Question])] {
        sections.map { section in
            var questions = section.questions.compactMap { question -> Question? in
                var question = question
                switch question.number {
                case "1.3": question.prompt = "Has the case been discussed in supervision within the last month?"
                case "2.4": return nil
                case "c)": question.prompt = "Is the file free of jargon that the family would not understand?"
                default: break
                }
                return question
            }
            if section.title.hasPrefix("3.") {
                questions.append(
                    Question(
                        number: "3.6", prompt: "Is the plan reviewed at every statutory review?",
                        guidance: "Review minutes refer to the plan.",
                        critical: false))
            }
            return (section.title, questions)
        }
    }

    static let title = "Multi-agency case file audit tool (demo board, not a real document)"
    static let header = ["Ref", "Audit question", "Guidance / evidence to look for", "Key standard", "RAG"]

    static func rows(_ sections: [(title: String, questions: [Question])], version: String) -> [[String]] {
        var rows: [[String]] = [[title], ["Version \(version). Complete one tool per case file."], [], header]
        for section in sections {
            rows.append([section.title])
            for question in section.questions {
                rows.append([question.number, question.prompt, question.guidance, question.critical ? "Yes" : "", ""])
            }
            rows.append([])
        }
        return rows
    }

    public static func workbook(version: Int = 1) throws(XLSXWriter.Failure) -> Data {
        try workbook(Self.rows(version == 1 ? sections : sectionsVersion2, version: "\(version).0"))
    }

    /// A large tool for benchmarks: `questions` questions in sections of 25, numbered 1.1, 1.2, …
    public static func workbook(questions: Int) throws(XLSXWriter.Failure) -> Data {
        let templates = sections.flatMap(\.questions)
        let large = stride(from: 0, to: questions, by: 25).map { start -> (title: String, questions: [Question]) in
            let section = start / 25 + 1
            return (
                "\(section). Generated section \(section)",
                (start..<min(questions, start + 25)).map { index in
                    var question = templates[index % templates.count]
                    question.number = "\(section).\(index - start + 1)"
                    question.prompt += " (generated question \(index + 1))"
                    return question
                }
            )
        }
        return try workbook(Self.rows(large, version: "1.0"))
    }

    static func workbook(_ rows: [[String]]) throws(XLSXWriter.Failure) -> Data {
        return try XLSXWriter.workbook([
            XLSXWriter.Sheet(name: "Audit tool", rows: rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
        ])
    }

    public static func csv() -> String {
        CSVWriter.render(
            rows(sections, version: "1.0").map { $0 + Array(repeating: "", count: max(0, header.count - $0.count)) })
    }

    /// A Word document: the title, a heading per section and a table of its questions.
    public static func document() throws(XLSXWriter.Failure) -> Data {
        func paragraph(_ text: String, style: String? = nil) -> String {
            let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
            return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(XLSXWriter.escape(text))</w:t></w:r></w:p>"
        }
        func cell(_ text: String) -> String { "<w:tc>\(paragraph(text))</w:tc>" }
        var body = paragraph(title, style: "Title")
        body += paragraph("Complete one tool per case file. Answer each standard from what is recorded.")
        for section in sections {
            body += paragraph(section.title, style: "Heading1")
            body +=
                "<w:tbl><w:tr>" + ["No.", "Standard", "Evidence to look for", "Critical"].map(cell).joined() + "</w:tr>"
            for question in section.questions {
                body +=
                    "<w:tr>"
                    + [question.number, question.prompt, question.guidance, question.critical ? "Yes" : ""].map(cell)
                    .joined()
                    + "</w:tr>"
            }
            body += "</w:tbl>"
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
        let types = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        return try XLSXWriter.zip([
            ("[Content_Types].xml", Data(types.utf8)), ("_rels/.rels", Data(relationships.utf8)),
            ("word/document.xml", Data(document.utf8)),
        ])
    }

    /// The questions in version 1, for tests: 18 in 4 sections, 3 critical.
    public static var questionCount: Int { sections.reduce(0) { $0 + $1.questions.count } }
    public static var criticalCount: Int { sections.reduce(0) { $0 + $1.questions.count(where: \.critical) } }
}
