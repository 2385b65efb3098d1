// See include/CLessonGuard.h. Everything a handler touches is set up by
// lesson_guard_install before the handlers exist; handlers call only async-signal-safe
// functions (write, fstat, sigaction, raise, _exit, syscall).

#define _GNU_SOURCE
#include "CLessonGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static int progress = -1;
static long long file_limit = 0;
static volatile sig_atomic_t running = -1;
static volatile sig_atomic_t recorded = 0;
static uintptr_t stack_low = 0;
static pid_t lesson_thread = 0;
static struct sigaction previous[NSIG];
static struct sigaction guard_action;

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
#define FATAL_SIGNAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])

/// How far below the lowest address of the lesson thread's stack a fault still counts as a
/// stack overflow: the kernel keeps a gap of 256 pages (1 MiB) below a growing stack, and a
/// frame may step over part of it.
static const uintptr_t guard_below = (uintptr_t)2 << 20;
/// How far above the lowest address a stack pointer counts as exhausted.
static const uintptr_t guard_above = (uintptr_t)64 << 10;

/// Appends `value` in decimal to `buffer` at `*length`.
static void append_number(char *buffer, size_t *length, long value) {
  char digits[24];
  int count = 0;
  unsigned long magnitude = value < 0 ? (unsigned long)-value : (unsigned long)value;
  do {
    digits[count++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (value < 0) buffer[(*length)++] = '-';
  while (count > 0) buffer[(*length)++] = digits[--count];
}

static void append_text(char *buffer, size_t *length, const char *text) {
  size_t count = strlen(text);
  memcpy(buffer + *length, text, count);
  *length += count;
}

/// Appends `KIND<TAB>I<TAB>DETAIL[<TAB>EXTRA]\n` (`KIND<TAB>I\n` when `kind` is
/// `backtrace`) to progress.tsv in one write.
static void record(const char *kind, long detail, const char *detail_text, const char *extra) {
  char line[128];
  size_t length = 0;
  append_text(line, &length, kind);
  line[length++] = '\t';
  if (running >= 0) append_number(line, &length, running);
  if (strcmp(kind, "backtrace") != 0) {
    line[length++] = '\t';
    if (detail_text) {
      append_text(line, &length, detail_text);
    } else {
      append_number(line, &length, detail);
    }
  }
  if (extra) {
    line[length++] = '\t';
    append_text(line, &length, extra);
  }
  line[length++] = '\n';
  ssize_t written;
  do {
    written = write(progress, line, length);
  } while (written < 0 && errno == EINTR);
}

/// Whether a fault of the lesson thread lies in or near the guard region below its stack.
static int is_stack_overflow(const siginfo_t *info, const void *context) {
  if (stack_low == 0 || (pid_t)syscall(SYS_gettid) != lesson_thread) return 0;
  uintptr_t address = (uintptr_t)info->si_addr;
  uintptr_t pointer = 0;
  const ucontext_t *machine = (const ucontext_t *)context;
#if defined(__x86_64__)
  if (machine) pointer = (uintptr_t)machine->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
  if (machine) pointer = (uintptr_t)machine->uc_mcontext.sp;
#endif
  uintptr_t lowest = stack_low > guard_below ? stack_low - guard_below : 0;
  int address_near = address >= lowest && address < stack_low + guard_above;
  int pointer_near = pointer != 0 && pointer >= lowest && pointer < stack_low + guard_above;
  return address_near || pointer_near;
}

static void reset_to_default(int signal_number) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal_number, &action, NULL);
}

/// Whether `previous` is a handler that can be called.
static int is_handler(const struct sigaction *previous_action) {
  if (previous_action->sa_flags & SA_SIGINFO) return previous_action->sa_sigaction != NULL;
  return previous_action->sa_handler != SIG_DFL && previous_action->sa_handler != SIG_IGN;
}

static void call_previous(int signal_number, siginfo_t *info, void *context) {
  struct sigaction before = previous[signal_number];
  if (before.sa_flags & SA_SIGINFO) {
    if (before.sa_sigaction) before.sa_sigaction(signal_number, info, context);
  } else if (before.sa_handler != SIG_DFL && before.sa_handler != SIG_IGN) {
    before.sa_handler(signal_number);
  }
}

/// Installs `guard_action` for every fatal signal.
static int install_fatal_handlers(void);

/// A copy of this process, made in a signal handler: `_Fork` runs no `atfork` handlers, so
/// it is async-signal-safe.
static pid_t fork_in_handler(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  return _Fork();
#else
  return fork();
#endif
}

