import Foundation
import MercatoSite

/// A one-line progress display that redraws itself on a terminal and stays silent otherwise.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastDraw = DispatchTime(uptimeNanoseconds: 0)

    func update(_ progress: BuildProgress) {
        guard enabled else { return }
        lock.withLock {
            let now = DispatchTime.now()
            guard progress.completed == progress.total || now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 100_000_000
            else { return }
            lastDraw = now
            let percent = progress.total == 0 ? 100 : progress.completed * 100 / progress.total
            FileHandle.standardError.write(
                Data("\r[\(progress.stageNumber)/4] \(progress.stage.rawValue) \(progress.completed)/\(progress.total) (\(percent)%)\u{1B}[K".utf8))
        }
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
