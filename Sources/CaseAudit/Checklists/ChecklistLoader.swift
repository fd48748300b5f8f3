import CaseAuditXML

/// Reads checklist files: safe parse, namespace, XSD, then the rules the XSD cannot express.
/// Reports every error it finds, not the first.
public struct ChecklistLoader: Sendable {
    /// Board audit tools are a few kilobytes; the limit only bounds memory for absurd inputs.
    public static let sizeLimit = 64 * 1024 * 1024
    /// From this size, schema validation runs on a second core while the rules are checked.
    static let parallelThreshold = 256 * 1024

    public init() {}

    /// Checks a file and computes its content hash.
    public func load(file path: String) throws(ChecklistLoadError) -> LoadedChecklist {
        let file = try open(path)
        let bytes: [UInt8]
        do {
            bytes = try file.readAll()
        } catch {
            throw ChecklistLoadError(
                path: path, diagnostics: [Diagnostic(.file, at: SourceLocation(file: path), error.message)])
        }
        return try inspect(path: path, source: .memory(bytes), complete: true)
    }

    /// Checks bytes held in memory (an audit's stored copy, an importer's output).
    public func load(bytes: [UInt8], path: String) throws(ChecklistLoadError) -> LoadedChecklist {
        try inspect(path: path, source: .memory(bytes), complete: true)
    }

    /// Checks a file: every check `load` makes, without reading the prose into a model or
    /// computing the hash. The file is parsed as it is read, never held in memory whole.
    public func validate(file path: String) throws(ChecklistLoadError) -> ChecklistSummary {
        let checked = try inspect(path: path, source: .file(open(path)), complete: false)
        return ChecklistSummary(checked.checklist, path: path, hash: nil)
    }

    private func open(_ path: String) throws(ChecklistLoadError) -> FileContents.OpenFile {
        do {
            return try FileContents.openText(path, limit: Self.sizeLimit)
        } catch {
            throw ChecklistLoadError(
                path: path, diagnostics: [Diagnostic(.file, at: SourceLocation(file: path), error.message)])
        }
    }

    private enum Source {
        case memory([UInt8])
        case file(FileContents.OpenFile)

        var size: Int {
            switch self {
            case .memory(let bytes): bytes.count
            case .file(let file): file.size
            }
        }

        /// The bytes again, for placing errors; a file is read only when there are errors.
        var bytes: [UInt8] {
            switch self {
            case .memory(let bytes): bytes
            case .file(let file): (try? file.readAll()) ?? []
            }
        }
    }

    private func inspect(path: String, source: Source, complete: Bool) throws(ChecklistLoadError) -> LoadedChecklist {
        func fail(_ diagnostics: [Diagnostic]) -> ChecklistLoadError {
            ChecklistLoadError(path: path, diagnostics: diagnostics)
        }
        func at(_ line: Int, _ column: Int = 0) -> SourceLocation {
            SourceLocation(file: path, line: line, column: column)
        }

        let document: XMLDocumentHandle
        do {
            switch source {
            case .memory(let bytes): document = try SafeXMLParser.parse(bytes, name: path)
            case .file(let file): document = try SafeXMLParser.parse(fileDescriptor: file.descriptor, name: path)
            }
        } catch {
            throw fail(
                error.diagnostics.map { Diagnostic(.syntax, at: at($0.line, $0.column), $0.message) }
                    + omitted(error.omitted, path: path))
        }
        guard let root = document.rootElement else {
            throw fail([Diagnostic(.syntax, at: at(1, 1), Messages.Load.empty)])
        }
        // Indexing lines costs a pass over the file: only errors need it.
        var cachedLocator: XMLSourceLocator?
        func locator() -> XMLSourceLocator {
            if let cachedLocator { return cachedLocator }
            let made = XMLSourceLocator(source.bytes)
            cachedLocator = made
            return made
        }
        if let problem = rootProblem(root) {
            let position = locator().position(line: root.line, element: root.localName, attribute: nil)
            throw fail([Diagnostic(.schema, at: at(position.line, position.column), problem)])
        }

        let schema: XMLSchema
        switch ChecklistSchema.compiled {
        case .success(let compiled): schema = compiled
        case .failure(let failure):
            throw fail([
                Diagnostic(
                    .schema, at: at(0), Messages.Load.schemaDidNotCompile(failure.diagnostics.first?.message ?? ""))
            ])
        }
        // The XSD and our own reading only read the tree, so on a large document they run side
        // by side; on a small one, starting a thread costs more than it saves.
        let schemaValidation =
            source.size >= Self.parallelThreshold
            ? BackgroundWork { [schema, document] in schema.validate(document) } : nil
        var reader = ChecklistReader(includesProse: complete)
        let checklist = reader.read(root)
        let violations = reader.violations + ChecklistRules.check(checklist)
        let (schemaErrors, schemaOmitted) = schemaValidation?.wait() ?? schema.validate(document)

        var diagnostics = schemaErrors.map { error -> Diagnostic in
            let position = locator().position(of: error)
            return Diagnostic(.schema, at: at(position.line, position.column), error.message)
        }
        // A schema error about the same attribute (or the whole element) on the same line is
        // usually the same mistake seen twice; the schema's wording is then the one kept.
        func reportedBySchema(_ violation: RuleViolation) -> Bool {
            schemaErrors.contains {
                $0.line == violation.line && ($0.attributeName == nil || $0.attributeName == violation.attribute)
            }
        }
        for violation in violations where !reportedBySchema(violation) {
            let line = violation.line == 0 ? root.line : violation.line
            let position = locator().position(line: line, element: violation.element, attribute: violation.attribute)
            diagnostics.append(Diagnostic(.rules, at: at(position.line, position.column), violation.message))
        }
        guard diagnostics.isEmpty else {
            let ordered = diagnostics.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset)
                    < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
            throw fail(ordered + omitted(schemaOmitted, path: path))
        }

        var hash: ContentHash?
        if complete {
            do {
                hash = ContentHash(of: try document.normalisedCanonicalForm())
            } catch {
                throw fail([Diagnostic(.syntax, at: at(0), Messages.Load.canonicalisationFailed)])
            }
        }
        return LoadedChecklist(checklist: checklist, contentHash: hash, path: path, xml: complete ? source.bytes : [])
    }

    private func rootProblem(_ root: XMLElementRef) -> String? {
        guard root.localName == ChecklistFormat.rootElement else {
            return Messages.Load.wrongRootElement(root.localName)
        }
        guard let namespace = root.namespaceURI else { return Messages.Load.noNamespace }
        guard namespace == ChecklistFormat.namespace else { return Messages.Load.wrongNamespace(namespace) }
        return nil
    }

    private func omitted(_ count: Int, path: String) -> [Diagnostic] {
        count > 0 ? [Diagnostic(.schema, at: SourceLocation(file: path), Messages.Load.omitted(count))] : []
    }
}