/// Prints a backtrace of the interrupted lesson thread without stopping the lesson: a copy of
/// the process (fork) runs the runtime's handler on the same stack and memory and exits; this
/// process waits for it, then goes on. The runtime's handler is meant to run once per
/// process (it removes the handlers, and its memory server's stack is static), so it never
/// runs in the lesson process itself here.
static void print_backtrace_in_copy(int signal_number, siginfo_t *info, void *context) {
  pid_t parent = getpid();
  pid_t child = fork_in_handler();
  if (child == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(0);
    call_previous(signal_number, info, context);
    _exit(0);
  }
  if (child > 0) {
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

static void on_fatal_signal(int signal_number, siginfo_t *info, void *context) {
  int saved = errno;
  if (signal_number == SIGILL && info && info->si_code == SI_USER && info->si_pid == getppid()
      && is_handler(&previous[SIGILL])) {
    // The lessons tool asks where a lesson that ran past its time limit is: a copy of the
    // process prints a backtrace, then the lesson goes on until the tool kills it or asks
    // again (the interrupted instruction may have no line in the debug information; another
    // sample will).
    print_backtrace_in_copy(signal_number, info, context);
    record("backtrace", 0, NULL, NULL);
    errno = saved;
    return;
  }
  if (!__atomic_exchange_n(&recorded, 1, __ATOMIC_SEQ_CST)) {
    int overflow =
      (signal_number == SIGSEGV || signal_number == SIGBUS) && is_stack_overflow(info, context);
    record("signal", signal_number, NULL, overflow ? "stack-overflow" : NULL);
  }
  call_previous(signal_number, info, context);
  // The runtime's handler returns once the backtrace is printed. A fault would then happen
  // again, but a signal sent by raise or kill would not: end the process with it either way.
  reset_to_default(signal_number);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, signal_number);
  pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
  raise(signal_number);
  errno = saved;
}

static void on_file_too_large(int signal_number, siginfo_t *info, void *context) {
  (void)signal_number;
  (void)info;
  (void)context;
  struct stat status;
  const char *what = "file";
  if (fstat(STDOUT_FILENO, &status) == 0 && status.st_size >= file_limit) {
    what = "output";
  } else if (fstat(STDERR_FILENO, &status) == 0 && status.st_size >= file_limit) {
    what = "error";
  }
  if (!__atomic_exchange_n(&recorded, 1, __ATOMIC_SEQ_CST)) record("overflow", 0, what, NULL);
  _exit(LESSON_GUARD_OVERFLOW_STATUS);
}

static int install_fatal_handlers(void) {
  for (size_t index = 0; index < FATAL_SIGNAL_COUNT; index++) {
    if (sigaction(fatal_signals[index], &guard_action, NULL) != 0) return -1;
  }
  return 0;
}

void lesson_guard_set_running(int snippet) { running = snippet; }

void lesson_guard_enter_failing_child(int parent) {
  for (size_t index = 0; index < FATAL_SIGNAL_COUNT; index++) {
    reset_to_default(fatal_signals[index]);
  }
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  // The lesson process may have ended before the line above: then nobody waits for us.
  if (getppid() != (pid_t)parent) _exit(1);
}

void lesson_guard_enter_exercise_child(int parent) {
  progress = -1;  // record() then writes nowhere
  reset_to_default(SIGXFSZ);
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != (pid_t)parent) _exit(1);
}

/// Marks every inherited descriptor from 3 on close-on-exec. Foundation's `Process` learns that
/// a child ended when every copy of a socket it passes down is closed; a program the lesson
/// starts (the runtime's `swift-backtrace`, a subprocess) must not keep it open, or the tool
/// would wait for that program too.
static void close_inherited_descriptors_on_exec(void) {
  long limit = sysconf(_SC_OPEN_MAX);
  if (limit < 0 || limit > 65536) limit = 65536;
  for (int descriptor = 3; descriptor < limit; descriptor++) {
    int flags = fcntl(descriptor, F_GETFD);
    if (flags >= 0) fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC);
  }
}

int lesson_guard_install(int progress_fd, long long max_file_bytes) {
  close_inherited_descriptors_on_exec();
  // A process started by Foundation's Process inherits the signal mask of the thread that
  // started it, and Dispatch's threads block SIGABRT, SIGXFSZ and others: a blocked SIGXFSZ
  // would never stop a snippet at the size limit, and `raise(SIGABRT)` would go unnoticed.
  sigset_t none;
  sigemptyset(&none);
  if (sigprocmask(SIG_SETMASK, &none, NULL) != 0) return errno;

  progress = progress_fd;
  file_limit = max_file_bytes;
  lesson_thread = (pid_t)syscall(SYS_gettid);

  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
    void *address = NULL;
    size_t size = 0;
    if (pthread_attr_getstack(&attributes, &address, &size) == 0) {
      stack_low = (uintptr_t)address;
    }
    pthread_attr_destroy(&attributes);
  }

  // A larger alternate stack than the runtime's (SIGSTKSZ + 16 KiB): our handler runs first,
  // then the runtime's on the same stack.
  stack_t alternate;
  memset(&alternate, 0, sizeof alternate);
  alternate.ss_size = 256 << 10;
  alternate.ss_sp =
    mmap(NULL, alternate.ss_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (alternate.ss_sp == MAP_FAILED) return errno;
  if (sigaltstack(&alternate, NULL) != 0) return errno;

  memset(&guard_action, 0, sizeof guard_action);
  sigfillset(&guard_action.sa_mask);
  for (size_t index = 0; index < FATAL_SIGNAL_COUNT; index++) {
    sigdelset(&guard_action.sa_mask, fatal_signals[index]);
  }
  guard_action.sa_flags = SA_ONSTACK | SA_SIGINFO | SA_NODEFER;
  guard_action.sa_sigaction = on_fatal_signal;
  for (size_t index = 0; index < FATAL_SIGNAL_COUNT; index++) {
    int number = fatal_signals[index];
    if (sigaction(number, NULL, &previous[number]) != 0) return errno;
  }
  if (install_fatal_handlers() != 0) return errno;

  if (max_file_bytes > 0) {
    struct sigaction too_large;
    memset(&too_large, 0, sizeof too_large);
    sigfillset(&too_large.sa_mask);
    too_large.sa_flags = SA_ONSTACK | SA_SIGINFO;
    too_large.sa_sigaction = on_file_too_large;
    if (sigaction(SIGXFSZ, &too_large, NULL) != 0) return errno;
    struct rlimit limit = {(rlim_t)max_file_bytes, (rlim_t)max_file_bytes};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return errno;
  }
  return 0;
}
