// Small C helpers for the runtime: the stack pointer and a big-stack thread runner.
#include "CSwirlSupport.h"
#include <pthread.h>

uintptr_t swirl_stack_pointer(void) {
    return (uintptr_t)__builtin_frame_address(0);
}

struct trampoline { void (*body)(void *); void *context; };

static void *run_trampoline(void *arg) {
    struct trampoline *t = (struct trampoline *)arg;
    t->body(t->context);
    return NULL;
}

int swirl_run_on_big_stack(size_t stack_size, void (*body)(void *), void *context) {
    pthread_attr_t attr;
    pthread_t thread;
    struct trampoline t = { body, context };
    int rc = pthread_attr_init(&attr);
    if (rc != 0) return rc;
    rc = pthread_attr_setstacksize(&attr, stack_size);
    if (rc == 0) rc = pthread_create(&thread, &attr, run_trampoline, &t);
    pthread_attr_destroy(&attr);
    if (rc != 0) return rc;
    return pthread_join(thread, NULL);
}

void swirl_flag_set(swirl_flag *flag) { __atomic_store_n(&flag->value, 1, __ATOMIC_SEQ_CST); }
void swirl_flag_clear(swirl_flag *flag) { __atomic_store_n(&flag->value, 0, __ATOMIC_SEQ_CST); }
int swirl_flag_get(swirl_flag *flag) { return __atomic_load_n(&flag->value, __ATOMIC_RELAXED); }
