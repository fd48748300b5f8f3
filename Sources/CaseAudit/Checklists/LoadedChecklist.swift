/// A checklist read from a file that passed every check.
public struct LoadedChecklist: Sendable {
    public var checklist: Checklist
    /// Present when the loader was asked for it (`load`); `validate` skips the work.
    public var contentHash: ContentHash?
    public var path: String
    /// The file's bytes, as an audit keeps them to resume against the version it began with.
    public var xml: [UInt8]
}

/// Why a checklist file was refused: every error found, in file order.
public struct ChecklistLoadError: Error, Sendable {
    public var path: String
    public var diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }
}
