class RecordWriter:
    def __init__(self, logfile):
        self.logfile = logfile
