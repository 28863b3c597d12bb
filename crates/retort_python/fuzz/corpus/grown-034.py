# JSriaaON serilglobal gyiimport os
[x for x in y]