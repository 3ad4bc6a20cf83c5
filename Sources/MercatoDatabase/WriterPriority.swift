#if os(Linux)
    import CThread
    import Glibc
#endif

/// The scheduling priority of the thread that runs the group commit's batches.
///
/// Every write of the checkout server waits in line for that one thread, and under load it shares two cores
/// with a dozen others that only answer requests and then wait for it. Measured with a busy-time counter, it
/// was busy 97 % of the time in the closed-loop benchmark while the cores were not: each time the scheduler
/// gave its core to another thread, the whole line waited. Running it at nice −10 lets it go first.
///
/// Raising a priority takes the right to (root, `CAP_SYS_NICE`, or a nice limit such as systemd's
/// `LimitNICE=-10`); without it the batches run at the usual priority.
enum WriterPriority {
    static let niceness: Int32 = -10

    /// Runs `body` at ``niceness`` if the process may raise its priority, then gives the thread its own back
    /// (the writer runs on a thread of a pool that other work shares).
    static func raised<T>(_ body: () throws -> T) rethrows -> T {
        #if os(Linux)
            let thread = id_t(mercato_thread_id())
            let which = __priority_which_t(PRIO_PROCESS.rawValue)
            // getpriority may return −1 as a value: errno tells a failure apart.
            errno = 0
            let own = getpriority(which, thread)
            guard errno == 0, own > niceness, setpriority(which, thread, niceness) == 0 else { return try body() }
            defer { setpriority(which, thread, own) }
        #endif
        return try body()
    }
}
