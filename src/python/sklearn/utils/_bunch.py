"""sklearn.utils.Bunch: a dict whose keys are also attributes (what load_iris() returns)."""


class Bunch(dict):
    def __init__(self, **kwargs):
        super().__init__(kwargs)

    def __setattr__(self, key, value):
        self[key] = value

    def __dir__(self):
        return self.keys()

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key)

    def __setstate__(self, state):
        pass


Bunch.__module__ = 'sklearn.utils'
