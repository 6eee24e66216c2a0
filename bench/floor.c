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

#include "slurp.h"

static char buffer[1 << 16];

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: floor LIST\n");
    return 2;
  }
  size_t size;
  char *paths = slurp(argv[1], &size);
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
