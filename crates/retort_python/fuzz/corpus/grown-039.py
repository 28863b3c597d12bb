#0		x [f-sõoraisothntax erroe .: vafrom typing import *
while True:
    break
__init__