import CaseAudit
import Foundation

/// Writes a report's files under a folder, making the sub-folders they need.
enum ReportFolder {
    static func write(_ files: [(path: String, text: String)], to folder: String) throws {
        for file in files {
            let path = "\(folder)/\(file.path)"
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
