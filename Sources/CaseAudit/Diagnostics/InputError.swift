/// An input the library refused, with every problem found, each located (file, line, column).
/// The command line prints them and exits 1; nothing was written.
public struct InputError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ stage: Diagnostic.Stage, at location: SourceLocation, _ message: String) {
        diagnostics = [Diagnostic(stage, at: location, message)]
    }
}
