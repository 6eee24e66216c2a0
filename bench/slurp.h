/* A whole file in memory, for the benchmark's small C programs: its bytes with a '\0' after
 * them, and their count in *size; NULL when it cannot be opened or memory runs out. */
#ifndef NWAUDIT_BENCH_SLURP_H
#define NWAUDIT_BENCH_SLURP_H

#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path, size_t *size) {
  FILE *file = fopen(path, "r");
  if (file == NULL) return NULL;
  size_t capacity = 1 << 16;
  char *text = malloc(capacity + 1);
  size_t got;
  *size = 0;
  while (text != NULL && (got = fread(text + *size, 1, capacity - *size, file)) > 0) {
    *size += got;
    if (*size == capacity) {
      char *bigger = realloc(text, (capacity *= 2) + 1);
      if (bigger == NULL) free(text);
      text = bigger;
    }
  }
  fclose(file);
  if (text != NULL) text[*size] = '\0';
  return text;
}

#endif
