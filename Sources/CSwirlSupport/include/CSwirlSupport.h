// Small C helpers for the runtime: things Swift cannot express directly.
#ifndef CSWIRL_SUPPORT_H
#define CSWIRL_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// The current native stack pointer (approximately): used to stop deep recursion before
/// the thread's stack overflows. Inline: hot paths check it on every nested step.
static inline uintptr_t swirl_stack_pointer(void) { return (uintptr_t)__builtin_frame_address(0); }

/// Runs `body(context)` on a new thread with a stack of `stack_size` bytes and waits for it.
/// Returns 0 on success, or an errno value when the thread could not be created.
int swirl_run_on_big_stack(size_t stack_size, void (*body)(void *), void *context);



/// An atomic flag another thread (or a signal handler) sets to interrupt the interpreter.
typedef struct { volatile int value; } swirl_flag;
void swirl_flag_set(swirl_flag *flag);
void swirl_flag_clear(swirl_flag *flag);
/// Inline: the interpreter reads the flag on every loop back-edge.
static inline int swirl_flag_get(swirl_flag *flag) { return __atomic_load_n(&flag->value, __ATOMIC_RELAXED); }

/// Makes SIGINT (Ctrl-C) set `flag` instead of killing the process.
void swirl_route_sigint(swirl_flag *flag);

/// Starts `body(context)` on a new detached thread with a stack of `stack_size` bytes and
/// SIGINT blocked (Ctrl-C stays with the script thread). Returns 0 or an errno value.
int swirl_spawn_detached(size_t stack_size, void (*body)(void *), void *context);

/// A mutex with one condition variable: the hand-off between the loop thread and worker
/// threads waits on it.
typedef struct swirl_monitor swirl_monitor;
swirl_monitor *swirl_monitor_create(void);
void swirl_monitor_destroy(swirl_monitor *monitor);
void swirl_monitor_lock(swirl_monitor *monitor);
void swirl_monitor_unlock(swirl_monitor *monitor);
/// Waits for a broadcast; the caller holds the lock and re-checks its condition.
void swirl_monitor_wait(swirl_monitor *monitor);
void swirl_monitor_broadcast(swirl_monitor *monitor);

/// A fiber: `body(context)` on its own native stack, on the thread that resumes it.
/// `resume` runs it until it yields or finishes (returns 1 once finished); `yield` (called
/// inside the fiber) returns to the resumer. The stack has a guard page below it.
typedef struct swirl_fiber swirl_fiber;
swirl_fiber *swirl_fiber_create(size_t stack_size, void (*body)(void *), void *context);
int swirl_fiber_resume(swirl_fiber *fiber);
void swirl_fiber_yield(swirl_fiber *fiber);
void swirl_fiber_destroy(swirl_fiber *fiber);

/// Descriptor readiness (epoll on Linux, poll(2) elsewhere), wrapped so Swift never sees
/// the packed `epoll_event`. Events are SWIRL_READABLE / SWIRL_WRITABLE / SWIRL_FAILED bits.
enum { SWIRL_READABLE = 1, SWIRL_WRITABLE = 2, SWIRL_FAILED = 4 };
typedef struct swirl_poller swirl_poller;
/// A poller with its wake-up descriptor registered; NULL when the system refuses.
swirl_poller *swirl_poller_create(void);
void swirl_poller_destroy(swirl_poller *poller);
/// Sets what `fd` is watched for (0 removes it). Returns 0 or an errno value.
int swirl_poller_set(swirl_poller *poller, int fd, int events);
/// Waits up to `timeout_ms` (-1: no limit); fills `fds`/`events` with up to `max` ready
/// descriptors and returns their count (0 on timeout, wake-up or signal).
int swirl_poller_wait(swirl_poller *poller, int timeout_ms, int *fds, int *events, int max);
/// Ends a current or the next wait; safe from any thread.
void swirl_poller_wakeup(swirl_poller *poller);
/// Makes SIGINT (once routed with `swirl_route_sigint`) also wake `poller`'s wait; NULL stops it.
void swirl_sigint_wakes(swirl_poller *poller);
#endif
