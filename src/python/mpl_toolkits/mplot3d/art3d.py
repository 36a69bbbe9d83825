"""mpl_toolkits.mplot3d.art3d: the 3-D artists (src/python/matplotlib/_art3d.py), for isinstance checks."""

from matplotlib._art3d import Line3D, Line3DCollection, Path3DCollection, Poly3DCollection, Text3D

__all__ = ['Line3D', 'Line3DCollection', 'Path3DCollection', 'Poly3DCollection', 'Text3D']
