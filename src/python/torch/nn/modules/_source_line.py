"""Where in the learner's file a module was created, for findings about a layer (dead ReLUs, vanishing
gradients) shown at that line: `self.fc1 = nn.Linear(2, 4)`, or the `nn.Sequential(` item's line."""

import sys


def creation_line():
    """The line of the learner's file (the run's __main__) executing the code that creates the module whose
    Module.__init__ called this, or None (a module created by a library, or outside a run)."""
    main = sys.modules.get('__main__')
    filename = getattr(main, '__file__', None)
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == filename:
            return frame.f_lineno
        frame = frame.f_back
    return None
