extension MonthlySummary {
    /// Everything the month's summary needs, from the store's roll-ups: the use case behind
    /// `report monthly`. Item figures by group are read only with `detail` (the published
    /// tables show the council's). (Reading on a second connection in parallel was measured
    /// slower: a second open and thread cost more than the few milliseconds of reads they
    /// overlapped.)
    public static func build(month: AuditMonth, store: some CaseAuditStore, today: CalendarDate, detail: Bool = true)
        throws
        -> MonthlySummary
    {
        let grades = try store.gradeCells(months: month...month)
        let trend = try store.trendCells(months: month.subtracting(months: 11)...month)
        let checklists = try AuditOpening.checklists(hashes: Set(trend.map(\.checklistHash)), store: store)
        let managers: [ManagerLevel] = [.teamManager, .serviceManager, .assistantDirector, .director]
        var summary = MonthlySummary(
            month: month, today: today, grades: grades, items: try store.itemCells(month: month, byGroup: detail),
            itemsByGroup: detail, trendGrades: trend, sampled: try store.sampledCounts(month: month),
            actions: try store.actionRecords(months: month.subtracting(months: 11)...month), checklists: checklists,
            chart: try store.orgChart(levels: managers))
        let moderation = try ModerationSummary.build(months: month...month, store: store)
        if moderation.files > 0 { summary.moderation = moderation }
        return summary
    }
}
