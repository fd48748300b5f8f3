#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The checklists in one folder (by default the repository's `Checklists/`).
public struct ChecklistCatalog: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var result: Result<LoadedChecklist, ChecklistLoadError>
    }

    public enum LookupError: Error, Sendable, Hashable {
        case noSuchDirectory(String)
        case notFound(id: String, directory: String, known: [String])
        /// Two files hold the same id and version: which is meant cannot be told.
        case sameVersionTwice(id: String, version: String, files: [String])

        public var message: String {
            switch self {
            case .noSuchDirectory(let directory):
                "\(directory): no such folder of checklists"
            case .notFound(let id, let directory, let known):
                "no checklist with id '\(id)' in \(directory) (found: \(Messages.list(known)))"
            case .sameVersionTwice(let id, let version, let files):
                "\(Messages.list(files)) both hold checklist '\(id)' version \(version): remove one, or give the changed one a new version"
            }
        }
    }

    public var directory: String
    private let loader = ChecklistLoader()

    public init(directory: String) {
        self.directory = directory
    }

    /// The `.xml` files directly in the folder, in name order.
    public func files() throws(LookupError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw .noSuchDirectory(directory)
        }
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder + $0 }
    }

    /// Every checklist in the folder, loaded with its hash, valid or not.
    public func loadAll() throws(LookupError) -> [Entry] {
        try files().map { path in
            Entry(path: path, result: Result { () throws(ChecklistLoadError) in try loader.load(file: path) })
        }
    }

    /// Each id and version held by more than one valid file.
    public static func sameVersionTwice(_ entries: [Entry]) -> [LookupError] {
        let valid = entries.compactMap { try? $0.result.get() }
        let groups = Dictionary(grouping: valid) { "\($0.checklist.id)\u{0}\($0.checklist.version)" }
        return groups.values.filter { $0.count > 1 }.map { twins in
            .sameVersionTwice(
                id: twins[0].checklist.id, version: twins[0].checklist.version, files: twins.map(\.path).sorted())
        }.sorted { $0.message < $1.message }
    }

    /// The valid checklist with this id; the highest version when several files share it.
    public func checklist(id: String) throws(LookupError) -> LoadedChecklist {
        let loaded = try loadAll().compactMap { try? $0.result.get() }
        let matching = loaded.filter { $0.checklist.id == id }
        guard let best = matching.max(by: { Version($0.checklist.version) < Version($1.checklist.version) }) else {
            throw .notFound(id: id, directory: directory, known: loaded.map(\.checklist.id))
        }
        let twins = matching.filter { $0.checklist.version == best.checklist.version }
        if twins.count > 1 {
            throw .sameVersionTwice(id: id, version: best.checklist.version, files: twins.map(\.path))
        }
        return best
    }
}

/// Dotted version numbers compared number by number: 1.10 comes after 1.9.
public struct Version: Comparable, Sendable {
    public var parts: [Int]

    public init(_ text: String) {
        parts = text.split(separator: ".").map { Int($0) ?? 0 }
    }

    public static func < (lhs: Version, rhs: Version) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : 0
            let right = index < rhs.parts.count ? rhs.parts[index] : 0
            if left != right { return left < right }
        }
        return false
    }
}

extension ChecklistCatalog {
    /// A checklist named by file path or by id: a file when it exists or looks like a path
    /// (it ends in .xml or has a slash), else the id in the folder.
    public func resolve(_ reference: String) throws -> LoadedChecklist {
        if FileManager.default.fileExists(atPath: reference) || reference.hasSuffix(".xml")
            || reference.contains(where: { $0 == "/" })
        {
            return try ChecklistLoader().load(file: reference)
        }
        return try checklist(id: reference)
    }
}
