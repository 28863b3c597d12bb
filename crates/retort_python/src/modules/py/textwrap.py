"""Retort's textwrap: wrap, fill, dedent, indent, shorten."""


def wrap(text, width=70, **kwargs):
    words = text.split()
    lines = []
    current = ""
    for w in words:
        if not current:
            current = w
        elif len(current) + 1 + len(w) <= width:
            current += " " + w
        else:
            lines.append(current)
            current = w
        while len(current) > width and kwargs.get("break_long_words", True):
            lines.append(current[:width])
            current = current[width:]
    if current:
        lines.append(current)
    return lines


def fill(text, width=70, **kwargs):
    return "\n".join(wrap(text, width, **kwargs))


def shorten(text, width, placeholder=" [...]"):
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    words = text.split()
    out = ""
    for w in words:
        candidate = (out + " " + w) if out else w
        if len(candidate) + len(placeholder) > width:
            break
        out = candidate
    return out + placeholder if out else placeholder.lstrip()


def dedent(text):
    lines = text.split("\n")
    margin = None
    for line in lines:
        stripped = line.lstrip()
        if not stripped:
            continue
        indent = line[: len(line) - len(stripped)]
        if margin is None:
            margin = indent
        else:
            while not indent.startswith(margin):
                margin = margin[:-1]
    if not margin:
        return "\n".join(l if l.strip() else "" for l in lines)
    return "\n".join(l[len(margin):] if l.strip() else "" for l in lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
