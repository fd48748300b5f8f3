import CaseAudit

/// The monthly summary's charts as inline SVG: no scripts, no external files, so the HTML is
/// one self-contained file that prints as it shows.
public enum SummaryCharts {
    static let gradeColours = ["#1a7340", "#7fbf7b", "#f1a340", "#c8372d", "#7b3294", "#555555"]

    /// Grade distribution by team as stacked horizontal bars (share of the team's files).
    public static func gradeBars(_ section: MonthlySummary.ChecklistSection, _ suppression: Suppression) -> String {
        let groups = section.teams + [section.council]
        let labelWidth = 190
        let barWidth = 440
        let rowHeight = 24
        let legendHeight = 28
        let height = legendHeight + groups.count * rowHeight + 8
        var svg = open(width: labelWidth + barWidth + 60, height: height, title: "Grades by team: \(section.title)")
        var x = labelWidth
        for (index, grade) in section.council.grades.enumerated() {
            svg += "<rect x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(colour(index))\"/>"
            svg += "<text x=\"\(x + 16)\" y=\"16\" font-size=\"11\">\(escape(grade.label))</text>"
            x += 16 + grade.label.count * 7 + 14
        }
        for (row, group) in groups.enumerated() {
            let y = legendHeight + row * rowHeight
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\">\(escape(group.name))</text>"
            guard group.audited > 0, !suppression.hides(group.audited) else {
                let note = group.audited == 0 ? "no files audited" : "fewer than \(suppression.minimum) files"
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"16\" fill=\"#eeeeee\"/>"
                svg += "<text x=\"\(labelWidth + 6)\" y=\"\(y + 15)\" font-size=\"11\" fill=\"#555555\">\(note)</text>"
                continue
            }
            var start = 0.0
            for (index, grade) in group.grades.enumerated() where grade.files > 0 {
                let width = Double(barWidth) * Double(grade.files) / Double(group.audited)
                svg +=
                    "<rect class=\"grade\" x=\"\(format(Double(labelWidth) + start))\" y=\"\(y + 3)\" width=\"\(format(width))\" height=\"16\" fill=\"\(colour(index))\"><title>\(escape(group.name)): \(grade.files) \(escape(grade.label))</title></rect>"
                start += width
            }
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 15)\" font-size=\"11\">n=\(group.audited)</text>"
        }
        return svg + "</svg>"
    }

    /// Each item's compliance rate (council) as a dot with its 95 % interval as whiskers.
    public static func itemCompliance(_ section: MonthlySummary.ChecklistSection, _ suppression: Suppression) -> String
    {
        let items = section.council.items
        let labelWidth = 190
        let axisWidth = 400
        let rowHeight = 22
        let top = 24
        let height = top + items.count * rowHeight + 10
        var svg = open(
            width: labelWidth + axisWidth + 30, height: height, title: "Compliance by item: \(section.title)")
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = labelWidth + axisWidth * tick / 100
            svg += "<line x1=\"\(x)\" y1=\"\(top - 6)\" x2=\"\(x)\" y2=\"\(height - 6)\" stroke=\"#dddddd\"/>"
            svg += "<text x=\"\(x)\" y=\"\(top - 10)\" font-size=\"10\" text-anchor=\"middle\">\(tick)%</text>"
        }
        for (row, item) in items.enumerated() {
            let y = top + row * rowHeight + 11
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(escape(item.item))\(item.critical ? " *" : "")</text>"
            guard let rate = item.rate, let interval = item.interval, !suppression.hides(item.answered) else {
                svg +=
                    "<text x=\"\(labelWidth + 4)\" y=\"\(y + 4)\" font-size=\"10\" fill=\"#555555\">\(item.answered == 0 ? "no answers" : "fewer than \(suppression.minimum) answers")</text>"
                continue
            }
            func at(_ share: Double) -> String { format(Double(labelWidth) + Double(axisWidth) * share) }
            svg +=
                "<line class=\"whisker\" x1=\"\(at(interval.lower))\" y1=\"\(y)\" x2=\"\(at(interval.upper))\" y2=\"\(y)\" stroke=\"#333333\" stroke-width=\"1.5\"/>"
            svg +=
                "<line x1=\"\(at(interval.lower))\" y1=\"\(y - 4)\" x2=\"\(at(interval.lower))\" y2=\"\(y + 4)\" stroke=\"#333333\"/>"
            svg +=
                "<line x1=\"\(at(interval.upper))\" y1=\"\(y - 4)\" x2=\"\(at(interval.upper))\" y2=\"\(y + 4)\" stroke=\"#333333\"/>"
            svg +=
                "<circle class=\"rate\" cx=\"\(at(rate))\" cy=\"\(y)\" r=\"4\" fill=\"#1f5f99\"><title>\(escape(item.item)): \(Number.percent(rate)) of \(item.answered)</title></circle>"
        }
        return svg + "</svg>"
    }

    /// The share good or better per month, one line per checklist.
    public static func trend(_ points: [MonthlySummary.TrendPoint], _ suppression: Suppression) -> String {
        let months = Array(Set(points.map(\.month))).sorted()
        let checklists = Array(Set(points.map(\.checklist))).sorted()
        let left = 40
        let width = 560
        let top = 16
        let plot = 160
        var svg = open(width: left + width + 170, height: top + plot + 40, title: "Share good or better, by month")
        for tick in stride(from: 0, through: 100, by: 25) {
            let y = top + plot - plot * tick / 100
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + width)\" y2=\"\(y)\" stroke=\"#dddddd\"/>"
            svg += "<text x=\"\(left - 4)\" y=\"\(y + 3)\" font-size=\"10\" text-anchor=\"end\">\(tick)%</text>"
        }
        let step = months.count > 1 ? Double(width) / Double(months.count - 1) : 0
        for (index, month) in months.enumerated() where index % 2 == months.count % 2 || months.count < 7 {
            svg +=
                "<text x=\"\(format(Double(left) + step * Double(index)))\" y=\"\(top + plot + 16)\" font-size=\"10\" text-anchor=\"middle\">\(month)</text>"
        }
        for (line, checklist) in checklists.enumerated() {
            var coordinates: [String] = []
            for (index, month) in months.enumerated() {
                guard let point = points.first(where: { $0.month == month && $0.checklist == checklist }),
                    let share = point.goodOrBetterShare, !suppression.hides(point.audited)
                else { continue }
                coordinates.append(
                    "\(format(Double(left) + step * Double(index))),\(format(Double(top + plot) - Double(plot) * share))"
                )
            }
            let colour = colour(line)
            if coordinates.count > 1 {
                svg +=
                    "<polyline class=\"trend\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>"
            }
            for coordinate in coordinates {
                let parts = coordinate.split(separator: ",")
                svg += "<circle cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"3\" fill=\"\(colour)\"/>"
            }
            svg +=
                "<text x=\"\(left + width + 10)\" y=\"\(top + 12 + line * 16)\" font-size=\"11\" fill=\"\(colour)\">\(escape(checklist))</text>"
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\"><title>\(escape(title))</title>"
    }

    private static func colour(_ index: Int) -> String { gradeColours[index % gradeColours.count] }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func escape(_ text: String) -> String { XMLEscape.escape(text) }
}
