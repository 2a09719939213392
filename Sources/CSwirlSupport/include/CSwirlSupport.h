// Small C helpers for the runtime: things Swift cannot express directly.
#ifndef CSWIRL_SUPPORT_H
#define CSWIRL_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// The current native stack pointer (approximately): used to stop deep recursion before
/// the thread's stack overflows.
uintptr_t swirl_stack_pointer(void);

/// Runs `body(context)` on a new thread with a stack of `stack_size` bytes and waits for it.
/// Returns 0 on success, or an errno value when the thread could not be created.
int swirl_run_on_big_stack(size_t stack_size, void (*body)(void *), void *context);



/// An atomic flag another thread (or a signal handler) sets to interrupt the interpreter.
typedef struct { volatile int value; } swirl_flag;
void swirl_flag_set(swirl_flag *flag);
void swirl_flag_clear(swirl_flag *flag);
int swirl_flag_get(swirl_flag *flag);

/// Makes SIGINT (Ctrl-C) set `flag` instead of killing the process.
void swirl_route_sigint(swirl_flag *flag);
#endif
