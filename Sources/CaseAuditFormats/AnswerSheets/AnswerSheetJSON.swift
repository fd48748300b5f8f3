import CaseAudit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads a paper audit from JSON: the same content as the CSV form.
///
///     {
///       "answers": [ { "item": "seen", "answer": "partly", "note": "Seen at school" } ],
///       "judgement": { "grade": "requires-improvement", "reason": "The plan is not reviewed" },
///       "actions": [ { "what": "Review the plan", "who": "TM-04", "due": "2026-12-15" } ]
///     }
///
/// Each entry's problems name the line the entry starts on.
public enum AnswerSheetJSON {
    private struct Document: Decodable {
        var answers: [Answer]?
        var judgement: Judgement?
        var actions: [Action]?
    }
    private struct Answer: Decodable {
        var item: String?
        var answer: String?
        var note: String?
    }
    private struct Judgement: Decodable {
        var grade: String?
        var reason: String?
    }
    private struct Action: Decodable {
        var what: String?
        var who: String?
        var due: String?
    }

    public static func read(file path: String) throws(InputError) -> AnswerSheet {
        let bytes = try FileContents.readInput(path, limit: 64 * 1024 * 1024)
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw InputError(.syntax, at: SourceLocation(file: path), Messages.Scoring.badJSON(Self.describe(error)))
        }
        var sheet = AnswerSheet(path: path)
        let lines = EntryLines(bytes)
        for (index, entry) in (document.answers ?? []).enumerated() {
            let place = AnswerSheet.Place(line: lines.line("answers", index))
            guard let item = entry.item?.nonBlank else {
                sheet.problem(place, .item, Messages.Scoring.jsonMissing("item", entry: "answers[\(index)]"))
                continue
            }
            guard let answer = entry.answer?.nonBlank else {
                sheet.problem(
                    place, .answer, Messages.Scoring.jsonMissing("answer", entry: "answers[\(index)] (item '\(item)')"))
                continue
            }
            sheet.answers.append(
                .init(value: ItemAnswer(itemID: item, value: answer, note: entry.note?.nonBlank), place: place))
        }
        if let judgement = document.judgement {
            let place = AnswerSheet.Place(line: lines.line("judgement", 0))
            if let grade = judgement.grade?.nonBlank {
                sheet.judgements.append(
                    .init(value: AuditJudgement(grade: grade, reason: judgement.reason), place: place))
            } else {
                sheet.problem(place, .grade, Messages.Scoring.jsonMissing("grade", entry: "judgement"))
            }
        }
        for (index, action) in (document.actions ?? []).enumerated() {
            let text = AnswerSheet.ActionText(what: action.what ?? "", who: action.who ?? "", due: action.due ?? "")
            sheet.actions.append(.init(value: text, place: AnswerSheet.Place(line: lines.line("actions", index))))
        }
        if document.answers == nil && document.judgement == nil && document.actions == nil {
            sheet.problem(AnswerSheet.Place(line: 1), .item, Messages.Scoring.jsonEmpty)
        }
        return sheet
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            context.underlyingError.map { "\($0)" } ?? context.debugDescription
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}

/// The line each entry starts on: for each top-level key, the line of every object in its
/// array (or of its object), found by scanning the text's structure.
private struct EntryLines {
    private var lines: [String: [Int]] = [:]

    init(_ bytes: [UInt8]) {
        var line = 1
        var depth = 0
        var index = 0
        var key = ""
        var stringStart: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if let start = stringStart {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    stringStart = nil
                    if depth == 1 { key = String(decoding: bytes[(start + 1)..<index], as: UTF8.self) }
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): stringStart = index
            case UInt8(ascii: "{"):
                // An object directly under a top-level key, or an entry of its array.
                if depth == 1 || depth == 2 { lines[key, default: []].append(line) }
                depth += 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
            index += 1
        }
    }

    func line(_ key: String, _ index: Int) -> Int {
        guard let found = lines[key], index < found.count else { return 0 }
        return found[index]
    }
}
