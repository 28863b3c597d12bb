# __name__ guard, del of names, items and attributes.
def main():
    data = {"a": 1, "b": 2, "c": 3}
    del data["b"]
    items = [1, 2, 3, 4]
    del items[::2]

    class Obj:
        pass

    o = Obj()
    o.x = 1
    del o.x
    temp = "value"
    del temp
    try:
        print(temp)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    print(data, items, hasattr(o, "x"))


if __name__ == "__main__":
    print("running as", __name__)
    main()
name = "global"
del name
try:
    name
except NameError as e:
    print("NameError:", e)
