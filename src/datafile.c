/* Whole-file reads for data files. */
#include "datafile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

static ssize_t read_all(int fd, char *buf, size_t size)
{
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, buf + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

int datafile_read(const char *path, size_t max_bytes, char **text, size_t *len,
		  struct pact_err *err)
{
	struct stat st;
	ssize_t got;
	int e, fd = open(path, O_RDONLY | O_CLOEXEC);

	*text = NULL;
	if (fd < 0 || fstat(fd, &st) != 0) {
		e = errno;
		if (fd >= 0)
			close(fd);
		return err_set(err, PACT_EINPUT, "%s", strerror(e));
	}
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max_bytes) {
		close(fd);
		if (!S_ISREG(st.st_mode))
			return err_set(err, PACT_EINPUT, "%s", _("not a regular file"));
		return err_set(err, PACT_EINPUT, _("too large (more than %zu KiB)"), max_bytes / 1024);
	}
	if (!(*text = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return err_nomem(err);
	}
	got = read_all(fd, *text, (size_t)st.st_size);
	e = errno;
	close(fd);
	if (got < 0) {
		free(*text);
		*text = NULL;
		return err_set(err, PACT_EINPUT, "%s", strerror(e));
	}
	(*text)[got] = '\0';
	*len = (size_t)got;
	return PACT_OK;
}
