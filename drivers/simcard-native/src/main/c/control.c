/*
 * control.c - the simulator's control socket: the "far end" of every line.
 *
 * A Unix stream socket; each connection carries one request line and gets reply lines, the first
 * "OK", "OK <detail>" or "ERR <reason>", then the server closes it. One thread accepts; each
 * connection is served by a short-lived detached thread (at most SC_MAX_CONTROL_CLIENTS), so a
 * "capture" that takes seconds does not hold up other clients. Commands live in commands.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "card.h"
#include "commands.h"

#define REQUEST_MAX 1024         /* bytes in a request line, without its newline */
#define REQUEST_WAIT_MS 3000     /* a client that says nothing for this long is dropped */
#define REPLY_SEND_TIMEOUT_S 2

static void open_error(const card *c, const char *reason)
{
    fprintf(stderr, "simcard: control socket %s: %s\n", c->control_path, reason);
}

static struct sockaddr_un socket_address(const char *path)
{
    struct sockaddr_un address;
    memset(&address, 0, sizeof address);
    address.sun_family = AF_UNIX;
    size_t length = strnlen(path, sizeof address.sun_path - 1);   /* sc_open checked it fits */
    memcpy(address.sun_path, path, length);
    return address;
}

/* A socket file left by a process that died is removed; one something answers on is not ours. */
static int clear_stale_socket(const card *c)
{
    struct stat info;
    if (lstat(c->control_path, &info) != 0)
        return errno == ENOENT ? SC_OK : (open_error(c, strerror(errno)), SC_EIO);
    if (!S_ISSOCK(info.st_mode)) {
        open_error(c, "the path exists and is not a socket");
        return SC_EIO;
    }
    int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (probe < 0) {
        open_error(c, strerror(errno));
        return SC_EIO;
    }
    struct sockaddr_un address = socket_address(c->control_path);
    int connected = connect(probe, (struct sockaddr *)&address, sizeof address);
    int connect_errno = errno;
    close(probe);
    if (connected == 0) {
        open_error(c, "in use by another card");
        return SC_EIO;
    }
    if (connect_errno != ECONNREFUSED) {
        open_error(c, strerror(connect_errno));
        return SC_EIO;
    }
    if (unlink(c->control_path) != 0 && errno != ENOENT) {
        open_error(c, strerror(errno));
        return SC_EIO;
    }
    return SC_OK;
}

static int bind_and_listen(card *c)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        open_error(c, strerror(errno));
        return SC_EIO;
    }
    struct sockaddr_un address = socket_address(c->control_path);
    struct stat info;
    if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        open_error(c, strerror(errno));
        close(fd);
        return SC_EIO;
    }
    /* Only the appliance's own user may drive the lines. */
    if (chmod(c->control_path, 0600) != 0 || listen(fd, 16) != 0 || stat(c->control_path, &info) != 0) {
        open_error(c, strerror(errno));
        close(fd);
        unlink(c->control_path);
        return SC_EIO;
    }
    c->control_dev = info.st_dev;
    c->control_ino = info.st_ino;
    c->listen_fd = fd;
    return SC_OK;
}

int control_open(card *c)
{
    if (pipe2(c->wake_pipe, O_CLOEXEC) != 0) {
        c->wake_pipe[0] = c->wake_pipe[1] = -1;
        open_error(c, strerror(errno));
        return SC_EIO;
    }
    int rc = clear_stale_socket(c);
    return rc != SC_OK ? rc : bind_and_listen(c);
}

void control_close(card *c)
{
    if (c->listen_fd < 0)
        return;
    close(c->listen_fd);
    c->listen_fd = -1;
    /* Unlink only the socket we bound: another card may have taken the path since. */
    struct stat info;
    if (stat(c->control_path, &info) == 0 && info.st_dev == c->control_dev && info.st_ino == c->control_ino)
        unlink(c->control_path);
}

static long ms_until(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (long)(deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
    return ms < 0 ? 0 : ms;
}

/* Waits until fd is readable; false on timeout or when the card closes. */
static bool wait_readable(card *c, int fd, const struct timespec *deadline)
{
    for (;;) {
        struct pollfd fds[2] = {{.fd = fd, .events = POLLIN}, {.fd = c->wake_pipe[0], .events = POLLIN}};
        int n = poll(fds, 2, (int)ms_until(deadline));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || fds[1].revents != 0)
            return false;
        return true;
    }
}

typedef enum { REQUEST_LINE, REQUEST_TOO_LONG, REQUEST_NONE } request_result;

