"""Runs a command on a pseudo-terminal, as a person's terminal would: the bytes on
this script's stdin are typed into it, what it writes comes out on this script's
stdout, and this script exits with its exit code. Tests drive the console through it
(python3's pty module needs nothing installed; node has no pseudo-terminal of its own).

    python3 terminal.py COLUMNS COMMAND [ARG...]
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios

columns = int(sys.argv[1])
pid, terminal = pty.fork()
if pid == 0:
    # The child's stdin is the terminal: size it before the program asks how wide it is.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    os.execvp(sys.argv[2], sys.argv[2:])

sources = [terminal, sys.stdin.fileno()]
while True:
    ready, _, _ = select.select(sources, [], [])
    if terminal in ready:
        try:
            shown = os.read(terminal, 65536)
        except OSError:  # EIO: the program has closed the terminal
            shown = b""
        if not shown:
            break
        os.write(sys.stdout.fileno(), shown)
    if sys.stdin.fileno() in ready:
        typed = os.read(sys.stdin.fileno(), 65536)
        if typed:
            os.write(terminal, typed)
        else:  # nothing more to type; the terminal stays open until the program leaves
            sources.remove(sys.stdin.fileno())

_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
