#if canImport(Glibc)
    import CMalloc
#endif

/// How the server's process asks glibc's allocator to keep freed memory.
public enum MemoryAllocator {
    /// By default glibc gives the top of a heap back to the kernel as soon as 128 KiB there are free, and the
    /// next allocation faults the pages in again. SQLite's temporary tables (an `IN (SELECT …)` in the sales
    /// trigger) allocate and free a few hundred KiB on every paid order: the order's status update took
    /// 140 µs in a loop over a copy of a benchmark database, 26 µs once freed memory stays, and 141 → 69 µs of
    /// the server's database writer. A heap now keeps up to 4 MiB free at its top, and blocks under 1 MiB come
    /// from the heap rather than from a fresh `mmap` each time.
    public static func keepFreedMemoryForReuse() {
        #if canImport(Glibc)
            mallopt(M_MMAP_THRESHOLD, 1 << 20)
            mallopt(M_TRIM_THRESHOLD, 4 << 20)
        #endif
    }
}
