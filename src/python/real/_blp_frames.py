"""Backprop Lens probe: what the learner's own file is doing, from Python's frames and tracebacks.

Only the learner's file means something to them: errors are reported with the traceback cut down to its
frames (as the built-in runtime's _bl_run.py does), pauses with the line they happened at, and tensors
trained without an nn.Module are named after the learner's variables.
"""

import os
import sys
import traceback


class UserFile:
    """The learner's file: `display` as the host named it (used in events), `code_name` the file name its
    code was compiled with (what frames and tracebacks carry)."""

    def __init__(self, display, code_name):
        self.display = display
        self.code_name = code_name
        self._real = os.path.realpath(code_name)
        self._owned = {code_name: True}
        # The file's globals once it has run (runpy's copy): its variables, for naming at the end of the run.
        self.final_globals = None

    def owns(self, filename):
        owned = self._owned.get(filename)
        if owned is None:
            owned = self._owned[filename] = os.path.realpath(filename) == self._real
        return owned

    def frames(self):
        """The frames executing the file, innermost first."""
        out = []
        frame = sys._getframe(1)
        while frame is not None:
            if self.owns(frame.f_code.co_filename):
                out.append(frame)
            frame = frame.f_back
        return out

    def position(self):
        """{file, line, column} of the innermost frame executing the file, or None."""
        frames = self.frames()
        if not frames:
            return None
        frame = frames[0]
        column = 1
        try:
            positions = list(frame.f_code.co_positions())  # Python 3.11+
            pos = positions[frame.f_lasti // 2]
            if pos[0] == frame.f_lineno and pos[2] is not None:
                column = pos[2] + 1
        except (AttributeError, IndexError, TypeError):
            pass
        return {'file': self.display, 'line': frame.f_lineno, 'column': column}

    def scopes(self):
        """The learner's variables: locals of the frames running the file, innermost first, then the file's
        module globals."""
        scopes = [frame.f_locals for frame in self.frames()]
        main = sys.modules.get('__main__')
        if main is not None:
            scopes.append(vars(main))
        if self.final_globals is not None:
            scopes.append(self.final_globals)
        return scopes

    def name_tensors(self, tensors, tensor_type):
        """The learner's variable names for these tensors (None where no variable holds one)."""
        names = [None] * len(tensors)
        for scope in self.scopes():
            for key, value in list(scope.items()):
                if key.startswith('_') or not isinstance(value, tensor_type):
                    continue
                for i, target in enumerate(tensors):
                    if names[i] is None and value is target:
                        names[i] = key
        return names

    def describe(self, exc):
        """The `error` fields for an exception the script raised: kind, message, pos, traceback."""
        if isinstance(exc, SyntaxError) and exc.filename and self.owns(exc.filename):
            text = ''.join(traceback.format_exception_only(type(exc), exc))
            line = exc.lineno
            pos = {'file': self.display, 'line': line, 'column': exc.offset or 1} if line else None
            return type(exc).__name__, exc.msg or str(exc), pos, text
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if self.owns(f.filename)]
        lines = []
        if frames:
            lines.append('Traceback (most recent call last):\n')
            lines.extend(traceback.StackSummary.from_list(frames).format())
        lines.extend(traceback.TracebackException(type(exc), exc, None).format_exception_only())
        pos = None
        if frames:
            last = frames[-1]
            pos = {'file': self.display, 'line': last.lineno, 'column': (getattr(last, 'colno', None) or 0) + 1}
        return type(exc).__name__, str(exc), pos, ''.join(lines)


def error_event(run_id, kind, message, pos, text):
    return {'type': 'error', 'runId': run_id, 'kind': kind, 'message': message, 'pos': pos, 'traceback': text}
