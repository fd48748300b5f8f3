/// `log verify`: recomputes the whole chain, checks every signed checkpoint in it, and any
/// head known from outside it (checkpoint files, the head this machine remembers).
public enum TrailVerification {
    public struct Report: Sendable, Hashable {
        public var verdict: TrailVerdict
        /// The checkpoints the trail holds, and those given as files, each checked.
        public var checkpoints: [CheckedCheckpoint]
        /// The problems that make the trail untrustworthy, first the chain's own.
        public var problems: [String]

        public var isIntact: Bool { problems.isEmpty }
    }

    public struct CheckedCheckpoint: Sendable, Hashable {
        public var checkpoint: TrailCheckpoint
        /// Where it came from: "event N" of the trail, or a file's path.
        public var source: String
        public var problem: String?
    }

    /// Verifies `store`'s trail. `files` are checkpoints kept outside the database; with
    /// `trustedKeys`, a checkpoint signed by any other key is a problem; `remembered` is the
    /// head this machine last saw.
    public static func run(
        _ store: some CaseAuditStore, by caller: Caller, files: [(path: String, checkpoint: TrailCheckpoint)] = [],
        trustedKeys: Set<String> = [], remembered: TrailHead? = nil
    ) throws -> Report {
        guard try store.readsWholeTrail() else { throw TrailAccessError.notAQualityLead(caller.identity) }
        var known: [Int64: String] = [:]
        for file in files { known[file.checkpoint.head.seq] = file.checkpoint.head.hash }
        if let remembered, remembered.seq > 0, known[remembered.seq] == nil { known[remembered.seq] = remembered.hash }
        let (verifier, checkpointed) = try verify(store, known: known)
        let verdict = verifier.finish()
        // The checkpoints among the events found good, read whole now.
        let inTrail =
            try checkpointed.isEmpty
            ? []
            : store.trailEvents(TrailFilter(actions: [.checkpointSigned])).filter {
                checkpointed.contains($0.seq) && $0.seq <= verifier.count
            }.compactMap { event in TrailCheckpoint(event: event).map { (seq: event.seq, checkpoint: $0) } }
        var problems: [String] = []
        if case .broken(let broken, _) = verdict {
            var message = broken.message
            let knownElsewhere: Bool
            switch broken.problem {
            case .differsFromKnownHead, .truncated: knownElsewhere = true
            default: knownElsewhere = false
            }
            if knownElsewhere, let file = files.first(where: { $0.checkpoint.head.seq == broken.seq }) {
                message += " (checkpoint \(file.path), signed by \(file.checkpoint.signer))"
            } else if knownElsewhere {
                message += " (the head this machine remembers)"
            }
            problems.append(message)
        }
        var checked: [CheckedCheckpoint] = []
        for (seq, checkpoint) in inTrail {
            checked.append(
                try check(checkpoint, source: "event \(seq)", store: store, trustedKeys: trustedKeys))
        }
        for file in files {
            checked.append(try check(file.checkpoint, source: file.path, store: store, trustedKeys: trustedKeys))
        }
        problems += checked.compactMap { entry in entry.problem.map { "checkpoint at \(entry.source): \($0)" } }
        return Report(verdict: verdict, checkpoints: checked, problems: problems)
    }

    /// The chain checked in one pass, or, where the store can read two parts at once, in two
    /// halves on two cores, joined.
    private static func verify(_ store: some CaseAuditStore, known: [Int64: String]) throws -> (
        TrailVerifier, Set<Int64>
    ) {
        let end = try store.trailHead()?.seq ?? 0
        guard store.scansTrailInParallel, end >= 100_000 else {
            var verifier = TrailVerifier(expecting: known)
            var checkpointed: Set<Int64> = []
            try store.scanTrailCanonical(from: 1, through: nil) { event in
                if event.isCheckpoint { checkpointed.insert(event.seq) }
                return verifier.check(event)
            }
            return (verifier, checkpointed)
        }
        let middle = end / 2
        let later = BackgroundWork { () -> Result<(TrailVerifier, Set<Int64>), StoreError> in
            var verifier = TrailVerifier(after: middle, expecting: known)
            var checkpointed: Set<Int64> = []
            do throws(StoreError) {
                try store.scanTrailCanonical(from: middle + 1, through: nil) { event in
                    if event.isCheckpoint { checkpointed.insert(event.seq) }
                    return verifier.check(event)
                }
            } catch {
                return .failure(error)
            }
            return .success((verifier, checkpointed))
        }
        var first = TrailVerifier(expecting: known)
        var checkpointed: Set<Int64> = []
        let scanned = Result { () throws(StoreError) in
            try store.scanTrailCanonical(from: 1, through: middle) { event in
                if event.isCheckpoint { checkpointed.insert(event.seq) }
                return first.check(event)
            }
        }
        let (second, laterCheckpoints) = try later.wait().get()
        try scanned.get()
        return (first.joined(with: second), checkpointed.union(laterCheckpoints))
    }

    private static func check(
        _ checkpoint: TrailCheckpoint, source: String, store: some CaseAuditStore, trustedKeys: Set<String>
    ) throws -> CheckedCheckpoint {
        var problem: String?
        if !checkpoint.signatureIsValid {
            problem = "its signature is not \(checkpoint.signer)'s over event \(checkpoint.head.seq)"
        } else if !trustedKeys.isEmpty && !trustedKeys.contains(checkpoint.publicKey) {
            problem = "it is signed with a key that is not one of the trusted keys"
        } else if let now = try store.trailHash(at: checkpoint.head.seq) {
            if now != checkpoint.head.hash {
                problem =
                    "event \(checkpoint.head.seq) has sha256 \(now), not the \(checkpoint.head.hash) \(checkpoint.signer) signed: the trail was rebuilt"
            }
        } else {
            problem =
                "the trail has no event \(checkpoint.head.seq), which \(checkpoint.signer) signed: events were cut off"
        }
        return CheckedCheckpoint(checkpoint: checkpoint, source: source, problem: problem)
    }
}

/// `log checkpoint`: a quality lead signs the trail's head with their key; the checkpoint is
/// appended to the trail, and returned for them to keep elsewhere too.
public enum TrailCheckpointing {
    public static func sign(_ store: some CaseAuditStore, by caller: Caller, key: TrailSigningKey) throws
        -> TrailCheckpoint
    {
        guard try store.readsWholeTrail() else { throw TrailAccessError.notAQualityLead(caller.identity) }
        guard let head = try store.trailHead() else { throw TrailAccessError.emptyTrail }
        let checkpoint = try TrailCheckpoint.sign(head, signer: caller.recordedAs, with: key)
        try store.appendEvent(.checkpointSigned(checkpoint))
        return checkpoint
    }
}

public enum TrailAccessError: ReportableError, Hashable {
    case notAQualityLead(SessionIdentity)
    case emptyTrail

    public var message: String {
        switch self {
        case .notAQualityLead(let identity):
            "you are '\(identity.login)' and not a quality lead: only a quality lead reads the whole trail, so only a quality lead verifies or signs it"
        case .emptyTrail: "the trail is empty: there is nothing to sign yet"
        }
    }
}
