"""Retort's string constants and capwords."""

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


class Template:
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {}, **kws)
        return self._sub(values, True)

    def safe_substitute(self, mapping=None, /, **kws):
        values = dict(mapping or {}, **kws)
        return self._sub(values, False)

    def _sub(self, values, strict):
        out = []
        s = self.template
        i = 0
        while i < len(s):
            c = s[i]
            if c != "$":
                out.append(c)
                i += 1
                continue
            if s[i + 1:i + 2] == "$":
                out.append("$")
                i += 2
                continue
            braced = s[i + 1:i + 2] == "{"
            j = i + 2 if braced else i + 1
            k = j
            while k < len(s) and (s[k].isalnum() or s[k] == "_"):
                k += 1
            name = s[j:k]
            end = k + 1 if braced else k
            if name in values:
                out.append(str(values[name]))
            elif strict:
                raise KeyError(name)
            else:
                out.append(s[i:end])
            i = end
        return "".join(out)
