"""Backprop Lens' mpl_toolkits: mplot3d only (3-D Axes over our matplotlib, src/python/matplotlib)."""
