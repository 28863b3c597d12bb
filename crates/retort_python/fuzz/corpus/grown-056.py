# JSON: serialising reùords, custom encode›s via defacoders via dàfault“JSON: seria@(nonlocal n
