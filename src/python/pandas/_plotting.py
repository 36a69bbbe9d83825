"""Series.hist as pandas 1.5 draws it (pandas.plotting._matplotlib.hist.hist_series), on our matplotlib: into the
current figure's axes (a new figure when none is open), the values without their NaNs, the grid on; fast.ai's
lesson 5 looks at `df['Fare'].hist()` before taking the log."""

from ._unsupported import unsupported


def hist_series(
    self,
    by=None,
    ax=None,
    grid=True,
    xlabelsize=None,
    xrot=None,
    ylabelsize=None,
    yrot=None,
    figsize=None,
    bins=10,
    legend=False,
    **kwds,
):
    import matplotlib.pyplot as plt

    if by is not None or any(v is not None for v in (xlabelsize, xrot, ylabelsize, yrot)):
        raise unsupported('Series.hist with by, xlabelsize, xrot, ylabelsize or yrot')
    if legend and 'label' in kwds:
        raise ValueError('Cannot use both legend and label')
    if kwds.get('layout', None) is not None:
        raise ValueError("The 'layout' keyword is not supported when 'by' is None")
    fig = kwds.pop('figure', None) or (plt.gcf() if plt.get_fignums() else plt.figure(figsize=figsize))
    if figsize is not None and tuple(figsize) != tuple(fig.get_size_inches()):
        fig.set_size_inches(*figsize, forward=True)
    if ax is None:
        ax = fig.gca()
    values = self.dropna().to_numpy()
    if legend:
        kwds['label'] = self.name
    ax.hist(values, bins=bins, **kwds)
    if legend:
        ax.legend()
    ax.grid(grid)
    return ax
