import Foundation

/// Where a command's output goes and what it can see of its surroundings, injected so that
/// tests run commands in-process and read what they printed.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    public var environment: [String: String]

    public init(
        write: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        environment: [String: String]
    ) {
        self.write = write
        self.writeError = writeError
        self.environment = environment
    }

    public static let standard = Console(
        write: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) },
        environment: ProcessInfo.processInfo.environment)

    @TaskLocal public static var current: Console = .standard
}
