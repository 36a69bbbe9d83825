from .module import Module  # noqa: F401
from .linear import Linear, Identity  # noqa: F401
from .activation import *  # noqa: F401,F403
from .loss import *  # noqa: F401,F403
from .container import *  # noqa: F401,F403
