#if CASEAUDIT_LIBFUZZER
    import CLibFuzzer
#endif
import CaseAudit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line on standard error.
func complain(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.append(0x0A)
    _ = write(2, &bytes, bytes.count)
}

/// The target chosen for this process, and the one file its inputs go through: libFuzzer runs
/// one input at a time in a process, so one path serves.
struct FuzzRun: Sendable {
    let target: FuzzTarget
    let path: String

    nonisolated(unsafe) static var current: FuzzRun?

    static func start(_ name: String) -> FuzzRun? {
        guard let target = FuzzTarget.named(name) else {
            let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
            complain("caseaudit-fuzz: unknown target '\(name)'; targets: \(names)")
            return nil
        }
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return FuzzRun(target: target, path: "\(folder)/caseaudit-fuzz-\(getpid()).\(target.fileExtension)")
    }

    func run(_ input: UnsafeRawBufferPointer) {
        if let wrap = target.wrap, !OfficeWrapping.isZip(input) {
            guard let package = wrap(Data(input)) else { return }
            package.withUnsafeBytes { store($0) }
        } else {
            store(input)
        }
        target.read(path, input.first ?? 0)
    }

    private func store(_ bytes: UnsafeRawBufferPointer) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let count = write(descriptor, base + written, bytes.count - written)
            if count <= 0 { break }
            written += count
        }
        close(descriptor)
    }
}

#if CASEAUDIT_LIBFUZZER
    // Built with `-sanitize=fuzzer,address` (make fuzz). libFuzzer calls these: once at the
    // start (the target comes from CASEAUDIT_FUZZ_TARGET), then once per input.
    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzInitialize(
        _ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
    ) -> Int32 {
        let name = getenv("CASEAUDIT_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let run = FuzzRun.start(name) else { exit(2) }
        FuzzRun.current = run
        _ = FuzzTarget.sheetChecklist  // loaded once, outside any one input
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzRun.current?.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }

    // SwiftPM links an executable's entry point under this name; libFuzzer's driver takes over
    // from it (its flags: -max_total_time, -runs, corpus folders, ...).
    @_cdecl("caseaudit_fuzz_main")
    public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
    }
#else
    /// Without the fuzzer (an ordinary build): runs a target over files, to replay a crasher
    /// under a debugger. `caseaudit-fuzz TARGET FILE...`
    @main
    enum FuzzReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let run = FuzzRun.start(name) else {
                complain("usage: caseaudit-fuzz TARGET FILE...")
                exit(2)
            }
            for file in arguments.dropFirst() {
                guard let bytes = try? FileContents.openFile(file, limit: Int.max).readAll() else {
                    complain("caseaudit-fuzz: cannot read \(file)")
                    exit(1)
                }
                bytes.withUnsafeBytes { run.run($0) }
                print("\(file): no crash")
            }
            unlink(run.path)
        }
    }
#endif
