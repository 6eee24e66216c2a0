/* The floor: what reading a Mac costs at the least. Opens, reads and closes each file named in
 * LIST (one path a line, as the benchmark takes them from nwaudit's coverage), into one reused
 * buffer, and prints how many files and bytes it read.
 *
 *     floor LIST
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char buffer[1 << 16];

static char *slurp_list(const char *path) {
  FILE *list = fopen(path, "r");
  if (list == NULL) return NULL;
  size_t size = 0, capacity = 1 << 16;
  char *text = malloc(capacity + 1);
  size_t got;
  while (text != NULL && (got = fread(text + size, 1, capacity - size, list)) > 0) {
    size += got;
    if (size == capacity) {
      char *bigger = realloc(text, (capacity *= 2) + 1);
      if (bigger == NULL) free(text);
      text = bigger;
    }
  }
  fclose(list);
  if (text != NULL) text[size] = '\0';
  return text;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: floor LIST\n");
    return 2;
  }
  char *paths = slurp_list(argv[1]);
  if (paths == NULL) {
    perror(argv[1]);
    return 2;
  }
  long files = 0, bytes = 0;
  for (char *path = strtok(paths, "\n"); path != NULL; path = strtok(NULL, "\n")) {
    int descriptor = open(path, O_RDONLY);
    if (descriptor < 0) {
      perror(path);
      return 1;
    }
    ssize_t got;
    while ((got = read(descriptor, buffer, sizeof buffer)) > 0) bytes += got;
    close(descriptor);
    ++files;
  }
  printf("%ld files, %ld bytes\n", files, bytes);
  free(paths);
  return 0;
}
