# A container class: __len__, __getitem__, __setitem__, __delitem__, __iter__, __contains__, __reversed__.
class Playlist:
    def __init__(self, songs=()):
        self._songs = list(songs)

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(self._songs[index])
        return self._songs[index]

    def __setitem__(self, index, value):
        self._songs[index] = value

    def __delitem__(self, index):
        del self._songs[index]

    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self._songs)

    def __iter__(self):
        return iter(self._songs)

    def __reversed__(self):
        return reversed(self._songs)

    def __repr__(self):
        return f"Playlist({self._songs!r})"


p = Playlist(["Intro", "Verse", "Outro"])
print(len(p), p[0], p[-1], p[0:2], "verse" in p, "chorus" in p, list(reversed(p)), [s.upper() for s in p])
p[1] = "Chorus"
del p[0]
print(p, bool(p), bool(Playlist()), sorted(p), list(enumerate(p)))
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), [x for x in Squares() if x % 2])
