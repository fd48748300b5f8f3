import CaseAudit

/// Writes an imported board tool as checklist XML and checks it loads: the output always
/// validates against the XSD and the format's rules.
public enum BoardChecklist {
    public struct Options: Sendable {
        public var id: String
        public var title: String
        public var version: String
        public var scale: ImportScale?
        public var issuer: String
        /// The source document's file name, recorded in the checklist.
        public var document: String
        public var importedOn: CalendarDate

        public init(
            id: String, title: String, version: String, scale: ImportScale?, issuer: String, document: String,
            importedOn: CalendarDate
        ) {
            self.id = id
            self.title = title
            self.version = version
            self.scale = scale
            self.issuer = issuer
            self.document = document
            self.importedOn = importedOn
        }
    }

    public struct Result: Sendable {
        public var xml: String
        public var loaded: LoadedChecklist
        /// "18 questions in 4 sections, 3 critical; scale ynp assumed: …"
        public var summary: String
        /// With an update: which questions kept their ids.
        public var matching: IDMatching?
    }

    public static func make(_ board: BoardImport, options: Options, previous: Checklist? = nil) throws(InputError)
        -> Result
    {
        let scale: ImportScale
        var scaleNote: String
        if let chosen = options.scale {
            scale = chosen
            scaleNote = "scale \(scale.rawValue) as given"
        } else if let suggested = ImportScale.suggested(by: board.ratingValues) {
            scale = suggested
            scaleNote = "scale \(scale.rawValue) from the values in the document's rating column"
        } else if let header = board.ratingHeader, BoardColumn.normalise(header).hasPrefix("rag") {
            scale = .rag
            scaleNote = "scale rag from the document's '\(header)' column"
        } else {
            scale = .ynp
            scaleNote =
                board.hadRatingColumn
                ? "scale ynp assumed: the rating column names no known scale"
                : "scale ynp assumed: the document has no rating column"
        }
        let matching = IDMatching(board, previous: previous)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Imported by caseaudit from \(comment(options.document)) on \(options.importedOn). -->
            <checklist xmlns="urn:caseaudit:checklist:1" id="\(XMLEscape.escape(options.id))" version="\(XMLEscape.escape(options.version))"
                       title="\(XMLEscape.escape(label(options.title)))" caseTypes="CIN CP LAC CL" scale="\(scale.rawValue)">
              <source issuer="\(XMLEscape.escape(label(options.issuer)))" document="\(XMLEscape.escape(label(options.document)))">
                Imported from \(XMLEscape.escape(options.document)) on \(options.importedOn), keeping the board's numbering and wording.
              </source>

            """
        xml += scale.xml
        var sectionIDs: Set<String> = []
        for (index, section) in board.sections.enumerated() {
            let title = section.title.isEmpty ? "Questions" : section.title
            var sectionID = slug(title, fallback: "section-\(index + 1)")
            if !sectionIDs.insert(sectionID).inserted {
                sectionID += "-\(index + 1)"
                sectionIDs.insert(sectionID)
            }
            xml += "  <section id=\"\(XMLEscape.escape(sectionID))\" title=\"\(XMLEscape.escape(label(title)))\">\n"
            for question in section.questions {
                let id = matching.ids[question.line] ?? "q\(question.line)"
                var attributes = "id=\"\(XMLEscape.escape(id))\""
                if let number = question.number { attributes += " ref=\"\(XMLEscape.escape(label(number)))\"" }
                if question.weight != 1 { attributes += " weight=\"\(Number.format(question.weight))\"" }
                if question.critical { attributes += " critical=\"true\"" }
                xml += "    <item \(attributes)>\n      <prompt>\(XMLEscape.escape(question.prompt))</prompt>\n"
                if let guidance = question.guidance {
                    xml += "      <guidance>\(XMLEscape.escape(guidance))</guidance>\n"
                }
                xml += "    </item>\n"
            }
            xml += "  </section>\n"
        }
        xml += """
              <grading>
                <band grade="outstanding" label="Outstanding" min="0.9"/>
                <band grade="good" label="Good" min="0.75"/>
                <band grade="requires-improvement" label="Requires improvement" min="0.5"/>
                <band grade="inadequate" label="Inadequate" min="0"/>

            """
        if board.criticalCount > 0 { xml += "    <cap when=\"critical-fail\" grade=\"inadequate\"/>\n" }
        xml += "  </grading>\n</checklist>\n"
        let loaded: LoadedChecklist
        do {
            loaded = try ChecklistLoader().load(bytes: Array(xml.utf8), path: "\(options.id).xml (imported)")
        } catch {
            throw InputError(error.diagnostics)
        }
        let sections = board.sections.count
        let summary =
            "\(board.questionCount) question\(board.questionCount == 1 ? "" : "s") in \(sections) section\(sections == 1 ? "" : "s"), \(board.criticalCount) critical; \(scaleNote)"
        return Result(xml: xml, loaded: loaded, summary: summary, matching: previous == nil ? nil : matching)
    }

    /// A lower-case id from a title: letters and digits, words joined by hyphens.
    public static func slug(_ text: String, fallback: String) -> String {
        let words = BoardColumn.normalise(text).split(separator: " ").prefix(6)
        let id = words.joined(separator: "-").filter { $0.isASCII }
        guard let first = id.first, first.isLetter || first.isNumber else { return fallback }
        return String(id.prefix(48))
    }

    /// Labels are at most 200 characters.
    static func label(_ text: String) -> String { text.count <= 200 ? text : String(text.prefix(199)) + "…" }

    static func comment(_ value: String) -> String { String(value.map { $0 == "-" ? "‐" : $0 }) }
}
