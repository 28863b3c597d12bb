# J seriali#__initg rùocusto__init__ A sysing rùocustomm-class C:
    