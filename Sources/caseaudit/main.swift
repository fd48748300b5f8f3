import CaseAuditCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(CaseAuditMain.run(Array(CommandLine.arguments.dropFirst())))
