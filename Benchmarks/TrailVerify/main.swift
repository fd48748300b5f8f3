// Issue 14's verify benchmark, its data: `trail-verify fill DATABASE N` appends N answer
// events (as a day of scoring writes them) to a new SQLite store, through the store's own
// append path, in transactions of 100,000; `trail-verify canonical DATABASE FILE` writes the
// bytes `log verify` hashes (each event's previous hash, then its canonical bytes) to FILE, for
// sha256sum to hash the same bytes.
//
// usage: trail-verify fill DATABASE N | trail-verify canonical DATABASE FILE
import CaseAudit
@_spi(Benchmarks) import CaseAuditStore

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    print("usage: trail-verify fill DATABASE N | trail-verify canonical DATABASE FILE")
    exit(2)
}
do {
    switch arguments[1] {
    case "fill":
        let count = Int(arguments[3]) ?? 0
        let store = try SQLiteStore(path: arguments[2])
        var written = 0
        while written < count {
            let batch = min(100_000, count - written)
            var entries: [TrailEntry] = []
            entries.reserveCapacity(batch)
            for index in written..<written + batch {
                let item = "item-\(index % 12)"
                let note: String? = index % 4 == 0 ? "Seen at school on \(index % 28 + 1) November, not at home." : nil
                let answer = ItemAnswer(itemID: item, value: index % 3 == 0 ? "partly" : "yes", note: note)
                let old: ItemAnswer? = index % 5 == 0 ? ItemAnswer(itemID: item, value: "no") : nil
                let audit = AuditID(Int64(index / 12 + 1))
                entries.append(.answerRecorded(answer, replacing: old, audit: audit, onBehalfOf: nil))
            }
            try store.appendEvents(entries)
            written += batch
        }
        print("appended \(written) events to \(arguments[2])")
    case "canonical":
        let store = try SQLiteStore(path: arguments[2])
        let descriptor = open(arguments[3], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot write \(arguments[3])") }
        var bytes: [UInt8] = []
        var total = 0
        try store.scanTrail(from: 1) { events in
            bytes.removeAll(keepingCapacity: true)
            for event in events {
                bytes.append(contentsOf: HexBytes.decode(event.prevHash) ?? [])
                TrailCanonical.append(of: event, to: &bytes)
            }
            total += bytes.count
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            return true
        }
        close(descriptor)
        print("wrote \(total) bytes to \(arguments[3])")
    default:
        print("usage: trail-verify fill DATABASE N | trail-verify canonical DATABASE FILE")
        exit(2)
    }
} catch {
    print("trail-verify: \(error)")
    exit(1)
}
