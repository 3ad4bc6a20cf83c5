#include <sys/resource.h>
#include <sys/types.h>
#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>

/* The calling thread's id (what setpriority takes to change one thread); Swift cannot call the variadic syscall. */
static inline pid_t mercato_thread_id(void) { return (pid_t)syscall(SYS_gettid); }
#endif
