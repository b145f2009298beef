import ChamberDoc
import Foundation

/// Converts one document at a time: a worker process (`WorkerProcess`) or this process.
protocol DocumentConverter: AnyObject {
    func convert(_ job: Convert.Job) -> Convert.Outcome
    /// Called once, after the last document; returns the peak resident memory of the
    /// processes it converted in, when they are not this one.
    func finish() -> Int?
}

/// Converts in this process (`convert --in-process`).
final class InProcessConverter: DocumentConverter {
    private let settings: Convert.Settings
    init(settings: Convert.Settings) { self.settings = settings }
    func convert(_ job: Convert.Job) -> Convert.Outcome { Convert.convert(job, settings: settings) }
    func finish() -> Int? { nil }
}

/// A batch being converted: `jobs` threads, each with its own converter, take the jobs one
/// at a time (so that a document is released before the next job is made) and hand back
/// outcomes, which are reported in input order as soon as all before them are in.
final class BatchRun: @unchecked Sendable {
    private let lock = NSLock()
    private var batch: Batch.Iterator
    private var made = 0
    private var waiting: [Int: Convert.Outcome] = [:]
    private var reported = 0

    // What the summary and `--timings` report; read once every thread is done.
    private(set) var count = 0
    private(set) var failed = 0
    private(set) var worst: Int32 = 0
    private(set) var timings = StageTimings()
    private(set) var inputBytes = 0
    private(set) var peakResidentBytes: Int?

    init(_ batch: Batch) { self.batch = batch.makeIterator() }

    /// Runs the batch to its end.
    func convert(jobs: Int, converter makeConverter: @escaping @Sendable () -> DocumentConverter) {
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<jobs {
            let thread = Thread { [self] in
                let converter = makeConverter()
                while let (index, job) = nextJob() { take(index, job.refused ?? converter.convert(job)) }
                let peak = converter.finish()
                lock.lock()
                if let peak { peakResidentBytes = max(peakResidentBytes ?? 0, peak) }
                lock.unlock()
                done.signal()
            }
            // In-process conversion recurses on deep documents; give it the main thread's stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<jobs { done.wait() }
    }

    private func nextJob() -> (Int, Convert.Job)? {
        lock.lock()
        defer { lock.unlock() }
        guard let job = batch.next() else { return nil }
        made += 1
        count = made
        return (made - 1, job)
    }

    private func take(_ index: Int, _ outcome: Convert.Outcome) {
        lock.lock()
        defer { lock.unlock() }
        waiting[index] = outcome
        while let outcome = waiting.removeValue(forKey: reported) {
            for message in outcome.messages { report(message) }
            if let xml = outcome.standardOutput { StandardOutput.shared.write(xml) }
            if let failure = outcome.failure {
                failed += 1
                worst = max(worst, failure)
            }
            timings.add(outcome.timings)
            inputBytes += outcome.inputBytes
            reported += 1
        }
    }
}
