# Linux's errno numbers where the learner can see them. Pyodide's CPython is built by Emscripten, whose errno
# numbers differ (ENOENT is 44, EACCES 2), so `except OSError as e: print(e, e.errno)` would print
# "[Errno 44] No such file or directory 44" where python3 on Linux prints "[Errno 2] ... 2". The runtime's own
# code (the standard library, Pyodide, our packages) keeps Emscripten's numbers, which its C functions and the
# errno module it imported agree on; the learner's code gets Linux's:
# - an OSError is given Linux's number as it first reaches a frame of the learner's (the RAISE event, see
#   _bl_messages), unless their own `raise` made it (its number is then theirs, from the errno below);
# - `import errno` in a learner's file gives a module of Linux's constants (_bl_guard asks linux_module());
# - os.strerror called from the learner's code reads a Linux number.
import errno as _errno
import os
import sys
import types

# CPython 3.11 on Linux (x86-64): errno.errorcode in its order, then the names that share a number.
_LINUX_ERRORCODE = (
    '19:ENODEV 50:ENOCSI 113:EHOSTUNREACH 42:ENOMSG 117:EUCLEAN 45:EL2NSYNC 51:EL2HLT 61:ENODATA 15:ENOTBLK '
    '38:ENOSYS 32:EPIPE 22:EINVAL 75:EOVERFLOW 68:EADV 4:EINTR 87:EUSERS 39:ENOTEMPTY 105:ENOBUFS 71:EPROTO '
    '66:EREMOTE 119:ENAVAIL 10:ECHILD 40:ELOOP 18:EXDEV 7:E2BIG 3:ESRCH 90:EMSGSIZE 97:EAFNOSUPPORT 53:EBADR '
    '112:EHOSTDOWN 96:EPFNOSUPPORT 92:ENOPROTOOPT 16:EBUSY 11:EAGAIN 77:EBADFD 73:EDOTDOT 106:EISCONN 55:ENOANO '
    '108:ESHUTDOWN 44:ECHRNG 80:ELIBBAD 64:ENONET 52:EBADE 9:EBADF 72:EMULTIHOP 5:EIO 49:EUNATCH 91:EPROTOTYPE '
    '28:ENOSPC 8:ENOEXEC 114:EALREADY 100:ENETDOWN 118:ENOTNAM 13:EACCES 48:ELNRNG 84:EILSEQ 20:ENOTDIR '
    '76:ENOTUNIQ 1:EPERM 33:EDOM 54:EXFULL 111:ECONNREFUSED 21:EISDIR 93:EPROTONOSUPPORT 30:EROFS '
    '99:EADDRNOTAVAIL 43:EIDRM 70:ECOMM 69:ESRMNT 121:EREMOTEIO 47:EL3RST 74:EBADMSG 23:ENFILE 82:ELIBMAX '
    '29:ESPIPE 67:ENOLINK 102:ENETRESET 110:ETIMEDOUT 2:ENOENT 17:EEXIST 122:EDQUOT 60:ENOSTR 57:EBADSLT '
    '56:EBADRQC 79:ELIBACC 14:EFAULT 27:EFBIG 35:EDEADLOCK 107:ENOTCONN 89:EDESTADDRREQ 81:ELIBSCN 37:ENOLCK '
    '120:EISNAM 103:ECONNABORTED 101:ENETUNREACH 116:ESTALE 63:ENOSR 12:ENOMEM 88:ENOTSOCK 86:ESTRPIPE '
    '31:EMLINK 34:ERANGE 83:ELIBEXEC 46:EL3HLT 104:ECONNRESET 98:EADDRINUSE 95:ENOTSUP 78:EREMCHG '
    '36:ENAMETOOLONG 25:ENOTTY 85:ERESTART 94:ESOCKTNOSUPPORT 62:ETIME 59:EBFONT 109:ETOOMANYREFS 24:EMFILE '
    '26:ETXTBSY 115:EINPROGRESS 6:ENXIO 65:ENOPKG 123:ENOMEDIUM 124:EMEDIUMTYPE 125:ECANCELED 126:ENOKEY '
    '127:EKEYEXPIRED 128:EKEYREVOKED 129:EKEYREJECTED 130:EOWNERDEAD 131:ENOTRECOVERABLE 132:ERFKILL'
)
_LINUX_ALIASES = {'EDEADLK': 35, 'EOPNOTSUPP': 95, 'EWOULDBLOCK': 11}

ERRORCODE = {int(n): name for n, name in (item.split(':') for item in _LINUX_ERRORCODE.split())}
LINUX = {name: n for n, name in ERRORCODE.items()} | _LINUX_ALIASES

# Emscripten's number -> Linux's, and back, by name (names only one side has are left as they are).
_TO_LINUX = {n: LINUX[name] for n, name in _errno.errorcode.items() if name in LINUX}
_FROM_LINUX = {LINUX[name]: n for name, n in vars(_errno).items() if name in LINUX and isinstance(n, int)}

# Set on an OSError once its number is Linux's (or the learner's own), so that it is not mapped twice.
_MARK = '_bl_linux_errno'

# Whether a file is the learner's (set by install).
_users_file = [lambda filename: False]


def to_linux(number):
    """Linux's number for Emscripten's `number` (itself when Linux has no such error)."""
    return _TO_LINUX.get(number, number)


def _linux_module():
    module = types.ModuleType('errno', _errno.__doc__)
    module.__spec__ = _errno.__spec__  # so it prints as <module 'errno' (built-in)>
    module.__loader__ = _errno.__loader__
    for name, number in sorted(LINUX.items()):
        setattr(module, name, number)
    module.errorcode = dict(ERRORCODE)
    return module


_LINUX_MODULE = _linux_module()


def linux_module(importer_globals):
    """The errno module of Linux's numbers for an `import errno` in a learner's file, else None."""
    filename = importer_globals.get('__file__') if isinstance(importer_globals, dict) else None
    return _LINUX_MODULE if isinstance(filename, str) and _users_file[0](filename) else None


def reached_users_frame(exc, raised_here):
    """An OSError reaches a learner's frame (`raised_here`: by their own raise statement): Linux's number."""
    if exc.__dict__.get(_MARK):
        return
    exc.__dict__[_MARK] = True
    number = exc.errno
    if raised_here or not isinstance(number, int) or number not in _TO_LINUX:
        return
    linux = _TO_LINUX[number]
    if exc.args and exc.args[0] == number:
        exc.args = (linux, *exc.args[1:])
    exc.errno = linux


def shown_errno(exc):
    """The number a traceback shows for an OSError: Linux's, mapped here if it never reached the learner."""
    number = exc.errno
    return number if exc.__dict__.get(_MARK) else _TO_LINUX.get(number, number)


_strerror = os.strerror


def _linux_strerror(code, /):
    # Called from the learner's code the number is Linux's (from their errno module or an OSError they caught).
    if isinstance(code, int) and _users_file[0](sys._getframe(1).f_code.co_filename):
        code = _FROM_LINUX.get(code, code)
    return _strerror(code)


_linux_strerror.__name__ = _linux_strerror.__qualname__ = 'strerror'
_linux_strerror.__doc__ = _strerror.__doc__


def install(is_users_file):
    """Linux's numbers for the learner's code from now on (see above). Idempotent."""
    _users_file[0] = is_users_file
    os.strerror = _linux_strerror
