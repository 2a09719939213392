// Small C helpers for the runtime: the stack pointer and a big-stack thread runner.
#include "CSwirlSupport.h"
#include <pthread.h>
#include <signal.h>

uintptr_t swirl_stack_pointer(void) {
    return (uintptr_t)__builtin_frame_address(0);
}

struct trampoline { void (*body)(void *); void *context; };

static void *run_trampoline(void *arg) {
    struct trampoline *t = (struct trampoline *)arg;
    /* Ctrl-C goes to the thread running script code, so it interrupts a blocking sleep. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
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
    /* The waiting thread does not take SIGINT while the script thread runs. */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    if (rc == 0) rc = pthread_create(&thread, &attr, run_trampoline, &t);
    pthread_attr_destroy(&attr);
    if (rc == 0) rc = pthread_join(thread, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

void swirl_flag_set(swirl_flag *flag) { __atomic_store_n(&flag->value, 1, __ATOMIC_SEQ_CST); }
void swirl_flag_clear(swirl_flag *flag) { __atomic_store_n(&flag->value, 0, __ATOMIC_SEQ_CST); }
int swirl_flag_get(swirl_flag *flag) { return __atomic_load_n(&flag->value, __ATOMIC_RELAXED); }

#include <signal.h>
#include <string.h>

static swirl_flag *sigint_flag = 0;

static void on_sigint(int sig) {
    (void)sig;
    if (sigint_flag) swirl_flag_set(sigint_flag);
}

void swirl_route_sigint(swirl_flag *flag) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigint_flag = flag;
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}
