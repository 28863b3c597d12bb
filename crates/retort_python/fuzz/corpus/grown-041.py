# f-d+=stri conversiosions,88spns,88specs,is,in for i in range(3):
    