/* Reads one line (without its "\n" or "\r\n") into line, which holds REQUEST_MAX + 1 bytes. */
static request_result read_request(card *c, int fd, char *line)
{
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += REQUEST_WAIT_MS / 1000;
    size_t used = 0;
    char buffer[REQUEST_MAX + 2];
    for (;;) {
        char *newline = memchr(buffer, '\n', used);
        if (newline != NULL) {
            used = (size_t)(newline - buffer);
            break;
        }
        if (used > REQUEST_MAX)
            return REQUEST_TOO_LONG;
        if (!wait_readable(c, fd, &deadline))
            return REQUEST_NONE;
        ssize_t n = recv(fd, buffer + used, sizeof buffer - used, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (used == 0)
                return REQUEST_NONE;
            break;   /* a last line without a newline still counts */
        }
        used += (size_t)n;
    }
    if (used > 0 && buffer[used - 1] == '\r')
        used--;
    if (used > REQUEST_MAX)
        return REQUEST_TOO_LONG;
    memcpy(line, buffer, used);
    line[used] = '\0';
    return REQUEST_LINE;
}

static void send_all(int fd, const char *text, size_t length)
{
    while (length > 0) {
        ssize_t n = send(fd, text, length, MSG_NOSIGNAL);   /* a vanished client must not SIGPIPE the JVM */
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        text += n;
        length -= (size_t)n;
    }
}

typedef struct client {
    card *card;
    int fd;
} client;

static void serve(card *c, int fd)
{
    char line[REQUEST_MAX + 1];
    reply r;
    reply_init(&r);
    switch (read_request(c, fd, line)) {
    case REQUEST_LINE:
        commands_run(c, line, &r);
        break;
    case REQUEST_TOO_LONG:
        reply_line(&r, "ERR the request is longer than %d bytes", REQUEST_MAX);
        break;
    case REQUEST_NONE:
        reply_line(&r, "ERR no request within %d seconds", REQUEST_WAIT_MS / 1000);
        break;
    }
    if (r.failed)
        send_all(fd, "ERR out of memory\n", 18);
    else
        send_all(fd, r.text, r.length);
    reply_free(&r);
}

static void *client_main(void *arg)
{
    client *cl = arg;
    card *c = cl->card;
    int fd = cl->fd;
    free(cl);
    serve(c, fd);
    close(fd);
    pthread_mutex_lock(&c->lock);
    c->clients--;
    pthread_cond_broadcast(&c->clients_cond);
    pthread_mutex_unlock(&c->lock);
    handles_release(c);
    return NULL;
}

static bool start_client(card *c, int fd)
{
    client *cl = malloc(sizeof *cl);
    if (cl == NULL)
        return false;
    cl->card = c;
    cl->fd = fd;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    handles_retain(c);
    bool started = pthread_create(&thread, &attr, client_main, cl) == 0;
    pthread_attr_destroy(&attr);
    if (!started) {
        handles_release(c);
        free(cl);
    }
    return started;
}

/* Hands a new connection to a thread of its own, or turns it away. */
static void accept_client(card *c, int fd)
{
    struct timeval send_timeout = {.tv_sec = REPLY_SEND_TIMEOUT_S};
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
    pthread_mutex_lock(&c->lock);
    bool room = !c->closed && c->clients < SC_MAX_CONTROL_CLIENTS;
    if (room)
        c->clients++;
    pthread_mutex_unlock(&c->lock);
    if (room && start_client(c, fd))
        return;
    if (room) {
        pthread_mutex_lock(&c->lock);
        c->clients--;
        pthread_cond_broadcast(&c->clients_cond);
        pthread_mutex_unlock(&c->lock);
    }
    static const char busy[] = "ERR too many control clients at once; try again\n";
    send_all(fd, busy, sizeof busy - 1);
    close(fd);
}

void *control_thread_main(void *arg)
{
    card *c = arg;
    for (;;) {
        struct pollfd fds[2] = {{.fd = c->listen_fd, .events = POLLIN}, {.fd = c->wake_pipe[0], .events = POLLIN}};
        int n = poll(fds, 2, -1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || fds[1].revents != 0)
            return NULL;
        if (fds[0].revents == 0)
            continue;
        int fd = accept4(c->listen_fd, NULL, NULL, SOCK_CLOEXEC);
        if (fd >= 0) {
            accept_client(c, fd);
        } else if (errno == EMFILE || errno == ENFILE || errno == ENOMEM || errno == ENOBUFS) {
            /* Out of descriptors: the connection stays queued, so pause instead of spinning. */
            struct pollfd wake = {.fd = c->wake_pipe[0], .events = POLLIN};
            poll(&wake, 1, 100);
        }
    }
}
