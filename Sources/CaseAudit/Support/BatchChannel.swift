import Dispatch
import Synchronization

/// Hands batches from one thread to another, at most `capacity` waiting, so that reading a file
/// and writing it to the database overlap. The sender ends with `finish()` or `fail(_:)`; the
/// receiver sees the batches, then nil, or the failure.
package final class BatchChannel<Batch: Sendable, Failure: Error & Sendable>: Sendable {
    private struct State {
        var queue: [Batch] = []
        var finished = false
        var failure: Failure?
    }

    private let state = Mutex(State())
    private let items = DispatchSemaphore(value: 0)
    private let spaces: DispatchSemaphore

    package init(capacity: Int = 4) {
        spaces = DispatchSemaphore(value: capacity)
    }

    package func send(_ batch: Batch) {
        spaces.wait()
        state.withLock { $0.queue.append(batch) }
        items.signal()
    }

    package func finish() {
        state.withLock { $0.finished = true }
        items.signal()
    }

    package func fail(_ failure: Failure) {
        state.withLock {
            $0.failure = failure
            $0.finished = true
        }
        items.signal()
    }

    /// The next batch; nil once the sender has finished; throws the sender's failure.
    package func receive() throws(Failure) -> Batch? {
        while true {
            items.wait()
            let next: Result<Batch?, Failure>? = state.withLock { state in
                if !state.queue.isEmpty { return .success(state.queue.removeFirst()) }
                if let failure = state.failure { return .failure(failure) }
                if state.finished { return .success(nil) }
                return nil
            }
            switch next {
            case .some(.success(let batch)):
                if batch != nil { spaces.signal() } else { items.signal() }  // let later calls see the end too
                return batch
            case .some(.failure(let failure)):
                items.signal()
                throw failure
            case .none:
                continue
            }
        }
    }
}
