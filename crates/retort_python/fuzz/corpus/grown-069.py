#E, orde QLerief ordeclass C:rialisingc ss C:
      