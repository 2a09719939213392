// Small C helpers for the runtime: big-stack threads, fibers, signals, the poller.
#include "CSwirlSupport.h"
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <errno.h>

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

#include <signal.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>

static swirl_flag *sigint_flag = 0;
/* The descriptor a SIGINT also writes to (a poller's wake-up), so that a loop blocked in
   its wait sees the flag even when the signal went to another thread or arrived just
   before the wait began. */
static volatile int sigint_wake_fd = -1;
static volatile int sigint_wake_bytes = 1;

static void on_sigint(int sig) {
    (void)sig;
    int saved = errno;
    if (sigint_flag) swirl_flag_set(sigint_flag);
    int fd = sigint_wake_fd;
    if (fd >= 0) {
        uint64_t one = 1;
        ssize_t r = write(fd, &one, (size_t)sigint_wake_bytes);
        (void)r;
    }
    errno = saved;
}

void swirl_route_sigint(swirl_flag *flag) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigint_flag = flag;
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

struct detached { void (*body)(void *); void *context; };

static void *run_detached(void *arg) {
    struct detached d = *(struct detached *)arg;
    free(arg);
    d.body(d.context);
    return NULL;
}

int swirl_spawn_detached(size_t stack_size, void (*body)(void *), void *context) {
    struct detached *d = malloc(sizeof *d);
    if (!d) return ENOMEM;
    d->body = body;
    d->context = context;
    pthread_attr_t attr;
    pthread_t thread;
    int rc = pthread_attr_init(&attr);
    if (rc != 0) { free(d); return rc; }
    rc = pthread_attr_setstacksize(&attr, stack_size);
    if (rc == 0) rc = pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, &old);   /* the new thread inherits the mask */
    if (rc == 0) rc = pthread_create(&thread, &attr, run_detached, d);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) free(d);
    return rc;
}

struct swirl_monitor { pthread_mutex_t mutex; pthread_cond_t cond; };

swirl_monitor *swirl_monitor_create(void) {
    swirl_monitor *m = malloc(sizeof *m);
    if (!m) return NULL;
    pthread_mutex_init(&m->mutex, NULL);
    pthread_cond_init(&m->cond, NULL);
    return m;
}

void swirl_monitor_destroy(swirl_monitor *m) {
    if (!m) return;
    pthread_cond_destroy(&m->cond);
    pthread_mutex_destroy(&m->mutex);
    free(m);
}

void swirl_monitor_lock(swirl_monitor *m) { pthread_mutex_lock(&m->mutex); }
void swirl_monitor_unlock(swirl_monitor *m) { pthread_mutex_unlock(&m->mutex); }
void swirl_monitor_wait(swirl_monitor *m) { pthread_cond_wait(&m->cond, &m->mutex); }
void swirl_monitor_broadcast(swirl_monitor *m) { pthread_cond_broadcast(&m->cond); }

/* ---- descriptor readiness ---- */
#include <unistd.h>
#include <fcntl.h>
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>

struct swirl_poller { int epfd; int wakefd; };

swirl_poller *swirl_poller_create(void) {
    swirl_poller *p = malloc(sizeof *p);
    if (!p) return NULL;
    p->epfd = epoll_create1(EPOLL_CLOEXEC);
    p->wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (p->epfd < 0 || p->wakefd < 0) {
        if (p->epfd >= 0) close(p->epfd);
        if (p->wakefd >= 0) close(p->wakefd);
        free(p);
        return NULL;
    }
    struct epoll_event ev = { .events = EPOLLIN, .data = { .fd = p->wakefd } };
    epoll_ctl(p->epfd, EPOLL_CTL_ADD, p->wakefd, &ev);
    return p;
}

void swirl_poller_destroy(swirl_poller *p) {
    if (!p) return;
    close(p->epfd);
    close(p->wakefd);
    free(p);
}

int swirl_poller_set(swirl_poller *p, int fd, int events) {
    struct epoll_event ev = { .events = 0, .data = { .fd = fd } };
    if (events & SWIRL_READABLE) ev.events |= EPOLLIN;
    if (events & SWIRL_WRITABLE) ev.events |= EPOLLOUT;
    if (events == 0) return epoll_ctl(p->epfd, EPOLL_CTL_DEL, fd, &ev) == 0 ? 0 : errno;
    if (epoll_ctl(p->epfd, EPOLL_CTL_MOD, fd, &ev) == 0) return 0;
    if (errno != ENOENT) return errno;
    return epoll_ctl(p->epfd, EPOLL_CTL_ADD, fd, &ev) == 0 ? 0 : errno;
}

int swirl_poller_wait(swirl_poller *p, int timeout_ms, int *fds, int *events, int max) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(p->epfd, evs, max, timeout_ms);
    int count = 0;
    for (int i = 0; i < n; i++) {
        if (evs[i].data.fd == p->wakefd) {
            uint64_t value;
            while (read(p->wakefd, &value, sizeof value) > 0) {}
            continue;
        }
        int e = 0;
        if (evs[i].events & EPOLLIN) e |= SWIRL_READABLE;
        if (evs[i].events & EPOLLOUT) e |= SWIRL_WRITABLE;
        if (evs[i].events & (EPOLLERR | EPOLLHUP)) e |= SWIRL_FAILED;
        fds[count] = evs[i].data.fd;
        events[count] = e;
        count++;
    }
    return count;
}

void swirl_poller_wakeup(swirl_poller *p) {
    uint64_t one = 1;
    ssize_t r = write(p->wakefd, &one, sizeof one);
    (void)r;
}

