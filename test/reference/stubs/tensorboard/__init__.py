"""Stand-in for TensorBoard (see _stand_in.py): reference generation only."""

__version__ = '2.11.0'
