import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit

/// What is read of a file is what it held when it was opened, or a refusal: never half the old
/// file and half the new, nor a digest of other bytes than those read.
@Suite struct FileContentsTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    static let list = "Case Reference,Case Type\nC1,CIN\nC2,CP\n"

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func aFileLeftAloneIsReadWholeAndItsDigestIsOfThoseBytes() throws {
        let path = try folder.write("cases.csv", Self.list)
        let file = try FileContents.openText(path, limit: 1000)
        let read = try file.readLines(lineLimit: 100)
        #expect(read.bytes == Array(Self.list.utf8))
        #expect(read.lines == 4)
        #expect(try file.readAll() == Array(Self.list.utf8))
        #expect(file.isUnchanged())
        #expect(try ImportSource.sha256(of: file) == ImportSource.sha256(ofFile: path))
    }

    @Test func aFileWrittenToSinceItWasOpenedIsRefusedByEveryReader() throws {
        let path = try folder.write("cases.csv", Self.list)
        let file = try FileContents.openText(path, limit: 1000)
        try append("C3,LAC\n", to: path)
        #expect(!file.isUnchanged())
        #expect(throws: FileContents.Failure.changedWhileRead) { try file.readLines(lineLimit: 100) }
        #expect(throws: FileContents.Failure.changedWhileRead) { try file.readAll() }
        #expect(throws: FileContents.Failure.changedWhileRead) { try ImportSource.sha256(of: file) }

        let cut = try FileContents.openText(path, limit: 1000)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 10)
        try handle.close()
        #expect(throws: FileContents.Failure.changedWhileRead) { try cut.readAll() }
    }

    /// A new file put in its place (an export written elsewhere, then renamed over it) leaves
    /// the one opened as it was: that is what is read, whole, and what the digest is of.
    @Test func aFileReplacedByAnotherIsReadAsOpened() throws {
        let path = try folder.write("cases.csv", Self.list)
        let file = try FileContents.openText(path, limit: 1000)
        let newer = try folder.write("newer.csv", Self.list + "C3,LAC\n")
        try #require(rename(newer, path) == 0)
        #expect(file.isUnchanged())
        #expect(try file.readAll() == Array(Self.list.utf8))
        #expect(try ImportSource.sha256(of: file) != ImportSource.sha256(ofFile: path))
    }

    @Test func theRefusalSaysWhatHappenedAndThatNothingWasTaken() {
        let message = FileContents.Failure.changedWhileRead.message
        #expect(message.contains("changed while it was being read"))
        #expect(message.contains("nothing was taken from it"))
    }
}
