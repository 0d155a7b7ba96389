#define _GNU_SOURCE
#include <fcntl.h>
#include "direct_io.h"

int rgmap_open_direct_write(const char *path) {
    return open(path, O_WRONLY | O_DIRECT | O_CLOEXEC);
}
