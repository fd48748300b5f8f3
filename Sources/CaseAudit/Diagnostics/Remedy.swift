/// What a person can do about a refusal or a notice, said without naming a command or a flag:
/// the library knows what would help, and the front end words it in its own terms (the command
/// line as the flag to add).
public enum Remedy: Sendable, Hashable {
    /// Say which column of a case list holds `field`.
    case mapColumn(field: String)
    /// Say which columns of a board's document hold the questions, guidance and sections.
    case mapBoardColumns
    /// Give the DfE schema to check a census against.
    case giveCensusSchema
    /// Give a census's children their teams and workers (the census names neither).
    case giveCensusTeams
    /// Files were left unallocated: give auditors more files, and where `ownLine`, some were
    /// left only because every auditor with room is in the file's team's management line.
    case allocateMore(ownLine: Bool)
    /// More files are unallocated than a warning lists: list each with its reason.
    case listUnallocated(AuditMonth, ownLine: Bool)
}
