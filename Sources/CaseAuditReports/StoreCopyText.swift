import CaseAudit

/// What `server import` says: every table, its rows and content hash, equal on both sides.
public enum StoreCopyText {
    public static func render(_ report: StoreCopyReport) -> String {
        let rows = report.tables.map { [$0.name, String($0.rows), "sha256:" + $0.hash.prefix(16), "same"] }
        let total = report.tables.reduce(0) { $0 + $1.rows }
        return "Copied \(report.source) into \(report.target): \(total) rows in \(report.tables.count) tables, "
            + "each read back and found the same.\n"
            + TextTable(headers: ["TABLE", "ROWS", "CONTENT", "ON THE SERVER"], rows: rows).render()
    }
}
