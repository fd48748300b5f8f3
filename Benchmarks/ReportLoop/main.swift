// Issue 13's monthly summary inside one process: the store opened once, then the summary
// published RUNS times as `report monthly --format json` publishes it (its figures and the
// trail's head read in one snapshot, the JSON written, the "report published" event committed),
// each timed; the median and the range printed. DuckDB's figure is taken this way, inside a
// Python process already started and connected; the whole-process figure (hyperfine) adds
// starting the program, loading its libraries, parsing the arguments and connecting.
//
// usage: report-loop DATABASE MONTH RUNS FOLDER
import CaseAudit
import CaseAuditReports
import CaseAuditStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 5, let month = AuditMonth(arguments[2]), let runs = Int(arguments[3]), runs > 0 else {
    print("usage: report-loop DATABASE MONTH RUNS FOLDER")
    exit(2)
}
do {
    let store = try StoreFactory.open(arguments[1], creating: false)
    let caller = try Caller.current(in: store)
    let request = MonthlyPublication.Request(
        month: month, formats: [.json], folder: arguments[4], templates: "Reports/templates",
        suppression: Suppression())
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = clock.now
        _ = try MonthlyPublication.publish(request, by: caller, store: store, today: CalendarDate.today())
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    times.sort()
    let median =
        times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    print(String(format: "%.4f %.4f %.4f", median, times[0], times[times.count - 1]))
} catch let error as any ReportableError {
    print("report-loop: \(error.message)")
    exit(1)
}
