/// A calibration exercise's result: per file, each auditor's grade and item answers against the
/// group's (the grade or answer most of them gave; none where the group is split evenly), and
/// across the files, how far the group agrees (Fleiss' κ and Krippendorff's α). Only submitted
/// scorings count. The use case behind `moderation calibration show`.
public struct CalibrationResult: Sendable, Hashable, Encodable {
    public struct Participant: Sendable, Hashable, Encodable {
        public var person: String
        public var grade: String
        public var sameGradeAsGroup: Bool
        /// Items they answered that the group answered one way, and how many of those they answered that way.
        public var itemsWithGroupAnswer: Int
        public var itemsAsGroup: Int
    }

    public struct Item: Sendable, Hashable, Encodable {
        public var item: String
        public var prompt: String
        public var groupAnswer: String?
        /// Participant → answer.
        public var answers: [String: String]
    }

    public struct File: Sendable, Hashable, Encodable {
        public var caseReference: String
        public var checklist: String
        public var version: String
        public var groupGrade: String?
        public var participants: [Participant]
        public var items: [Item]
        /// Who has not submitted a scoring of this file yet.
        public var waitingFor: [String]
        /// The viewer takes part and has not submitted their own scoring of this file: the
        /// others' are not shown to them until they have (blind, as a moderator is).
        public var yoursFirst: Bool = false
    }

    public var name: String
    public var participants: [String]
    public var files: [File]
    /// The grades across files and participants (nil with fewer than two files scored by two).
    public var agreement: AgreementAnalysis?

    /// The most frequent value, or nil when two or more tie at the top.
    static func majority(_ values: [String]) -> String? {
        let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
        guard let top = counts.values.max() else { return nil }
        let leaders = counts.filter { $0.value == top }
        return leaders.count == 1 ? leaders.first?.key : nil
    }

    /// The exercise as `viewer` may see it: a quality lead, all of it; a participant, each file's
    /// scorings once their own of it is submitted (until then, only that it waits for theirs);
    /// anyone else, nothing.
    public static func build(exercise name: String, for viewer: Caller, store: some CaseAuditStore) throws
        -> CalibrationResult
    {
        guard let exercise = try store.calibrationExercise(named: name) else { throw ModerationError.noExercise(name) }
        let me = viewer.role == .qualityLead ? nil : viewer.person?.id
        if viewer.role != .qualityLead {
            guard let me, exercise.participants.contains(me) else {
                throw ModerationError.notInExerciseAtAll(name, person: viewer.recordedAs)
            }
        }
        var files: [File] = []
        var scale: [String] = []
        var set: RatingSet?
        let checklists = try AuditOpening.checklists(hashes: Set(exercise.files.map(\.checklistHash)), store: store)
        for file in exercise.files {
            let scorings = exercise.scorings.filter { $0.original == file.original && $0.audit.submittedAt != nil }
            // The file with no scorings shown: none submitted yet, or the viewer's own not yet.
            func unscored(waitingFor: [String], yoursFirst: Bool = false) -> File {
                File(
                    caseReference: file.caseReference, checklist: file.checklistID,
                    version: checklists[file.checklistHash]?.version ?? "", groupGrade: nil, participants: [],
                    items: [], waitingFor: waitingFor, yoursFirst: yoursFirst)
            }
            if let me, !scorings.contains(where: { $0.person == me }) {
                files.append(unscored(waitingFor: [me], yoursFirst: true))
                continue
            }
            var records: [(String, AuditRecord)] = []
            for scoring in scorings {
                guard let record = try store.audit(id: scoring.audit.id) else {
                    throw AuditOpeningError.noAudit(scoring.audit.id)
                }
                records.append((scoring.person, record))
            }
            guard !records.isEmpty, let checklist = checklists[file.checklistHash] else {
                files.append(unscored(waitingFor: exercise.participants))
                continue
            }
            if set == nil {
                scale = checklist.grading.bands.map(\.grade)
                set = RatingSet(categories: scale)
            }
            let grades = records.compactMap { person, record in record.content.judgement.map { (person, $0.grade) } }
            for (person, grade) in grades where scale.contains(grade) {
                try? set?.add(file: file.caseReference, rater: person, rating: grade)
            }
            let groupGrade = majority(grades.map(\.1))
            let items = checklist.items.map { item -> Item in
                var answers: [String: String] = [:]
                for (person, record) in records {
                    if let answer = record.content.answers.first(where: { $0.itemID == item.id }) {
                        answers[person] = answer.value
                    }
                }
                return Item(
                    item: item.id, prompt: item.prompt, groupAnswer: majority(Array(answers.values)), answers: answers)
            }
            let participants = grades.map { person, grade -> Participant in
                let withGroup = items.filter { $0.groupAnswer != nil && $0.answers[person] != nil }
                return Participant(
                    person: person, grade: grade, sameGradeAsGroup: grade == groupGrade,
                    itemsWithGroupAnswer: withGroup.count,
                    itemsAsGroup: withGroup.count { $0.answers[person] == $0.groupAnswer })
            }.sorted { $0.person < $1.person }
            let done = Set(grades.map(\.0))
            files.append(
                File(
                    caseReference: file.caseReference, checklist: checklist.id, version: checklist.version,
                    groupGrade: groupGrade, participants: participants, items: items,
                    waitingFor: exercise.participants.filter { !done.contains($0) }))
        }
        return CalibrationResult(
            name: name, participants: exercise.participants, files: files,
            agreement: set.map { AgreementAnalysis($0) })
    }
}
