import Foundation

extension RandomAccessCollection where Index == Int {
    /// `map` on every core: the collection is cut into one contiguous chunk per core (times four, to even
    /// out uneven work) and the results come back in order.
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        let chunks = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else { return map(transform) }
        var results = [[T]](repeating: [], count: chunks)
        let size = (count + chunks - 1) / chunks
        // Each chunk writes only its own slot and reads shared values nobody changes meanwhile.
        nonisolated(unsafe) let elements = self
        nonisolated(unsafe) let transform = transform
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = elements.startIndex + chunk * size
                let end = Swift.min(start + size, elements.endIndex)
                slots[chunk] = start < end ? elements[start..<end].map(transform) : []
            }
        }
        return results.flatMap { $0 }
    }
}
