import CaseAudit
import CaseAuditScreen

/// How to go on from a refusal, where that names a command or a flag (the library's messages
/// do not).
enum CommandHint {
    static func hint(for error: any ReportableError) -> String {
        switch error as? StoreError {
        case .noDatabase:
            return
                ": check --database (or CASEAUDIT_DATABASE); `caseaudit org import` or `caseaudit cases import` makes a new one"
        case .submitted(let audit): return ": use `caseaudit audit amend \(audit)`"
        case .auditBusy(let audit, _?): return " with `caseaudit audit unlock \(audit) --reason TEXT`"
        case .schemaOwnersOnly:
            return ", by running `caseaudit server init` against it"
        case .noRights:
            return
                ": once your login is in the org chart, the schema's owner gives it its rights with `caseaudit server grant`"
        default: break
        }
        if case .notInOrgChart(let identity) = error as? IdentityError {
            // Whoever holds everything (the file's holder, the schema's owner) is a quality lead,
            // who scores for someone; anyone else needs a place in the chart.
            return identity.source == .operatingSystemAccount || identity.administers
                ? "; to score for an auditor, add --on-behalf-of ID (or put your login in the org chart's login column)"
                : "; ask your quality lead to put your login in the org chart's login column"
        }
        if case .noSuchDirectory = error as? ChecklistCatalog.LookupError {
            return " (give one with --dir, or set CASEAUDIT_CHECKLISTS)"
        }
        if let error = error as? SampleDrawError { return hint(for: error) }
        if error is SamplePlanError { return ": check --stratum-rate" }
        switch error as? ScreenUnavailable {
        case .inputNotATerminal:
            return "; to key in a paper audit, use --answers FILE (see `caseaudit audit score --help`)"
        case .noRawMode: return "; use --answers FILE instead"
        case nil: break
        }
        switch error as? MissingData {
        case .noCaseList: return ": import one with `caseaudit cases import FILE`"
        case .noOrgChart: return ": import one with `caseaudit org import ORG.csv`"
        case .noSampleYet: return ": draw one with `caseaudit sample draw`"
        default: break
        }
        return switch error as? AuditOpeningError {
        case .ambiguous: "; say which with --sample N"
        case .submitted(_, let audit): "; to correct it, use `caseaudit audit amend \(audit.id)`"
        default: ""
        }
    }

    /// A remedy the library names, in the command line's terms.
    static func text(for remedy: Remedy?) -> String {
        switch remedy {
        case nil: ""
        case .mapColumn(let field): "; say which with --map \(field)=HEADER"
        case .mapBoardColumns:
            ". Name the columns with --map, e.g. --map prompt=B,guidance=C,section=A (letters or header names)"
        case .giveCensusSchema: ": give the schema with --schema FILE.xsd"
        case .giveCensusTeams: ": give each child's team and worker with --teams FILE (a CSV of child id, team, worker)"
        case .allocateMore(let ownLine): ": \(allocateMore(ownLine: ownLine))"
        case .listUnallocated(let month, let ownLine):
            "; to allocate more, \(allocateMore(ownLine: ownLine)); "
                + "`caseaudit sample show --month \(month) --format csv` lists each with its reason"
        }
    }

    private static func allocateMore(ownLine: Bool) -> String {
        ownLine ? "use --allow-own-line or raise --quota" : "raise --quota"
    }

    /// How to go on after a refused draw.
    private static func hint(for error: SampleDrawError) -> String {
        switch error {
        case .noCaseList: ": import one with `caseaudit cases import FILE`"
        case .alreadyDrawn(let samples):
            ". See it with `caseaudit sample show --month \(samples.first.map { "\($0.parameters.month)" } ?? "YYYY-MM")`; to draw it afresh while none of its files is audited add --replace; to add files, --top-up N"
        case .nothingToReplace, .nothingToTopUp: ": draw it without --replace or --top-up"
        case .scored: ": add files with --top-up N instead"
        case .pastMonth: "; for a catch-up draw add --backdate --reason TEXT (its files are overdue at once)"
        case .futureMonth, .noEligibleCaseTypes, .store, .quotaUnstaffed: ""
        }
    }
}
