# super(raise .: vafrom typing import *
