/// The library's user-facing wording, in one place so it stays consistent and reviewable.
enum Messages {
    enum Rules {
        static func duplicate(_ what: String, _ value: String, firstLine: Int) -> String {
            firstLine > 0
                ? "duplicate \(what) '\(value)' (first used on line \(firstLine))"
                : "duplicate \(what) '\(value)'"
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

    static func list(_ values: [String]) -> String {
        values.isEmpty ? "none" : values.joined(separator: ", ")
    }
}
