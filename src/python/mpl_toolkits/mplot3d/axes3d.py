"""mpl_toolkits.mplot3d.axes3d: the 3-D Axes (src/python/matplotlib/_axes3d.py)."""

from matplotlib._axes3d import Axes3D

__all__ = ['Axes3D']
