// LD_PRELOAD shim for the promotion kill tests: counts the process's renames and SIGKILLs the process
// just before rename number RENAME_KILL_AT (1-based), so that rename and everything after it never happen.
// With RENAME_LOG set, every rename is appended there as "from -> to" (to learn how many renames a run does).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int renames;

static void before_rename(const char *from, const char *to)
{
    const char *log = getenv("RENAME_LOG");
    if (log != NULL)
    {
        FILE *file = fopen(log, "a");
        if (file != NULL)
        {
            fprintf(file, "%s -> %s\n", from, to);
            fclose(file);
        }
    }

    const char *kill_at = getenv("RENAME_KILL_AT");
    if (kill_at != NULL && __atomic_add_fetch(&renames, 1, __ATOMIC_SEQ_CST) == atoi(kill_at))
    {
        kill(getpid(), SIGKILL);
    }
}

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (real == NULL)
    {
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    }

    before_rename(from, to);
    return real(from, to);
}

int renameat(int from_dir, const char *from, int to_dir, const char *to)
{
    static int (*real)(int, const char *, int, const char *);
    if (real == NULL)
    {
        real = (int (*)(int, const char *, int, const char *))dlsym(RTLD_NEXT, "renameat");
    }

    before_rename(from, to);
    return real(from_dir, from, to_dir, to);
}

int renameat2(int from_dir, const char *from, int to_dir, const char *to, unsigned int flags)
{
    static int (*real)(int, const char *, int, const char *, unsigned int);
    if (real == NULL)
    {
        real = (int (*)(int, const char *, int, const char *, unsigned int))dlsym(RTLD_NEXT, "renameat2");
    }

    before_rename(from, to);
    return real(from_dir, from, to_dir, to, flags);
}
