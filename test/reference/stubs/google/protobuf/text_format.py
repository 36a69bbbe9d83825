def MessageToString(message):
    return ""
