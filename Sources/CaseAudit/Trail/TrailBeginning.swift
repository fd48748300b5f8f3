/// The first event of a database that held data before caseaudit kept a trail: how much of
/// each kind of thing was there, so the trail accounts for what it did not see being made.
public enum TrailBeginning {
    /// What is counted, and the table it is counted in (the same in both stores).
    public static let tables: [(String, String)] = [
        ("actions", "audit_action"), ("answers", "audit_answer"), ("audits", "audit"),
        ("case_snapshots", "case_snapshot"), ("cases", "case_record"), ("people", "person"),
        ("reallocations", "reallocation"), ("samples", "sample"), ("teams", "team"),
    ]

    public static func entry(_ counts: [(String, TrailJSON)]) -> TrailEntry {
        TrailEntry(.trailBegan, .trail, nil, payload: .object(counts))
    }
}
