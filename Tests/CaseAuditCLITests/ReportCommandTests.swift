import CaseAudit
import CaseAuditFormats
import CaseAuditReports
import CaseAuditStore
import CaseAuditTestSupport
import Foundation
import Testing

/// `report monthly` and `export` on the demo council's six months of audits, and the HTML in a
/// real browser.
@Suite struct ReportCommandTests {
    /// The demo's current month, as of the tests' day.
    static let month = String(Fixtures.today.prefix(7))
    static let templates = "\(Fixtures.packageRoot)/Reports/templates"

    func report(_ arguments: [String], database: String) -> CommandResult {
        CommandRunner.run(["report", "monthly", "--templates", Self.templates, "--database", database] + arguments)
    }

    @Test func writesEveryFormatForAMonthWithAudits() throws {
        let demo = try DemoFixture.run.get()
        let out = try TemporaryDirectory()
        let result = report(["--month", Self.month, "-o", out.path], database: demo.database)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("climbie-compliance 1.0.0: "))
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        #expect(files.contains("summary.html") && files.contains("summary.md") && files.contains("summary.json"))
        #expect(files.contains("csv/climbie-compliance-1.0.0-teams.csv") && files.contains("csv/trend.csv"))

        let markdown = try Fixtures.text("\(out.path)/summary.md")
        #expect(markdown.contains("| Team | Sampled | Audited | Outstanding |"))
        // Tidy Markdown: no line ends in a space, no run of blank lines, and no empty note (a
        // month audited against one version has no version note; the trail's head is named).
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 50)
        #expect(lines.filter { $0.hasSuffix(" ") }.isEmpty)
        #expect(!markdown.contains("\n\n\n"))
        #expect(!markdown.contains("more than one version"))
        #expect(markdown.contains("_The audit trail's head when this was published: event "))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out.path)/summary.json")))
            as? [String: Any]
        #expect(json?["month"] as? String == Self.month)
        #expect(json?["figures"] == nil)  // every figure only with --detail
        #expect((json?["tables"] as? [Any])?.count == 7)
        // Six months of audits: the trend has six points with files.
        let trend = try Fixtures.text("\(out.path)/csv/trend.csv").split(separator: "\r\n").dropFirst()
        #expect(trend.count == 12)
        #expect(trend.filter { !$0.contains(",0,0,") }.count == 6)

        let detailed = report(
            ["--month", Self.month, "-o", out.path, "--format", "json", "--detail"], database: demo.database)
        #expect(detailed.status == 0)
        let full =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out.path)/summary.json")))
            as? [String: Any]
        let figures = try #require(full?["figures"] as? [String: Any])
        #expect((figures["sections"] as? [[String: Any]])?.first?["teams"] != nil)
    }

    /// The roll-ups kept at submission hold exactly what counting the audits one by one gives.
    @Test func rollUpsMatchTheAuditsCountedOneByOne() throws {
        let demo = try DemoFixture.run.get()
        let store = try SQLiteStore(path: demo.database)
        let month = try #require(AuditMonth(Self.month))
        let range = month.subtracting(months: 5)...month
        let records = try store.qualityRecords(months: range, withAnswers: true)
        var checklists: [String: Checklist] = [:]
        for hash in Set(records.map(\.checklistHash)) {
            let pinned = try #require(try store.pinnedChecklist(hash: hash))
            checklists[hash] = try ChecklistLoader().load(bytes: pinned.xml, path: hash).checklist
        }
        let levels = Dictionary(uniqueKeysWithValues: (try store.orgChart()?.people ?? []).map { ($0.id, $0.level) })
        let counted = QualityCells.from(records, checklists: checklists, levels: levels)
        func describe(_ cells: [GradeCell]) -> [String] {
            cells.map {
                "\($0.month) \($0.team ?? "-") \($0.caseType?.rawValue ?? "-") \($0.auditorLevel?.rawValue ?? "-") \($0.judgement) \($0.computedGrade ?? "-") \($0.inclusionProbability) \($0.files)"
            }.sorted()
        }
        #expect(records.count > 300)
        #expect(describe(try store.gradeCells(months: range)) == describe(counted.grades))
        let thisMonth = QualityCells.from(records.filter { $0.month == month }, checklists: checklists, levels: levels)
            .items
        func describe(_ cells: [ItemCell]) -> [String] {
            cells.map {
                "\($0.team ?? "-") \($0.caseType?.rawValue ?? "-") \($0.auditorLevel?.rawValue ?? "-") \($0.item) \($0.compliant)/\($0.answered)"
            }.sorted()
        }
        #expect(describe(try store.itemCells(month: month, byGroup: true)) == describe(thisMonth))
        // The council's item totals and the trend's totals are the same counts, summed.
        var council: [String: (Int, Int)] = [:]
        for cell in thisMonth {
            let sums = council[cell.item] ?? (0, 0)
            council[cell.item] = (sums.0 + cell.compliant, sums.1 + cell.answered)
        }
        let kept = try store.itemCells(month: month, byGroup: false)
        #expect(kept.count == council.count)
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { cell in council[cell.item].map { $0 == (cell.compliant, cell.answered) } ?? false })
        var byMonth: [String: Int] = [:]
        for cell in counted.grades { byMonth["\(cell.month) \(cell.judgement)", default: 0] += cell.files }
        let trend = try store.trendCells(months: range)
        #expect(Dictionary(uniqueKeysWithValues: trend.map { ("\($0.month) \($0.judgement)", $0.files) }) == byMonth)
    }

    @Test func aMonthWithNoAuditsGetsAShortReportThatSaysSo() throws {
        let empty = try TemporaryDirectory()
        let out = "\(empty.path)/out"
        // A database with an org chart and nothing else (only imports make one).
        let database = "\(empty.path)/empty.sqlite"
        #expect(
            CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", database])
                .status == 0)
        let result = report(["--month", "2024-02", "-o", out], database: database)
        #expect(result.status == 0)
        #expect(result.output.contains("No audits were submitted for files drawn in 2024-02"))
        let html = try Fixtures.text("\(out)/summary.html")
        #expect(html.contains("No audits were submitted for files drawn in February 2024."))
        #expect(!html.contains("<table"))
    }

    @Test func refusesABadMonthAndAFolderItCannotWrite() throws {
        let folder = try TemporaryDirectory()
        for bad in ["2026-13", "Nov 2026", "2026-1", "26-11"] {
            let result = report(["--month", bad], database: "\(folder.path)/db.sqlite")
            #expect(result.status == 2, "\(bad)")
            #expect(result.errors.contains("--month"))
        }
        #expect(
            CommandRunner.run([
                "org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", "\(folder.path)/db.sqlite",
            ]).status == 0)
        let blocker = try folder.write("not-a-folder", "a file")
        let result = report(["--month", "2026-11", "-o", "\(blocker)/report"], database: "\(folder.path)/db.sqlite")
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot write the report"))
        let formats = report(["--month", "2026-11", "--format", "pdf"], database: "\(folder.path)/db.sqlite")
        #expect(formats.status == 2)
    }

    @Test func exportsAuditsAndAnswers() throws {
        let demo = try DemoFixture.run.get()
        let audits = CommandRunner.run(["export", "audits", "--month", Self.month, "--database", demo.database])
        #expect(audits.status == 0)
        let rows = audits.output.split(separator: "\r\n")
        #expect(
            rows.first
                == "audit,version,sample,month,checklist,checklist_version,checklist_hash,case_reference,team,case_type,auditor,auditor_level,judgement,computed_grade,judgement_reason,score,inclusion_probability,started_at,submitted_at,amended_by,amendment_reason"
        )
        #expect(rows.count > 50)
        let answers = CommandRunner.run(["export", "answers", "--format", "json", "--database", demo.database])
        let objects = try #require(
            try JSONSerialization.jsonObject(with: Data(answers.output.utf8)) as? [[String: Any]])
        #expect(objects.count > 6 * 50 * 9)
        #expect(Set(objects.compactMap { $0["month"] as? String }).count == 6)
        #expect(!objects.isEmpty)
        #expect(objects.allSatisfy { $0["audit"] is Int && $0["version"] is Int })
        // The demo's sheets write a note where the answer needs one.
        #expect(objects.contains { ($0["note"] as? String)?.isEmpty == false })
    }

    /// The HTML as a reader sees it: headless Chromium loads the file; the rendered DOM has the
    /// title, every team and the charts. A screenshot is kept as an artefact.
    @Test(.tags(.browser)) func rendersInARealBrowser() throws {
        let demo = try DemoFixture.run.get()
        let html = "\(demo.folder)/report/\(Self.month)/summary.html"
        let artefacts = "\(Fixtures.packageRoot)/.build/artefacts"
        try FileManager.default.createDirectory(atPath: artefacts, withIntermediateDirectories: true)
        let profile = try TemporaryDirectory("caseaudit-chromium")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)"]
        let dom = try run("/usr/bin/chromium", common + ["--dump-dom", "file://\(html)"])
        #expect(dom.contains("<title>Monthly quality summary: \(MonthlyReport.monthName(Self.month))</title>"))
        let chart = try OrgChartImport.read(file: "\(Fixtures.packageRoot)/Samples/org.csv")
        for team in chart.teams.map(\.name) { #expect(dom.contains(team), "\(team)") }
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 3)
        #expect(dom.contains("class=\"grade\"") && dom.contains("class=\"whisker\"") && dom.contains("class=\"trend\""))

        let screenshot = "\(artefacts)/monthly-summary.png"
        try? FileManager.default.removeItem(atPath: screenshot)
        _ = try run(
            "/usr/bin/chromium", common + ["--screenshot=\(screenshot)", "--window-size=1100,2400", "file://\(html)"])
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)

        // Printed to A4 through the page's print styles: a PDF of a few pages, kept as well.
        let pdf = "\(artefacts)/monthly-summary.pdf"
        try? FileManager.default.removeItem(atPath: pdf)
        _ = try run(
            "/usr/bin/chromium", common + ["--print-to-pdf=\(pdf)", "--no-pdf-header-footer", "file://\(html)"])
        let printed = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(printed.starts(with: Array("%PDF".utf8)))
        #expect(Self.pageCount(printed) >= 2, "A4 pages in the PDF: \(Self.pageCount(printed))")
    }

    /// The page objects in a PDF: "/Type /Page", not "/Type /Pages".
    static func pageCount(_ pdf: Data) -> Int {
        let bytes = [UInt8](pdf)
        let type = Array("/Type".utf8)
        let page = Array("/Page".utf8)
        var count = 0
        var index = 0
        while index + type.count < bytes.count {
            if bytes[index..<index + type.count].elementsEqual(type) {
                var next = index + type.count
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D {
                    next += 1
                }
                if next + page.count < bytes.count, bytes[next..<next + page.count].elementsEqual(page),
                    bytes[next + page.count] != UInt8(ascii: "s")
                {
                    count += 1
                }
            }
            index += 1
        }
        return count
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
