#ifndef RGMAP_DIRECT_IO_H
#define RGMAP_DIRECT_IO_H

/* Opens an existing file for writing with O_DIRECT (data bypasses the page cache);
   returns the descriptor, or -1 with errno set (e.g. EINVAL where the file system
   does not support it). O_DIRECT needs _GNU_SOURCE, which Swift cannot set. */
int rgmap_open_direct_write(const char *path);

#endif
