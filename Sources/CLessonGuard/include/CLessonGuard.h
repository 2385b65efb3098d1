// The lesson process's guards, in C because they run in signal handlers: a bound on every file
// the process writes, and a record of the fatal signal that stops a lesson (with a stack
// overflow told apart), written to the results folder's progress.tsv before the Swift runtime
// prints its backtrace. LessonRunnerSupport's SnippetBoundary is the only caller.

#ifndef CLESSONGUARD_H
#define CLESSONGUARD_H

/// The exit status of a lesson process stopped because a file it wrote reached the limit
/// (an `overflow` record says which).
#define LESSON_GUARD_OVERFLOW_STATUS 3

/// Installs the guards; call once, on the thread that runs the lesson, before the first
/// snippet.
///
/// - Every file the process writes is limited to `max_file_bytes` bytes (RLIMIT_FSIZE): a write
///   past it fails, the process appends `overflow<TAB>I<TAB>WHAT` to `progress_fd` (WHAT is
///   `output`, `error` or `file`: standard output, standard error, or another file such as a
///   figure) and exits with LESSON_GUARD_OVERFLOW_STATUS.
/// - SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE and SIGABRT: the handler appends
///   `signal<TAB>I<TAB>NUMBER` (with `<TAB>stack-overflow` when a SIGSEGV or SIGBUS hit the
///   guard region below the lesson thread's stack), then runs the handler that was installed
///   before (the Swift runtime's, which prints a backtrace), then ends the process with the
///   signal, even when the signal was sent by `raise` or `kill` (the runtime's handler returns
///   and would let the program go on).
/// - A SIGILL sent by the parent process (the lessons tool, for a lesson past its time limit)
///   is a request for a backtrace: a copy of the process (fork) runs the runtime's handler,
///   which prints one, this process waits for it, appends `backtrace<TAB>I` and the lesson goes
///   on (the tool asks again when the interrupted instruction had no line, then kills it).
/// - Every inherited descriptor from 3 on is made close-on-exec, so no program the lesson
///   starts keeps the socket by which Foundation's `Process` sees the lesson end.
/// - The handlers run on an alternate signal stack of 256 KiB, so a stack overflow can be
///   handled.
/// - No signal stays blocked: a process started by Foundation's `Process` inherits the mask of
///   a Dispatch thread, which blocks SIGABRT and SIGXFSZ among others.
///
/// I is the snippet that is running (`lesson_guard_set_running`), empty between snippets.
/// Handlers only call async-signal-safe functions.
///
/// - Parameters:
///   - progress_fd: The open progress.tsv (appending).
///   - max_file_bytes: The limit on each file's size, in bytes; 0 for none.
/// - Returns: 0, or the errno of the call that failed.
int lesson_guard_install(int progress_fd, long long max_file_bytes);

/// Records which snippet runs (its index from 0), or -1 between snippets.
void lesson_guard_set_running(int snippet);

/// Prepares the process forked to run a snippet marked `fails`: the fatal signals get their
/// default action back (a trap ends the child at once, with no record in progress.tsv and no
/// backtrace; the runtime has printed its message already), and the child is killed when the
/// lesson process ends (PR_SET_PDEATHSIG), so a time-out leaves no process behind. The size
/// limit stays.
///
/// - Parameter parent: The lesson process's id (`getpid()` before the fork); the child exits
///   at once if it is no longer its parent.
void lesson_guard_enter_failing_child(int parent);

/// Prepares a process forked to run a checked exercise's answer or one of its checks: the
/// guards stop writing to progress.tsv (the process that waits for this one records how it
/// ended, in exercises.tsv), a fatal signal still gets the runtime's backtrace (which names the
/// answer's line) and then ends the process, SIGXFSZ gets its default action back (a write past
/// the size limit ends the process, with no `overflow` record), no core file is written, and
/// the process is killed when its parent ends (PR_SET_PDEATHSIG). The size limit stays.
///
/// - Parameter parent: The parent's id (`getpid()` before the fork); the child exits at once if
///   it is no longer its parent.
void lesson_guard_enter_exercise_child(int parent);

#endif
