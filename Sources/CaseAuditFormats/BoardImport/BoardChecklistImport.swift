import CaseAudit
import Foundation

/// Turning a board's document into a checklist file: read, detect (or map) the layout, make
/// the checklist (keeping the ids of a previous version's questions), and write it. The use
/// case behind `checklist import`.
public enum BoardChecklistImport {
    /// What the person asked for; nil fields take their defaults from the document, the file
    /// name, or the checklist it updates.
    public struct Request: Sendable {
        public var file: String
        public var out: String
        public var sheet: String?
        /// Which column holds which part of a question, where the layout is not detected.
        public var map: [BoardColumn: String]
        public var update: String?
        public var id: String?
        public var title: String?
        public var version: String?
        public var scale: ImportScale?
        public var issuer: String

        public init(
            file: String, out: String, sheet: String?, map: [BoardColumn: String], update: String?, id: String?,
            title: String?, version: String?, scale: ImportScale?, issuer: String
        ) {
            self.file = file
            self.out = out
            self.sheet = sheet
            self.map = map
            self.update = update
            self.id = id
            self.title = title
            self.version = version
            self.scale = scale
            self.issuer = issuer
        }
    }

    public struct Imported: Sendable {
        public var options: BoardChecklist.Options
        public var result: BoardChecklist.Result
        /// The checklist this is a new version of, when one was given.
        public var previous: LoadedChecklist?
    }

    /// Makes the checklist and writes it to `request.out`; nothing is written when the document
    /// or the checklist it updates is refused.
    public static func run(_ request: Request, today: CalendarDate) throws -> Imported {
        let previous = try request.update.map { path throws(ChecklistLoadError) in
            try ChecklistLoader().load(file: path)
        }
        let board = try BoardImport(BoardReader.read(request.file, sheet: request.sheet), mapping: request.map)
        let name = URL(fileURLWithPath: request.file).deletingPathExtension().lastPathComponent
        let options = BoardChecklist.Options(
            id: request.id ?? previous?.checklist.id ?? BoardChecklist.slug(name, fallback: "imported"),
            title: request.title ?? previous?.checklist.title ?? board.title ?? name,
            version: request.version ?? previous.map { nextVersion($0.checklist.version) } ?? "1.0.0",
            scale: request.scale, issuer: request.issuer,
            document: URL(fileURLWithPath: request.file).lastPathComponent,
            importedOn: today)
        let result = try BoardChecklist.make(board, options: options, previous: previous?.checklist)
        try OutputFiles.write(Data(result.xml.utf8), to: request.out, what: "the checklist")
        return Imported(options: options, result: result, previous: previous)
    }

    /// "1.0.0" → "1.1.0"; "2" → "2.1".
    public static func nextVersion(_ version: String) -> String {
        var parts = version.split(separator: ".").map { Int($0) ?? 0 }
        if parts.count == 1 { parts.append(0) }
        parts[1] += 1
        for index in parts.indices.dropFirst(2) { parts[index] = 0 }
        return parts.map(String.init).joined(separator: ".")
    }
}
