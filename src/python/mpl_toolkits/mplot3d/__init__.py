"""mpl_toolkits.mplot3d: `from mpl_toolkits.mplot3d import Axes3D` (importing it is what older matplotlib
needed before projection='3d' worked; the class lives in our matplotlib, src/python/matplotlib/_axes3d.py)."""

from matplotlib._axes3d import Axes3D

__all__ = ['Axes3D']
