/* nwaudit's system calls alone: replays the file system calls one nwaudit run made, as
 * bench/syscall_ops.py wrote them down from strace, with nothing else between them. Its time is
 * what nwaudit's way of reading (confined to the root, a type check before each open) costs in
 * the kernel, beside the floor's plain open, read and close. Linux only (openat2).
 *
 *     replay OPS
 *
 * OPS holds one call a line, descriptors as the traced run numbered them:
 *     o DIR FLAGS FD NAME    openat          2 DIR FLAGS FD NAME    openat2, confined as nwaudit's
 *     s DIR FLAGS NAME       newfstatat      p FD SIZE OFFSET       pread64
 *     r FD SIZE              read            g FD                   getdents64
 *     c FD                   close
 * DIR -100 is AT_FDCWD. FD is the descriptor the call returned then, or -1.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "slurp.h"

enum { kMaxDescriptor = 1 << 16 };

struct call {
  char kind;
  int descriptor, flags, result;
  long size, offset;
  char *name;
};

static char buffer[1 << 20];
static int descriptors[kMaxDescriptor]; /* the traced run's number to this run's */

static int here(int traced) {
  if (traced == -100) return AT_FDCWD;
  return traced >= 0 && traced < kMaxDescriptor ? descriptors[traced] : -1;
}

static void remember(int traced, long descriptor) {
  if (traced >= 0 && traced < kMaxDescriptor) descriptors[traced] = (int)descriptor;
}

/* Reads the number at *text and moves past it and one space. */
static long number(char **text) {
  char *end;
  const long value = strtol(*text, &end, 10);
  *text = *end == ' ' ? end + 1 : end;
  return value;
}

/* One line, parsed in place: a name points into it. */
static int parse(char *line, struct call *call) {
  call->kind = line[0];
  if (line[1] != ' ') return 0;
  char *at = line + 2;
  call->descriptor = (int)number(&at);
  switch (call->kind) {
    case 'o':
    case '2':
      call->flags = (int)number(&at);
      call->result = (int)number(&at);
      call->name = at;
      return 1;
    case 's':
      call->flags = (int)number(&at);
      call->name = at;
      return 1;
    case 'p':
      call->size = number(&at);
      call->offset = number(&at);
      return 1;
    case 'r': call->size = number(&at); return 1;
    case 'g':
    case 'c': return 1;
    default: return 0;
  }
}

static void replay(const struct call *call) {
  struct stat status;
  const size_t size = (size_t)call->size < sizeof buffer ? (size_t)call->size : sizeof buffer;
  switch (call->kind) {
    case 'o': remember(call->result, openat(here(call->descriptor), call->name, call->flags)); break;
    case '2': {
      struct open_how how = {.flags = (unsigned)call->flags,
                             .resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS};
      remember(call->result, syscall(SYS_openat2, here(call->descriptor), call->name, &how, sizeof how));
      break;
    }
    case 's': fstatat(here(call->descriptor), call->name, &status, call->flags); break;
    case 'p': (void)!pread(here(call->descriptor), buffer, size, call->offset); break;
    case 'r': (void)!read(here(call->descriptor), buffer, size); break;
    case 'g': syscall(SYS_getdents64, here(call->descriptor), buffer, 32768); break;
    case 'c': close(here(call->descriptor)); break;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: replay OPS\n");
    return 2;
  }
  memset(descriptors, 0xff, sizeof descriptors); /* -1: not open */
  /* The whole list in memory first, then parsed in place, so that reading it costs little. */
  size_t size;
  char *text = slurp(argv[1], &size);
  if (text == NULL) {
    perror(argv[1]);
    return 2;
  }
  size_t lines = 0;
  for (size_t i = 0; i < size; ++i) lines += text[i] == '\n';
  struct call *calls = malloc((lines + 1) * sizeof *calls);
  if (calls == NULL) {
    fprintf(stderr, "replay: out of memory\n");
    return 2;
  }
  size_t count = 0;
  for (char *line = text; *line != '\0';) {
    char *end = strchr(line, '\n');
    if (end != NULL) *end = '\0';
    if (!parse(line, &calls[count])) {
      fprintf(stderr, "%s: cannot read the line \"%s\"\n", argv[1], line);
      return 2;
    }
    ++count;
    if (end == NULL) break;
    line = end + 1;
  }
  for (size_t i = 0; i < count; ++i) replay(&calls[i]);
  printf("%zu calls\n", count);
  return 0;
}