void swirl_sigint_wakes(swirl_poller *p) {
    sigint_wake_bytes = sizeof(uint64_t);
    sigint_wake_fd = p ? p->wakefd : -1;
}
#else
#include <poll.h>

/* The portable fallback: poll(2) over a table of watched descriptors plus a self-pipe. */
struct swirl_poller { int wake[2]; struct pollfd *fds; int count, capacity; };

swirl_poller *swirl_poller_create(void) {
    swirl_poller *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    if (pipe(p->wake) != 0) { free(p); return NULL; }
    for (int i = 0; i < 2; i++) {
        fcntl(p->wake[i], F_SETFL, fcntl(p->wake[i], F_GETFL) | O_NONBLOCK);
        fcntl(p->wake[i], F_SETFD, FD_CLOEXEC);
    }
    return p;
}

void swirl_poller_destroy(swirl_poller *p) {
    if (!p) return;
    close(p->wake[0]);
    close(p->wake[1]);
    free(p->fds);
    free(p);
}

int swirl_poller_set(swirl_poller *p, int fd, int events) {
    short want = (short)(((events & SWIRL_READABLE) ? POLLIN : 0) | ((events & SWIRL_WRITABLE) ? POLLOUT : 0));
    for (int i = 0; i < p->count; i++) {
        if (p->fds[i].fd != fd) continue;
        if (want == 0) p->fds[i] = p->fds[--p->count];
        else p->fds[i].events = want;
        return 0;
    }
    if (want == 0) return 0;
    if (p->count == p->capacity) {
        int capacity = p->capacity ? p->capacity * 2 : 16;
        struct pollfd *bigger = realloc(p->fds, (size_t)capacity * sizeof *bigger);
        if (!bigger) return ENOMEM;
        p->fds = bigger;
        p->capacity = capacity;
    }
    p->fds[p->count++] = (struct pollfd){ .fd = fd, .events = want, .revents = 0 };
    return 0;
}

int swirl_poller_wait(swirl_poller *p, int timeout_ms, int *fds, int *events, int max) {
    int total = p->count + 1;
    struct pollfd *all = malloc((size_t)total * sizeof *all);
    if (!all) return 0;
    all[0] = (struct pollfd){ .fd = p->wake[0], .events = POLLIN, .revents = 0 };
    for (int i = 0; i < p->count; i++) all[i + 1] = p->fds[i];
    int n = poll(all, (nfds_t)total, timeout_ms);
    int count = 0;
    if (n > 0) {
        if (all[0].revents) { char b[64]; while (read(p->wake[0], b, sizeof b) > 0) {} }
        for (int i = 1; i < total && count < max; i++) {
            if (!all[i].revents) continue;
            int e = 0;
            if (all[i].revents & POLLIN) e |= SWIRL_READABLE;
            if (all[i].revents & POLLOUT) e |= SWIRL_WRITABLE;
            if (all[i].revents & (POLLERR | POLLHUP | POLLNVAL)) e |= SWIRL_FAILED;
            fds[count] = all[i].fd;
            events[count] = e;
            count++;
        }
    }
    free(all);
    return count;
}

void swirl_poller_wakeup(swirl_poller *p) {
    char one = 1;
    ssize_t r = write(p->wake[1], &one, 1);
    (void)r;
}

void swirl_sigint_wakes(swirl_poller *p) {
    sigint_wake_bytes = 1;
    sigint_wake_fd = p ? p->wake[1] : -1;
}
#endif

/* ---- fibers: a second native stack on the same thread (ucontext) ---- */
#include <ucontext.h>
#include <sys/mman.h>
#include <stdint.h>

struct swirl_fiber {
    ucontext_t fiber_context;
    ucontext_t caller_context;
    void *memory;
    size_t memory_size;
    void (*body)(void *);
    void *context;
    int finished;
};

static void fiber_entry(unsigned int high, unsigned int low) {
    swirl_fiber *f = (swirl_fiber *)(((uintptr_t)high << 32) | (uintptr_t)low);
    f->body(f->context);
    f->finished = 1;
    swapcontext(&f->fiber_context, &f->caller_context);
}

swirl_fiber *swirl_fiber_create(size_t stack_size, void (*body)(void *), void *context) {
    swirl_fiber *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    stack_size = (stack_size + page - 1) / page * page;
    f->memory_size = stack_size + page;
    f->memory = mmap(NULL, f->memory_size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (f->memory == MAP_FAILED) { free(f); return NULL; }
    mprotect(f->memory, page, PROT_NONE);   /* guard page below the stack */
    f->body = body;
    f->context = context;
    if (getcontext(&f->fiber_context) != 0) { munmap(f->memory, f->memory_size); free(f); return NULL; }
    f->fiber_context.uc_stack.ss_sp = (char *)f->memory + page;
    f->fiber_context.uc_stack.ss_size = stack_size;
    f->fiber_context.uc_link = NULL;
    uintptr_t p = (uintptr_t)f;
    makecontext(&f->fiber_context, (void (*)(void))fiber_entry, 2,
                (unsigned int)(p >> 32), (unsigned int)(p & 0xffffffffu));
    return f;
}

int swirl_fiber_resume(swirl_fiber *f) {
    if (f->finished) return 1;
    swapcontext(&f->caller_context, &f->fiber_context);
    return f->finished;
}

void swirl_fiber_yield(swirl_fiber *f) {
    swapcontext(&f->fiber_context, &f->caller_context);
}

void swirl_fiber_destroy(swirl_fiber *f) {
    if (!f) return;
    munmap(f->memory, f->memory_size);
    free(f);
}
