import Dispatch
import Synchronization

/// Runs one piece of work on another core while the caller does something else.
public final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// Blocks until the work has finished and returns what it produced.
    public func wait() -> Value {
        done.wait()
        done.signal()  // Let a second wait() return too.
        // The semaphore is signalled only after the value is stored.
        guard let value = result.withLock({ $0 }) else {
            preconditionFailure("background work signalled without a value")
        }
        return value
    }
}
