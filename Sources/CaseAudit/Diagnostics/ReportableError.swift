/// An error the command line reports, once, in its entry point, and exits 1 for: located
/// problems (each printed as `path:line:col: error: …`), or one message. Commands let these
/// pass instead of catching and printing each; the library's messages say what is wrong and
/// the command line adds how to go on where that names a command or a flag.
public protocol ReportableError: Error, Sendable {
    /// Located problems; empty when the error is one message.
    var diagnostics: [Diagnostic] { get }
    /// The message, when there are no diagnostics.
    var message: String { get }
}

extension ReportableError {
    public var diagnostics: [Diagnostic] { [] }
}

extension StoreError: ReportableError {}
extension SampleDrawError: ReportableError {}

extension InputError: ReportableError {
    public var message: String { diagnostics.first?.message ?? "the input was refused" }
}

extension ChecklistLoadError: ReportableError {
    public var message: String { diagnostics.first?.message ?? "\(path): the checklist was refused" }
}

extension CaseImportError: ReportableError {
    public var diagnostics: [Diagnostic] {
        switch self {
        case .input(let error): error.diagnostics
        case .store: []
        }
    }

    public var message: String {
        switch self {
        case .input(let error): error.message
        case .store(let error): error.message
        }
    }
}
extension ScoringError: ReportableError {}

extension ChecklistCatalog.LookupError: ReportableError {}
